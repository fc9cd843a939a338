/* phaen-changes.c — what one edit, undo or redo changed: kinds of record and their ids
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-changes"

#include "phaen-changes.h"

#define N_KINDS 20

struct _PhaenChanges
{
  gatomicrefcount ref_count;
  guint kinds;
  gboolean everything;
  GHashTable *ids[N_KINDS]; /* gint64 set per kind, made on first use */
};

G_DEFINE_BOXED_TYPE (PhaenChanges, phaen_changes, phaen_changes_ref, phaen_changes_unref)

/* In the order of PhaenRecordKind's bits. */
static const char *const tables[N_KINDS] = {
  "unit",          "person",           "fiscal_year",     "plan",
  "plan_section",  "activity",         "activity_month",  "budget_quarter",
  "indicator",     "criteria_version", "criterion",       "result",
  "pmqa_value",    "evidence",         "packet_log",      "pmqa_assessment",
  "pmqa_sub_item", "pmqa_topic",       "pmqa_attachment", "activity_budget",
};

static int
kind_index (PhaenRecordKind kind)
{
  return g_bit_nth_lsf (kind, -1);
}

PhaenChanges *
phaen_changes_new (void)
{
  PhaenChanges *self = g_new0 (PhaenChanges, 1);

  g_atomic_ref_count_init (&self->ref_count);
  return self;
}

PhaenChanges *
phaen_changes_ref (PhaenChanges *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
phaen_changes_unref (PhaenChanges *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  for (int i = 0; i < N_KINDS; i++)
    g_clear_pointer (&self->ids[i], g_hash_table_unref);
  g_free (self);
}

PhaenRecordKind
phaen_record_kind_from_table (const char *table)
{
  for (int i = 0; table != NULL && i < N_KINDS; i++)
    if (g_str_equal (table, tables[i]))
      return 1 << i;
  return 0;
}

const char *
phaen_record_kind_to_table (PhaenRecordKind kind)
{
  int i = kind_index (kind);

  g_return_val_if_fail (i >= 0 && i < N_KINDS && kind == (PhaenRecordKind)(1 << i), NULL);
  return tables[i];
}

void
phaen_changes_add (PhaenChanges *self, PhaenRecordKind kind, gint64 id)
{
  int i = kind_index (kind);

  g_return_if_fail (self != NULL);
  g_return_if_fail (i >= 0 && i < N_KINDS && kind == (PhaenRecordKind)(1 << i));

  self->kinds |= kind;
  if (self->ids[i] == NULL)
    self->ids[i] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  if (!g_hash_table_contains (self->ids[i], &id))
    g_hash_table_add (self->ids[i], g_memdup2 (&id, sizeof id));
}

void
phaen_changes_add_everything (PhaenChanges *self)
{
  g_return_if_fail (self != NULL);
  self->everything = TRUE;
  self->kinds = PHAEN_RECORD_ALL;
}

gboolean
phaen_changes_is_empty (const PhaenChanges *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return self->kinds == 0;
}

guint
phaen_changes_get_kinds (const PhaenChanges *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->kinds;
}

gboolean
phaen_changes_touches (const PhaenChanges *self, guint kinds)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return (self->kinds & kinds) != 0;
}

gboolean
phaen_changes_has (const PhaenChanges *self, PhaenRecordKind kind, gint64 id)
{
  int i = kind_index (kind);

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (i >= 0 && i < N_KINDS, FALSE);

  if (self->everything)
    return TRUE;
  return self->ids[i] != NULL && g_hash_table_contains (self->ids[i], &id);
}

gboolean
phaen_changes_is_everything (const PhaenChanges *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return self->everything;
}

static int
compare_ids (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;

  return (x > y) - (x < y);
}

GArray *
phaen_changes_get_ids (const PhaenChanges *self, PhaenRecordKind kind)
{
  int i = kind_index (kind);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (self != NULL, ids);
  g_return_val_if_fail (i >= 0 && i < N_KINDS, ids);

  if (self->ids[i] == NULL)
    return ids;
  g_hash_table_iter_init (&iter, self->ids[i]);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (ids, *(gint64 *)key);
  g_array_sort (ids, compare_ids);
  return ids;
}

void
phaen_changes_merge (PhaenChanges *self, const PhaenChanges *other)
{
  g_return_if_fail (self != NULL && other != NULL);

  if (other->everything)
    phaen_changes_add_everything (self);
  self->kinds |= other->kinds;
  for (int i = 0; i < N_KINDS; i++)
    {
      GHashTableIter iter;
      gpointer key;

      if (other->ids[i] == NULL)
        continue;
      g_hash_table_iter_init (&iter, other->ids[i]);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        phaen_changes_add (self, 1 << i, *(gint64 *)key);
    }
}
