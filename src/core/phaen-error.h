/* phaen-error.h — the error domain of the core library
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PHAEN_ERROR (phaen_error_quark ())

/**
 * PhaenError:
 * @PHAEN_ERROR_FAILED: an unexpected failure (message says what)
 * @PHAEN_ERROR_NOT_WORKSPACE: the file is not a Phaen workspace (text, empty, foreign database)
 * @PHAEN_ERROR_CORRUPT: the file is a damaged or truncated workspace
 * @PHAEN_ERROR_TOO_NEW: the workspace was written by a newer Phaen
 * @PHAEN_ERROR_IO: the file could not be read or written (permissions, full disk)
 * @PHAEN_ERROR_INVALID: input that cannot be accepted (a non-number, a bad date, …)
 * @PHAEN_ERROR_NOT_FOUND: a unit, year, plan or indicator that does not exist
 * @PHAEN_ERROR_EXPORT: the exporter or renderer failed (libxlsxwriter, cairo)
 * @PHAEN_ERROR_LOCKED: someone else has the workspace open for editing (message says who,
 *   where and since when); it can still be opened read-only
 * @PHAEN_ERROR_READ_ONLY: an edit was refused because the workspace is open read-only
 * @PHAEN_ERROR_SCHEMA: the workspace's structure is not one Phaen wrote (tables, triggers or
 *   views added or changed); it can be repaired into a copy
 */
typedef enum
{
  PHAEN_ERROR_FAILED,
  PHAEN_ERROR_NOT_WORKSPACE,
  PHAEN_ERROR_CORRUPT,
  PHAEN_ERROR_TOO_NEW,
  PHAEN_ERROR_IO,
  PHAEN_ERROR_INVALID,
  PHAEN_ERROR_NOT_FOUND,
  PHAEN_ERROR_EXPORT,
  PHAEN_ERROR_LOCKED,
  PHAEN_ERROR_READ_ONLY,
  PHAEN_ERROR_SCHEMA,
} PhaenError;

GQuark phaen_error_quark (void);

G_END_DECLS
