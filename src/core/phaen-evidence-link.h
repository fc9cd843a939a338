/* phaen-evidence-link.h — which evidence links may be opened: web pages and e-mail addresses
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether @url (surrounding white space allowed) is an address a viewer may open for the user:
 * http:// or https:// with a host, or mailto: with an address; the scheme in any case. Anything
 * else — file:, javascript:, data:, a program's own scheme, text that is no URL — is not. */
gboolean phaen_evidence_url_is_safe (const char *url);

G_END_DECLS
