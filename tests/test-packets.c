/* test-packets.c — unit copies, result packets and their merge, end to end: the office sends
 * copies to สตป. and กพร., each enters its four quarters, the packets merge and score exactly
 * as entering them directly; conflicts, duplicates, forged and foreign packets
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1

#include <glib/gstdio.h>
#include <unistd.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "phaen-collection.h"
#include "phaen-demo.h"
#include "phaen-merge.h"
#include "phaen-sync-private.h"
#include "phaen-unit-copy.h"
#include "test-util.h"

#define YEAR 2564

static char *tmpdir;
static char *template_dir; /* office.phaen + copies/ made once, copied per test */
static char *direct_path;  /* the sample with results entered directly */

/* ------------------------------------------------------------------ the sample, results aside */

static const char *
sample_dir (void)
{
  static char *dir;

  if (dir == NULL)
    dir = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "data", "sample", NULL);
  return dir;
}

static JsonObject *
load_json (JsonParser *parser, const char *name)
{
  g_autofree char *path = g_build_filename (sample_dir (), name, NULL);
  g_autoptr (GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

/* Every indicator object of a sample file: top level and in plans. */
static GPtrArray *
indicators_of (JsonObject *root)
{
  GPtrArray *indicators = g_ptr_array_new ();

  if (json_object_has_member (root, "plans"))
    {
      JsonArray *plans = json_object_get_array_member (root, "plans");

      for (guint p = 0; p < json_array_get_length (plans); p++)
        {
          JsonObject *plan = json_array_get_object_element (plans, p);

          if (json_object_has_member (plan, "indicators"))
            {
              JsonArray *list = json_object_get_array_member (plan, "indicators");

              for (guint i = 0; i < json_array_get_length (list); i++)
                g_ptr_array_add (indicators, json_array_get_object_element (list, i));
            }
        }
    }
  if (json_object_has_member (root, "indicators"))
    {
      JsonArray *list = json_object_get_array_member (root, "indicators");

      for (guint i = 0; i < json_array_get_length (list); i++)
        g_ptr_array_add (indicators, json_array_get_object_element (list, i));
    }
  return indicators;
}

/* The sample files without their results: what the office has before units report. */
static char *
make_stripped_sample (void)
{
  g_autofree char *dir = g_build_filename (tmpdir, "stripped", NULL);
  g_autoptr (GDir) sample = g_dir_open (sample_dir (), 0, NULL);
  const char *name;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  {
    /* The files the sample's PMQA application attaches, as they are. */
    g_autofree char *evidence = g_build_filename (sample_dir (), "evidence", NULL);
    g_autofree char *link = g_build_filename (dir, "evidence", NULL);

    g_assert_cmpint (symlink (evidence, link), ==, 0);
  }
  while ((name = g_dir_read_name (sample)) != NULL)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();
      g_autoptr (JsonGenerator) generator = json_generator_new ();
      g_autoptr (GPtrArray) indicators = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *out = NULL;
      JsonObject *root;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      root = load_json (parser, name);
      indicators = indicators_of (root);
      for (guint i = 0; i < indicators->len; i++)
        json_object_remove_member (g_ptr_array_index (indicators, i), "results");
      json_generator_set_root (generator, json_parser_get_root (parser));
      out = g_build_filename (dir, name, NULL);
      json_generator_to_file (generator, out, &error);
      g_assert_no_error (error);
    }
  return g_steal_pointer (&dir);
}

/* ------------------------------------------------------------------ the units report */

static PhaenIndicator *
find_by_name (PhaenStore *store, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = phaen_store_list_indicators (store, 0, YEAR, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      PhaenIndicator *indicator = g_ptr_array_index (all, i);

      if (g_str_equal (indicator->name, name))
        return phaen_indicator_copy (indicator);
    }
  g_assert_not_reached ();
}

/* Enters what the sample file reports for @quarter, as a unit head does in the unit copy. */
static void
enter_quarter (PhaenStore *store, const char *json, int quarter)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *root = load_json (parser, json);
  g_autoptr (GPtrArray) indicators = indicators_of (root);

  for (guint i = 0; i < indicators->len; i++)
    {
      JsonObject *object = g_ptr_array_index (indicators, i);
      JsonArray *results;
      g_autoptr (PhaenIndicator) indicator = NULL;

      if (!json_object_has_member (object, "results"))
        continue;
      indicator = find_by_name (store, json_object_get_string_member (object, "name"));
      results = json_object_get_array_member (object, "results");
      for (guint r = 0; r < json_array_get_length (results); r++)
        {
          JsonObject *result = json_array_get_object_element (results, r);
          g_autoptr (GError) error = NULL;

          if (json_object_get_int_member (result, "quarter") != quarter)
            continue;
          phaen_store_set_result (
            store, indicator->id, quarter, json_object_get_string_member (result, "value"),
            json_object_get_string_member_with_default (result, "detail", ""),
            json_object_get_string_member_with_default (result, "problems", ""), &error);
          g_assert_no_error (error);
          if (!json_object_has_member (result, "evidence"))
            continue;
          for (guint e = 0;
               e < json_array_get_length (json_object_get_array_member (result, "evidence")); e++)
            {
              JsonObject *item = json_array_get_object_element (
                json_object_get_array_member (result, "evidence"), e);

              if (json_object_has_member (item, "url"))
                g_assert_cmpint (phaen_store_add_evidence_url (
                                   store, indicator->id, quarter,
                                   json_object_get_string_member (item, "title"),
                                   json_object_get_string_member (item, "url"), &error),
                                 >, 0);
              else
                {
                  g_autofree char *path = g_build_filename (
                    sample_dir (), json_object_get_string_member (item, "file"), NULL);
                  g_autofree char *contents = NULL;
                  gsize size = 0;
                  g_autoptr (GBytes) bytes = NULL;

                  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
                  bytes = g_bytes_new (contents, size);
                  g_assert_cmpint (phaen_store_add_evidence_file (
                                     store, indicator->id, quarter,
                                     json_object_get_string_member (item, "name"),
                                     json_object_get_string_member (item, "mime"), bytes, &error),
                                   >, 0);
                }
              g_assert_no_error (error);
            }
        }
    }
}

/* ------------------------------------------------------------------ fixtures */

typedef struct
{
  char *dir;
  char *office;
  char *stp; /* สตป.'s unit copy */
  char *kpr; /* กพร.'s */
} Env;

static void
env_clear (Env *env)
{
  g_free (env->dir);
  g_free (env->office);
  g_free (env->stp);
  g_free (env->kpr);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Env, env_clear)

static void
copy_file (const char *from, const char *to)
{
  g_autoptr (GFile) source = g_file_new_for_path (from);
  g_autoptr (GFile) target = g_file_new_for_path (to);
  g_autoptr (GError) error = NULL;

  g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
make_template (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) office = NULL;
  g_autoptr (PhaenStore) direct = NULL;
  g_autoptr (GPtrArray) written = NULL;
  g_autofree char *stripped = make_stripped_sample ();
  g_autofree char *office_path = NULL;
  g_autofree char *copies = NULL;

  template_dir = g_build_filename (tmpdir, "template", NULL);
  g_assert_cmpint (g_mkdir (template_dir, 0700), ==, 0);
  office_path = g_build_filename (template_dir, "office.phaen", NULL);
  copies = g_build_filename (template_dir, "copies", NULL);
  office = phaen_store_create (office_path, &error);
  g_assert_no_error (error);
  g_assert_true (phaen_demo_load_dir (office, stripped, &error));
  g_assert_no_error (error);
  written = phaen_unit_copies_write (office, YEAR, NULL, copies, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  /* The units with indicators or plans in 2564: กพร. and สตป. */
  g_assert_cmpuint (written->len, ==, 2);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (written, 0), "กพร-2564.phaen"));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (written, 1), "สตป-2564.phaen"));

  direct_path = g_build_filename (tmpdir, "direct.phaen", NULL);
  direct = phaen_store_create (direct_path, &error);
  g_assert_no_error (error);
  g_assert_true (phaen_demo_load_dir (direct, sample_dir (), &error));
  g_assert_no_error (error);
}

/* A fresh copy of the office and its two unit copies, in a folder of the test's own. */
static void
env_init (Env *env, const char *name)
{
  g_autofree char *copies = g_build_filename (template_dir, "copies", NULL);
  g_autofree char *from = NULL;

  env->dir = g_build_filename (tmpdir, name, NULL);
  g_assert_cmpint (g_mkdir (env->dir, 0700), ==, 0);
  env->office = g_build_filename (env->dir, "office.phaen", NULL);
  env->stp = g_build_filename (env->dir, "สตป-2564.phaen", NULL);
  env->kpr = g_build_filename (env->dir, "กพร-2564.phaen", NULL);
  from = g_build_filename (template_dir, "office.phaen", NULL);
  copy_file (from, env->office);
  g_free (from);
  from = g_build_filename (copies, "สตป-2564.phaen", NULL);
  copy_file (from, env->stp);
  g_free (from);
  from = g_build_filename (copies, "กพร-2564.phaen", NULL);
  copy_file (from, env->kpr);
}

/* The office types its own figure @value for quarter @quarter of สตป. 02 (as a unit's packet is
 * on its way). Returns: the indicator's id */
static gint64
office_enters (const Env *env, int quarter, const char *value)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) office = phaen_store_open (env->office, &error);
  g_autoptr (PhaenIndicator) indicator = NULL;

  g_assert_no_error (error);
  indicator =
    phaen_store_find_indicator (office, test_unit_id (office, "สตป."), YEAR, "สตป. 02", &error);
  g_assert_no_error (error);
  g_assert_true (
    phaen_store_set_result (office, indicator->id, quarter, value, NULL, NULL, &error));
  g_assert_no_error (error);
  return indicator->id;
}

/* Enters quarters @first..@last in a unit copy, writing a packet after each; adds the packets'
 * paths to @packets. */
static void
report (const Env *env, const char *copy, const char *json, int first, int last, GPtrArray *packets)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) store = phaen_store_open (copy, &error);

  g_assert_no_error (error);
  g_assert_true (phaen_store_is_unit_copy (store));
  for (int q = first; q <= last; q++)
    {
      g_autofree char *name = phaen_unit_copy_packet_name (store, q, &error);
      g_autofree char *path = NULL;
      PhaenPackSummary summary = { 0 };
      PhaenPackSummary counted = { 0 };

      g_assert_no_error (error);
      enter_quarter (store, json, q);
      g_assert_true (phaen_unit_copy_count_changes (store, &counted, &error));
      g_assert_no_error (error);
      path = g_build_filename (env->dir, name, NULL);
      g_assert_true (phaen_unit_copy_pack (store, 0, "หัวหน้าหน่วย", path, &summary, &error));
      g_assert_no_error (error);
      g_assert_cmpint (summary.quarter, ==, q);
      g_assert_cmpuint (summary.results, >, 0);
      g_assert_cmpuint (summary.results, ==, counted.results);
      g_assert_cmpuint (summary.seq, ==, counted.seq);
      g_ptr_array_add (packets, g_steal_pointer (&path));
    }
  /* Written: nothing more to send. */
  {
    PhaenPackSummary rest = { 0 };

    g_assert_true (phaen_unit_copy_count_changes (store, &rest, &error));
    g_assert_cmpuint (rest.results + rest.evidence + rest.progress + rest.pmqa, ==, 0);
  }
}

static PhaenMergeReport *
merge (const char *office, GPtrArray *packets, const PhaenMergeOptions *options)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) store = options && options->dry_run
                                   ? phaen_store_open_read_only (office, &error)
                                   : phaen_store_open (office, &error);
  g_autoptr (GPtrArray) paths = g_ptr_array_new ();
  PhaenMergeReport *report;

  g_assert_no_error (error);
  for (guint i = 0; i < packets->len; i++)
    g_ptr_array_add (paths, g_ptr_array_index (packets, i));
  g_ptr_array_add (paths, NULL);
  report = phaen_merge_packets (store, (const char *const *)paths->pdata, options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static const PhaenPacketOutcome *
outcome (const PhaenMergeReport *report, guint i)
{
  g_assert_cmpuint (i, <, report->packets->len);
  return g_ptr_array_index (report->packets, i);
}

static void
assert_refused (const char *office, const char *packet, const char *why)
{
  g_autoptr (GPtrArray) one = g_ptr_array_new ();
  g_autofree char *before = test_workspace_digest (office);
  g_autofree char *after = NULL;
  g_autoptr (PhaenMergeReport) report = NULL;

  g_ptr_array_add (one, (char *)packet);
  report = merge (office, one, NULL);
  g_assert_cmpint (outcome (report, 0)->status, ==, PHAEN_PACKET_REFUSED);
  g_test_message ("refused: %s", outcome (report, 0)->message);
  g_assert_nonnull (strstr (outcome (report, 0)->message, why));
  g_assert_cmpuint (report->conflicts->len, ==, 0);
  after = test_workspace_digest (office);
  g_assert_cmpstr (before, ==, after);
}

/* ------------------------------------------------------------------ tests */

static const char *const official[] = { "1.0000", "2.2267", "4.0372", "5.0000",
                                        "0.3000", "0.6680", "1.2112", "1.5000" };

/* The done-when of issue #12: the packets of both units' four quarters merge and score as the
 * same results entered directly. */
static void
test_end_to_end (void)
{
  g_auto (Env) env = { 0 };
  g_autoptr (GPtrArray) packets = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_auto (Run) merged = { 0 };
  g_auto (Run) stp = { 0 };
  g_auto (Run) kpr = { 0 };
  g_auto (Run) json = { 0 };
  g_auto (Run) direct = { 0 };
  g_auto (Run) status = { 0 };
  g_autoptr (GError) error = NULL;

  env_init (&env, "end-to-end");
  report (&env, env.stp, "stp-2564.json", 1, 4, packets);
  report (&env, env.kpr, "kpr-2564.json", 1, 4, packets);
  g_assert_cmpuint (packets->len, ==, 8);

  /* Before: nothing scored for สตป. 02 */
  run_cli (&stp, "score", env.office, "--fy", "2564", "--unit", "สตป.", NULL);
  g_assert_null (strstr (stp.out, "2.2267"));
  run_clear (&stp);

  g_ptr_array_add (args, "merge");
  g_ptr_array_add (args, env.office);
  /* in reverse: packets of one copy apply in order whatever order they come in */
  for (guint i = packets->len; i > 0; i--)
    g_ptr_array_add (args, g_ptr_array_index (packets, i - 1));
  run_cli_argv (&merged, args);
  g_test_message ("%s%s", merged.out, merged.err);
  g_assert_cmpint (exit_code (&merged), ==, 0);
  g_assert_null (strstr (merged.out, "refused"));

  run_cli (&stp, "score", env.office, "--fy", "2564", "--unit", "สตป.", NULL);
  g_assert_cmpint (exit_code (&stp), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (official); i++)
    g_assert_nonnull (strstr (stp.out, official[i]));
  run_cli (&kpr, "score", env.office, "--fy", "2564", "--unit", "กพร.", NULL);
  g_assert_nonnull (strstr (kpr.out, "0.1500"));
  g_assert_nonnull (strstr (kpr.out, "0.2500"));

  /* Exactly what entering them directly gives, to the last figure. */
  run_cli (&json, "score", env.office, "--fy", "2564", "--json", NULL);
  run_cli (&direct, "score", direct_path, "--fy", "2564", "--json", NULL);
  g_assert_cmpint (exit_code (&json), ==, 0);
  g_assert_cmpstr (json.out, ==, direct.out);

  /* The evidence travelled: the CSV's bytes and the Google Form link. */
  {
    g_autoptr (PhaenStore) store = phaen_store_open_read_only (env.office, &error);
    g_autoptr (PhaenUnit) unit = phaen_store_find_unit (store, "สตป.", &error);
    g_autoptr (PhaenIndicator) indicator =
      phaen_store_find_indicator (store, unit->id, YEAR, "สตป. 02", &error);
    g_autoptr (GPtrArray) items = phaen_store_list_evidence (store, indicator->id, 4, &error);
    g_autofree char *path = g_build_filename (sample_dir (), "evidence", "stp-02-q4.csv", NULL);
    g_autofree char *expected = NULL;
    gsize size = 0;
    g_autoptr (GBytes) data = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (items->len, ==, 1);
    data = phaen_store_get_evidence_data (
      store, ((PhaenEvidence *)g_ptr_array_index (items, 0))->id, &error);
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (path, &expected, &size, NULL));
    g_assert_cmpmem (g_bytes_get_data (data, NULL), g_bytes_get_size (data), expected, size);
  }

  /* Who has reported: both units, each quarter. */
  run_cli (&status, "status", env.office, "--fy", "2564", "--quarter", "2", NULL);
  g_assert_cmpint (exit_code (&status), ==, 0);
  g_assert_nonnull (strstr (status.out, "2 of 2"));
  g_assert_null (strstr (status.out, "not received"));
}

/* Two copies each add rows: in their own files the new rows get the same integer ids, in the
 * office they are different rows (the ids never travel). */
static void
test_no_collision (void)
{
  g_auto (Env) env = { 0 };
  g_autoptr (GPtrArray) packets = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (PhaenMergeReport) result = NULL;
  g_autoptr (GError) error = NULL;
  gint64 ids[2] = { 0 };
  const char *copies[] = { env.stp, env.kpr };

  env_init (&env, "collision");
  copies[0] = env.stp;
  copies[1] = env.kpr;
  for (guint c = 0; c < 2; c++)
    {
      g_autoptr (PhaenStore) store = phaen_store_open (copies[c], &error);
      g_autoptr (GPtrArray) indicators = phaen_store_list_indicators (store, 0, YEAR, &error);
      const PhaenIndicator *indicator = g_ptr_array_index (indicators, 0);
      g_autofree char *path = g_strdup_printf ("%s/%u.phaenpkt", env.dir, c);
      g_autoptr (GPtrArray) evidence = NULL;

      g_assert_no_error (error);
      /* Evidence on a quarter without a result makes a new result row, then the file's row. */
      g_assert_cmpint (phaen_store_add_evidence_url (store, indicator->id, 1, "รายงาน",
                                                     "https://example.org/r.pdf", &error),
                       >, 0);
      g_assert_no_error (error);
      evidence = phaen_store_list_evidence (store, indicator->id, 1, &error);
      ids[c] = ((PhaenEvidence *)g_ptr_array_index (evidence, 0))->id;
      g_assert_true (phaen_unit_copy_pack (store, 1, NULL, path, NULL, &error));
      g_assert_no_error (error);
      g_ptr_array_add (packets, g_steal_pointer (&path));
    }
  /* The measured problem: both copies gave their new evidence the same id. */
  g_assert_cmpint (ids[0], ==, ids[1]);

  result = merge (env.office, packets, NULL);
  g_assert_cmpint (outcome (result, 0)->status, ==, PHAEN_PACKET_MERGED);
  g_assert_cmpint (outcome (result, 1)->status, ==, PHAEN_PACKET_MERGED);
  g_assert_cmpuint (outcome (result, 0)->evidence + outcome (result, 1)->evidence, ==, 2);
  {
    g_autoptr (PhaenStore) store = phaen_store_open_read_only (env.office, &error);
    PhaenStoreStats stats;

    g_assert_true (phaen_store_get_stats (store, &stats, &error));
    g_assert_cmpint (stats.evidence, ==, 2);
    g_assert_cmpint (stats.results, ==, 2);
  }
}

/* The office and the unit changed the same result: listed with both values, who and when, left
 * as the office has it; the officer's choice applies it; the packet then is merged. */
static void
test_conflict (void)
{
  g_auto (Env) env = { 0 };
  g_autoptr (GPtrArray) packets = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (PhaenMergeReport) first = NULL;
  g_autoptr (PhaenMergeReport) dry = NULL;
  g_autoptr (PhaenMergeReport) second = NULL;
  g_autoptr (PhaenMergeReport) third = NULL;
  g_autoptr (GHashTable) choices = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GError) error = NULL;
  const PhaenMergeConflict *conflict;
  PhaenMergeOptions options = { 0 };
  gint64 indicator_id;

  env_init (&env, "conflict");
  report (&env, env.stp, "stp-2564.json", 1, 2, packets);
  /* The office types its own figure for quarter 2 meanwhile. */
  indicator_id = office_enters (&env, 2, "200");

  options.dry_run = TRUE;
  dry = merge (env.office, packets, &options);
  g_assert_cmpuint (dry->conflicts->len, ==, 1);

  first = merge (env.office, packets, NULL);
  g_assert_cmpint (outcome (first, 0)->status, ==, PHAEN_PACKET_MERGED);
  g_assert_cmpint (outcome (first, 1)->status, ==, PHAEN_PACKET_MERGED);
  g_assert_cmpuint (outcome (first, 1)->conflicts, ==, 1);
  g_assert_cmpuint (first->conflicts->len, ==, 1);
  conflict = g_ptr_array_index (first->conflicts, 0);
  g_assert_cmpstr (conflict->key, ==,
                   ((PhaenMergeConflict *)g_ptr_array_index (dry->conflicts, 0))->key);
  g_assert_nonnull (strstr (conflict->subject, "สตป. 02"));
  g_assert_cmpstr (conflict->unit_who, ==, "หัวหน้าหน่วย");
  g_assert_nonnull (conflict->office_when);
  g_assert_nonnull (conflict->unit_when);
  g_assert_cmpint (conflict->applied, ==, PHAEN_MERGE_CHOICE_NONE);
  g_assert_cmpuint (conflict->fields->len, >=, 1);
  {
    const PhaenMergeField *field = g_ptr_array_index (conflict->fields, 0);

    g_assert_cmpstr (field->office, ==, "200");
    g_assert_cmpstr (field->unit, ==, "184");
  }
  {
    g_autoptr (PhaenStore) office = phaen_store_open_read_only (env.office, &error);
    g_autoptr (GPtrArray) results = phaen_store_get_results (office, indicator_id, &error);

    /* Left as the office has it; quarter 1 applied. */
    g_assert_cmpstr (((PhaenResult *)g_ptr_array_index (results, 1))->value_text, ==, "200");
    g_assert_cmpstr (((PhaenResult *)g_ptr_array_index (results, 0))->value_text, ==, "0");
  }

  /* The officer takes the unit's value: the same packet again, with the choice. */
  g_hash_table_insert (choices, conflict->key, GINT_TO_POINTER (PHAEN_MERGE_CHOICE_UNIT));
  memset (&options, 0, sizeof options);
  options.choices = choices;
  second = merge (env.office, packets, &options);
  g_assert_cmpint (outcome (second, 0)->status, ==, PHAEN_PACKET_ALREADY_MERGED);
  g_assert_cmpint (outcome (second, 1)->status, ==, PHAEN_PACKET_MERGED);
  g_assert_cmpuint (outcome (second, 1)->conflicts, ==, 0);
  {
    g_autoptr (PhaenStore) office = phaen_store_open_read_only (env.office, &error);
    g_autoptr (GPtrArray) results = phaen_store_get_results (office, indicator_id, &error);

    g_assert_cmpstr (((PhaenResult *)g_ptr_array_index (results, 1))->value_text, ==, "184");
  }
  third = merge (env.office, packets, NULL);
  g_assert_cmpint (outcome (third, 1)->status, ==, PHAEN_PACKET_ALREADY_MERGED);
}

/* --prefer office keeps the office's value and says so; undo takes the whole import back,
 * packet log included, so the packets can come again. */
static void
test_prefer_and_undo (void)
{
  g_auto (Env) env = { 0 };
  g_autoptr (GPtrArray) packets = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_auto (Run) dry = { 0 };
  g_auto (Run) run = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 indicator_id;

  env_init (&env, "prefer");
  report (&env, env.stp, "stp-2564.json", 1, 1, packets);
  indicator_id = office_enters (&env, 1, "7");
  before = test_workspace_digest (env.office);
  run_cli (&dry, "merge", env.office, g_ptr_array_index (packets, 0), "--dry-run", NULL);
  /* a conflict left undecided: exit 1, and listed */
  g_assert_cmpint (exit_code (&dry), ==, 1);
  g_assert_nonnull (strstr (dry.out, "conflict"));
  after = test_workspace_digest (env.office);
  g_assert_cmpstr (before, ==, after);

  run_cli (&run, "merge", env.office, g_ptr_array_index (packets, 0), "--prefer", "office", NULL);
  g_assert_cmpint (exit_code (&run), ==, 0);
  {
    g_autoptr (PhaenStore) office = phaen_store_open (env.office, &error);
    g_autoptr (GPtrArray) results = phaen_store_get_results (office, indicator_id, &error);
    g_autoptr (PhaenMergeReport) again = NULL;
    const char *paths[2] = { g_ptr_array_index (packets, 0), NULL };
    PhaenMergeOptions options = { .policy = PHAEN_MERGE_PREFER_UNIT };

    g_assert_cmpstr (((PhaenResult *)g_ptr_array_index (results, 0))->value_text, ==, "7");
    /* merged once: the same packet changes nothing, even preferring the unit */
    again = phaen_merge_packets (office, paths, &options, &error);
    g_assert_no_error (error);
    g_assert_cmpint (outcome (again, 0)->status, ==, PHAEN_PACKET_ALREADY_MERGED);
  }
  {
    /* A fresh office where the import is undone: its packet log goes with it. */
    g_auto (Env) other = { 0 };
    g_autoptr (PhaenStore) office = NULL;
    g_autoptr (PhaenMergeReport) first = NULL;
    g_autoptr (PhaenMergeReport) again = NULL;
    g_autofree char *pristine = NULL;
    g_autofree char *undone = NULL;
    const char *paths[2] = { g_ptr_array_index (packets, 0), NULL };

    env_init (&other, "undo");
    pristine = test_workspace_digest (other.office);
    office = phaen_store_open (other.office, &error);
    /* the packet belongs to the template's office too: same identity */
    first = phaen_merge_packets (office, paths, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (outcome (first, 0)->status, ==, PHAEN_PACKET_MERGED);
    g_assert_true (phaen_store_can_undo (office));
    g_assert_true (phaen_store_undo (office, &error));
    g_assert_no_error (error);
    g_clear_object (&office);
    undone = test_workspace_digest (other.office);
    g_assert_cmpstr (undone, ==, pristine);
    office = phaen_store_open (other.office, &error);
    again = phaen_merge_packets (office, paths, NULL, &error);
    g_assert_cmpint (outcome (again, 0)->status, ==, PHAEN_PACKET_MERGED);
  }
}

/* The unit copy refuses what the office owns, and keeps what the unit owns editable. */
static void
test_unit_copy_guard (void)
{
  g_auto (Env) env = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) store = NULL;
  g_autoptr (GPtrArray) indicators = NULL;
  g_autoptr (GPtrArray) plans = NULL;
  g_autoptr (GPtrArray) activities = NULL;
  g_autoptr (PhaenUnitCopyInfo) info = NULL;
  PhaenIndicator *indicator;
  PhaenActivity *activity;

  env_init (&env, "guard");
  store = phaen_store_open (env.stp, &error);
  g_assert_no_error (error);
  g_assert_true (phaen_store_is_unit_copy (store));
  info = phaen_unit_copy_get_info (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->unit_abbr, ==, "สตป.");
  g_assert_cmpint (info->fiscal_year, ==, YEAR);
  g_assert_cmpuint (info->packets, ==, 0);
  g_assert_false (phaen_store_check_office_edit (store, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_READ_ONLY);
  g_clear_error (&error);

  indicators = phaen_store_list_indicators (store, 0, YEAR, &error);
  indicator = g_ptr_array_index (indicators, 0);
  indicator->weight = 50;
  g_assert_false (phaen_store_update_indicator (store, indicator, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "unit copy"));
  g_clear_error (&error);
  g_assert_false (phaen_store_set_score_override (store, indicator->id, 1, TRUE, 5, "มติ", &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (phaen_store_add_unit (store, "ใหม่", "", 0, &error), ==, 0);
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_READ_ONLY);
  g_clear_error (&error);

  plans = phaen_store_list_plans (store, 0, YEAR, &error);
  activities = phaen_store_list_activities (store, ((PhaenPlan *)plans->pdata[0])->id, &error);
  activity = g_ptr_array_index (activities, 0);
  g_assert_false (
    phaen_store_set_month_marks (store, activity->id, 11, PHAEN_MARK_PLANNED, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (phaen_store_add_activity (store, activity->plan_id, 0, -1, "ใหม่", &error), ==,
                   0);
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_READ_ONLY);
  g_clear_error (&error);
  {
    g_autoptr (PhaenActivity) renamed = phaen_activity_copy (activity);

    g_free (renamed->name);
    renamed->name = g_strdup ("ชื่อใหม่");
    g_assert_false (phaen_store_update_activity (store, renamed, &error));
    g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_READ_ONLY);
    g_clear_error (&error);
  }

  /* What the unit owns: results, progress, the achieved mark, evidence; and undo of them. */
  g_assert_true (phaen_store_set_result (store, indicator->id, 1, "12", "ทำแล้ว", "", &error));
  g_assert_no_error (error);
  {
    g_autoptr (PhaenActivity) reported = phaen_activity_copy (activity);

    g_free (reported->progress);
    reported->progress = g_strdup ("ดำเนินการแล้วร้อยละ 50");
    g_assert_true (phaen_store_update_activity (store, reported, &error));
    g_assert_no_error (error);
  }
  g_assert_true (phaen_store_set_month_marks (
    store, activity->id, activity->marks[0] ? 0 : 1,
    (activity->marks[activity->marks[0] ? 0 : 1]) | PHAEN_MARK_ACHIEVED, &error));
  g_assert_no_error (error);
  g_assert_true (phaen_store_set_month_progress (store, activity->id, 2, "ประชุมแล้ว", &error));
  g_assert_no_error (error);
  g_assert_true (phaen_store_undo (store, &error));
  g_assert_true (phaen_store_undo (store, &error));
  g_assert_true (phaen_store_undo (store, &error));
  g_assert_true (phaen_store_redo (store, &error));
  g_assert_no_error (error);

  /* The pending packet carries exactly that. */
  {
    PhaenPackSummary summary = { 0 };

    g_assert_true (phaen_unit_copy_count_changes (store, &summary, &error));
    g_assert_cmpuint (summary.results, ==, 1);
    g_assert_cmpuint (summary.progress, ==, 1);
  }
}

/* Everything refused is refused whole, with a message, and the office's rows stay as they were. */
static void
test_refusals (void)
{
  g_auto (Env) env = { 0 };
  g_auto (Env) elsewhere = { 0 };
  g_autoptr (GPtrArray) packets = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) foreign = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *kpr_secret = NULL;
  g_autofree char *kpr_unit = NULL;
  gsize size = 0;

  env_init (&env, "refusals");
  report (&env, env.stp, "stp-2564.json", 1, 2, packets);
  {
    g_autoptr (PhaenStore) copy = phaen_store_open_read_only (env.stp, &error);
    g_autoptr (PhaenStore) kpr = phaen_store_open_read_only (env.kpr, &error);

    secret = _phaen_store_get_meta (copy, PHAEN_META_COPY_SECRET);
    kpr_secret = _phaen_store_get_meta (kpr, PHAEN_META_COPY_SECRET);
    kpr_unit = _phaen_store_get_meta (kpr, PHAEN_META_COPY_UNIT);
  }

  /* Out of order: packet 2 before packet 1. */
  assert_refused (env.office, g_ptr_array_index (packets, 1), "order");

  /* An altered byte (the last: inside the changeset's values). */
  {
    g_autofree char *altered = g_build_filename (env.dir, "altered.phaenpkt", NULL);

    g_assert_true (g_file_get_contents (g_ptr_array_index (packets, 0), &contents, &size, NULL));
    contents[size - 5] ^= 0x01;
    g_assert_true (g_file_set_contents (altered, contents, size, NULL));
    assert_refused (env.office, altered, "signature");
    g_clear_pointer (&contents, g_free);
  }
  /* Cut short: not a packet any more. */
  {
    g_autofree char *cut = g_build_filename (env.dir, "cut.phaenpkt", NULL);

    g_assert_true (g_file_get_contents (g_ptr_array_index (packets, 0), &contents, &size, NULL));
    g_assert_true (g_file_set_contents (cut, contents, size / 2, NULL));
    assert_refused (env.office, cut, "damaged");
    g_clear_pointer (&contents, g_free);
  }

  /* Forged for another unit: สตป.'s packet said to be กพร.'s, signed with สตป.'s secret, and
   * then with กพร.'s own copy's secret (which belongs to another copy). */
  {
    g_autofree char *forged = g_build_filename (env.dir, "forged.phaenpkt", NULL);
    g_autofree char *forged2 = g_build_filename (env.dir, "forged2.phaenpkt", NULL);
    g_autoptr (PhaenPacket) packet = phaen_packet_load (g_ptr_array_index (packets, 0), 0, &error);
    g_autoptr (GBytes) bytes = NULL;

    g_assert_no_error (error);
    g_free (packet->unit);
    packet->unit = g_strdup (kpr_unit);
    bytes = _phaen_packet_serialize (packet, secret);
    g_assert_true (
      g_file_set_contents (forged, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
    assert_refused (env.office, forged, "signature");
    g_clear_pointer (&bytes, g_bytes_unref);
    bytes = _phaen_packet_serialize (packet, kpr_secret);
    g_assert_true (g_file_set_contents (forged2, g_bytes_get_data (bytes, NULL),
                                        g_bytes_get_size (bytes), NULL));
    assert_refused (env.office, forged2, "signature");
  }

  /* A newer Phaen's packet. */
  {
    g_autofree char *newer = g_build_filename (env.dir, "newer.phaenpkt", NULL);
    g_autoptr (PhaenPacket) packet = phaen_packet_load (g_ptr_array_index (packets, 0), 0, &error);
    g_autoptr (GBytes) bytes = NULL;

    packet->schema = PHAEN_STORE_SCHEMA_VERSION + 1;
    bytes = _phaen_packet_serialize (packet, secret);
    g_assert_true (
      g_file_set_contents (newer, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
    assert_refused (env.office, newer, "newer");
  }

  /* Rows of another unit, in a packet properly signed by สตป.'s copy: a change of กพร.9's
   * quarter 1 result, built as the session extension would. */
  {
    g_autofree char *other_rows = g_build_filename (env.dir, "other-rows.phaenpkt", NULL);
    g_autoptr (PhaenPacket) packet = phaen_packet_load (g_ptr_array_index (packets, 0), 0, &error);
    g_autoptr (PhaenStore) kpr = phaen_store_open_read_only (env.kpr, &error);
    g_autoptr (PhaenUnit) unit = phaen_store_find_unit (kpr, "กพร.", &error);
    g_autoptr (PhaenIndicator) indicator =
      phaen_store_find_indicator (kpr, unit->id, YEAR, "กพร.9", &error);
    sqlite3 *proj = _phaen_sync_projection_new ((const char *[]){ "base", NULL }, &error);
    g_autofree char *sql = g_strdup_printf (
      "INSERT INTO main.result VALUES ('%s', 1, '%s', '5', 5, 'x', '', '2021-01-01T00:00:00Z')",
      indicator->uuid, indicator->uuid);
    g_autoptr (GBytes) bytes = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_exec (proj, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    g_bytes_unref (packet->changeset);
    packet->changeset = _phaen_sync_projection_diff (proj, "base", &error);
    g_assert_cmpuint (g_bytes_get_size (packet->changeset), >, 0);
    sqlite3_close (proj);
    bytes = _phaen_packet_serialize (packet, secret);
    g_assert_true (g_file_set_contents (other_rows, g_bytes_get_data (bytes, NULL),
                                        g_bytes_get_size (bytes), NULL));
    assert_refused (env.office, other_rows, "another unit");
  }

  /* A damaged table header on which Debian 12's SQLite reader loops for ever (fuzz-packet found
   * it): refused before SQLite reads it. */
  {
    g_autofree char *looping = g_build_filename (env.dir, "looping.phaenpkt", NULL);
    g_autoptr (PhaenPacket) packet = phaen_packet_load (g_ptr_array_index (packets, 0), 0, &error);
    g_autoptr (GBytes) bytes = NULL;

    g_bytes_unref (packet->changeset);
    packet->changeset = g_bytes_new_static ("T\x08\x01\x02\x00\x00\x00\x00\x00", 9);
    bytes = _phaen_packet_serialize (packet, secret);
    g_assert_true (g_file_set_contents (looping, g_bytes_get_data (bytes, NULL),
                                        g_bytes_get_size (bytes), NULL));
    assert_refused (env.office, looping, "damaged");
  }

  /* Another fiscal year than the import asks for. */
  {
    g_autoptr (GPtrArray) one = g_ptr_array_new ();
    g_autoptr (PhaenMergeReport) result = NULL;
    g_autofree char *before = test_workspace_digest (env.office);
    g_autofree char *after = NULL;
    PhaenMergeOptions options = { .fiscal_year = 2565 };

    g_ptr_array_add (one, g_ptr_array_index (packets, 0));
    result = merge (env.office, one, &options);
    g_assert_cmpint (outcome (result, 0)->status, ==, PHAEN_PACKET_REFUSED);
    g_assert_nonnull (strstr (outcome (result, 0)->message, "2564"));
    after = test_workspace_digest (env.office);
    g_assert_cmpstr (before, ==, after);
  }

  /* Another workspace: the same sample, sent from another office file. */
  {
    g_autoptr (PhaenStore) office = NULL;
    g_autoptr (GPtrArray) written = NULL;
    g_autofree char *copies = NULL;
    g_autofree char *packet = NULL;

    env_init (&elsewhere, "elsewhere");
    copies = g_build_filename (elsewhere.dir, "copies", NULL);
    office = phaen_store_open (elsewhere.office, &error);
    /* a workspace of its own identity */
    g_assert_true (_phaen_store_set_meta (office, PHAEN_META_WORKSPACE,
                                          "11111111-2222-4333-8444-555555555555", &error));
    written = phaen_unit_copies_write (office, YEAR, NULL, copies, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_clear_object (&office);
    g_free (elsewhere.stp);
    elsewhere.stp = g_strdup (g_ptr_array_index (written, 1));
    report (&elsewhere, elsewhere.stp, "stp-2564.json", 1, 1, foreign);
    packet = g_strdup (g_ptr_array_index (foreign, 0));
    assert_refused (env.office, packet, "another workspace");
  }

  /* And the real ones still merge after all that. */
  {
    g_autoptr (PhaenMergeReport) result = merge (env.office, packets, NULL);

    g_assert_cmpint (outcome (result, 0)->status, ==, PHAEN_PACKET_MERGED);
    g_assert_cmpint (outcome (result, 1)->status, ==, PHAEN_PACKET_MERGED);
  }
  /* A duplicate: nothing changes. */
  {
    g_autofree char *before = test_workspace_digest (env.office);
    g_autofree char *after = NULL;
    g_autoptr (PhaenMergeReport) result = merge (env.office, packets, NULL);

    g_assert_cmpint (outcome (result, 0)->status, ==, PHAEN_PACKET_ALREADY_MERGED);
    g_assert_cmpint (outcome (result, 1)->status, ==, PHAEN_PACKET_ALREADY_MERGED);
    after = test_workspace_digest (env.office);
    g_assert_cmpstr (before, ==, after);
  }
}

/* The command line: send, pack, dry run, merge, status with the missing units' CSV. */
static void
test_cli (void)
{
  g_autofree char *dir = g_build_filename (tmpdir, "cli", NULL);
  g_autofree char *office = g_build_filename (dir, "office.phaen", NULL);
  g_autofree char *copies = g_build_filename (dir, "copies", NULL);
  g_autofree char *stp = g_build_filename (copies, "สตป-2564.phaen", NULL);
  g_autofree char *packet = g_build_filename (dir, "stp.phaenpkt", NULL);
  g_autofree char *csv = g_build_filename (dir, "missing.csv", NULL);
  g_autofree char *from = g_build_filename (template_dir, "office.phaen", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *contents = NULL;
  g_auto (Run) send = { 0 };
  g_auto (Run) pack = { 0 };
  g_auto (Run) dry = { 0 };
  g_auto (Run) merged = { 0 };
  g_auto (Run) status = { 0 };
  g_auto (Run) usage = { 0 };
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  copy_file (from, office);
  run_cli (&send, "send-to-units", office, "--fy", "2564", "--unit", "สตป.", "-o", copies, NULL);
  g_assert_cmpint (exit_code (&send), ==, 0);
  g_assert_true (g_file_test (stp, G_FILE_TEST_IS_REGULAR));
  {
    g_autofree char *kpr = g_build_filename (copies, "กพร-2564.phaen", NULL);

    g_assert_false (g_file_test (kpr, G_FILE_TEST_EXISTS));
  }
  {
    g_autoptr (PhaenStore) store = phaen_store_open (stp, &error);

    g_assert_no_error (error);
    enter_quarter (store, "stp-2564.json", 1);
  }
  run_cli (&pack, "pack", stp, "-o", packet, "--by", "นายไฉ", NULL);
  g_assert_cmpint (exit_code (&pack), ==, 0);
  g_assert_nonnull (strstr (pack.out, "สตป."));

  before = test_workspace_digest (office);
  run_cli (&dry, "merge", office, packet, "--dry-run", NULL);
  g_assert_cmpint (exit_code (&dry), ==, 0);
  g_assert_nonnull (strstr (dry.out, "would merge"));
  g_assert_nonnull (strstr (dry.out, "นายไฉ"));
  after = test_workspace_digest (office);
  g_assert_cmpstr (before, ==, after);

  run_cli (&merged, "merge", office, dir, NULL); /* a folder: its packets */
  g_assert_cmpint (exit_code (&merged), ==, 0);
  g_assert_nonnull (strstr (merged.out, "merged"));

  run_cli (&status, "status", office, "--fy", "2564", "--quarter", "1", "--missing", csv, NULL);
  g_assert_cmpint (exit_code (&status), ==, 0);
  g_assert_nonnull (strstr (status.out, "1 of 2"));
  g_assert_nonnull (strstr (status.out, "นายไฉ"));
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"กพร.\""));
  g_assert_null (strstr (contents, "\"สตป.\""));

  /* The same list as a workbook: its shared strings name กพร. only. */
  {
    g_auto (Run) xlsx = { 0 };
    g_autofree char *book = g_build_filename (dir, "missing.xlsx", NULL);
    g_autofree char *strings = NULL;
    g_autoptr (GError) spawn_error = NULL;
    const char *argv_unzip[] = { "unzip", "-p", book, "xl/sharedStrings.xml", NULL };

    run_cli (&xlsx, "status", office, "--fy", "2564", "--quarter", "1", "--missing", book, NULL);
    g_assert_cmpint (exit_code (&xlsx), ==, 0);
    g_spawn_sync (NULL, (char **)argv_unzip, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &strings, NULL,
                  NULL, &spawn_error);
    g_assert_no_error (spawn_error);
    g_assert_nonnull (strstr (strings, "กพร."));
    g_assert_null (strstr (strings, "สตป."));
    g_assert_nonnull (strstr (strings, "2564"));
  }

  /* A refusal says why in Thai, the first language of every screen. */
  {
    g_auto (Run) thai = { 0 };
    g_autofree char *cut = g_build_filename (dir, "cut.phaenpkt", NULL);
    g_autofree char *bytes = NULL;
    gsize length = 0;

    g_assert_true (g_file_get_contents (packet, &bytes, &length, NULL));
    g_assert_true (g_file_set_contents (cut, bytes, length / 3, NULL));
    g_setenv ("LANGUAGE", "th", TRUE);
    run_cli (&thai, "merge", office, cut, NULL);
    g_unsetenv ("LANGUAGE");
    g_assert_cmpint (exit_code (&thai), ==, 1);
    g_assert_nonnull (strstr (thai.out, "ไม่รับ"));
    g_assert_nonnull (strstr (thai.out, "เสียหาย"));
  }

  run_cli (&usage, "merge", office, "--prefer", "both", packet, NULL);
  g_assert_cmpint (exit_code (&usage), ==, 2);
}

typedef struct
{
  guint calls;
  guint total;
  GCancellable *cancellable;
} Progress;

static void
progress_cb (guint done, guint total, gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpuint (done, ==, progress->calls + 1);
  progress->calls = done;
  progress->total = total;
  g_cancellable_cancel (progress->cancellable);
}

/* Sending reports its progress after each copy and stops when cancelled, keeping the copies
 * already written whole and nothing half-written beside them. */
static void
test_send_cancel (void)
{
  g_auto (Env) env = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenStore) office = NULL;
  g_autoptr (GPtrArray) written = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *folder = NULL;
  g_autoptr (GDir) dir = NULL;
  Progress progress = { 0, 0, cancellable };
  const char *name;
  guint files = 0;

  env_init (&env, "cancel");
  folder = g_build_filename (env.dir, "out", NULL);
  office = phaen_store_open (env.office, &error);
  g_assert_no_error (error);
  written = phaen_unit_copies_write (office, YEAR, NULL, folder, progress_cb, &progress,
                                     cancellable, &error);
  g_assert_null (written);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (progress.calls, ==, 1);
  g_assert_cmpuint (progress.total, ==, 2);
  dir = g_dir_open (folder, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autoptr (PhaenStore) copy = NULL;

      g_assert_true (g_str_has_suffix (name, "-2564.phaen"));
      copy = phaen_store_open_read_only (path, &error);
      g_assert_no_error (error);
      g_assert_true (phaen_store_is_unit_copy (copy));
      files++;
    }
  g_assert_cmpuint (files, ==, 1);
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("phaen-test-packets-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);
  make_template ();

  g_test_add_func ("/packets/end-to-end", test_end_to_end);
  g_test_add_func ("/packets/no-collision", test_no_collision);
  g_test_add_func ("/packets/conflict", test_conflict);
  g_test_add_func ("/packets/prefer-and-undo", test_prefer_and_undo);
  g_test_add_func ("/packets/unit-copy-guard", test_unit_copy_guard);
  g_test_add_func ("/packets/refusals", test_refusals);
  g_test_add_func ("/packets/send-cancel", test_send_cancel);
  g_test_add_func ("/packets/cli", test_cli);
  status = g_test_run ();

  if (g_getenv ("PHAEN_KEEP_TMP") == NULL)
    remove_tree (tmpdir);
  return status;
}
