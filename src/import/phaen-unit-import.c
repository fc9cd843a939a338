/* phaen-unit-import.c — organisation units from a table: preview with per-row errors, then one
 * undoable import
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "phaen-error.h"
#include "phaen-thai-text.h"
#include "phaen-unit-import.h"

/* Header words per field, as phaen_table_header_key() makes them. Fields are tried in this
 * order, so "หน่วยงานต้นสังกัด" is the parent before "หน่วยงาน" is the name, and "ชื่อหัวหน้า"
 * the head before "ชื่อ" is the name. */
static const char *const parent_words[] = { "ต้นสังกัด", "สังกัด", "parent", "หน่วยงานแม่", NULL };
static const char *const head_words[] = { "หัวหน้า", "ผู้บริหาร",   "ผู้อำนวยการ", "head",
                                          "chief", "director", NULL };
static const char *const position_words[] = { "ตำแหน่ง", "position", "title", NULL };
static const char *const phone_words[] = { "โทรศัพท์", "เบอร์", "โทร", "phone", "tel", NULL };
static const char *const email_words[] = { "อีเมล", "อีเมล์", "email", "mail", NULL };
static const char *const abbr_words[] = { "ชื่อย่อ", "อักษรย่อ", "ตัวย่อ", "abbreviation",
                                          "abbr", "code",   "รหัส",  NULL };
static const char *const name_words[] = { "ชื่อหน่วยงาน", "หน่วยงาน", "ชื่อเต็ม", "ชื่อ",
                                          "name",      "unit",    NULL };

static const struct
{
  PhaenUnitImportField field;
  const char *const *words;
} field_order[] = {
  { PHAEN_UNIT_IMPORT_PARENT, parent_words },     { PHAEN_UNIT_IMPORT_HEAD, head_words },
  { PHAEN_UNIT_IMPORT_POSITION, position_words }, { PHAEN_UNIT_IMPORT_PHONE, phone_words },
  { PHAEN_UNIT_IMPORT_EMAIL, email_words },       { PHAEN_UNIT_IMPORT_ABBR, abbr_words },
  { PHAEN_UNIT_IMPORT_NAME, name_words },
};

static void
row_free (gpointer data)
{
  PhaenUnitImportRow *row = data;

  for (int f = 0; f < PHAEN_UNIT_IMPORT_N_FIELDS; f++)
    g_free (row->fields[f]);
  g_free (row->message);
  g_free (row);
}

void
phaen_unit_import_free (PhaenUnitImport *import)
{
  if (import == NULL)
    return;
  g_clear_pointer (&import->rows, g_ptr_array_unref);
  g_free (import);
}

const char *
phaen_unit_import_field_title (PhaenUnitImportField field)
{
  switch (field)
    {
    case PHAEN_UNIT_IMPORT_ABBR:
      return _ ("Abbreviation");
    case PHAEN_UNIT_IMPORT_NAME:
      return _ ("Unit name");
    case PHAEN_UNIT_IMPORT_PARENT:
      return _ ("Parent unit");
    case PHAEN_UNIT_IMPORT_HEAD:
      return _ ("Head");
    case PHAEN_UNIT_IMPORT_POSITION:
      return _ ("Position");
    case PHAEN_UNIT_IMPORT_PHONE:
      return _ ("Phone");
    case PHAEN_UNIT_IMPORT_EMAIL:
      return _ ("E-mail");
    case PHAEN_UNIT_IMPORT_N_FIELDS:
    default:
      g_return_val_if_reached ("");
    }
}

/* Abbreviations compare without spaces and trailing dots, as phaen_store_find_unit() does. */
static char *
abbr_key (const char *abbr)
{
  GString *key = g_string_new (NULL);

  for (const char *p = abbr; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (key, c);
    }
  while (key->len > 0 && key->str[key->len - 1] == '.')
    g_string_truncate (key, key->len - 1);
  return g_string_free (key, FALSE);
}

static gboolean
find_header (const PhaenTable *table, PhaenUnitImport *import)
{
  for (guint r = 0; r < table->rows->len && r < 50; r++)
    {
      const PhaenTableRow *row = g_ptr_array_index (table->rows, r);

      for (int f = 0; f < PHAEN_UNIT_IMPORT_N_FIELDS; f++)
        import->columns[f] = -1;
      for (guint c = 0; c < row->n_cells; c++)
        {
          g_autofree char *key = phaen_table_header_key (phaen_table_row_text (row, c));

          for (guint i = 0; i < G_N_ELEMENTS (field_order); i++)
            if (import->columns[field_order[i].field] < 0 &&
                phaen_table_header_matches (key, field_order[i].words))
              {
                import->columns[field_order[i].field] = c;
                break;
              }
        }
      if (import->columns[PHAEN_UNIT_IMPORT_ABBR] >= 0)
        {
          import->header_row = r;
          return TRUE;
        }
    }
  return FALSE;
}

static void
set_error (PhaenUnitImportRow *row, char *message)
{
  if (row->status == PHAEN_UNIT_IMPORT_ERROR)
    {
      g_free (message);
      return;
    }
  row->status = PHAEN_UNIT_IMPORT_ERROR;
  g_free (row->message);
  row->message = message;
}

static gboolean
valid_email (const char *email)
{
  const char *at = strchr (email, '@');

  if (at == NULL || at == email || strchr (at + 1, '@') || strchr (at, '.') == NULL ||
      at[1] == '.' || email[strlen (email) - 1] == '.')
    return FALSE;
  for (const char *p = email; *p; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* Follows the parents among the file's new rows; TRUE when it comes back to @start. */
static gboolean
in_cycle (GHashTable *by_key, PhaenUnitImportRow *start)
{
  PhaenUnitImportRow *row = start;

  for (guint steps = 0; steps <= g_hash_table_size (by_key); steps++)
    {
      g_autofree char *parent = abbr_key (row->fields[PHAEN_UNIT_IMPORT_PARENT]);

      row = *parent ? g_hash_table_lookup (by_key, parent) : NULL;
      if (row == NULL)
        return FALSE;
      if (row == start)
        return TRUE;
    }
  return FALSE;
}

static void
check_rows (PhaenUnitImport *import, PhaenStore *store)
{
  g_autoptr (GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < import->rows->len; i++)
    {
      PhaenUnitImportRow *row = g_ptr_array_index (import->rows, i);
      const char *abbr = row->fields[PHAEN_UNIT_IMPORT_ABBR];
      const char *email = row->fields[PHAEN_UNIT_IMPORT_EMAIL];
      g_autofree char *key = abbr_key (abbr);
      g_autoptr (PhaenUnit) existing = NULL;
      PhaenUnitImportRow *first;

      if (*key == '\0')
        {
          set_error (row, g_strdup (_ ("The abbreviation is empty.")));
          continue;
        }
      if ((first = g_hash_table_lookup (by_key, key)) != NULL)
        {
          set_error (row, g_strdup_printf (_ ("The abbreviation “%s” is already in row %u."), abbr,
                                           first->row));
          continue;
        }
      g_hash_table_insert (by_key, g_steal_pointer (&key), row);
      if (*email && !valid_email (email))
        set_error (row, g_strdup_printf (_ ("“%s” is not an e-mail address."), email));
      existing = phaen_store_find_unit (store, abbr, NULL);
      if (existing != NULL && row->status != PHAEN_UNIT_IMPORT_ERROR)
        {
          row->status = PHAEN_UNIT_IMPORT_EXISTS;
          row->message = g_strdup_printf (
            _ ("The workspace already has “%s”: it is left as it is."), existing->abbr);
        }
    }

  for (guint i = 0; i < import->rows->len; i++)
    {
      PhaenUnitImportRow *row = g_ptr_array_index (import->rows, i);
      const char *parent = row->fields[PHAEN_UNIT_IMPORT_PARENT];
      g_autofree char *key = abbr_key (parent);
      g_autofree char *own = abbr_key (row->fields[PHAEN_UNIT_IMPORT_ABBR]);
      g_autoptr (PhaenUnit) in_store = NULL;
      PhaenUnitImportRow *in_file;

      if (row->status != PHAEN_UNIT_IMPORT_NEW || *key == '\0')
        continue;
      if (g_str_equal (key, own))
        {
          set_error (row, g_strdup (_ ("A unit cannot be its own parent.")));
          continue;
        }
      in_file = g_hash_table_lookup (by_key, key);
      in_store = in_file ? NULL : phaen_store_find_unit (store, parent, NULL);
      if (in_file == NULL && in_store == NULL)
        set_error (row, g_strdup_printf (_ ("The parent unit “%s” is neither in the file nor in "
                                            "the workspace."),
                                         parent));
      else if (in_file && in_cycle (by_key, row))
        set_error (row,
                   g_strdup_printf (_ ("The parent units from “%s” lead back to it."), parent));
    }

  /* A row whose parent in the file is not imported cannot be linked: it waits too. */
  for (gboolean again = TRUE; again;)
    {
      again = FALSE;
      for (guint i = 0; i < import->rows->len; i++)
        {
          PhaenUnitImportRow *row = g_ptr_array_index (import->rows, i);
          g_autofree char *key = abbr_key (row->fields[PHAEN_UNIT_IMPORT_PARENT]);
          PhaenUnitImportRow *parent = *key ? g_hash_table_lookup (by_key, key) : NULL;

          if (row->status == PHAEN_UNIT_IMPORT_NEW && parent &&
              parent->status == PHAEN_UNIT_IMPORT_ERROR)
            {
              set_error (row,
                         g_strdup_printf (_ ("Its parent unit “%s” (row %u) is not "
                                             "imported."),
                                          parent->fields[PHAEN_UNIT_IMPORT_ABBR], parent->row));
              again = TRUE;
            }
        }
    }

  import->n_new = import->n_exists = import->n_errors = 0;
  for (guint i = 0; i < import->rows->len; i++)
    {
      PhaenUnitImportRow *row = g_ptr_array_index (import->rows, i);

      if (row->status == PHAEN_UNIT_IMPORT_NEW)
        import->n_new++;
      else if (row->status == PHAEN_UNIT_IMPORT_EXISTS)
        import->n_exists++;
      else
        import->n_errors++;
    }
}

PhaenUnitImport *
phaen_unit_import_prepare (PhaenStore *store, const PhaenTable *table, GError **error)
{
  g_autoptr (PhaenUnitImport) import = g_new0 (PhaenUnitImport, 1);

  g_return_val_if_fail (PHAEN_IS_STORE (store), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  import->rows = g_ptr_array_new_with_free_func (row_free);
  if (!find_header (table, import))
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("No header row with an abbreviation column (ชื่อย่อ) was found in “%s”."),
                   table->name);
      return NULL;
    }
  for (guint r = import->header_row + 1; r < table->rows->len; r++)
    {
      const PhaenTableRow *source = g_ptr_array_index (table->rows, r);
      PhaenUnitImportRow *row;

      if (phaen_table_row_is_blank (source))
        continue;
      row = g_new0 (PhaenUnitImportRow, 1);
      row->row = source->number;
      for (int f = 0; f < PHAEN_UNIT_IMPORT_N_FIELDS; f++)
        {
          const char *text =
            import->columns[f] >= 0 ? phaen_table_row_text (source, import->columns[f]) : "";
          row->fields[f] = g_strstrip (phaen_text_normalize (text));
        }
      g_ptr_array_add (import->rows, row);
    }
  import->header_row =
    ((const PhaenTableRow *)g_ptr_array_index (table->rows, import->header_row))->number;
  check_rows (import, store);
  return g_steal_pointer (&import);
}

int
phaen_unit_import_apply (PhaenUnitImport *import, PhaenStore *store, GError **error)
{
  g_autoptr (GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean ok;
  int added = 0;

  g_return_val_if_fail (import != NULL, -1);
  g_return_val_if_fail (PHAEN_IS_STORE (store), -1);

  if (!phaen_store_begin (store, _ ("Import units"), error))
    return -1;
  ok = TRUE;
  for (guint i = 0; ok && i < import->rows->len; i++)
    {
      PhaenUnitImportRow *row = g_ptr_array_index (import->rows, i);
      gint64 id;

      if (row->status != PHAEN_UNIT_IMPORT_NEW)
        continue;
      id = phaen_store_add_unit (store, row->fields[PHAEN_UNIT_IMPORT_ABBR],
                                 row->fields[PHAEN_UNIT_IMPORT_NAME], 0, error);
      ok = id != 0;
      if (ok)
        {
          g_hash_table_insert (ids, abbr_key (row->fields[PHAEN_UNIT_IMPORT_ABBR]),
                               GSIZE_TO_POINTER ((gsize)id));
          added++;
        }
      if (ok && *row->fields[PHAEN_UNIT_IMPORT_HEAD])
        {
          PhaenPerson head = {
            .unit_id = id,
            .name = row->fields[PHAEN_UNIT_IMPORT_HEAD],
            .position = row->fields[PHAEN_UNIT_IMPORT_POSITION],
            .phone = row->fields[PHAEN_UNIT_IMPORT_PHONE],
            .email = row->fields[PHAEN_UNIT_IMPORT_EMAIL],
          };

          ok = phaen_store_add_person (store, &head, error) != 0;
        }
    }
  /* Parents once every unit of the file exists, so a parent may come after its children. */
  for (guint i = 0; ok && i < import->rows->len; i++)
    {
      PhaenUnitImportRow *row = g_ptr_array_index (import->rows, i);
      g_autofree char *own = abbr_key (row->fields[PHAEN_UNIT_IMPORT_ABBR]);
      g_autofree char *key = abbr_key (row->fields[PHAEN_UNIT_IMPORT_PARENT]);
      g_autoptr (PhaenUnit) unit = NULL;
      gpointer parent;

      if (row->status != PHAEN_UNIT_IMPORT_NEW || *key == '\0')
        continue;
      unit = phaen_store_get_unit (store, GPOINTER_TO_SIZE (g_hash_table_lookup (ids, own)), error);
      ok = unit != NULL;
      if (!ok)
        break;
      parent = g_hash_table_lookup (ids, key);
      if (parent != NULL)
        unit->parent_id = GPOINTER_TO_SIZE (parent);
      else
        {
          g_autoptr (PhaenUnit) existing =
            phaen_store_find_unit (store, row->fields[PHAEN_UNIT_IMPORT_PARENT], error);

          ok = existing != NULL;
          if (ok)
            unit->parent_id = existing->id;
        }
      ok = ok && phaen_store_update_unit (store, unit, error);
    }
  if (!ok)
    {
      phaen_store_rollback (store);
      return -1;
    }
  return phaen_store_commit (store, error) ? added : -1;
}
