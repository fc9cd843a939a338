/* app-application.h — the Phaen application: windows, app-wide actions, settings, language
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define APP_TYPE_APPLICATION (app_application_get_type ())
G_DECLARE_FINAL_TYPE (AppApplication, app_application, APP, APPLICATION, AdwApplication)

/* Sets the locale and the text domain before GTK starts: Thai unless the `language` setting
 * says English or, never set, LANG is English (glibc ignores LANGUAGE under the C locale, so C
 * becomes C.UTF-8). Call once, before the first GTK call. */
void app_application_init_i18n (void);

/* The app's settings, from the installed schema or, running uninstalled, the build tree's.
 * Returns: (transfer full) */
GSettings *app_settings_new (void);

/* "th" or "en": the language the user chose in the menu; never chosen, English for an English
 * system locale (LC_ALL, LC_MESSAGES or LANG = en…), else Thai. Returns: (transfer full) */
char *app_settings_get_language (GSettings *settings);

AppApplication *app_application_new (void);                     /* (transfer full) */
GSettings *app_application_get_settings (AppApplication *self); /* (transfer none) */

/* Puts @path first in the `recent-files` setting (at most 8) and makes it the `last-file`. */
void app_application_note_opened (AppApplication *self, const char *path);

/* The sample workspace in the user's data folder, built from the sample data when missing.
 * Returns: (transfer full): its path, or NULL with @error */
char *app_application_ensure_sample (AppApplication *self, GError **error);

G_END_DECLS
