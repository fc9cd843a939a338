/* phaen-error.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-error"

#include "phaen-error.h"

/* The quark's name is a string spelled with hyphens, which clang-format would split. */
/* clang-format off */
G_DEFINE_QUARK (phaen-error-quark, phaen_error)
/* clang-format on */
