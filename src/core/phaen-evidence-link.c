/* phaen-evidence-link.c — which evidence links may be opened: web pages and e-mail addresses
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-evidence-link"

#include "config.h"

#include "phaen-evidence-link.h"

gboolean
phaen_evidence_url_is_safe (const char *url)
{
  g_autofree char *stripped = NULL;
  g_autoptr (GUri) uri = NULL;
  const char *scheme;

  if (url == NULL)
    return FALSE;
  stripped = g_strstrip (g_strdup (url));
  uri = g_uri_parse (stripped, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0)
    {
      const char *host = g_uri_get_host (uri);

      return host != NULL && host[0] != '\0';
    }
  if (g_ascii_strcasecmp (scheme, "mailto") == 0)
    return g_uri_get_host (uri) == NULL && g_uri_get_path (uri)[0] != '\0';
  return FALSE;
}
