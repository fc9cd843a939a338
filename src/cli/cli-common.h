/* cli-common.h — what every phaen-cli command shares
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "phaen-store.h"

G_BEGIN_DECLS

/* Exit codes: 0 fine, 1 the work failed or found problems, 2 bad usage. */
#define CLI_EXIT_OK 0
#define CLI_EXIT_FAILED 1
#define CLI_EXIT_USAGE 2

typedef int (*CliCommandFunc) (int argc, char **argv);

typedef struct
{
  const char *name;
  const char *synopsis;
  const char *summary;
  CliCommandFunc run;
} CliCommand;

int cli_budget (int argc, char **argv);
int cli_chart (int argc, char **argv);
int cli_demo (int argc, char **argv);
int cli_duplicate_plan (int argc, char **argv);
int cli_export (int argc, char **argv);
int cli_import_plan (int argc, char **argv);
int cli_import_units (int argc, char **argv);
int cli_info (int argc, char **argv);
int cli_merge (int argc, char **argv);
int cli_pack (int argc, char **argv);
int cli_plan (int argc, char **argv);
int cli_pmqa (int argc, char **argv);
int cli_repair (int argc, char **argv);
int cli_score (int argc, char **argv);
int cli_send (int argc, char **argv);
int cli_status (int argc, char **argv);
int cli_validate (int argc, char **argv);

/* Prints "phaen-cli: <message>" to stderr and returns @code. */
int cli_fail (int code, const char *format, ...) G_GNUC_PRINTF (2, 3);
int cli_fail_error (const GError *error);
/* Parses options; on bad usage prints why and returns FALSE. */
gboolean cli_parse (GOptionContext *context, int *argc, char ***argv, int n_positional);
PhaenStore *cli_open_store (const char *path, GError **error);
/* --fy must name a year the workspace has; 0 (no filter) passes. */
gboolean cli_check_fiscal_year (PhaenStore *store, int fiscal_year, GError **error);
/* The PLAN-ID argument @text as a plan id; on a bad one prints why and returns FALSE. */
gboolean cli_parse_plan_id (const char *text, gint64 *plan_id);
/* Resolves --unit (abbreviation) into an id; 0 with no filter. */
gboolean cli_resolve_unit (PhaenStore *store, const char *abbr, gint64 *unit_id, GError **error);

/* @text padded with spaces to @columns terminal columns: Thai vowel and tone marks take no
 * column of their own, so printf's byte counts would misalign Thai tables. */
char *cli_pad (const char *text, guint columns);
/* Like cli_pad(), but cut with "…" so that at least one space follows within @columns. */
char *cli_fit (const char *text, guint columns);

/* Minimal JSON writer: json-glib prints doubles with 17 digits, and the official tables want
 * exactly 4 decimals, so scores are written by hand here. */
void cli_json_string (GString *out, const char *text);

G_END_DECLS
