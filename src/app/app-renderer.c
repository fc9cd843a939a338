/* app-renderer.c — GTK's cairo renderer where OpenGL is only emulated in software
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-renderer"

#include "config.h"

#include <epoxy/gl.h>
#include <string.h>

#include "app-renderer.h"

/*
 * GTK 4.8 draws every frame of a window through OpenGL when it can. Where there is no GPU
 * driver — a virtual machine, a remote desktop, Xvfb — Mesa emulates OpenGL on the CPU
 * (llvmpipe, softpipe) and the whole window is rendered again for every frame. Measured with
 * bench/bench-window on the ministry workspace at 1366×768 (CPU time of the process):
 * scrolling the 5,000-row grid costs 58 ms a frame through llvmpipe and 3.3 ms with the cairo
 * renderer, which redraws only what changed; peak memory falls from 306 to 201 MB. So on a
 * software rasteriser Phaen asks for the cairo renderer, unless the user chose one with
 * GSK_RENDERER. A real GPU keeps GTK's default.
 */

static const char *choice;

static gboolean
is_software (const char *renderer)
{
  static const char *const rasterisers[] = { "llvmpipe", "softpipe", "SWR", "Software Rasterizer" };

  for (guint i = 0; renderer != NULL && i < G_N_ELEMENTS (rasterisers); i++)
    if (strstr (renderer, rasterisers[i]) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
gl_is_software (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkGLContext) context = NULL;
  GdkDisplay *display = gdk_display_get_default ();
  gboolean software;

  if (display == NULL)
    return FALSE;
  context = gdk_display_create_gl_context (display, &error);
  if (context == NULL || !gdk_gl_context_realize (context, &error))
    {
      /* No OpenGL at all: GTK falls back to cairo by itself. */
      g_debug ("no OpenGL: %s", error ? error->message : "");
      return FALSE;
    }
  gdk_gl_context_make_current (context);
  software = is_software ((const char *)glGetString (GL_RENDERER));
  g_debug ("OpenGL renderer: %s", (const char *)glGetString (GL_RENDERER));
  gdk_gl_context_clear_current ();
  return software;
}

void
app_renderer_choose (void)
{
  static gsize once = 0;

  if (!g_once_init_enter (&once))
    return;
  if (g_getenv ("GSK_RENDERER") == NULL && gl_is_software ())
    {
      choice = "cairo";
      g_setenv ("GSK_RENDERER", choice, FALSE);
    }
  g_once_init_leave (&once, 1);
}

const char *
app_renderer_get_choice (void)
{
  return choice;
}
