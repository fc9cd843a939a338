/* phaen-scorecard-model.h — a unit's scorecard as a list model: one item per indicator, made
 * when a view asks for it
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "phaen-scorecard.h"

G_BEGIN_DECLS

#define PHAEN_TYPE_SCORECARD_ITEM (phaen_scorecard_item_get_type ())
G_DECLARE_FINAL_TYPE (PhaenScorecardItem, phaen_scorecard_item, PHAEN, SCORECARD_ITEM, GObject)

#define PHAEN_TYPE_SCORECARD_MODEL (phaen_scorecard_model_get_type ())
G_DECLARE_FINAL_TYPE (PhaenScorecardModel, phaen_scorecard_model, PHAEN, SCORECARD_MODEL, GObject)

/* An empty model; phaen_scorecard_model_set_card() fills it. */
PhaenScorecardModel *phaen_scorecard_model_new (void); /* (transfer full) */

/**
 * phaen_scorecard_model_set_card:
 * @card: (transfer full) (nullable): a new scorecard of the unit, or %NULL to empty the model
 *
 * Replaces the scorecard. When @card has the same indicators in the same order, the items keep
 * their places and no "items-changed" is emitted: the items read the new card, and a view shows
 * the new scores by binding again the rows it shows. Otherwise every item is replaced.
 *
 * Returns: whether the indicators (not their scores) changed
 */
gboolean phaen_scorecard_model_set_card (PhaenScorecardModel *self, PhaenScorecard *card);

gboolean phaen_scorecard_model_update (PhaenScorecardModel *self,
                                       PhaenStore *store,
                                       const PhaenChanges *changes,
                                       GArray **rows_changed,
                                       GError **error);

/* Returns: (transfer none) (nullable): the scorecard, valid until the next set_card() */
const PhaenScorecard *phaen_scorecard_model_get_card (PhaenScorecardModel *self);

/* Returns: the position of @indicator_id, or G_MAXUINT when the unit has no such indicator */
guint phaen_scorecard_model_find (PhaenScorecardModel *self, gint64 indicator_id);

/* The item's row of the model's current scorecard: it follows set_card() while the indicators
 * stay the same. Returns: (transfer none) (nullable): NULL once the item's row is gone */
const PhaenScorecardRow *phaen_scorecard_item_get_row (PhaenScorecardItem *self);
/* Returns: (transfer none) (nullable) */
const PhaenScorecard *phaen_scorecard_item_get_card (PhaenScorecardItem *self);
gint64 phaen_scorecard_item_get_indicator_id (PhaenScorecardItem *self);

G_END_DECLS
