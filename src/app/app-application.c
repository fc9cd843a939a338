/* app-application.c — the Phaen application: windows, app-wide actions, settings, language
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-app"

#include "config.h"

#include <errno.h>
#include <glib-unix.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>

#include "app-application.h"

#include "app-a11y.h"
#include "app-renderer.h"
#include "app-autosave.h"
#include "app-help-window.h"
#include "app-shortcuts.h"
#include "app-window.h"
#include "phaen-demo.h"
#include "phaen-evidence-copy.h"
#include "phaen-store.h"

#define MAX_RECENT 8
#define PHAEN_WEBSITE "https://github.com/phaen/phaen"

struct _AppApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  char *view;              /* --view: what windows opened from the command line show first */
  guint signal_sources[3]; /* SIGTERM, SIGINT, SIGHUP */
  guint language_source;   /* rebuilds the windows in the chosen language */
  char *language;          /* the language of the windows */
};

G_DEFINE_FINAL_TYPE (AppApplication, app_application, ADW_TYPE_APPLICATION)

/* ------------------------------------------------------------------ helpers */

/* Running from the build tree (`make run`, the UI tests): the executable lives under it. */
static gboolean
running_uninstalled (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

  return exe != NULL && g_str_has_prefix (exe, PHAEN_BUILD_ROOT "/");
}

static AppWindow *
new_window (AppApplication *self)
{
  AppWindow *window = app_window_new (self);

  if (self->view != NULL)
    app_window_set_initial_view (window, self->view);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static AppWindow *
get_window (AppApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (APP_IS_WINDOW (window))
    return APP_WINDOW (window);
  return new_window (self);
}

/* A window for a file: the active one while it shows the welcome page, else a new one. */
static AppWindow *
get_empty_window (AppApplication *self)
{
  AppWindow *window = get_window (self);

  if (app_window_get_store (window) != NULL)
    window = new_window (self);
  return window;
}

/* Every window closes, and with it its workspace: each window's close-request saves what is
 * pending, and the stores are finalized once their windows are gone. */
static void
close_windows (AppApplication *self)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static void
remove_signal_sources (AppApplication *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->signal_sources); i++)
    g_clear_handle_id (&self->signal_sources[i], g_source_remove);
  g_clear_handle_id (&self->language_source, g_source_remove);
}

char *
app_settings_get_language (GSettings *settings)
{
  g_autoptr (GVariant) user = g_settings_get_user_value (settings, "language");
  const char *system = NULL;
  const char *vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };

  if (user != NULL)
    return g_settings_get_string (settings, "language");
  for (guint i = 0; i < G_N_ELEMENTS (vars) && (system == NULL || *system == '\0'); i++)
    system = g_getenv (vars[i]);
  return g_strdup (system != NULL && g_str_has_prefix (system, "en") ? "en" : "th");
}

/* The interface language: Thai first, English when chosen. LANGUAGE decides gettext's catalogue;
 * textdomain() makes glibc forget the translations it has cached. */
static void
apply_language (const char *language)
{
  g_setenv ("LANGUAGE", g_strcmp0 (language, "en") == 0 ? "en" : "th", TRUE);
  textdomain (GETTEXT_PACKAGE);
}

/* Every window is made again in the new language, on the same workspace and page: GtkBuilder
 * translated the old ones' templates once and for all. */
static gboolean
rebuild_windows_cb (gpointer data)
{
  AppApplication *self = data;
  g_autofree char *language = app_settings_get_language (self->settings);
  g_autoptr (GList) windows = NULL;
  AppWindow *active = NULL;

  self->language_source = 0;
  apply_language (language);
  if (g_strcmp0 (self->language, language) == 0)
    return G_SOURCE_REMOVE;
  g_free (self->language);
  self->language = g_strdup (language);
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    if (APP_IS_WINDOW (l->data))
      {
        AppWindow *rebuilt = app_window_rebuild (l->data);

        if (active == NULL)
          active = rebuilt;
      }
  if (active != NULL)
    app_window_toast (active, _ ("Language changed"));
  return G_SOURCE_REMOVE;
}

static void
language_changed_cb (AppApplication *self)
{
  /* Not inside the menu's activation: the window that shows the menu goes. */
  if (self->language_source == 0)
    self->language_source = g_idle_add (rebuild_windows_cb, self);
}

/* ------------------------------------------------------------------ actions */

static void
new_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  app_window_choose_new (get_window (APP_APPLICATION (user_data)));
}

static void
open_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  app_window_choose_open (get_window (APP_APPLICATION (user_data)));
}

static void
open_sample_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  AppApplication *self = APP_APPLICATION (user_data);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = app_application_ensure_sample (self, &error);
  g_autoptr (GFile) file = NULL;
  AppWindow *window = get_empty_window (self);

  if (path == NULL)
    {
      app_window_show_error (window, _ ("The sample could not be built"), error->message);
      return;
    }
  file = g_file_new_for_path (path);
  app_window_open (window, file);
}

static void
about_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  AppApplication *self = APP_APPLICATION (user_data);
  const char *developers[] = { "Phaen contributors https://github.com/phaen/phaen", NULL };
  const char *artists[] = { _ ("Phaen contributors (the app and workspace icons)"), NULL };
  const char *credits[] = { _ ("Office of the Public Sector Development Commission (OPDC), for "
                               "the scoring rules and forms"),
                            NULL };
  GtkWidget *about;

  about = g_object_new (
    ADW_TYPE_ABOUT_WINDOW, "transient-for",
    gtk_application_get_active_window (GTK_APPLICATION (self)), "application-name", _ ("Phaen"),
    "application-icon", APP_ID, "version", PACKAGE_VERSION, "developer-name",
    _ ("Phaen contributors"), "comments",
    _ ("Annual plans, indicators and quarterly results for Thai public agencies"), "website",
    PHAEN_WEBSITE, "issue-url", PHAEN_WEBSITE "/issues", "support-url", PHAEN_WEBSITE "#readme",
    "copyright", _ ("© 2026 Phaen contributors"), "developers", developers, "artists", artists,
    "license-type", GTK_LICENSE_GPL_3_0, "translator-credits", _ ("translator-credits"), NULL);
  adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _ ("Thanks to"), credits);
  gtk_window_present (GTK_WINDOW (about));
}

static void
help_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  AppApplication *self = APP_APPLICATION (user_data);

  gtk_window_present (
    app_help_window_new (gtk_application_get_active_window (GTK_APPLICATION (self))));
}

static void
shortcuts_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  AppApplication *self = APP_APPLICATION (user_data);

  gtk_window_present (
    app_shortcuts_window_new (gtk_application_get_active_window (GTK_APPLICATION (self))));
}

static void
quit_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  /* Closing runs each window's close-request, which saves pending text and the window size. */
  close_windows (APP_APPLICATION (user_data));
}

/* ------------------------------------------------------------------ callbacks */

/* SIGTERM (a logout, `kill`), SIGINT (Ctrl+C in a terminal), SIGHUP (the terminal closed): what
 * was typed is saved first, then the application ends as if the user had quit it. */
static gboolean
quit_signal_cb (gpointer user_data)
{
  AppApplication *self = user_data;
  guint saved = app_autosave_flush_all ();

  g_debug ("Quitting on a signal; %u pending saves made", saved);
  close_windows (self);
  g_application_quit (G_APPLICATION (self));
  return G_SOURCE_CONTINUE;
}

/* The session is ending: save now, the session manager may not wait for a close. */
static void
query_end_cb (AppApplication *self)
{
  app_autosave_flush_all ();
}

static const GActionEntry app_actions[] = {
  { "new", new_action },     { "open", open_action }, { "open-sample", open_sample_action },
  { "about", about_action }, { "help", help_action }, { "shortcuts", shortcuts_action },
  { "quit", quit_action },
};

/* ------------------------------------------------------------------ overrides */

static void
app_application_startup (GApplication *app)
{
  AppApplication *self = APP_APPLICATION (app);
  G_APPLICATION_CLASS (app_application_parent_class)->startup (app);
  app_renderer_choose ();
  app_a11y_install ();

  self->signal_sources[0] = g_unix_signal_add (SIGTERM, quit_signal_cb, self);
  self->signal_sources[1] = g_unix_signal_add (SIGINT, quit_signal_cb, self);
  self->signal_sources[2] = g_unix_signal_add (SIGHUP, quit_signal_cb, self);
  g_signal_connect (self, "query-end", G_CALLBACK (query_end_cb), NULL);
  /* Copies of evidence that a Phaen which did not end cleanly left behind. */
  phaen_evidence_copies_remove (NULL, PHAEN_EVIDENCE_COPIES_STALE);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  app_shortcuts_install (GTK_APPLICATION (self));
  gtk_window_set_default_icon_name (APP_ID);
  g_signal_connect_object (self->settings, "changed::language", G_CALLBACK (language_changed_cb),
                           self, G_CONNECT_SWAPPED);
  /* GSettings emits "changed" only for keys read since a handler was connected. */
  self->language = app_settings_get_language (self->settings);
}

static void
app_application_activate (GApplication *app)
{
  AppApplication *self = APP_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *last = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }
  window = GTK_WINDOW (new_window (self));

  last = g_settings_get_string (self->settings, "last-file");
  if (last[0] != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr (GFile) file = g_file_new_for_path (last);

      app_window_open (APP_WINDOW (window), file);
    }
}

static void
app_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  AppApplication *self = APP_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    app_window_open (get_empty_window (self), files[i]);
}

static int
app_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  AppApplication *self = APP_APPLICATION (app);
  const char *view = NULL;

  if (g_variant_dict_lookup (options, "view", "&s", &view))
    {
      g_autofree char *kind = g_strndup (view, strcspn (view, ":"));

      if (!g_strv_contains ((const char *const[]){ "grid", "gantt", "indicators", "results",
                                                   "dashboard", "efficiency", "budget", "pmqa",
                                                   "pmqa-assessment", NULL },
                            kind))
        {
          g_printerr (_ ("--view takes grid, gantt, indicators, results, dashboard, efficiency, "
                         "budget, pmqa or pmqa-assessment, optionally followed by :UNIT, not "
                         "“%s”.\n"),
                      view);
          return 2;
        }
      g_free (self->view);
      self->view = g_strdup (view);
    }
  return -1;
}

static void
app_application_shutdown (GApplication *app)
{
  AppApplication *self = APP_APPLICATION (app);

  app_autosave_flush_all ();
  remove_signal_sources (self);
  phaen_evidence_copies_remove (NULL, PHAEN_EVIDENCE_COPIES_OURS);
  G_APPLICATION_CLASS (app_application_parent_class)->shutdown (app);
}

static void
app_application_finalize (GObject *object)
{
  AppApplication *self = APP_APPLICATION (object);

  remove_signal_sources (self);
  g_clear_object (&self->settings);
  g_free (self->view);
  g_free (self->language);
  G_OBJECT_CLASS (app_application_parent_class)->finalize (object);
}

static void
app_application_class_init (AppApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = app_application_finalize;
  app_class->startup = app_application_startup;
  app_class->shutdown = app_application_shutdown;
  app_class->activate = app_application_activate;
  app_class->open = app_application_open;
  app_class->handle_local_options = app_application_handle_local_options;
}

static void
app_application_init (AppApplication *self)
{
  self->settings = app_settings_new ();
  g_application_add_main_option (
    G_APPLICATION (self), "view", 0, 0, G_OPTION_ARG_STRING,
    _ ("Show the first plan's grid, gantt chart or quarterly budget, the "
       "indicators, the results, the dashboard or the efficiency plan's "
       "report, once the workspace is open; VIEW:UNIT shows that unit's"),
    "VIEW");
}

/* ------------------------------------------------------------------ public API */

GSettings *
app_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;
  g_autoptr (GSettingsSchemaSource) build_source = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_autoptr (GError) error = NULL;

      build_source =
        g_settings_schema_source_new_from_directory (PHAEN_BUILD_SCHEMADIR, source, TRUE, &error);
      if (build_source == NULL)
        g_error ("The settings schema %s is not installed: %s", APP_ID, error->message);
      schema = g_settings_schema_source_lookup (build_source, APP_ID, TRUE);
      if (schema == NULL)
        g_error ("The settings schema %s is not installed", APP_ID);
    }
  return g_settings_new_full (schema, NULL, NULL);
}

void
app_application_init_i18n (void)
{
  g_autoptr (GSettings) settings = app_settings_new ();
  g_autofree char *language = app_settings_get_language (settings);
  const char *localedir = g_getenv ("PHAEN_LOCALEDIR");
  const char *messages;

  setlocale (LC_ALL, "");
  /* glibc ignores LANGUAGE when LC_MESSAGES is C or POSIX, and converts Thai to "?" when the
   * character set is not UTF-8: C.UTF-8 keeps every other convention of C. */
  messages = setlocale (LC_MESSAGES, NULL);
  if (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX"))
    setlocale (LC_MESSAGES, "C.UTF-8");
  if (!g_get_charset (NULL))
    setlocale (LC_CTYPE, "C.UTF-8");
  /* GTK would call setlocale (LC_ALL, "") again and undo the above. */
  gtk_disable_setlocale ();

  /* Thai first: the English strings are the msgids, so "en" needs no catalogue. */
  apply_language (language);

  if (localedir == NULL)
    localedir = running_uninstalled () ? PHAEN_BUILD_LOCALEDIR : LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

AppApplication *
app_application_new (void)
{
  return g_object_new (APP_TYPE_APPLICATION, "application-id", APP_ID, "flags",
                       G_APPLICATION_HANDLES_OPEN, "resource-base-path", "/io/github/phaen/Phaen",
                       "register-session", TRUE, NULL);
}

GSettings *
app_application_get_settings (AppApplication *self)
{
  g_return_val_if_fail (APP_IS_APPLICATION (self), NULL);

  return self->settings;
}

void
app_application_note_opened (AppApplication *self, const char *path)
{
  g_auto (GStrv) recent = NULL;
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) updated = NULL;
  guint n = 1;

  g_return_if_fail (APP_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  recent = g_settings_get_strv (self->settings, "recent-files");
  g_strv_builder_add (builder, path);
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT; i++)
    if (!g_str_equal (recent[i], path))
      {
        g_strv_builder_add (builder, recent[i]);
        n++;
      }
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char *const *)updated);
  g_settings_set_string (self->settings, "last-file", path);
}

char *
app_application_ensure_sample (AppApplication *self, GError **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "phaen", NULL);
  g_autofree char *path = g_build_filename (dir, "sample-2564.phaen", NULL);
  g_autoptr (PhaenStore) store = NULL;

  g_return_val_if_fail (APP_IS_APPLICATION (self), NULL);

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _ ("The folder “%s” could not be made: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }
  store = phaen_store_create (path, error);
  if (store == NULL)
    return NULL;
  if (!phaen_demo_load_dir (store, phaen_demo_sample_dir (), error))
    {
      const char *suffixes[] = { "", "-wal", "-shm" };

      g_clear_object (&store);
      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

          g_unlink (file);
        }
      return NULL;
    }
  phaen_store_clear_history (store);
  return g_steal_pointer (&path);
}
