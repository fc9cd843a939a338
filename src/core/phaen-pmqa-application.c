/* phaen-pmqa-application.c — the edition's tree joined with the entered claims, narratives,
 * levels and evidence slots, with coverage counted once for every view
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-pmqa-application"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "phaen-error.h"
#include "phaen-pmqa-application.h"
#include "phaen-pmqa-text.h"

static void
sub_item_state_free (PhaenPmqaSubItemState *state)
{
  g_free (state->narrative);
  g_free (state->author);
  g_free (state->status_on);
  g_free (state->due_on);
  g_ptr_array_unref (state->slots);
  g_free (state);
}

static void
topic_state_free (PhaenPmqaTopicState *state)
{
  g_ptr_array_unref (state->sub_items);
  g_free (state);
}

static void
category_state_free (PhaenPmqaCategoryState *state)
{
  g_ptr_array_unref (state->topics);
  g_free (state);
}

void
phaen_pmqa_application_free (PhaenPmqaApplication *application)
{
  if (application == NULL)
    return;
  g_clear_pointer (&application->categories, g_ptr_array_unref);
  g_clear_pointer (&application->framework, phaen_pmqa_framework_free);
  g_clear_pointer (&application->orphans, g_ptr_array_unref);
  g_free (application->unit_name);
  g_free (application);
}

static void
add_progress (PhaenPmqaProgress *to, const PhaenPmqaProgress *from)
{
  to->sub_items += from->sub_items;
  to->statements += from->statements;
  to->claimed += from->claimed;
  to->starred_claimed += from->starred_claimed;
  to->evidence_missing += from->evidence_missing;
  to->narratives_empty += from->narratives_empty;
  to->narratives_over += from->narratives_over;
  to->approved += from->approved;
}

gboolean
phaen_pmqa_sub_item_is_claimed (const PhaenPmqaSubItemState *state, int statement)
{
  return statement >= 1 && statement <= PHAEN_PMQA_MAX_STATEMENTS &&
         (state->claimed & (1u << (statement - 1))) != 0;
}

const PhaenPmqaAttachment *
phaen_pmqa_sub_item_get_slot (const PhaenPmqaSubItemState *state, int statement)
{
  if (statement < 1 || (guint)statement > state->slots->len)
    return NULL;
  return g_ptr_array_index (state->slots, statement - 1);
}

gboolean
phaen_pmqa_sub_item_is_over (const PhaenPmqaApplication *application,
                             const PhaenPmqaSubItemState *state)
{
  return application->narrative_limit > 0 && state->characters > application->narrative_limit;
}

char *
phaen_pmqa_slot_file_name (const PhaenPmqaSubItemState *state, int statement)
{
  const PhaenPmqaAttachment *slot = phaen_pmqa_sub_item_get_slot (state, statement);
  g_autofree char *category = g_strndup (state->item->code, strcspn (state->item->code, "."));
  g_autofree char *name = g_strdup (slot ? slot->name : "");

  /* A name is a file name, never a path. */
  g_strdelimit (name, "/\\:", '_');
  /* Thai on purpose: OPDC names evidence files by หมวด, whatever the UI language. */
  return g_strdup_printf ("หมวด%s/%s-%d %s", category, state->item->code, statement, name);
}

static void
count_sub_item (PhaenPmqaApplication *application, PhaenPmqaSubItemState *state)
{
  PhaenPmqaProgress *p = &state->progress;

  p->sub_items = 1;
  p->statements = (int)state->item->statements->len;
  for (guint i = 0; i < state->item->statements->len; i++)
    {
      const PhaenPmqaStatement *statement = g_ptr_array_index (state->item->statements, i);

      if (!phaen_pmqa_sub_item_is_claimed (state, (int)i + 1))
        continue;
      p->claimed++;
      if (statement->starred)
        {
          p->starred_claimed++;
          if (g_ptr_array_index (state->slots, i) == NULL)
            p->evidence_missing++;
        }
    }
  state->characters = phaen_pmqa_count_characters (state->narrative, &state->code_points);
  p->narratives_empty = state->characters == 0;
  p->narratives_over = phaen_pmqa_sub_item_is_over (application, state);
  p->approved = state->status == PHAEN_PMQA_STATUS_APPROVED;
}

PhaenPmqaApplication *
phaen_pmqa_application_build (PhaenStore *store, gint64 unit_id, int fiscal_year, GError **error)
{
  g_autoptr (PhaenPmqaApplication) application = g_new0 (PhaenPmqaApplication, 1);
  g_autoptr (PhaenPmqaAssessmentInfo) info = NULL;
  g_autoptr (PhaenUnit) unit = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GPtrArray) attachments = NULL;
  g_autoptr (GHashTable) levels = NULL;
  g_autoptr (GHashTable) by_code = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GError) local = NULL;

  g_return_val_if_fail (PHAEN_IS_STORE (store), NULL);

  unit = phaen_store_get_unit (store, unit_id, error);
  if (unit == NULL)
    return NULL;
  info = phaen_store_pmqa_get_info (store, unit_id, fiscal_year, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  application->framework =
    phaen_pmqa_framework_load (info ? info->edition : PHAEN_PMQA_DEFAULT_EDITION, error);
  if (application->framework == NULL)
    return NULL;
  application->unit_id = unit_id;
  application->fiscal_year = fiscal_year;
  application->unit_name = g_strdup (*unit->name ? unit->name : unit->abbr);
  application->narrative_limit = info ? info->narrative_limit : PHAEN_PMQA_DEFAULT_NARRATIVE_LIMIT;
  application->orphans = g_ptr_array_new_with_free_func (g_free);

  entries = phaen_store_pmqa_list_entries (store, unit_id, fiscal_year, error);
  if (entries == NULL)
    return NULL;
  attachments = phaen_store_pmqa_list_attachments (store, unit_id, fiscal_year, error);
  if (attachments == NULL)
    return NULL;
  levels = phaen_store_pmqa_list_levels (store, unit_id, fiscal_year, error);
  if (levels == NULL)
    return NULL;

  application->categories = g_ptr_array_new_with_free_func ((GDestroyNotify)category_state_free);
  for (guint c = 0; c < application->framework->categories->len; c++)
    {
      const PhaenPmqaCategory *category = g_ptr_array_index (application->framework->categories, c);
      PhaenPmqaCategoryState *cs = g_new0 (PhaenPmqaCategoryState, 1);

      cs->category = category;
      cs->topics = g_ptr_array_new_with_free_func ((GDestroyNotify)topic_state_free);
      g_ptr_array_add (application->categories, cs);
      for (guint t = 0; t < category->topics->len; t++)
        {
          const PhaenPmqaTopic *topic = g_ptr_array_index (category->topics, t);
          PhaenPmqaTopicState *ts = g_new0 (PhaenPmqaTopicState, 1);

          ts->topic = topic;
          ts->level = GPOINTER_TO_INT (g_hash_table_lookup (levels, topic->code));
          ts->sub_items = g_ptr_array_new_with_free_func ((GDestroyNotify)sub_item_state_free);
          g_ptr_array_add (cs->topics, ts);
          for (guint s = 0; s < topic->sub_items->len; s++)
            {
              const PhaenPmqaSubItem *item = g_ptr_array_index (topic->sub_items, s);
              PhaenPmqaSubItemState *ss = g_new0 (PhaenPmqaSubItemState, 1);

              ss->item = item;
              ss->narrative = g_strdup ("");
              ss->author = g_strdup ("");
              ss->slots = g_ptr_array_new_full (item->statements->len,
                                                (GDestroyNotify)phaen_pmqa_attachment_free);
              g_ptr_array_set_size (ss->slots, item->statements->len);
              g_ptr_array_add (ts->sub_items, ss);
              g_hash_table_insert (by_code, item->code, ss);
            }
        }
    }

  for (guint i = 0; i < entries->len; i++)
    {
      PhaenPmqaEntry *entry = g_ptr_array_index (entries, i);
      PhaenPmqaSubItemState *ss = g_hash_table_lookup (by_code, entry->code);

      if (ss == NULL)
        {
          g_ptr_array_add (application->orphans, g_strdup (entry->code));
          continue;
        }
      ss->claimed =
        entry->claimed &
        ((ss->item->statements->len >= 32) ? G_MAXUINT32 : ((1u << ss->item->statements->len) - 1));
      g_free (ss->narrative);
      ss->narrative = g_strdup (entry->narrative);
      g_free (ss->author);
      ss->author = g_strdup (entry->author);
      ss->status = entry->status;
      ss->status_on = g_strdup (entry->status_on);
      ss->due_on = g_strdup (entry->due_on);
    }
  for (guint i = 0; i < attachments->len; i++)
    {
      PhaenPmqaAttachment *attachment = g_ptr_array_index (attachments, i);
      PhaenPmqaSubItemState *ss = g_hash_table_lookup (by_code, attachment->code);

      if (ss == NULL || (guint)attachment->statement > ss->slots->len)
        {
          g_ptr_array_add (application->orphans,
                           g_strdup_printf ("%s (%d)", attachment->code, attachment->statement));
          continue;
        }
      g_ptr_array_index (ss->slots, attachment->statement - 1) = attachment;
      g_ptr_array_index (attachments, i) = NULL;
    }

  for (guint c = 0; c < application->categories->len; c++)
    {
      PhaenPmqaCategoryState *cs = g_ptr_array_index (application->categories, c);

      for (guint t = 0; t < cs->topics->len; t++)
        {
          PhaenPmqaTopicState *ts = g_ptr_array_index (cs->topics, t);

          for (guint s = 0; s < ts->sub_items->len; s++)
            {
              PhaenPmqaSubItemState *ss = g_ptr_array_index (ts->sub_items, s);

              count_sub_item (application, ss);
              add_progress (&ts->progress, &ss->progress);
            }
          add_progress (&cs->progress, &ts->progress);
        }
      add_progress (&application->progress, &cs->progress);
    }
  return g_steal_pointer (&application);
}

const PhaenPmqaSubItemState *
phaen_pmqa_application_find_sub_item (const PhaenPmqaApplication *application, const char *code)
{
  for (guint c = 0; code != NULL && c < application->categories->len; c++)
    {
      const PhaenPmqaCategoryState *cs = g_ptr_array_index (application->categories, c);

      for (guint t = 0; t < cs->topics->len; t++)
        {
          const PhaenPmqaTopicState *ts = g_ptr_array_index (cs->topics, t);

          for (guint s = 0; s < ts->sub_items->len; s++)
            {
              const PhaenPmqaSubItemState *ss = g_ptr_array_index (ts->sub_items, s);

              if (g_str_equal (ss->item->code, code))
                return ss;
            }
        }
    }
  return NULL;
}

const PhaenPmqaTopicState *
phaen_pmqa_application_find_topic (const PhaenPmqaApplication *application, const char *code)
{
  for (guint c = 0; code != NULL && c < application->categories->len; c++)
    {
      const PhaenPmqaCategoryState *cs = g_ptr_array_index (application->categories, c);

      for (guint t = 0; t < cs->topics->len; t++)
        {
          const PhaenPmqaTopicState *ts = g_ptr_array_index (cs->topics, t);

          if (g_str_equal (ts->topic->code, code))
            return ts;
        }
    }
  return NULL;
}
