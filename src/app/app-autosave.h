/* app-autosave.h — text is saved a moment after typing stops, and every pending save at once on
 * demand (a signal, the session ending, a window closing)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Typing pauses this long before what was typed is saved: one undo step per pause. */
#define APP_AUTOSAVE_DELAY_MS 800

typedef struct _AppAutosave AppAutosave;

/* Saves what is pending. Runs on the main thread, from the timer or from a flush. */
typedef void (*AppAutosaveFunc) (gpointer user_data);

/* A debounced save of @save (@user_data), known to app_autosave_flush_all() until freed.
 * Returns: (transfer full): free with app_autosave_free() */
AppAutosave *app_autosave_new (AppAutosaveFunc save, gpointer user_data);
/* Forgets a pending save without running it; see app_autosave_flush(). */
void app_autosave_free (AppAutosave *self);

/* Something was typed: the save runs APP_AUTOSAVE_DELAY_MS after the last call. */
void app_autosave_changed (AppAutosave *self);
/* Runs a pending save now; nothing when none is pending. Like _cancel() and _is_pending(), it
 * takes NULL (an autosave already freed) and does nothing. */
void app_autosave_flush (AppAutosave *self);
/* Drops a pending save (what it would save was saved or discarded some other way). */
void app_autosave_cancel (AppAutosave *self);
gboolean app_autosave_is_pending (AppAutosave *self);

/* Runs every pending save of the process now (SIGTERM, the session ending).
 * Returns: how many ran */
guint app_autosave_flush_all (void);

/* Whether the keyboard focus of @widget's window is @widget or inside it (an entry's text): the
 * field the user types in, which a reload after a save leaves alone. */
gboolean app_autosave_is_typing (GtkWidget *widget);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AppAutosave, app_autosave_free)

G_END_DECLS
