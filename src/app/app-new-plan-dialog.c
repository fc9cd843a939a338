/* app-new-plan-dialog.c — asks for the unit, fiscal year and kind of a new plan, then adds it
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-new-plan"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "app-new-plan-dialog.h"
#include "phaen-official.h"
#include "phaen-calendar.h"
#include "phaen-error.h"
#include "phaen-parse.h"
#include "phaen-thai-text.h"

struct _AppNewPlanDialog
{
  AdwMessageDialog parent_instance;

  AdwEntryRow *abbr_row;
  AdwEntryRow *name_row;
  AdwEntryRow *year_row;
  AdwComboRow *kind_row;
  AdwEntryRow *title_row;

  PhaenStore *store;
  int this_year;         /* the current fiscal year, B.E.: what "far from today" means */
  gboolean title_edited; /* the user typed a title: stop proposing one */
  gboolean proposing;
};

G_DEFINE_FINAL_TYPE (AppNewPlanDialog, app_new_plan_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum
{
  PLAN_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ helpers */

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* The row's text without surrounding white space. Returns: (transfer full) */
static char *
row_stripped (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (row_text (row)));
}

/* A B.E. year as typed, in Arabic or Thai digits, a Christian-era year read as its B.E.
 * (phaen_parse_fiscal_year()); 0 when it is not one. */
static int
typed_year (AppNewPlanDialog *self)
{
  int year = 0;

  if (!phaen_parse_fiscal_year (row_text (self->year_row), self->this_year, &year, NULL, NULL))
    return 0;
  return year;
}

/* The year row's title says how the year was read: a Christian-era year as its B.E., a year far
 * from today as a warning, anything else with the reason. */
static void
update_year_hint (AppNewPlanDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *hint = NULL;
  PhaenYearNote note = PHAEN_YEAR_AS_TYPED;
  GtkWidget *row = GTK_WIDGET (self->year_row);
  int year = 0;

  gtk_widget_remove_css_class (row, "warning");
  gtk_widget_remove_css_class (row, "error");
  if (!phaen_parse_fiscal_year (row_text (self->year_row), self->this_year, &year, &note, &error))
    {
      if (!phaen_text_is_blank (row_text (self->year_row)))
        {
          hint = g_strdup (error->message);
          gtk_widget_add_css_class (row, "error");
        }
    }
  else if (note == PHAEN_YEAR_FROM_CE)
    {
      hint =
        g_strdup_printf (_ ("Fiscal year B.E. %d (the Christian-era year typed plus 543)"), year);
      gtk_widget_add_css_class (row, "warning");
    }
  else if (note == PHAEN_YEAR_UNUSUAL)
    {
      hint = g_strdup_printf (_ ("B.E. %d is far from this year (%d): check it before creating"),
                              year, self->this_year);
      gtk_widget_add_css_class (row, "warning");
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->year_row),
                                 hint ? hint : _ ("Fiscal year (B.E.)"));
}

static void
propose_title (AppNewPlanDialog *self)
{
  g_autofree char *title = NULL;
  const char *unit = row_text (self->name_row);
  int year = typed_year (self);

  if (self->title_edited || unit[0] == '\0' || year == 0)
    return;
  /* The title of an official document: Thai, whatever the interface language. */
  title = phaen_official_plan_title ((PhaenPlanKind)adw_combo_row_get_selected (self->kind_row),
                                     unit, year);
  self->proposing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);
  self->proposing = FALSE;
}

static void
update_response (AppNewPlanDialog *self)
{
  g_autofree char *abbr = row_stripped (self->abbr_row);
  g_autofree char *name = row_stripped (self->name_row);
  g_autofree char *title = row_stripped (self->title_row);
  gboolean ok = abbr[0] != '\0' && name[0] != '\0' && title[0] != '\0' && typed_year (self) != 0;

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "create", ok);
}

/* ------------------------------------------------------------------ callbacks */

static void
inputs_changed_cb (AppNewPlanDialog *self)
{
  update_year_hint (self);
  propose_title (self);
  update_response (self);
}

static void
abbr_changed_cb (AppNewPlanDialog *self)
{
  g_autoptr (PhaenUnit) unit = NULL;

  if (self->store != NULL)
    unit = phaen_store_find_unit (self->store, row_text (self->abbr_row), NULL);
  /* An existing unit keeps its name: the plan joins it. */
  if (unit != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), unit->name);
  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), unit == NULL);
  inputs_changed_cb (self);
}

static void
title_changed_cb (AppNewPlanDialog *self)
{
  if (!self->proposing)
    self->title_edited = row_text (self->title_row)[0] != '\0';
  update_response (self);
}

/* ------------------------------------------------------------------ overrides */

static void
app_new_plan_dialog_response (AdwMessageDialog *dialog, const char *response)
{
  AppNewPlanDialog *self = APP_NEW_PLAN_DIALOG (dialog);

  if (g_str_equal (response, "create"))
    {
      g_autoptr (GError) error = NULL;

      if (app_new_plan_dialog_create (self, &error) == 0)
        {
          GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
          GtkWidget *failed =
            adw_message_dialog_new (parent, _ ("The plan could not be added"), error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (failed), "close", _ ("_Close"));
          gtk_window_present (GTK_WINDOW (failed));
        }
    }
  /* AdwMessageDialog 1.2 has no default handler to chain up to. */
  if (ADW_MESSAGE_DIALOG_CLASS (app_new_plan_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (app_new_plan_dialog_parent_class)->response (dialog, response);
}

static void
app_new_plan_dialog_dispose (GObject *object)
{
  AppNewPlanDialog *self = APP_NEW_PLAN_DIALOG (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (app_new_plan_dialog_parent_class)->dispose (object);
}

static void
app_new_plan_dialog_class_init (AppNewPlanDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = app_new_plan_dialog_dispose;
  dialog_class->response = app_new_plan_dialog_response;

  signals[PLAN_CREATED] =
    g_signal_new ("plan-created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/phaen/Phaen/ui/app-new-plan-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AppNewPlanDialog, abbr_row);
  gtk_widget_class_bind_template_child (widget_class, AppNewPlanDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, AppNewPlanDialog, year_row);
  gtk_widget_class_bind_template_child (widget_class, AppNewPlanDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, AppNewPlanDialog, title_row);
  gtk_widget_class_bind_template_callback (widget_class, abbr_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, inputs_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);
}

static void
app_new_plan_dialog_init (AppNewPlanDialog *self)
{
  g_autoptr (GDate) today = g_date_new ();

  g_date_set_time_t (today, time (NULL));
  self->this_year = phaen_fiscal_year_of_date (today);
  gtk_widget_init_template (GTK_WIDGET (self));
  update_response (self);
}

/* ------------------------------------------------------------------ public API */

AppNewPlanDialog *
app_new_plan_dialog_new (GtkWindow *parent, PhaenStore *store, gint64 unit_id)
{
  AppNewPlanDialog *self;
  g_autoptr (GDate) today = g_date_new ();
  g_autofree char *year = NULL;

  g_return_val_if_fail (PHAEN_IS_STORE (store), NULL);

  self = g_object_new (APP_TYPE_NEW_PLAN_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);

  g_date_set_time_t (today, time (NULL));
  self->this_year = phaen_fiscal_year_of_date (today);
  year = g_strdup_printf ("%d", phaen_fiscal_year_of_date (today));
  gtk_editable_set_text (GTK_EDITABLE (self->year_row), year);
  if (unit_id != 0)
    {
      g_autoptr (PhaenUnit) unit = phaen_store_get_unit (store, unit_id, NULL);

      if (unit != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->abbr_row), unit->abbr);
    }
  return self;
}

gint64
app_new_plan_dialog_create (AppNewPlanDialog *self, GError **error)
{
  g_autofree char *abbr = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autoptr (PhaenUnit) unit = NULL;
  g_autoptr (GArray) years = NULL;
  gint64 unit_id, plan_id = 0;
  int year;
  gboolean has_year = FALSE;

  g_return_val_if_fail (APP_IS_NEW_PLAN_DIALOG (self), 0);

  abbr = row_stripped (self->abbr_row);
  name = row_stripped (self->name_row);
  title = row_stripped (self->title_row);
  year = typed_year (self);
  if (abbr[0] == '\0' || year == 0)
    {
      g_set_error_literal (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                           _ ("Give the unit and a fiscal year in B.E., such as 2564."));
      return 0;
    }

  if (!phaen_store_begin (self->store, _ ("New Plan"), error))
    return 0;
  unit = phaen_store_find_unit (self->store, abbr, NULL);
  unit_id = unit != NULL ? unit->id : phaen_store_add_unit (self->store, abbr, name, 0, error);
  years = unit_id > 0 ? phaen_store_list_fiscal_years (self->store, error) : NULL;
  for (guint i = 0; years != NULL && i < years->len; i++)
    has_year = has_year || g_array_index (years, int, i) == year;
  if (years != NULL && (has_year || phaen_store_add_fiscal_year (self->store, year, error)))
    plan_id = phaen_store_add_plan (self->store, unit_id, year,
                                    adw_combo_row_get_selected (self->kind_row), title, error);
  if (plan_id <= 0 || !phaen_store_commit (self->store, error))
    {
      phaen_store_rollback (self->store);
      return 0;
    }
  g_signal_emit (self, signals[PLAN_CREATED], 0, plan_id);
  return plan_id;
}
