/* app-autosave.c — text is saved a moment after typing stops, and every pending save at once on
 * demand (a signal, the session ending, a window closing)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-autosave"

#include "config.h"

#include "app-autosave.h"

struct _AppAutosave
{
  AppAutosaveFunc save;
  gpointer user_data;
  guint source; /* the timer while a save is pending */
};

/* Every live AppAutosave of the process (main thread only). */
static GPtrArray *registry;

/* ------------------------------------------------------------------ callbacks */

static gboolean
timeout_cb (gpointer user_data)
{
  AppAutosave *self = user_data;

  self->source = 0;
  self->save (self->user_data);
  return G_SOURCE_REMOVE;
}

/* ------------------------------------------------------------------ public API */

AppAutosave *
app_autosave_new (AppAutosaveFunc save, gpointer user_data)
{
  AppAutosave *self;

  g_return_val_if_fail (save != NULL, NULL);

  self = g_new0 (AppAutosave, 1);
  self->save = save;
  self->user_data = user_data;
  if (registry == NULL)
    registry = g_ptr_array_new ();
  g_ptr_array_add (registry, self);
  return self;
}

void
app_autosave_free (AppAutosave *self)
{
  if (self == NULL)
    return;
  g_clear_handle_id (&self->source, g_source_remove);
  g_assert (registry != NULL);
  g_ptr_array_remove_fast (registry, self);
  g_free (self);
}

void
app_autosave_changed (AppAutosave *self)
{
  g_return_if_fail (self != NULL);

  g_clear_handle_id (&self->source, g_source_remove);
  self->source = g_timeout_add (APP_AUTOSAVE_DELAY_MS, timeout_cb, self);
  g_source_set_name_by_id (self->source, "[phaen] autosave");
}

void
app_autosave_flush (AppAutosave *self)
{
  if (self == NULL)
    return;
  if (self->source == 0)
    return;
  g_clear_handle_id (&self->source, g_source_remove);
  self->save (self->user_data);
}

void
app_autosave_cancel (AppAutosave *self)
{
  if (self == NULL)
    return;
  g_clear_handle_id (&self->source, g_source_remove);
}

gboolean
app_autosave_is_pending (AppAutosave *self)
{
  return self != NULL && self->source != 0;
}

guint
app_autosave_flush_all (void)
{
  g_autoptr (GPtrArray) pending = g_ptr_array_new ();

  /* A save may free or create autosaves (a reload rebuilding a page): collect first, then run
   * each that is still registered and still pending. */
  for (guint i = 0; registry != NULL && i < registry->len; i++)
    if (((AppAutosave *)g_ptr_array_index (registry, i))->source != 0)
      g_ptr_array_add (pending, g_ptr_array_index (registry, i));
  for (guint i = 0; i < pending->len; i++)
    {
      AppAutosave *self = g_ptr_array_index (pending, i);

      if (g_ptr_array_find (registry, self, NULL))
        app_autosave_flush (self);
    }
  return pending->len;
}

gboolean
app_autosave_is_typing (GtkWidget *widget)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  root = gtk_widget_get_root (widget);
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}
