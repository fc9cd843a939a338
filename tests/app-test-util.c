/* app-test-util.c — what the window tests share: a display, a sample workspace of their own, the
 * main loop run until something happened, widgets found in the window
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-test-app"

#include "config.h"

#include <glib/gstdio.h>
#include <valgrind/valgrind.h>

#include "app-renderer.h"
#include "app-test-util.h"
#include "phaen-demo.h"

/* GTK warns when there is no session bus (none under xvfb-run): not a failure of the app.
 * Every other message goes on to the default writer, which aborts on warnings in tests. */
static GLogWriterOutput
drop_no_session_bus (GLogLevelFlags level,
                     const GLogField *fields,
                     gsize n_fields,
                     gpointer user_data)
{
  const char *domain = NULL;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
        domain = fields[i].value;
      else if (g_str_equal (fields[i].key, "MESSAGE"))
        message = fields[i].value;
    }
  if (g_strcmp0 (domain, "Gtk") == 0 && message != NULL && strstr (message, "session bus") != NULL)
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (level, fields, n_fields, user_data);
}

gboolean
app_test_init (int *argc, char ***argv)
{
  g_log_set_writer_func (drop_no_session_bus, NULL, NULL);
  app_application_init_i18n ();
  if (!gtk_init_check ())
    {
      /* TAP for "skipped": `make test` runs the suite under xvfb-run when there is no display. */
      g_print ("1..0 # SKIP no display for the UI tests\n");
      return FALSE;
    }
  g_test_init (argc, argv, NULL);
  adw_init ();
  /* As the application does at startup, before any window exists (GTK reads it once). */
  app_renderer_choose ();
  return TRUE;
}

gboolean
wait_until (gboolean (*done) (gpointer data), gpointer data)
{
  /* Under valgrind (bench-window's profiling) everything runs some fifty times slower. */
  gint64 end = g_get_monotonic_time () + (RUNNING_ON_VALGRIND ? 500 : 10) * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
  return TRUE;
}

static gboolean
idle_done (gpointer data)
{
  return !g_main_context_pending (NULL);
}

void
settle (void)
{
  g_assert_true (wait_until (idle_done, NULL));
}

char *
app_test_sample_new (const char *dir_template, char **path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) store = NULL;
  char *dir = g_dir_make_tmp (dir_template, &error);

  g_assert_no_error (error);
  *path = g_build_filename (dir, "sample.phaen", NULL);
  store = phaen_store_create (*path, &error);
  g_assert_no_error (error);
  phaen_demo_load_dir (store, PHAEN_SOURCE_DATADIR "/sample", &error);
  g_assert_no_error (error);
  return dir;
}

void
app_test_sample_remove (char **dir, char **path)
{
  g_autoptr (GDir) handle = g_dir_open (*dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *file = g_build_filename (*dir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (*dir);
  g_clear_pointer (path, g_free);
  g_clear_pointer (dir, g_free);
}

AppWindow *
app_test_window_new (AppApplication **app)
{
  g_autoptr (GError) error = NULL;

  *app = app_application_new ();
  g_application_set_flags (G_APPLICATION (*app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (*app), NULL, &error);
  g_assert_no_error (error);
  return g_object_ref_sink (app_window_new (*app));
}

AppWindow *
app_test_window_present (AppApplication **app, int width, int height)
{
  AppWindow *window = app_test_window_new (app);

  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  settle ();
  return window;
}

void
app_test_window_close (AppWindow **window, AppApplication **app)
{
  if (*window != NULL)
    gtk_window_destroy (GTK_WINDOW (*window));
  g_clear_object (window);
  settle ();
  g_clear_object (app);
}

static gboolean
has_store (gpointer data)
{
  return app_window_get_store (data) != NULL;
}

void
app_test_open (AppWindow *window, const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);

  app_window_open (window, file);
  g_assert_true (wait_until (has_store, window));
  settle ();
}

AdwMessageDialog *
find_dialog (AppWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
          gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window) &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

gboolean
has_dialog (gpointer window)
{
  return find_dialog (window) != NULL;
}

void
collect_widgets (GtkWidget *root, GType type, GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, found);
}

void
press_enter (GtkEditable *entry)
{
  g_signal_emit_by_name (gtk_editable_get_delegate (entry), "activate");
}

gpointer
find_widget (GtkWidget *root, GType type)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new ();

  collect_widgets (root, type, found);
  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

gpointer
find_only_widget (AppWindow *window, GType type)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new ();

  collect_widgets (GTK_WIDGET (window), type, found);
  g_assert_cmpuint (found->len, ==, 1);
  return g_ptr_array_index (found, 0);
}

GdkTexture *
app_test_screenshot (GtkWidget *window, const char *name)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr (GskRenderNode) node = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (window), height = gtk_widget_get_height (window);
  GdkTexture *texture;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
  return texture;
}
