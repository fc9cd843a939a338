/* phaen-scorecard-model.c — a unit's scorecard as a list model: one item per indicator, made
 * when a view asks for it
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-scorecard-model"

#include "config.h"

#include "phaen-scorecard-model.h"

struct _PhaenScorecardItem
{
  GObject parent_instance;

  PhaenScorecardModel *model; /* (owned): keeps the scorecard alive */
  guint position;
  gint64 indicator_id;
};

struct _PhaenScorecardModel
{
  GObject parent_instance;

  PhaenScorecard *card;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE (PhaenScorecardItem, phaen_scorecard_item, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE_WITH_CODE (PhaenScorecardModel,
                               phaen_scorecard_model,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* ------------------------------------------------------------------ helpers */

static guint
n_rows (const PhaenScorecard *card)
{
  return card != NULL ? card->rows->len : 0;
}

static gint64
row_id (const PhaenScorecard *card, guint position)
{
  return ((const PhaenScorecardRow *)g_ptr_array_index (card->rows, position))->indicator->id;
}

static gboolean
same_indicators (const PhaenScorecard *a, const PhaenScorecard *b)
{
  if (n_rows (a) != n_rows (b))
    return FALSE;
  for (guint i = 0; i < n_rows (a); i++)
    if (row_id (a, i) != row_id (b, i))
      return FALSE;
  return TRUE;
}

/* ------------------------------------------------------------------ GListModel */

static GType
get_item_type (GListModel *list)
{
  return PHAEN_TYPE_SCORECARD_ITEM;
}

static guint
get_n_items (GListModel *list)
{
  return n_rows (PHAEN_SCORECARD_MODEL (list)->card);
}

static gpointer
get_item (GListModel *list, guint position)
{
  PhaenScorecardModel *self = PHAEN_SCORECARD_MODEL (list);
  PhaenScorecardItem *item;

  if (position >= n_rows (self->card))
    return NULL;
  item = g_object_new (PHAEN_TYPE_SCORECARD_ITEM, NULL);
  item->model = g_object_ref (self);
  item->position = position;
  item->indicator_id = row_id (self->card, position);
  return item;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* ------------------------------------------------------------------ overrides */

static void
phaen_scorecard_item_finalize (GObject *object)
{
  g_clear_object (&PHAEN_SCORECARD_ITEM (object)->model);
  G_OBJECT_CLASS (phaen_scorecard_item_parent_class)->finalize (object);
}

static void
phaen_scorecard_item_class_init (PhaenScorecardItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = phaen_scorecard_item_finalize;
}

static void
phaen_scorecard_item_init (PhaenScorecardItem *self)
{
}

static void
phaen_scorecard_model_finalize (GObject *object)
{
  g_clear_pointer (&PHAEN_SCORECARD_MODEL (object)->card, phaen_scorecard_free);
  G_OBJECT_CLASS (phaen_scorecard_model_parent_class)->finalize (object);
}

static void
phaen_scorecard_model_class_init (PhaenScorecardModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = phaen_scorecard_model_finalize;
}

static void
phaen_scorecard_model_init (PhaenScorecardModel *self)
{
}

/* ------------------------------------------------------------------ public API */

PhaenScorecardModel *
phaen_scorecard_model_new (void)
{
  return g_object_new (PHAEN_TYPE_SCORECARD_MODEL, NULL);
}

gboolean
phaen_scorecard_model_set_card (PhaenScorecardModel *self, PhaenScorecard *card)
{
  guint removed, added;

  g_return_val_if_fail (PHAEN_IS_SCORECARD_MODEL (self), FALSE);

  if (same_indicators (self->card, card))
    {
      g_clear_pointer (&self->card, phaen_scorecard_free);
      self->card = card;
      return FALSE;
    }
  removed = n_rows (self->card);
  added = n_rows (card);
  g_clear_pointer (&self->card, phaen_scorecard_free);
  self->card = card;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, added);
  return TRUE;
}

/**
 * phaen_scorecard_model_update:
 * @changes: what edits changed since the card was built
 * @rows_changed: (out) (optional) (transfer full) (element-type guint): positions rescored
 *
 * Rescores in place the rows of the indicators whose results changed (phaen_scorecard_update());
 * the items keep their places, so a view binds again only the rows in @rows_changed.
 *
 * Returns: %FALSE when the model holds no card or the changes need a new one (or on an error)
 */
gboolean
phaen_scorecard_model_update (PhaenScorecardModel *self,
                              PhaenStore *store,
                              const PhaenChanges *changes,
                              GArray **rows_changed,
                              GError **error)
{
  g_return_val_if_fail (PHAEN_IS_SCORECARD_MODEL (self), FALSE);

  if (rows_changed != NULL)
    *rows_changed = NULL;
  return self->card != NULL &&
         phaen_scorecard_update (self->card, store, changes, rows_changed, error);
}

const PhaenScorecard *
phaen_scorecard_model_get_card (PhaenScorecardModel *self)
{
  g_return_val_if_fail (PHAEN_IS_SCORECARD_MODEL (self), NULL);

  return self->card;
}

guint
phaen_scorecard_model_find (PhaenScorecardModel *self, gint64 indicator_id)
{
  g_return_val_if_fail (PHAEN_IS_SCORECARD_MODEL (self), G_MAXUINT);

  for (guint i = 0; i < n_rows (self->card); i++)
    if (row_id (self->card, i) == indicator_id)
      return i;
  return G_MAXUINT;
}

const PhaenScorecardRow *
phaen_scorecard_item_get_row (PhaenScorecardItem *self)
{
  const PhaenScorecard *card;

  g_return_val_if_fail (PHAEN_IS_SCORECARD_ITEM (self), NULL);

  /* An item outlives its place when the indicators change: it then finds no row of its own. */
  card = self->model->card;
  if (self->position >= n_rows (card) || row_id (card, self->position) != self->indicator_id)
    return NULL;
  return g_ptr_array_index (card->rows, self->position);
}

const PhaenScorecard *
phaen_scorecard_item_get_card (PhaenScorecardItem *self)
{
  g_return_val_if_fail (PHAEN_IS_SCORECARD_ITEM (self), NULL);

  return self->model->card;
}

gint64
phaen_scorecard_item_get_indicator_id (PhaenScorecardItem *self)
{
  g_return_val_if_fail (PHAEN_IS_SCORECARD_ITEM (self), 0);

  return self->indicator_id;
}
