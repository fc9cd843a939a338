/* test-pmqa-page.c — the PMQA categories 1–6 page in the real window (Xvfb in `make test`): an
 * officer opens หมวด 1, reads 1.1.1, claims a starred statement without evidence and sees the
 * warning, attaches the file, marks a topic's level, types and pastes a narrative, exports
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-test-pmqa-page"

#include "config.h"

#include <glib/gi18n.h>

#include "app-application.h"
#include "app-pmqa-assessment-page.h"
#include "app-pmqa-page.h"
#include "app-test-util.h"
#include "app-window.h"
#include "phaen-pmqa-application.h"

typedef struct
{
  char *dir;
  char *path;
  AppApplication *app;
  AppWindow *window;
  PhaenStore *store;
  gint64 unit_id; /* สป.กค. */
  AppPmqaAssessmentPage *page;
} Fixture;

static PhaenPmqaApplication *
stored (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  PhaenPmqaApplication *app =
    phaen_pmqa_application_build (fixture->store, fixture->unit_id, 2567, &error);

  g_assert_no_error (error);
  return app;
}

static void
undo (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  settle ();
}

static char *
label_text (GtkWidget *label)
{
  g_assert_true (GTK_IS_LABEL (label));
  return g_strdup (gtk_label_get_text (GTK_LABEL (label)));
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  fixture->dir = app_test_sample_new ("phaen-pmqa-page-XXXXXX", &fixture->path);
  fixture->window = app_test_window_present (&fixture->app, 1600, 1000);
  app_test_open (fixture->window, fixture->path);
  fixture->store = app_window_get_store (fixture->window);
  fixture->unit_id = test_unit_id (fixture->store, "สป.กค.");
  g_assert_true (
    app_window_show_unit_page (fixture->window, "pmqa-assessment", fixture->unit_id, 2567));
  settle ();
  fixture->page = find_only_widget (fixture->window, APP_TYPE_PMQA_ASSESSMENT_PAGE);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (fixture->page)));
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  fixture->store = NULL;
  app_test_window_close (&fixture->window, &fixture->app);
  app_test_sample_remove (&fixture->dir, &fixture->path);
}

/* หมวด 1 → 1.1.1: its five statements ticked, its narrative and count as the sample holds. */
static void
test_read (Fixture *fixture, gconstpointer data)
{
  g_autoptr (PhaenPmqaApplication) app = stored (fixture);
  const PhaenPmqaSubItemState *state = phaen_pmqa_application_find_sub_item (app, "1.1.1");
  g_autofree char *count = NULL;
  g_autofree char *evidence = NULL;
  g_autofree char *typed = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_assert_true (app_pmqa_assessment_page_select (fixture->page, "1"));
  g_assert_true (app_pmqa_assessment_page_select (fixture->page, "1.1.1"));
  settle ();
  g_assert_cmpstr (app_pmqa_assessment_page_get_selected (fixture->page), ==, "1.1.1");
  for (int n = 1; n <= 5; n++)
    g_assert_true (gtk_check_button_get_active (
      GTK_CHECK_BUTTON (app_pmqa_assessment_page_get_statement_check (fixture->page, n))));
  g_assert_null (app_pmqa_assessment_page_get_statement_check (fixture->page, 6));
  /* only the starred 3rd has an evidence slot */
  g_assert_null (app_pmqa_assessment_page_get_evidence_label (fixture->page, 1));
  evidence = label_text (app_pmqa_assessment_page_get_evidence_label (fixture->page, 3));
  g_assert_nonnull (strstr (evidence, "เอกสารแนบ1.11.pdf"));
  g_assert_false (
    gtk_widget_get_visible (app_pmqa_assessment_page_get_evidence_warning (fixture->page, 3)));
  buffer = gtk_text_view_get_buffer (
    GTK_TEXT_VIEW (app_pmqa_assessment_page_get_narrative_view (fixture->page)));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  typed = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (typed, ==, state->narrative);
  count = label_text (app_pmqa_assessment_page_get_count_label (fixture->page));
  g_assert_nonnull (strstr (count, "2,694"));
  g_assert_nonnull (strstr (count, "3,000"));

  g_assert_false (
    gtk_widget_has_css_class (app_pmqa_assessment_page_get_count_label (fixture->page), "error"));

  /* A lower limit in หมวด 1 warns on 1.1.1, and nothing of it is cut */
  g_assert_true (app_pmqa_assessment_page_select (fixture->page, "1"));
  {
    GtkSpinButton *spin = find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_SPIN_BUTTON);

    g_assert_nonnull (spin);
    g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 3000);
    gtk_spin_button_set_value (spin, 2000);
    settle ();
  }
  g_assert_true (app_pmqa_assessment_page_select (fixture->page, "1.1.1"));
  settle ();
  g_assert_true (
    gtk_widget_has_css_class (app_pmqa_assessment_page_get_count_label (fixture->page), "error"));
  {
    g_autoptr (PhaenPmqaApplication) now = stored (fixture);

    g_assert_cmpint (now->narrative_limit, ==, 2000);
    g_assert_cmpstr (phaen_pmqa_application_find_sub_item (now, "1.1.1")->narrative, ==,
                     state->narrative);
  }

  /* 1.2.1 shows the seed's own count */
  g_assert_true (app_pmqa_assessment_page_select (fixture->page, "1.2.1"));
  g_clear_pointer (&count, g_free);
  count = label_text (app_pmqa_assessment_page_get_count_label (fixture->page));
  g_assert_nonnull (strstr (count, "2,887"));
}

/* Claiming a starred statement without its file shows the warning; attaching it clears it;
 * undo brings both back. */
static void
test_claim_without_evidence (Fixture *fixture, gconstpointer data)
{
  g_autofree char *file_path = g_build_filename (fixture->dir, "หลักฐานข้อ2.3.1.pdf", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (file_path);
  g_autoptr (GError) error = NULL;
  g_autofree char *evidence = NULL;
  GtkWidget *check, *warning;

  /* The sample claims 2.3.1 (2) without a file (the seed's slot is empty): take the claim back */
  g_assert_true (phaen_store_pmqa_set_claimed (fixture->store, fixture->unit_id, 2567, "2.3.1", 2,
                                               FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (app_pmqa_assessment_page_select (fixture->page, "2.3.1"));
  settle ();
  check = app_pmqa_assessment_page_get_statement_check (fixture->page, 2);
  warning = app_pmqa_assessment_page_get_evidence_warning (fixture->page, 2);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_false (gtk_widget_get_visible (warning));

  /* The officer ticks it */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  settle ();
  {
    g_autoptr (PhaenPmqaApplication) app = stored (fixture);
    const PhaenPmqaSubItemState *state = phaen_pmqa_application_find_sub_item (app, "2.3.1");

    g_assert_true (phaen_pmqa_sub_item_is_claimed (state, 2));
    g_assert_cmpint (state->progress.evidence_missing, ==, 1);
  }
  g_assert_true (gtk_widget_get_visible (warning));
  g_assert_true (gtk_widget_get_mapped (warning));
  g_assert_true (gtk_widget_has_css_class (warning, "error"));

  /* …and attaches the file: the warning goes, the slot shows the name */
  g_assert_true (g_file_set_contents (file_path, "%PDF-1.4 หลักฐาน", -1, &error));
  app_pmqa_assessment_page_attach (fixture->page, 2, file);
  settle ();
  g_assert_false (gtk_widget_get_visible (warning));
  evidence = label_text (app_pmqa_assessment_page_get_evidence_label (fixture->page, 2));
  g_assert_nonnull (strstr (evidence, "หลักฐานข้อ2.3.1.pdf"));

  /* Undo: the file goes and the warning is back */
  undo (fixture);
  g_assert_true (gtk_widget_get_visible (warning));
  undo (fixture);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_false (gtk_widget_get_visible (warning));
}

/* A topic's level beside what the guidelines mean by it. */
static void
test_level (Fixture *fixture, gconstpointer data)
{
  g_autofree char *text = NULL;
  GtkWidget *dropdown;

  g_assert_true (app_pmqa_assessment_page_select (fixture->page, "1.1"));
  settle ();
  dropdown = app_pmqa_assessment_page_get_level_dropdown (fixture->page);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), PHAEN_PMQA_LEVEL_ADVANCE);
  settle ();
  {
    g_autoptr (PhaenPmqaApplication) app = stored (fixture);

    g_assert_cmpint (phaen_pmqa_application_find_topic (app, "1.1")->level, ==,
                     PHAEN_PMQA_LEVEL_ADVANCE);
  }
  text = label_text (app_pmqa_assessment_page_get_level_text (fixture->page));
  g_assert_true (g_str_has_prefix (text, "Advance"));
  g_assert_cmpuint (g_utf8_strlen (text, -1), >, 20);
  undo (fixture);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, 0);
}

/* Typing saves after a pause and counts live; a paste from a PDF is repaired and previewed. */
static void
test_type_and_paste (Fixture *fixture, gconstpointer data)
{
  GtkTextBuffer *buffer;
  g_autofree char *count = NULL;
  AdwMessageDialog *dialog;

  g_assert_true (app_pmqa_assessment_page_select (fixture->page, "3.3.3"));
  settle ();
  buffer = gtk_text_view_get_buffer (
    GTK_TEXT_VIEW (app_pmqa_assessment_page_get_narrative_view (fixture->page)));
  gtk_text_buffer_set_text (buffer, "ประจำปี", -1);
  count = label_text (app_pmqa_assessment_page_get_count_label (fixture->page));
  g_assert_nonnull (strstr (count, " 7 "));
  run_for (1200);
  settle ();
  {
    g_autoptr (PhaenPmqaApplication) app = stored (fixture);

    g_assert_cmpstr (phaen_pmqa_application_find_sub_item (app, "3.3.3")->narrative, ==, "ประจำปี");
  }

  /* Damaged text from a PDF: PUA marks, a split sara am, a hard line break; pasted at the end */
  {
    GtkTextIter end;

    gtk_text_buffer_get_end_iter (buffer, &end);
    gtk_text_buffer_place_cursor (buffer, &end);
  }
  app_pmqa_assessment_page_paste_preview (fixture->page,
                                          "\nหน\xef\x9c\x8aวยงาน ประจ าปี\nอย่างต่อเนื่อง");
  settle ();
  dialog = find_dialog (fixture->window);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "insert");
  settle ();
  {
    g_autoptr (PhaenPmqaApplication) app = stored (fixture);

    g_assert_cmpstr (phaen_pmqa_application_find_sub_item (app, "3.3.3")->narrative, ==,
                     "ประจำปีหน่วยงาน ประจำปีอย่างต่อเนื่อง");
  }
}

/* The export menu's PDF and XLSX, read back. */
static void
test_export (Fixture *fixture, gconstpointer data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "app.pdf", NULL);
  g_autofree char *xlsx = g_build_filename (fixture->dir, "app.xlsx", NULL);
  g_autoptr (GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr (GFile) xlsx_file = g_file_new_for_path (xlsx);
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;

  if (g_find_program_in_path ("pdftotext") == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) reads the PDF back");
      return;
    }
  g_assert_true (app_pmqa_assessment_page_export (fixture->page, pdf_file, &error));
  g_assert_no_error (error);
  g_assert_true (app_pmqa_assessment_page_export (fixture->page, xlsx_file, &error));
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char *[]){ (char *)"pdftotext", (char *)"-raw", pdf, (char *)"-", NULL },
                NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, "หมวด 1 การนำองค์การ"));
  g_assert_nonnull (strstr (out, "หลักฐาน - ไฟล์แนบ : [เอกสารแนบ1.11.pdf]"));
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));
}

int
main (int argc, char *argv[])
{
  if (!app_test_init (&argc, &argv))
    return 0;

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/pmqa-page/read", test_read);
  ADD ("/pmqa-page/claim-without-evidence", test_claim_without_evidence);
  ADD ("/pmqa-page/level", test_level);
  ADD ("/pmqa-page/type-and-paste", test_type_and_paste);
  ADD ("/pmqa-page/export", test_export);
#undef ADD
  return g_test_run ();
}
