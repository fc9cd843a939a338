/* app-plan-page.c — a plan: its grid or Gantt chart, its text sections, print and export
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-plan-page"

#include "config.h"

#include <glib/gi18n.h>

#include "app-application.h"
#include "app-autosave.h"
#include "app-export.h"
#include "app-gantt-view.h"
#include "app-plan-grid.h"
#include "app-plan-page.h"
#include "app-shortcuts.h"
#include "phaen-plan-document.h"
#include "app-page-refresh.h"
#include "phaen-chart-file.h"
#include "phaen-xlsx.h"

typedef struct
{
  const char *key;
  const char *label; /* N_() */
  PhaenPlanKind kind;
} SectionInfo;

/* DOMAIN.md §3a items 1–7 (6 is the grid) and the strategy and goal of §3b. */
static const SectionInfo section_infos[] = {
  { PHAEN_SECTION_PROCESS, N_ ("1. Process to improve"), PHAEN_PLAN_PROCESS },
  { PHAEN_SECTION_CUSTOMERS, N_ ("2. Key requirements: service recipients"), PHAEN_PLAN_PROCESS },
  { PHAEN_SECTION_STAKEHOLDERS, N_ ("2. Key requirements: stakeholders"), PHAEN_PLAN_PROCESS },
  { PHAEN_SECTION_INDICATOR, N_ ("3. Indicator"), PHAEN_PLAN_PROCESS },
  { PHAEN_SECTION_CRITERIA, N_ ("3. Measurement and criteria"), PHAEN_PLAN_PROCESS },
  { PHAEN_SECTION_DIGITAL, N_ ("4. Use of digital technology in the process"), PHAEN_PLAN_PROCESS },
  { PHAEN_SECTION_STEPS, N_ ("5. Ways to cut work steps"), PHAEN_PLAN_PROCESS },
  { PHAEN_SECTION_EXPECTED, N_ ("7. Expected results"), PHAEN_PLAN_PROCESS },
  { PHAEN_SECTION_STRATEGY, N_ ("Strategic issue"), PHAEN_PLAN_ACTION },
  { PHAEN_SECTION_GOAL, N_ ("Goal"), PHAEN_PLAN_ACTION },
};

typedef struct
{
  AppPlanPage *page;
  const SectionInfo *info;
  GtkWidget *heading;
  GtkTextView *view;
  AppAutosave *autosave; /* saves APP_AUTOSAVE_DELAY_MS after typing stops */
  gboolean dirty;        /* typed since the last save */
} Section;

struct _AppPlanPage
{
  AdwBin parent_instance;

  AppPageRefresh *refresh; /* follows "changed" while the page is on screen */

  GtkWidget *grid;
  GtkWidget *gantt;
  AdwViewStack *view_stack;
  GtkWidget *sections_box;
  GtkWidget *grid_tools;
  GtkEntry *title_entry;
  AppAutosave *title_autosave;
  GtkSpinButton *extra_months_spin;
  GtkWidget *busy_box;
  GtkSpinner *busy_spinner;
  GtkLabel *busy_label;

  GSettings *settings; /* the side panel and the grid's density, remembered */

  PhaenStore *store;
  gint64 plan_id;
  PhaenPlan *plan;
  Section sections[G_N_ELEMENTS (section_infos)];
  char *tool;
  GCancellable *cancellable;
  guint busy : 1;
  guint loading : 1; /* the page itself is writing into the editors */
};

G_DEFINE_FINAL_TYPE (AppPlanPage, app_plan_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_TOOL,
  PROP_VIEW,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ helpers */

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
section_save (Section *section)
{
  AppPlanPage *self = section->page;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  app_autosave_cancel (section->autosave);
  if (!section->dirty || self->store == NULL || self->plan_id == 0)
    return;
  section->dirty = FALSE;
  text = buffer_text (section->view);
  if (!phaen_store_set_plan_section (self->store, self->plan_id, section->info->key, text, &error))
    app_toast (GTK_WIDGET (self), error->message);
}

/* Whether the title entry already says @title: a title being typed keeps its spaces and its
 * cursor when the save of a pause comes back. */
static gboolean
title_shows (AppPlanPage *self, const char *title)
{
  g_autofree char *shown = NULL;

  if (!app_autosave_is_typing (GTK_WIDGET (self->title_entry)))
    return g_str_equal (gtk_editable_get_text (GTK_EDITABLE (self->title_entry)), title);
  shown = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_entry))));
  return g_str_equal (shown, title);
}

/* Brings the editors, the title and the tools in line with the store (after an undo, say);
 * an editor with unsaved typing keeps it. */
static void
reload (AppPlanPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenPlan) plan = NULL;

  if (self->store == NULL || self->plan_id == 0)
    return;
  plan = phaen_store_get_plan (self->store, self->plan_id, &error);
  if (plan == NULL)
    {
      /* The plan went away (an undo of its creation): the window moves elsewhere. */
      return;
    }

  self->loading = TRUE;
  if (!title_shows (self, plan->title))
    gtk_editable_set_text (GTK_EDITABLE (self->title_entry), plan->title);
  gtk_spin_button_set_value (self->extra_months_spin, plan->extra_months);

  for (guint i = 0; i < G_N_ELEMENTS (self->sections); i++)
    {
      Section *section = &self->sections[i];
      g_autofree char *stored = NULL;
      g_autofree char *shown = NULL;
      gboolean wanted = section->info->kind == plan->kind;

      gtk_widget_set_visible (section->heading, wanted);
      gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (section->view)), wanted);
      if (!wanted || section->dirty)
        continue;
      stored =
        phaen_store_get_plan_section (self->store, self->plan_id, section->info->key, &error);
      if (stored == NULL)
        {
          app_toast (GTK_WIDGET (self), error->message);
          g_clear_error (&error);
          continue;
        }
      shown = buffer_text (section->view);
      if (!g_str_equal (stored, shown))
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (section->view), stored, -1);
    }
  self->loading = FALSE;

  g_clear_pointer (&self->plan, phaen_plan_free);
  self->plan = g_steal_pointer (&plan);
}

static void
set_busy (AppPlanPage *self, const char *label)
{
  self->busy = label != NULL;
  gtk_widget_set_visible (self->busy_box, self->busy);
  gtk_spinner_set_spinning (self->busy_spinner, self->busy);
  gtk_label_set_text (self->busy_label, label != NULL ? label : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.export-xlsx", !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.export-pdf", !self->busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
set_tool (AppPlanPage *self, const char *tool)
{
  if (g_strcmp0 (self->tool, tool) == 0)
    return;
  g_free (self->tool);
  self->tool = g_strdup (tool);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOOL]);
}

/* A file name from the plan's title, without characters that file systems refuse. */
static char *
suggested_name (AppPlanPage *self, const char *extension)
{
  g_autofree char *base = g_strdup (self->plan != NULL ? self->plan->title : _ ("Plan"));

  g_strdelimit (base, "/\\:*?\"<>|", '-');
  return g_strconcat (base, extension, NULL);
}

/* The folder of the workspace file: exports and printouts go beside it, not into whatever
 * folder Phaen was started from. Returns: (transfer full) */
static GFile *
workspace_folder (AppPlanPage *self)
{
  g_autoptr (GFile) file = g_file_new_for_path (phaen_store_get_path (self->store));

  return g_file_get_parent (file);
}

/* ------------------------------------------------------------------ callbacks */

static void
section_autosave_cb (gpointer user_data)
{
  section_save (user_data);
}

static void
section_changed_cb (GtkTextBuffer *buffer, Section *section)
{
  if (section->page->loading)
    return;
  section->dirty = TRUE;
  app_autosave_changed (section->autosave);
}

static void
section_focus_leave_cb (GtkEventControllerFocus *controller, Section *section)
{
  section_save (section);
}

static void
grid_message_cb (GtkWidget *grid, const char *text, AppPlanPage *self)
{
  app_toast (GTK_WIDGET (self), text);
}

/* A deleted activity: the toast offers Undo. */
static void
grid_undoable_message_cb (GtkWidget *grid, const char *text, AppPlanPage *self)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    {
      app_toast (GTK_WIDGET (self), text);
      return;
    }
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _ ("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
title_activate_cb (AppPlanPage *self)
{
  g_autofree char *title =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_entry))));
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenPlan) plan = NULL;

  app_autosave_cancel (self->title_autosave);
  if (self->plan == NULL || g_str_equal (title, self->plan->title))
    return;
  plan = phaen_plan_copy (self->plan);
  g_free (plan->title);
  plan->title = g_steal_pointer (&title);
  if (!phaen_store_update_plan (self->store, plan, &error))
    {
      app_toast (GTK_WIDGET (self), error->message);
      gtk_editable_set_text (GTK_EDITABLE (self->title_entry), self->plan->title);
    }
}

static void
title_focus_leave_cb (GtkEventControllerFocus *controller, AppPlanPage *self)
{
  title_activate_cb (self);
}

static void
title_changed_cb (AppPlanPage *self)
{
  if (!self->loading && self->plan != NULL)
    app_autosave_changed (self->title_autosave);
}

/* A pause in typing saves the title, unless it is empty for now: Enter or leaving the entry says
 * that a plan needs one. */
static void
title_autosave_cb (gpointer user_data)
{
  AppPlanPage *self = user_data;
  g_autofree char *title =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_entry))));

  if (title[0] != '\0')
    title_activate_cb (self);
}

/* DOMAIN.md §2: a plan may run months into the next fiscal year (seed 000's activity 7). */
static void
extra_months_changed_cb (AppPlanPage *self)
{
  int months = gtk_spin_button_get_value_as_int (self->extra_months_spin);
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenPlan) plan = NULL;

  if (self->loading || self->plan == NULL || months == self->plan->extra_months)
    return;
  plan = phaen_plan_copy (self->plan);
  plan->extra_months = months;
  if (!phaen_store_update_plan (self->store, plan, &error))
    {
      app_toast (GTK_WIDGET (self), error->message);
      self->loading = TRUE;
      gtk_spin_button_set_value (self->extra_months_spin, self->plan->extra_months);
      self->loading = FALSE;
    }
}

static void
view_changed_cb (AppPlanPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

static void
xlsx_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (AppPlanPage) self = user_data;
  g_autoptr (GError) error = NULL;

  set_busy (self, NULL);
  phaen_xlsx_export_finish (result, &error);
  app_export_report (GTK_WIDGET (self), error, _ ("The XLSX workbook is written."));
}

static void
export_xlsx (AppPlanPage *self, const char *path, const AppExportOptions *export_options)
{
  PhaenXlsxOptions options;

  phaen_xlsx_options_init (&options, self->plan->kind == PHAEN_PLAN_EFFICIENCY
                                       ? PHAEN_XLSX_FORM_EFFICIENCY
                                       : PHAEN_XLSX_FORM_PLAN);
  options.unit_id = self->plan->unit_id;
  options.fiscal_year = self->plan->fiscal_year;
  options.plan_id = self->plan->id;
  options.thai_digits = export_options->thai_digits;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_busy (self, _ ("Exporting XLSX…"));
  phaen_xlsx_export_async (phaen_store_get_path (self->store), &options, path, self->cancellable,
                           xlsx_done_cb, g_object_ref (self));
}

static void
export_to (GtkWidget *widget, GFile *file, const AppExportOptions *options)
{
  app_plan_page_export_with_options (APP_PLAN_PAGE (widget), file, options);
}

/* A PDF export runs wholly in a worker thread: its own read-only connection reads the plan, and
 * the document or chart lays out text with the thread's own Pango font map. A document made on
 * the main thread would lay out with the window's font map from the worker while GTK draws with
 * it: that race corrupted Pango's font caches now and then (test-app, /app/plan/export). */
typedef struct
{
  char *workspace;
  gint64 plan_id;
  AppExportOptions options;
  char *path;
} PdfJob;

static void
pdf_job_free (PdfJob *job)
{
  g_free (job->workspace);
  g_free (job->path);
  g_free (job);
}

static gboolean
write_document (PhaenStore *store, const PdfJob *job, GError **error)
{
  g_autoptr (PhaenPlanDocument) document = phaen_plan_document_new (store, job->plan_id, error);
  PhaenPageSetup page;

  if (document == NULL)
    return FALSE;
  phaen_plan_document_set_thai_digits (document, job->options.thai_digits);
  phaen_page_setup_init_oriented (&page, job->options.paper, job->options.orientation);
  return phaen_plan_document_write_pdf (document, job->path, &page, error);
}

static gboolean
write_chart (PhaenStore *store, const PdfJob *job, GError **error)
{
  g_autoptr (PhaenGantt) chart = phaen_gantt_new (store, job->plan_id, error);
  PhaenChartFileOptions options;
  PhaenPageSetup page;

  if (chart == NULL)
    return FALSE;
  phaen_gantt_set_thai_digits (chart, job->options.thai_digits);
  phaen_chart_file_options_init (&options);
  phaen_page_setup_init_oriented (&page, job->options.paper, job->options.orientation);
  options.paper = job->options.paper;
  if (job->options.orientation == PHAEN_ORIENTATION_PORTRAIT)
    {
      options.width = page.width;
      options.height = page.height;
    }
  return phaen_gantt_write_file (chart, job->path, &options, error);
}

static void
pdf_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  PdfJob *job = task_data;
  g_autoptr (PhaenStore) store = NULL;
  GError *error = NULL;
  gboolean ok;

  store = phaen_store_open_read_only (job->workspace, &error);
  ok = store != NULL && (job->options.gantt ? write_chart (store, job, &error)
                                            : write_document (store, job, &error));
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
pdf_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AppPlanPage *self = APP_PLAN_PAGE (source);
  g_autoptr (GError) error = NULL;

  set_busy (self, NULL);
  g_task_propagate_boolean (G_TASK (result), &error);
  app_export_report (GTK_WIDGET (self), error, _ ("The PDF is written."));
}

static void
export_pdf (AppPlanPage *self, const char *path, const AppExportOptions *options)
{
  g_autoptr (GTask) task = NULL;
  PdfJob *job = g_new0 (PdfJob, 1);

  job->workspace = g_strdup (phaen_store_get_path (self->store));
  job->plan_id = self->plan_id;
  job->options = *options;
  job->path = g_strdup (path);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_busy (self, _ ("Exporting PDF…"));
  task = g_task_new (self, self->cancellable, pdf_done_cb, NULL);
  g_task_set_source_tag (task, export_pdf);
  g_task_set_task_data (task, job, (GDestroyNotify)pdf_job_free);
  g_task_run_in_thread (task, pdf_thread);
}

/* One print job: the plan document is made when printing begins, for the sheet chosen in the
 * print dialog (A3 scales it up, portrait lays it out again). */
typedef struct
{
  PhaenStore *store;
  gint64 plan_id;
  PhaenPlanDocument *document;
  PhaenPageSetup setup;
  gboolean thai_digits;
  GtkCheckButton *digits_check; /* the print dialog's tab, while it is shown */
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->store);
  g_clear_pointer (&job->document, phaen_plan_document_free);
  g_free (job);
}

/* The print dialog's own tab: Thai digits (paper and orientation are GTK's page setup). */
static GObject *
create_custom_widget_cb (GtkPrintOperation *operation, PrintJob *job)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  job->digits_check =
    /* Thai on purpose: the digits themselves, as they will print. */
    GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_ ("_Thai digits (๐๑๒๓)")));
  gtk_check_button_set_active (job->digits_check, job->thai_digits);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (job->digits_check));
  return G_OBJECT (box);
}

static void
custom_widget_apply_cb (GtkPrintOperation *operation, GtkWidget *widget, PrintJob *job)
{
  if (job->digits_check != NULL)
    job->thai_digits = gtk_check_button_get_active (job->digits_check);
  job->digits_check = NULL;
}

static void
begin_print_cb (GtkPrintOperation *operation, GtkPrintContext *context, PrintJob *job)
{
  g_autoptr (GError) error = NULL;

  job->document = phaen_plan_document_new (job->store, job->plan_id, &error);
  if (job->document == NULL)
    {
      gtk_print_operation_cancel (operation);
      return;
    }
  phaen_plan_document_set_thai_digits (job->document, job->thai_digits);
  /* The sheet the user chose: the same pages as the PDF on A4/A3. */
  phaen_page_setup_init (&job->setup, PHAEN_PAPER_A4);
  job->setup.width = gtk_print_context_get_width (context);
  job->setup.height = gtk_print_context_get_height (context);
  gtk_print_operation_set_n_pages (operation,
                                   phaen_plan_document_get_n_pages (job->document, &job->setup));
}

static void
draw_page_cb (GtkPrintOperation *operation, GtkPrintContext *context, int page_nr, PrintJob *job)
{
  phaen_plan_document_draw_page (job->document, gtk_print_context_get_cairo_context (context),
                                 &job->setup, page_nr);
}

static void
print_done_cb (GtkPrintOperation *operation, GtkPrintOperationResult result, AppPlanPage *self)
{
  g_autoptr (GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      app_toast (GTK_WIDGET (self), error->message);
    }
}

/* ------------------------------------------------------------------ actions */

/* Shift+F9 and Ctrl+Shift+C: the same settings the toolbar's toggles show. */
static void
toggle_setting_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  AppPlanPage *self = APP_PLAN_PAGE (widget);
  const char *key =
    g_str_equal (action_name, "plan.toggle-sections") ? "plan-sections-visible" : "grid-compact";

  g_settings_set_boolean (self->settings, key, !g_settings_get_boolean (self->settings, key));
}

/* The print dialog asks the printing system for its printers, which takes seconds: the busy
 * indicator shows first, and the dialog opens once it has been drawn. */
static gboolean
print_tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  AppPlanPage *self = APP_PLAN_PAGE (widget);
  g_autoptr (GtkPrintOperation) operation = NULL;
  g_autoptr (GError) error = NULL;

  /* The first frame draws the spinner; the dialog opens on the next. */
  if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self), "print-frames")) < 1)
    {
      g_object_set_data (G_OBJECT (self), "print-frames", GUINT_TO_POINTER (1));
      return G_SOURCE_CONTINUE;
    }
  g_object_set_data (G_OBJECT (self), "print-frames", NULL);
  operation = app_plan_page_new_print_operation (self);
  if (operation != NULL)
    {
      /* GTK's print dialog offers the preview. */
      gtk_print_operation_set_allow_async (operation, TRUE);
      if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                   GTK_WINDOW (gtk_widget_get_root (widget)),
                                   &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
        app_toast (GTK_WIDGET (self), error->message);
    }
  set_busy (self, NULL);
  return G_SOURCE_REMOVE;
}

static void
print_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  AppPlanPage *self = APP_PLAN_PAGE (widget);

  if (self->busy || self->plan == NULL)
    return;
  set_busy (self, _ ("Opening the print dialog…"));
  gtk_widget_add_tick_callback (widget, print_tick_cb, NULL, NULL);
}

static void
forward_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  AppPlanPage *self = APP_PLAN_PAGE (widget);
  /* plan.add-activity → grid.add-activity */
  g_autofree char *grid_action = g_strconcat ("grid", strchr (action_name, '.'), NULL);

  if (self->plan_id != 0)
    gtk_widget_activate_action_variant (self->grid, grid_action, NULL);
}

/* Asks where to write the plan, offering a file named after it beside the workspace. */
static void
choose_export (AppPlanPage *self, AppExportFormat format, const char *extension)
{
  g_autoptr (GFile) folder = NULL;
  g_autofree char *name = NULL;

  if (self->plan == NULL || self->busy)
    return;
  app_plan_page_flush (self);
  name = suggested_name (self, extension);
  folder = workspace_folder (self);
  app_export_choose_with_options (GTK_WIDGET (self), format, TRUE, name, folder, export_to);
}

static void
export_xlsx_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  choose_export (APP_PLAN_PAGE (widget), APP_EXPORT_XLSX, ".xlsx");
}

static void
export_pdf_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  choose_export (APP_PLAN_PAGE (widget), APP_EXPORT_PDF, ".pdf");
}

/* ------------------------------------------------------------------ sections */

static void
build_sections (AppPlanPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (section_infos); i++)
    {
      Section *section = &self->sections[i];
      GtkWidget *frame = gtk_frame_new (NULL);
      GtkEventController *focus = gtk_event_controller_focus_new ();

      section->page = self;
      section->autosave = app_autosave_new (section_autosave_cb, section);
      section->info = &section_infos[i];
      section->heading = gtk_label_new (_ (section->info->label));
      gtk_label_set_xalign (GTK_LABEL (section->heading), 0);
      gtk_label_set_wrap (GTK_LABEL (section->heading), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (section->heading), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (section->heading, "heading");
      gtk_widget_set_margin_top (section->heading, 12);

      section->view = GTK_TEXT_VIEW (gtk_text_view_new ());
      gtk_text_view_set_wrap_mode (section->view, GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_accepts_tab (section->view, FALSE);
      gtk_text_view_set_top_margin (section->view, 6);
      gtk_text_view_set_bottom_margin (section->view, 6);
      gtk_text_view_set_left_margin (section->view, 8);
      gtk_text_view_set_right_margin (section->view, 8);
      /* Undo belongs to the workspace (win.undo): a text edit is one of its steps. */
      gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (section->view), FALSE);
      gtk_widget_add_css_class (GTK_WIDGET (section->view), "section-text");
      gtk_accessible_update_relation (GTK_ACCESSIBLE (section->view),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, section->heading, NULL,
                                      -1);
      g_signal_connect (gtk_text_view_get_buffer (section->view), "changed",
                        G_CALLBACK (section_changed_cb), section);
      g_signal_connect (focus, "leave", G_CALLBACK (section_focus_leave_cb), section);
      gtk_widget_add_controller (GTK_WIDGET (section->view), focus);

      gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (section->view));
      gtk_box_append (GTK_BOX (self->sections_box), section->heading);
      gtk_box_append (GTK_BOX (self->sections_box), frame);
    }
}

static void
refresh_cb (GtkWidget *page)
{
  reload (APP_PLAN_PAGE (page));
}

/* ------------------------------------------------------------------ overrides */

static void
app_plan_page_dispose (GObject *object)
{
  AppPlanPage *self = APP_PLAN_PAGE (object);

  app_plan_page_set_plan (self, NULL, 0);
  for (guint i = 0; i < G_N_ELEMENTS (self->sections); i++)
    g_clear_pointer (&self->sections[i].autosave, app_autosave_free);
  g_clear_pointer (&self->title_autosave, app_autosave_free);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  /* No gtk_widget_dispose_template(): the Adwaita parent drops its children itself, and
   * GTK 4.8 would dispose them a second time (gtk#5834). */
  g_clear_pointer (&self->refresh, app_page_refresh_free);
  G_OBJECT_CLASS (app_plan_page_parent_class)->dispose (object);
}

static void
app_plan_page_finalize (GObject *object)
{
  AppPlanPage *self = APP_PLAN_PAGE (object);

  g_free (self->tool);
  G_OBJECT_CLASS (app_plan_page_parent_class)->finalize (object);
}

static void
app_plan_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  AppPlanPage *self = APP_PLAN_PAGE (object);

  switch (prop_id)
    {
    case PROP_TOOL:
      g_value_set_string (value, self->tool);
      break;
    case PROP_VIEW:
      g_value_set_string (value, adw_view_stack_get_visible_child_name (self->view_stack));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
app_plan_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  AppPlanPage *self = APP_PLAN_PAGE (object);

  switch (prop_id)
    {
    case PROP_TOOL:
      set_tool (self, g_value_get_string (value));
      break;
    case PROP_VIEW:
      adw_view_stack_set_visible_child_name (self->view_stack, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
app_plan_page_class_init (AppPlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char *const forwarded[] = {
    "plan.add-activity", "plan.delete-activity", "plan.move-up",
    "plan.move-down",    "plan.indent",          "plan.outdent",
  };

  object_class->dispose = app_plan_page_dispose;
  object_class->finalize = app_plan_page_finalize;
  object_class->get_property = app_plan_page_get_property;
  object_class->set_property = app_plan_page_set_property;

  properties[PROP_TOOL] =
    g_param_spec_string ("tool", NULL, NULL, "planned",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL, "grid",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] = g_param_spec_boolean (
    "busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (APP_TYPE_PLAN_GRID);
  g_type_ensure (APP_TYPE_GANTT_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/phaen/Phaen/ui/app-plan-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AppPlanPage, grid);
  gtk_widget_class_bind_template_child (widget_class, AppPlanPage, gantt);
  gtk_widget_class_bind_template_child (widget_class, AppPlanPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AppPlanPage, sections_box);
  gtk_widget_class_bind_template_child (widget_class, AppPlanPage, grid_tools);
  gtk_widget_class_bind_template_child (widget_class, AppPlanPage, title_entry);
  gtk_widget_class_bind_template_child (widget_class, AppPlanPage, extra_months_spin);
  gtk_widget_class_bind_template_child (widget_class, AppPlanPage, busy_box);
  gtk_widget_class_bind_template_child (widget_class, AppPlanPage, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, AppPlanPage, busy_label);
  gtk_widget_class_bind_template_callback (widget_class, grid_message_cb);
  gtk_widget_class_bind_template_callback (widget_class, grid_undoable_message_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, extra_months_changed_cb);

  for (guint i = 0; i < G_N_ELEMENTS (forwarded); i++)
    gtk_widget_class_install_action (widget_class, forwarded[i], NULL, forward_action);
  gtk_widget_class_install_property_action (widget_class, "plan.tool", "tool");
  gtk_widget_class_install_property_action (widget_class, "plan.view", "view");
  gtk_widget_class_install_action (widget_class, "plan.export-xlsx", NULL, export_xlsx_action);
  gtk_widget_class_install_action (widget_class, "plan.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "plan.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "plan.toggle-sections", NULL,
                                   toggle_setting_action);
  gtk_widget_class_install_action (widget_class, "plan.toggle-compact", NULL,
                                   toggle_setting_action);
  /* Ctrl+P, Shift+F9, Ctrl+Shift+C: rows of the shortcuts table (app-shortcuts.c). */
  app_shortcuts_add_bindings (widget_class);
}

static gboolean
widths_get_mapping (GValue *value, GVariant *variant, gpointer user_data)
{
  g_value_set_variant (value, variant);
  return TRUE;
}

static GVariant *
widths_set_mapping (const GValue *value, const GVariantType *expected_type, gpointer user_data)
{
  GVariant *widths = g_value_get_variant (value);

  return widths && g_variant_is_of_type (widths, expected_type) ? g_variant_ref (widths) : NULL;
}

static void
app_plan_page_init (AppPlanPage *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->refresh = app_page_refresh_new (
    GTK_WIDGET (self), PHAEN_RECORDS_PLAN | PHAEN_RECORD_UNIT | PHAEN_RECORD_PERSON, refresh_cb);

  self->tool = g_strdup ("planned");
  /* Both ways: the grid's own shortcuts change its tool too. */
  g_object_bind_property (self, "tool", self->grid, "tool",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  build_sections (self);

  /* Remembered: whether the sections panel shows, and the grid's density. */
  {
    g_autoptr (GSimpleActionGroup) group = g_simple_action_group_new ();
    static const char *const keys[] = { "plan-sections-visible", "grid-compact" };

    self->settings = app_settings_new ();
    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      {
        g_autoptr (GAction) action = g_settings_create_action (self->settings, keys[i]);

        g_action_map_add_action (G_ACTION_MAP (group), action);
      }
    gtk_widget_insert_action_group (GTK_WIDGET (self), "view", G_ACTION_GROUP (group));
    g_settings_bind (self->settings, "grid-compact", self->grid, "compact", G_SETTINGS_BIND_GET);
    /* GLib 2.74 binds no GVariant property by itself: the mappings pass the value through. */
    g_settings_bind_with_mapping (self->settings, "grid-column-widths", self->grid, "column-widths",
                                  G_SETTINGS_BIND_DEFAULT, widths_get_mapping, widths_set_mapping,
                                  NULL, NULL);
  }
  self->title_autosave = app_autosave_new (title_autosave_cb, self);
  g_signal_connect_swapped (self->title_entry, "changed", G_CALLBACK (title_changed_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (title_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->title_entry), focus);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (view_changed_cb), self, G_CONNECT_SWAPPED);
}

/* ------------------------------------------------------------------ public API */

void
app_plan_page_set_plan (AppPlanPage *self, PhaenStore *store, gint64 plan_id)
{
  g_return_if_fail (APP_IS_PLAN_PAGE (self));
  g_return_if_fail (store == NULL || PHAEN_IS_STORE (store));

  if (self->store == store && self->plan_id == plan_id)
    return;
  app_plan_page_flush (self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  app_page_refresh_set_store (self->refresh, NULL);
  g_set_object (&self->store, store);
  self->plan_id = store != NULL ? plan_id : 0;
  g_clear_pointer (&self->plan, phaen_plan_free);

  app_plan_grid_set_plan (APP_PLAN_GRID (self->grid), self->store, self->plan_id);
  app_gantt_view_set_plan (APP_GANTT_VIEW (self->gantt), self->store, self->plan_id);

  self->loading = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (self->sections); i++)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->sections[i].view), "", 0);
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), "");
  self->loading = FALSE;

  /* In a unit's copy the office owns the plan: its activities and sections are shown, not
   * edited (the unit marks months achieved and reports progress). */
  {
    gboolean office = self->store == NULL || !phaen_store_is_unit_copy (self->store);

    gtk_widget_set_sensitive (self->grid_tools, office);
    gtk_widget_set_sensitive (self->sections_box, office);
  }
  if (self->store != NULL)
    {
      app_page_refresh_set_store (self->refresh, self->store);
      reload (self);
    }
}

gint64
app_plan_page_get_plan_id (AppPlanPage *self)
{
  g_return_val_if_fail (APP_IS_PLAN_PAGE (self), 0);

  return self->plan_id;
}

void
app_plan_page_flush (AppPlanPage *self)
{
  g_return_if_fail (APP_IS_PLAN_PAGE (self));

  for (guint i = 0; i < G_N_ELEMENTS (self->sections); i++)
    section_save (&self->sections[i]);
  if (self->plan != NULL && (app_autosave_is_pending (self->title_autosave) ||
                             app_autosave_is_typing (GTK_WIDGET (self->title_entry))))
    title_activate_cb (self);
}

GtkWidget *
app_plan_page_get_grid (AppPlanPage *self)
{
  g_return_val_if_fail (APP_IS_PLAN_PAGE (self), NULL);

  return self->grid;
}

GtkWidget *
app_plan_page_get_gantt (AppPlanPage *self)
{
  g_return_val_if_fail (APP_IS_PLAN_PAGE (self), NULL);

  return self->gantt;
}

GtkTextView *
app_plan_page_get_section_view (AppPlanPage *self, const char *key)
{
  g_return_val_if_fail (APP_IS_PLAN_PAGE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (self->sections); i++)
    if (g_str_equal (self->sections[i].info->key, key))
      return self->plan != NULL && self->plan->kind == self->sections[i].info->kind
               ? self->sections[i].view
               : NULL;
  return NULL;
}

GtkPrintOperation *
app_plan_page_new_print_operation (AppPlanPage *self)
{
  GtkPrintOperation *operation;
  g_autoptr (GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr (GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autoptr (GFile) folder = NULL;
  g_autofree char *folder_path = NULL;
  g_autofree char *basename = NULL;
  PrintJob *job;

  g_return_val_if_fail (APP_IS_PLAN_PAGE (self), NULL);

  if (self->plan == NULL)
    return NULL;
  app_plan_page_flush (self);

  job = g_new0 (PrintJob, 1);
  job->store = g_object_ref (self->store);
  job->plan_id = self->plan_id;

  /* DOMAIN.md §5: the official forms are A4 landscape. */
  gtk_page_setup_set_paper_size (page_setup, a4);
  gtk_page_setup_set_orientation (page_setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  operation = gtk_print_operation_new ();
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, self->plan->title);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  /* "Print to File" proposes the plan's title beside the workspace, not output.pdf. */
  folder = workspace_folder (self);
  /* GTK's file printer takes a folder path here, not a URI. */
  folder_path = g_file_get_path (folder);
  basename = suggested_name (self, "");
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_DIR, folder_path);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, basename);
  gtk_print_operation_set_print_settings (operation, settings);
  g_object_set_data_full (G_OBJECT (operation), "phaen-print-job", job,
                          (GDestroyNotify)print_job_free);
  gtk_print_operation_set_custom_tab_label (operation, _ ("Plan"));
  g_signal_connect (operation, "create-custom-widget", G_CALLBACK (create_custom_widget_cb), job);
  g_signal_connect (operation, "custom-widget-apply", G_CALLBACK (custom_widget_apply_cb), job);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  return operation;
}

void
app_plan_page_export (AppPlanPage *self, GFile *file)
{
  AppExportOptions options;

  app_export_options_init (&options);
  app_plan_page_export_with_options (self, file, &options);
}

void
app_plan_page_export_with_options (AppPlanPage *self, GFile *file, const AppExportOptions *options)
{
  g_autofree char *path = NULL;

  g_return_if_fail (APP_IS_PLAN_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (options != NULL);

  path = g_file_get_path (file);
  if (self->plan == NULL || self->busy || path == NULL)
    return;
  app_plan_page_flush (self);
  if (g_str_has_suffix (path, ".pdf") || g_str_has_suffix (path, ".PDF"))
    export_pdf (self, path, options);
  else
    export_xlsx (self, path, options);
}

gboolean
app_plan_page_get_busy (AppPlanPage *self)
{
  g_return_val_if_fail (APP_IS_PLAN_PAGE (self), FALSE);

  return self->busy;
}
