/* app-a11y.h — names a screen reader hears where GTK 4.8 gives none or a wrong one: buttons,
 * menu buttons and expanders with a text label (GTK 4.8 announces "GtkButton", or the label
 * twice with its mnemonic underscore), and the button inside a drop-down
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* From the application's startup: every button, menu button and expander with a text label is
 * named by that label, without its mnemonic underscore, when it is shown. */
void app_a11y_install (void);
/* The same for every control under @root, shown or not (a page not shown yet is still read by
 * a screen reader's tree): from a window's init, after its template. */
void app_a11y_name_controls (GtkWidget *root);
/* @label (without mnemonic) for what @text says with a mnemonic (`_Open…` → `Open…`).
 * Returns: (transfer full) */
char *app_a11y_strip_mnemonic (const char *text);
/* Names @drop_down and the button inside it, which is what takes the focus. */
void app_a11y_label_drop_down (GtkWidget *drop_down, const char *label);

G_END_DECLS
