/* app-renderer.h — GTK's cairo renderer where OpenGL is only emulated in software
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Call once GTK is initialised and before the first window is shown. */
void app_renderer_choose (void);

/* The renderer chosen: "cairo" on software OpenGL, NULL when GTK chooses (GSK_RENDERER). */
const char *app_renderer_get_choice (void);

G_END_DECLS
