/* app-page-refresh.c — a page follows its store's "changed" signal only while it is on screen
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-page-refresh"

#include "config.h"

#include "app-page-refresh.h"

struct _AppPageRefresh
{
  GtkWidget *page; /* (unowned): it owns us */
  AppPageRefreshFunc refresh;
  AppPageUpdateFunc update; /* (nullable) */
  guint kinds;              /* PhaenRecordKind mask: what the page shows */
  PhaenStore *store;
  gulong changed_id;
  gulong map_id;
  guint idle_id;
  PhaenChanges *pending; /* what the edits since the queued idle changed */
  gboolean stale;
  guint count;
};

/* ------------------------------------------------------------------ helpers */

static void
run (AppPageRefresh *self)
{
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_pointer (&self->pending, phaen_changes_unref);
  self->stale = FALSE;
  self->count++;
  self->refresh (self->page);
}

/* ------------------------------------------------------------------ callbacks */

static gboolean
idle_cb (gpointer data)
{
  AppPageRefresh *self = data;

  g_autoptr (PhaenChanges) pending = g_steal_pointer (&self->pending);

  self->idle_id = 0;
  if (!gtk_widget_get_mapped (self->page))
    self->stale = TRUE;
  else if (self->update != NULL && pending != NULL && self->update (self->page, pending))
    self->count++;
  else
    run (self);
  return G_SOURCE_REMOVE;
}

static void
changed_cb (PhaenStore *store, PhaenChanges *changes, AppPageRefresh *self)
{
  if (!phaen_changes_touches (changes, self->kinds))
    return;
  if (!gtk_widget_get_mapped (self->page))
    {
      self->stale = TRUE;
      return;
    }
  if (self->pending == NULL)
    self->pending = phaen_changes_new ();
  phaen_changes_merge (self->pending, changes);
  /* One refresh for a burst of edits (an undo of many steps, an import), before the next frame
   * is drawn (GTK lays out and paints at G_PRIORITY_HIGH_IDLE + 10 and + 20). */
  if (self->idle_id == 0)
    self->idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, idle_cb, self, NULL);
}

static void
map_cb (GtkWidget *page, AppPageRefresh *self)
{
  if (self->stale)
    run (self);
}

/* ------------------------------------------------------------------ public API */

AppPageRefresh *
app_page_refresh_new (GtkWidget *page, guint kinds, AppPageRefreshFunc refresh)
{
  AppPageRefresh *self;

  g_return_val_if_fail (GTK_IS_WIDGET (page), NULL);
  g_return_val_if_fail (refresh != NULL, NULL);

  self = g_new0 (AppPageRefresh, 1);
  self->page = page;
  self->refresh = refresh;
  self->kinds = kinds;
  self->map_id = g_signal_connect (page, "map", G_CALLBACK (map_cb), self);
  return self;
}

void
app_page_refresh_free (AppPageRefresh *self)
{
  if (self == NULL)
    return;
  app_page_refresh_set_store (self, NULL);
  g_clear_signal_handler (&self->map_id, self->page);
  g_free (self);
}

void
app_page_refresh_set_update (AppPageRefresh *self, AppPageUpdateFunc update)
{
  g_return_if_fail (self != NULL);
  self->update = update;
}

void
app_page_refresh_set_store (AppPageRefresh *self, PhaenStore *store)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (store == NULL || PHAEN_IS_STORE (store));

  if (self->store == store)
    return;
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_pointer (&self->pending, phaen_changes_unref);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->changed_id = g_signal_connect (store, "records-changed", G_CALLBACK (changed_cb), self);
}

void
app_page_refresh_queue (AppPageRefresh *self)
{
  g_return_if_fail (self != NULL);

  if (gtk_widget_get_mapped (self->page))
    run (self);
  else
    self->stale = TRUE;
}

gboolean
app_page_refresh_is_stale (AppPageRefresh *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->stale;
}

guint
app_page_refresh_get_count (AppPageRefresh *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->count;
}
