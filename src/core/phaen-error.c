/* phaen-error.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-error"

#include "phaen-error.h"

G_DEFINE_QUARK (phaen-error-quark, phaen_error)
