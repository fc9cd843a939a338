/* app-page-refresh.h — a page follows its store's "changed" signal only while it is on screen
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "phaen-store.h"

G_BEGIN_DECLS

typedef struct _AppPageRefresh AppPageRefresh;

typedef void (*AppPageRefreshFunc) (GtkWidget *page);
/* Brings @page up to date with @changes alone; FALSE when it needs a full refresh instead. */
typedef gboolean (*AppPageUpdateFunc) (GtkWidget *page, PhaenChanges *changes);

/*
 * Every edit of the store that changes records of @kinds (a mask of PhaenRecordKind: what the
 * page shows) is coalesced into one idle that calls @refresh while @page is mapped. A page that
 * is not mapped does no work: it is marked stale and refreshed when it is mapped again. @page
 * owns the helper (free it in dispose).
 */
AppPageRefresh *app_page_refresh_new (GtkWidget *page, guint kinds, AppPageRefreshFunc refresh);
void app_page_refresh_free (AppPageRefresh *self);

/* A page that can update in place what @changes touched (the rows of one indicator) instead of
 * refreshing everything: edits made while it is shown go to @update, coalesced; a page that was
 * hidden, a new unit or @update's FALSE still refresh in full. */
void app_page_refresh_set_update (AppPageRefresh *self, AppPageUpdateFunc update);

/* Follows @store's "records-changed" (or nothing when NULL); what was pending for the old one is
 * dropped. */
void app_page_refresh_set_store (AppPageRefresh *self, PhaenStore *store);

/* Refreshes now when @page is mapped, else marks it stale (a new unit, plan or quarter). */
void app_page_refresh_queue (AppPageRefresh *self);

/* Whether a refresh is owed to the page: it was hidden when its data changed. */
gboolean app_page_refresh_is_stale (AppPageRefresh *self);

/* How many times @refresh ran: what the tests count. */
guint app_page_refresh_get_count (AppPageRefresh *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AppPageRefresh, app_page_refresh_free)

G_END_DECLS
