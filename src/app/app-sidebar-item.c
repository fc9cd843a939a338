/* app-sidebar-item.c — one row of the window's sidebar, and the tree of them for a workspace
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "app-sidebar-item.h"
#include "phaen-score.h"
#include "phaen-thai-text.h"

struct _AppSidebarItem
{
  GObject parent_instance;

  AppSidebarPlace place;
  char *label;
  char *subtitle;
  char *search_key;     /* units: app_sidebar_search_key() of "abbr\nname" */
  GListStore *children; /* units: the years and pages under them */
};

G_DEFINE_FINAL_TYPE (AppSidebarItem, app_sidebar_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_LABEL,
  PROP_ICON_NAME,
  PROP_LABEL_CLASSES,
  PROP_SELECTABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ helpers */

static const char *
kind_icon (AppSidebarKind kind)
{
  switch (kind)
    {
    case APP_SIDEBAR_PLAN:
      return "x-office-spreadsheet-symbolic";
    case APP_SIDEBAR_INDICATORS:
      return "view-list-bullet-symbolic";
    case APP_SIDEBAR_RESULTS:
      return "document-edit-symbolic";
    case APP_SIDEBAR_DASHBOARD:
      return "x-office-presentation-symbolic";
    case APP_SIDEBAR_EFFICIENCY:
      return "object-select-symbolic";
    case APP_SIDEBAR_PMQA:
      return "view-grid-symbolic";
    case APP_SIDEBAR_PMQA_ASSESSMENT:
      return "emblem-documents-symbolic";
    case APP_SIDEBAR_BUDGET:
      return "accessories-calculator-symbolic";
    case APP_SIDEBAR_UNIT:
    case APP_SIDEBAR_YEAR:
    default:
      return NULL;
    }
}

static const char *const *
kind_label_classes (AppSidebarKind kind)
{
  static const char *const unit[] = { "heading", "sidebar-unit", NULL };
  static const char *const year[] = { "dim-label", NULL };
  static const char *const page[] = { NULL };

  return kind == APP_SIDEBAR_UNIT ? unit : kind == APP_SIDEBAR_YEAR ? year : page;
}

static AppSidebarItem *
item_new (AppSidebarKind kind,
          gint64 unit_id,
          int year,
          gint64 plan_id,
          const char *label,
          const char *subtitle)
{
  AppSidebarItem *self = g_object_new (APP_TYPE_SIDEBAR_ITEM, NULL);

  self->place = (AppSidebarPlace){ kind, unit_id, year, plan_id };
  self->label = g_strdup (label);
  self->subtitle = g_strdup (subtitle);
  return self;
}

static void
add_item (GListStore *store,
          AppSidebarKind kind,
          gint64 unit_id,
          int year,
          gint64 plan_id,
          const char *label,
          const char *subtitle)
{
  g_autoptr (AppSidebarItem) item = item_new (kind, unit_id, year, plan_id, label, subtitle);

  g_list_store_append (store, item);
}

static gboolean
unit_has_plan (GPtrArray *plans, gint64 unit_id, int year)
{
  for (guint i = 0; i < plans->len; i++)
    {
      const PhaenPlan *plan = g_ptr_array_index (plans, i);

      if (plan->unit_id == unit_id && plan->fiscal_year == year)
        return TRUE;
    }
  return FALSE;
}

/* The unit's indicators of @year, counted, in @years (by unit, then year), or NULL. */
static const PhaenIndicatorYear *
find_indicator_year (GArray *years, gint64 unit_id, int year)
{
  guint lo = 0, hi = years->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const PhaenIndicatorYear *y = &g_array_index (years, PhaenIndicatorYear, mid);

      if (y->unit_id == unit_id && y->fiscal_year == year)
        return y;
      if (y->unit_id < unit_id || (y->unit_id == unit_id && y->fiscal_year < year))
        lo = mid + 1;
      else
        hi = mid;
    }
  return NULL;
}

/* The year heading and pages of one unit's fiscal year, when it has a plan or indicators. */
static void
add_year (
  GListStore *children, const PhaenUnit *unit, int year, GPtrArray *plans, GArray *indicator_years)
{
  const PhaenIndicatorYear *indicators = find_indicator_year (indicator_years, unit->id, year);
  g_autofree char *year_label = NULL;
  g_autofree char *subtitle = NULL;

  if (indicators == NULL && !unit_has_plan (plans, unit->id, year))
    return;
  year_label = g_strdup_printf (_ ("Fiscal year %d"), year);
  subtitle = g_strdup_printf (_ ("%s · fiscal year %d"), unit->abbr, year);
  add_item (children, APP_SIDEBAR_YEAR, unit->id, year, 0, year_label, NULL);
  for (guint p = 0; p < plans->len; p++)
    {
      const PhaenPlan *plan = g_ptr_array_index (plans, p);

      if (plan->unit_id != unit->id || plan->fiscal_year != year)
        continue;
      add_item (children, APP_SIDEBAR_PLAN, unit->id, year, plan->id, plan->title, subtitle);
      if (plan->kind == PHAEN_PLAN_EFFICIENCY)
        add_item (children, APP_SIDEBAR_EFFICIENCY, unit->id, year, plan->id, _ ("Monthly report"),
                  subtitle);
      else
        add_item (children, APP_SIDEBAR_BUDGET, unit->id, year, plan->id, _ ("Quarterly budget"),
                  subtitle);
    }
  add_item (children, APP_SIDEBAR_INDICATORS, unit->id, year, 0, _ ("Indicators"), subtitle);
  add_item (children, APP_SIDEBAR_RESULTS, unit->id, year, 0, _ ("Quarterly results"), subtitle);
  add_item (children, APP_SIDEBAR_DASHBOARD, unit->id, year, 0, _ ("Dashboard"), subtitle);
  add_item (children, APP_SIDEBAR_PMQA_ASSESSMENT, unit->id, year, 0, _ ("PMQA categories 1–6"),
            subtitle);
  if (indicators != NULL && indicators->n_pmqa7 > 0)
    add_item (children, APP_SIDEBAR_PMQA, unit->id, year, 0, _ ("PMQA category 7"), subtitle);
}

static AppSidebarItem *
unit_item_new (const PhaenUnit *unit)
{
  g_autofree char *label = g_strdup_printf ("%s %s", unit->abbr, unit->name);
  g_autofree char *searched = g_strdup_printf ("%s\n%s", unit->abbr, unit->name);
  AppSidebarItem *item = item_new (APP_SIDEBAR_UNIT, unit->id, 0, 0, label, NULL);

  item->search_key = app_sidebar_search_key (searched);
  item->children = g_list_store_new (APP_TYPE_SIDEBAR_ITEM);
  return item;
}

static int
compare_units (gconstpointer a, gconstpointer b, gpointer keys)
{
  const PhaenUnit *x = *(const PhaenUnit *const *)a;
  const PhaenUnit *y = *(const PhaenUnit *const *)b;
  int order = strcmp (g_hash_table_lookup (keys, x), g_hash_table_lookup (keys, y));

  return order != 0 ? order : (x->id > y->id) - (x->id < y->id);
}

/* Thai dictionary order of the abbreviations; SQLite's ORDER BY compares bytes. */
static void
sort_units (GPtrArray *units)
{
  g_autoptr (GHashTable) keys = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  for (guint i = 0; i < units->len; i++)
    {
      const PhaenUnit *unit = g_ptr_array_index (units, i);

      g_hash_table_insert (keys, (gpointer)unit, phaen_text_collate_key (unit->abbr));
    }
  g_ptr_array_sort_with_data (units, compare_units, keys);
}

/* Gives @old, at the same place as @new, the labels and children of @new. */
static gboolean
item_take (AppSidebarItem *old, AppSidebarItem *new)
{
  gboolean changed = FALSE;

  g_assert (app_sidebar_place_equal (&old->place, &new->place));
  if (g_strcmp0 (old->label, new->label) != 0)
    {
      g_free (old->label);
      old->label = g_strdup (new->label);
      g_object_notify_by_pspec (G_OBJECT (old), properties[PROP_LABEL]);
      changed = TRUE;
    }
  if (g_strcmp0 (old->subtitle, new->subtitle) != 0)
    {
      g_free (old->subtitle);
      old->subtitle = g_strdup (new->subtitle);
      changed = TRUE;
    }
  if (g_strcmp0 (old->search_key, new->search_key) != 0)
    {
      g_free (old->search_key);
      old->search_key = g_strdup (new->search_key);
      changed = TRUE;
    }
  if (old->children != NULL && new->children != NULL)
    changed |= app_sidebar_items_update (old->children, G_LIST_MODEL (new->children));
  return changed;
}

/* The item at @position, which @model keeps alive. (transfer none) */
static AppSidebarItem *
item_at (GListModel *model, guint position)
{
  g_autoptr (AppSidebarItem) item = g_list_model_get_item (model, position);

  return item;
}

static gboolean
same_place_at (GListModel *old, guint i, GListModel *new, guint j)
{
  return app_sidebar_place_equal (&item_at (old, i)->place, &item_at (new, j)->place);
}

/* ------------------------------------------------------------------ overrides */

static void
app_sidebar_item_finalize (GObject *object)
{
  AppSidebarItem *self = APP_SIDEBAR_ITEM (object);

  g_free (self->label);
  g_free (self->subtitle);
  g_free (self->search_key);
  g_clear_object (&self->children);
  G_OBJECT_CLASS (app_sidebar_item_parent_class)->finalize (object);
}

static void
app_sidebar_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  AppSidebarItem *self = APP_SIDEBAR_ITEM (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_ICON_NAME:
      g_value_set_static_string (value, kind_icon (self->place.kind));
      break;
    case PROP_LABEL_CLASSES:
      g_value_set_boxed (value, kind_label_classes (self->place.kind));
      break;
    case PROP_SELECTABLE:
      g_value_set_boolean (value, app_sidebar_item_is_page (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
app_sidebar_item_class_init (AppSidebarItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = app_sidebar_item_finalize;
  object_class->get_property = app_sidebar_item_get_property;

  properties[PROP_LABEL] = g_param_spec_string (
    "label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL_CLASSES] = g_param_spec_boxed ("label-classes", NULL, NULL, G_TYPE_STRV,
                                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTABLE] = g_param_spec_boolean ("selectable", NULL, NULL, FALSE,
                                                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
app_sidebar_item_init (AppSidebarItem *self)
{
}

/* ------------------------------------------------------------------ public API */

const AppSidebarPlace *
app_sidebar_item_get_place (AppSidebarItem *self)
{
  g_return_val_if_fail (APP_IS_SIDEBAR_ITEM (self), NULL);

  return &self->place;
}

const char *
app_sidebar_item_get_label (AppSidebarItem *self)
{
  g_return_val_if_fail (APP_IS_SIDEBAR_ITEM (self), NULL);

  return self->label;
}

const char *
app_sidebar_item_get_subtitle (AppSidebarItem *self)
{
  g_return_val_if_fail (APP_IS_SIDEBAR_ITEM (self), NULL);

  return self->subtitle;
}

GListModel *
app_sidebar_item_get_children (AppSidebarItem *self)
{
  g_return_val_if_fail (APP_IS_SIDEBAR_ITEM (self), NULL);

  return self->children != NULL ? G_LIST_MODEL (self->children) : NULL;
}

gboolean
app_sidebar_item_is_page (AppSidebarItem *self)
{
  g_return_val_if_fail (APP_IS_SIDEBAR_ITEM (self), FALSE);

  return self->place.kind != APP_SIDEBAR_UNIT && self->place.kind != APP_SIDEBAR_YEAR;
}

gboolean
app_sidebar_item_matches (AppSidebarItem *self, const char *key)
{
  g_return_val_if_fail (APP_IS_SIDEBAR_ITEM (self), FALSE);

  return key == NULL || *key == '\0' ||
         (self->search_key != NULL && strstr (self->search_key, key) != NULL);
}

gboolean
app_sidebar_place_equal (const AppSidebarPlace *a, const AppSidebarPlace *b)
{
  return a->kind == b->kind && a->unit_id == b->unit_id && a->year == b->year &&
         a->plan_id == b->plan_id;
}

char *
app_sidebar_search_key (const char *text)
{
  g_autofree char *arabic = phaen_digits_to_arabic (text != NULL ? text : "");
  g_autofree char *normal = g_utf8_normalize (g_strstrip (arabic), -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normal != NULL ? normal : "", -1);
}

GListStore *
app_sidebar_items_build (PhaenStore *store, GError **error)
{
  g_autoptr (GListStore) items = g_list_store_new (APP_TYPE_SIDEBAR_ITEM);
  g_autoptr (GPtrArray) units = phaen_store_list_units (store, error);
  g_autoptr (GPtrArray) plans = NULL;
  g_autoptr (GArray) years = NULL;
  g_autoptr (GArray) indicator_years = NULL;

  g_return_val_if_fail (PHAEN_IS_STORE (store), NULL);

  if (units == NULL)
    return NULL;
  plans = phaen_store_list_plans (store, 0, 0, error);
  if (plans == NULL)
    return NULL;
  years = phaen_store_list_fiscal_years (store, error);
  if (years == NULL)
    return NULL;
  indicator_years = phaen_store_list_indicator_years (store, error);
  if (indicator_years == NULL)
    return NULL;

  sort_units (units);
  for (guint u = 0; u < units->len; u++)
    {
      const PhaenUnit *unit = g_ptr_array_index (units, u);
      g_autoptr (AppSidebarItem) item = unit_item_new (unit);

      for (guint y = years->len; y-- > 0;)
        add_year (item->children, unit, g_array_index (years, int, y), plans, indicator_years);
      g_list_store_append (items, item);
    }
  return g_steal_pointer (&items);
}

gboolean
app_sidebar_items_update (GListStore *store, GListModel *items)
{
  GListModel *old = G_LIST_MODEL (store);
  guint n_old = g_list_model_get_n_items (old);
  guint n_new = g_list_model_get_n_items (items);
  guint n_same = MIN (n_old, n_new);
  guint prefix = 0, suffix = 0;
  gboolean changed = FALSE;

  g_return_val_if_fail (G_IS_LIST_STORE (store), FALSE);

  while (prefix < n_same && same_place_at (old, prefix, items, prefix))
    {
      changed |= item_take (item_at (old, prefix), item_at (items, prefix));
      prefix++;
    }
  while (suffix < n_same - prefix &&
         same_place_at (old, n_old - 1 - suffix, items, n_new - 1 - suffix))
    {
      changed |= item_take (item_at (old, n_old - 1 - suffix), item_at (items, n_new - 1 - suffix));
      suffix++;
    }
  if (prefix + suffix < n_old || prefix + suffix < n_new)
    {
      guint n_added = n_new - prefix - suffix;
      g_autoptr (GPtrArray) added = g_ptr_array_new_full (n_added, g_object_unref);

      for (guint i = prefix; i < prefix + n_added; i++)
        g_ptr_array_add (added, g_list_model_get_item (items, i));
      g_list_store_splice (store, prefix, n_old - prefix - suffix, added->pdata, n_added);
      changed = TRUE;
    }
  return changed;
}
