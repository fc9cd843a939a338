/* app-packet-import.h — the planning office imports result packets: check, review conflicts,
 * merge as one undo step, and say what happened to each packet
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "phaen-merge.h"
#include "phaen-store.h"

G_BEGIN_DECLS

#define APP_TYPE_PACKET_REVIEW (app_packet_review_get_type ())
G_DECLARE_FINAL_TYPE (AppPacketReview, app_packet_review, APP, PACKET_REVIEW, AdwWindow)

/* Imports the packet files @paths into @store (the office's workspace, open for editing). A dry
 * run comes first: when the units and the office changed the same results, the review window
 * (modal to @parent) shows both values and asks which to keep; otherwise the packets merge at
 * once. Either way a dialog then lists each packet's outcome. Nothing is written for a
 * read-only workspace or a unit copy (a dialog says why).
 * Returns: (transfer none) (nullable): the review window when one is shown */
AppPacketReview *app_packet_import (GtkWindow *parent, PhaenStore *store, const char *const *paths);

/* The packets among @files (GFile): the *.phaenpkt files, and those of folders in it.
 * Returns: (transfer full) (element-type utf8): NULL-terminated-ready array of paths */
GPtrArray *app_packet_import_collect (GSList *files);

/* The conflicts the review shows, in order. */
guint app_packet_review_get_n_conflicts (AppPacketReview *self);
/* What row @index shows: subject, each field's two values, who and when. (transfer full) */
char *app_packet_review_get_conflict_text (AppPacketReview *self, guint index);
/* The officer's pick for conflict @index (OFFICE, UNIT or NONE: decide later). */
void app_packet_review_set_choice (AppPacketReview *self, guint index, PhaenMergeChoice choice);
PhaenMergeChoice app_packet_review_get_choice (AppPacketReview *self, guint index);
/* What the "Import" button does: merges with the picks, closes the review, shows the outcome. */
void app_packet_review_apply (AppPacketReview *self);

/* The outcome of @report as the result dialog lists it, one line per packet. (transfer full) */
char *app_packet_import_describe (const PhaenMergeReport *report);

G_END_DECLS
