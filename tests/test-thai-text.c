/* test-thai-text.c — digits, number input and output, PDF text repair, graphemes, sorting
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "phaen-error.h"
#include "phaen-thai-text.h"

#include <locale.h>
#include <math.h>
#include <string.h>

typedef struct
{
  const char *input;
  const char *expected;
} StringCase;

/* ---------------------------------------------------------------------------------------- */
/* Digits                                                                                    */

static const StringCase to_thai_cases[] = {
  { "0123456789", "๐๑๒๓๔๕๖๗๘๙" },
  { "14,760.00", "๑๔,๗๖๐.๐๐" },
  { "ไตรมาสที่ 1", "ไตรมาสที่ ๑" },
  { "ต.ค.63", "ต.ค.๖๓" },
  { "๑2๓", "๑๒๓" },
  { "abc", "abc" },
  { "", "" },
};

static const StringCase to_arabic_cases[] = {
  { "๐๑๒๓๔๕๖๗๘๙", "0123456789" },
  { "๑๔,๗๖๐.๐๐", "14,760.00" },
  { "รวมทั้งสิ้น ๘๒๖ หน่วย", "รวมทั้งสิ้น 826 หน่วย" },
  { "๑2๓", "123" },
  { "ตัวชี้วัด", "ตัวชี้วัด" },
  { "", "" },
};

static void
test_digits_to_thai (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (to_thai_cases); i++)
    {
      g_autofree char *out = phaen_digits_to_thai (to_thai_cases[i].input);

      g_assert_cmpstr (out, ==, to_thai_cases[i].expected);
    }
}

/* Issue #15: addresses, Latin words and codes keep their digits; dates and amounts do not. */
static void
test_digits_to_thai_prose (void)
{
  const struct
  {
    const char *input;
    const char *expected;
  } cases[] = {
    { "ส่งผลภายใน 15 วัน", "ส่งผลภายใน ๑๕ วัน" },
    { "แบบฟอร์ม https://forms.gle/84S5uwXq9 ภายใน 3 วัน",
      "แบบฟอร์ม https://forms.gle/84S5uwXq9 ภายใน ๓ วัน" },
    { "ดูที่www.mof2.go.th/a1 ครั้งที่ 2", "ดูที่www.mof2.go.th/a1 ครั้งที่ ๒" },
    { "ติดต่อ plan01@mof.go.th โทร 0 2126 5800", "ติดต่อ plan01@mof.go.th โทร ๐ ๒๑๒๖ ๕๘๐๐" },
    { "สถานการณ์ COVID-19 ระลอก 3", "สถานการณ์ COVID-19 ระลอก ๓" },
    { "ตัวชี้วัด กพร.9 และ สตป. 02 ข้อ 2.1", "ตัวชี้วัด กพร.9 และ สตป. 02 ข้อ ๒.๑" },
    { "9 มี.ค. 64 ต.ค.63 พ.ศ. 2564 ภายในมี.ค. 64", "๙ มี.ค. ๖๔ ต.ค.๖๓ พ.ศ. ๒๕๖๔ ภายในมี.ค. ๖๔" },
    { "14,760.00 บาท", "๑๔,๗๖๐.๐๐ บาท" },
    { "ISO 9001 v2", "ISO ๙๐๐๑ v2" },
    { "", "" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = phaen_digits_to_thai_prose (cases[i].input);

      g_assert_cmpstr (out, ==, cases[i].expected);
    }
}

static void
test_digits_to_arabic (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (to_arabic_cases); i++)
    {
      g_autofree char *out = phaen_digits_to_arabic (to_arabic_cases[i].input);

      g_assert_cmpstr (out, ==, to_arabic_cases[i].expected);
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Number parsing                                                                            */

typedef struct
{
  const char *input;
  double expected;
} ParseCase;

static const ParseCase parse_valid_cases[] = {
  { "14,760.00", 14760.0 },
  { "๑๔,๗๖๐.๐๐", 14760.0 },
  { "๑๔,760.๐๐", 14760.0 },
  { "826", 826.0 },
  { "  42  ", 42.0 },
  { "\u00a0๕\u00a0", 5.0 },
  { "-5", -5.0 },
  { "+5", 5.0 },
  { "\u22123.5", -3.5 },
  { "-1,234.5", -1234.5 },
  { "1,234,567.891", 1234567.891 },
  { "1000000", 1000000.0 },
  { "0.668", 0.668 },
  { ".5", 0.5 },
  { "5.", 5.0 },
  { "80%", 80.0 },
  { "80 %", 80.0 },
  { "๘๐%", 80.0 },
  { "97.4%", 97.4 },
  { "-0", 0.0 },
};

typedef struct
{
  const char *input;
  const char *message;
} ErrorCase;

static const ErrorCase parse_invalid_cases[] = {
  /* The reason first: a message cut short in a toast still says what is wrong. */
  { "abc", "ไม่ใช่ตัวเลข (พิมพ์ว่า “abc”)" },
  { "  abc ", "ไม่ใช่ตัวเลข (พิมพ์ว่า “abc”)" },
  { "1,2,3", "ใส่เครื่องหมายจุลภาคคั่นหลักพันไม่ถูกต้อง (พิมพ์ว่า “1,2,3”)" },
  { "1,00", "จุลภาค" },
  { "1,0000", "จุลภาค" },
  { "1000,000", "จุลภาค" },
  { ",500", "จุลภาค" },
  { "1,00.5", "จุลภาค" },
  { "1.000,5", "ไม่ใช่ตัวเลข" },
  { "1.2.3", "ไม่ใช่ตัวเลข" },
  { "12a", "ไม่ใช่ตัวเลข" },
  { "5 6", "ไม่ใช่ตัวเลข" },
  { "1-2", "ไม่ใช่ตัวเลข" },
  { "--5", "ไม่ใช่ตัวเลข" },
  { "+", "ไม่ใช่ตัวเลข" },
  { ".", "ไม่ใช่ตัวเลข" },
  { "%", "ไม่ใช่ตัวเลข" },
  { "80%%", "ไม่ใช่ตัวเลข" },
  { "%80", "ไม่ใช่ตัวเลข" },
  { "1e5", "ไม่ใช่ตัวเลข" },
  { "0x10", "ไม่ใช่ตัวเลข" },
  { "inf", "ไม่ใช่ตัวเลข" },
  { "nan", "ไม่ใช่ตัวเลข" },
  /* Arabic-Indic digits are not Thai digits. */
  { "\u0661\u0662", "ไม่ใช่ตัวเลข" },
  /* U+0E35 (sara ii) has the low byte of '5'. */
  { "\u0e35", "ไม่ใช่ตัวเลข" },
  { "", "ต้องกรอกตัวเลข" },
  { "   ", "ต้องกรอกตัวเลข" },
  { "-", "ไม่มีค่า" },
  { "–", "ไม่มีค่า" },
};

static void
test_parse_valid (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (parse_valid_cases); i++)
    {
      g_autoptr (GError) error = NULL;
      double value = NAN;

      g_test_message ("parsing “%s”", parse_valid_cases[i].input);
      g_assert_true (phaen_parse_number (parse_valid_cases[i].input, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat_with_epsilon (value, parse_valid_cases[i].expected, 1e-9);
      g_assert_false (signbit (value) && value == 0);
    }
}

static void
test_parse_invalid (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (parse_invalid_cases); i++)
    {
      g_autoptr (GError) error = NULL;
      double value = 123.0;

      g_test_message ("parsing “%s”", parse_invalid_cases[i].input);
      g_assert_false (phaen_parse_number (parse_invalid_cases[i].input, &value, &error));
      g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, parse_invalid_cases[i].message));
      g_assert_cmpfloat (value, ==, 123.0);
    }
}

static void
test_parse_too_big (void)
{
  g_autofree char *digits = g_strnfill (400, '9');
  g_autoptr (GError) error = NULL;
  double value;

  g_assert_false (phaen_parse_number (digits, &value, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
}

typedef struct
{
  const char *input;
  gboolean has_value;
  double value;
} OptionalCase;

static const OptionalCase optional_cases[] = {
  { "-", FALSE, 0 }, { " - ", FALSE, 0 }, { "–", FALSE, 0 },
  { "—", FALSE, 0 }, { "", FALSE, 0 },    { "  ", FALSE, 0 },
  { "0", TRUE, 0 },  { "-5", TRUE, -5 },  { "๑๔,๗๖๐.๐๐", TRUE, 14760 },
};

static void
test_parse_optional (void)
{
  g_autoptr (GError) error = NULL;
  gboolean has_value = TRUE;
  double value = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (optional_cases); i++)
    {
      g_test_message ("parsing “%s”", optional_cases[i].input);
      g_assert_true (
        phaen_parse_optional_number (optional_cases[i].input, &has_value, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpint (has_value, ==, optional_cases[i].has_value);
      if (has_value)
        g_assert_cmpfloat (value, ==, optional_cases[i].value);
      else
        g_assert_true (isnan (value));
    }

  /* "none" is not a parse error, but garbage still is. */
  g_assert_false (phaen_parse_optional_number ("abc", &has_value, &value, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (phaen_parse_optional_number ("1,2,3", &has_value, &value, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
}

/* ---------------------------------------------------------------------------------------- */
/* Number formatting                                                                         */

typedef struct
{
  double value;
  guint decimals;
  PhaenNumberFlags flags;
  const char *expected;
} FormatCase;

static const FormatCase format_cases[] = {
  { 14760, 2, PHAEN_NUMBER_GROUPING, "14,760.00" },
  { 14760, 2, PHAEN_NUMBER_GROUPING | PHAEN_NUMBER_THAI_DIGITS, "๑๔,๗๖๐.๐๐" },
  { 14760, 2, PHAEN_NUMBER_PLAIN, "14760.00" },
  { 1234567.891, 2, PHAEN_NUMBER_GROUPING, "1,234,567.89" },
  { -1234.5, 1, PHAEN_NUMBER_GROUPING, "-1,234.5" },
  { -123, 0, PHAEN_NUMBER_GROUPING, "-123" },
  { 123, 0, PHAEN_NUMBER_GROUPING, "123" },
  { 1234, 0, PHAEN_NUMBER_GROUPING, "1,234" },
  { 123456, 0, PHAEN_NUMBER_GROUPING, "123,456" },
  { 999.999, 2, PHAEN_NUMBER_GROUPING, "1,000.00" },
  { -0.001, 2, PHAEN_NUMBER_PLAIN, "0.00" },
  { 0, 2, PHAEN_NUMBER_PLAIN, "0.00" },
  /* Seed 002 prints scores without trailing zeros. */
  { 2.2267, 4, PHAEN_NUMBER_TRIM_ZEROS, "2.2267" },
  { 0.3, 4, PHAEN_NUMBER_TRIM_ZEROS, "0.3" },
  { 5, 4, PHAEN_NUMBER_TRIM_ZEROS, "5" },
  { 100, 2, PHAEN_NUMBER_TRIM_ZEROS, "100" },
  { 1500, 2, PHAEN_NUMBER_TRIM_ZEROS | PHAEN_NUMBER_GROUPING, "1,500" },
  { 101.67, 2, PHAEN_NUMBER_THAI_DIGITS, "๑๐๑.๖๗" },
  { NAN, 2, PHAEN_NUMBER_GROUPING, "-" },
  { INFINITY, 2, PHAEN_NUMBER_PLAIN, "-" },
};

static void
test_format_number (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (format_cases); i++)
    {
      g_autofree char *out = phaen_format_number (format_cases[i].value, format_cases[i].decimals,
                                                  format_cases[i].flags);

      g_assert_cmpstr (out, ==, format_cases[i].expected);
    }
}

typedef struct
{
  double value;
  gboolean thai_digits;
  const char *expected;
} MoneyCase;

static const MoneyCase money_cases[] = {
  { 14760, FALSE, "14,760.00" },
  { 14760, TRUE, "๑๔,๗๖๐.๐๐" },
  { -500, FALSE, "-500.00" },
  { 0, FALSE, "0.00" },
  { 0.5, TRUE, "๐.๕๐" },
  { NAN, FALSE, "-" },
  { NAN, TRUE, "-" },
};

static void
test_format_money (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (money_cases); i++)
    {
      g_autofree char *out = phaen_format_money (money_cases[i].value, money_cases[i].thai_digits);

      g_assert_cmpstr (out, ==, money_cases[i].expected);
    }
}

/* Seed 002, สตป. 02: scores and weighted scores of Q1..Q4. */
static const MoneyCase score_cases[] = {
  { 1, FALSE, "1.0000" }, { 2.2267, FALSE, "2.2267" }, { 4.0372, FALSE, "4.0372" },
  { 5, TRUE, "๕.๐๐๐๐" },  { 0.668, FALSE, "0.6680" },  { 1.2112, TRUE, "๑.๒๑๑๒" },
  { NAN, FALSE, "-" },
};

static void
test_format_score (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (score_cases); i++)
    {
      g_autofree char *out = phaen_format_score (score_cases[i].value, score_cases[i].thai_digits);

      g_assert_cmpstr (out, ==, score_cases[i].expected);
    }
}

static void
test_money_round_trip (void)
{
  static const double values[] = { 0, 0.01, 14760, 1234567.89, -500.5, 826, 999999999.99 };

  for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
    for (int thai = 0; thai <= 1; thai++)
      {
        g_autoptr (GError) error = NULL;
        g_autofree char *text = phaen_format_money (values[i], thai);
        double back = NAN;

        g_assert_true (phaen_parse_number (text, &back, &error));
        g_assert_no_error (error);
        g_assert_cmpfloat (back, ==, values[i]);
      }

  /* "none" survives a round trip as none, not as zero. */
  {
    g_autofree char *none = phaen_format_money (NAN, TRUE);
    gboolean has_value = TRUE;
    double back = 0;

    g_assert_true (phaen_parse_optional_number (none, &has_value, &back, NULL));
    g_assert_false (has_value);
  }
}

/* ---------------------------------------------------------------------------------------- */
/* Normalisation                                                                             */

/* Words as they come out of seed 001's PDF text, and what they are. */
static const StringCase normalize_pua_cases[] = {
  { "หน\uf70aวยงาน", "หน่วยงาน" },
  { "องค\uf70eการ", "องค์การ" },
  { "เป\uf712น", "เป็น" },
  { "ป\uf710จจัย", "ปัจจัย" },
  { "หัวข\uf70bอ", "หัวข้อ" },
  { "เพื่อป\uf706องกัน", "เพื่อป้องกัน" },
  { "ได\uf70bแก\uf70a", "ได้แก่" },
  /* Every code point of the DOMAIN.md §2 table, on ก. */
  { "\uf700", "ฐ" },
  { "ก\uf701", "กิ" },
  { "ก\uf702", "กี" },
  { "ก\uf703", "กึ" },
  { "ก\uf704", "กื" },
  { "ก\uf705\uf706\uf707\uf708", "ก่้๊๋" },
  { "ก\uf709", "ก์" },
  { "ก\uf70a\uf70b\uf70c\uf70d", "ก่้๊๋" },
  { "ก\uf70e", "ก์" },
  { "\uf70f", "ญ" },
  { "ก\uf710", "กั" },
  { "ก\uf711", "กํ" },
  { "ก\uf712", "ก็" },
  { "ก\uf713\uf714\uf715\uf716", "ก่้๊๋" },
  { "ก\uf717", "ก์" },
  { "ก\uf718", "กุ" },
  { "ก\uf719", "กู" },
  { "ก\uf71a", "กฺ" },
  /* Outside the table: left alone. */
  { "\uf71b\uf6ff", "\uf71b\uf6ff" },
};

static const StringCase normalize_sara_am_cases[] = {
  { "คํานึงถึง", "คำนึงถึง" },                /* seed 001 */
  { "ก\uf711าหนด", "กำหนด" },            /* nikhahit from the PUA */
  { "ประจ าปี", "ประจำปี" },               /* seed 000 */
  { "ข้อก าหนดที่ส าคัญ", "ข้อกำหนดที่สำคัญ" },  /* seed 000 */
  { "ผลการด าเนินงาน", "ผลการดำเนินงาน" }, /* seed 000 */
  { "ก าหนดตัวช้ีวัด", "กำหนดตัวชี้วัด" },       /* seed 000, both faults */
  { "น้ าตาล", "น้ำตาล" },                 /* after a tone mark */
  { "นำ้", "น้ำ" },                        /* tone typed after sara am */
  { "นำำ้", "น้ำำ" },
  { "นำ\u0ec9้", "น้ำ\u0ec9" },
  /* a Lao mark between, reordered by NFC (fuzzed) */ /* ...after a doubled one: once, not again on
                                                         a second repair (fuzzed) */
};

/* Legitimate text the repairs must not touch. */
static const StringCase normalize_keep_cases[] = {
  { "ราชการ การปรับปรุง", "ราชการ การปรับปรุง" },
  { "ที่ อาคาร", "ที่ อาคาร" },
  { "ปี 2564 า", "ปี 2564 า" },
  { "A า", "A า" },
  { "กพร. า", "กพร. า" },
  { "น้ำ ชี้แจง ทั้งนี้ รู้", "น้ำ ชี้แจง ทั้งนี้ รู้" },
  { "ไก่ ไข่ สำนักงาน ก.พ.ร.", "ไก่ ไข่ สำนักงาน ก.พ.ร." },
  { "", "" },
};

static const StringCase normalize_tone_cases[] = {
  { "ตัวช้ีวัด", "ตัวชี้วัด" }, /* seed 000 */
  { "ท่ี", "ที่" },         /* seed 000 */
  { "ท้ังนี้", "ทั้งนี้" },     /* seed 000 */
  { "พ่ื", "พื่" },
  { "รู้", "รู้" }, /* a lower vowel, seed 003 */
  { "ก\u0e4c\u0e34", "ก\u0e34\u0e4c" },
  { "ช\uf70b\uf702", "ชี้" }, /* PUA tone before a PUA vowel */
};

static void
check_normalize_cases (const StringCase *cases, gsize n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autofree char *out = phaen_text_normalize (cases[i].input);
      g_autofree char *again = phaen_text_normalize (out);

      g_assert_cmpstr (out, ==, cases[i].expected);
      g_assert_cmpstr (again, ==, out);
    }
}

static void
test_normalize_pua (void)
{
  check_normalize_cases (normalize_pua_cases, G_N_ELEMENTS (normalize_pua_cases));
}

static void
test_normalize_sara_am (void)
{
  check_normalize_cases (normalize_sara_am_cases, G_N_ELEMENTS (normalize_sara_am_cases));
}

static void
test_normalize_keep (void)
{
  check_normalize_cases (normalize_keep_cases, G_N_ELEMENTS (normalize_keep_cases));
}

static void
test_normalize_tone_order (void)
{
  check_normalize_cases (normalize_tone_cases, G_N_ELEMENTS (normalize_tone_cases));
}

static void
test_normalize_nfc (void)
{
  g_autofree char *out = phaen_text_normalize ("Cafe\u0301");

  g_assert_cmpstr (out, ==, "Caf\u00e9");
}

static void
test_normalize_invalid_utf8 (void)
{
  g_autofree char *out = phaen_text_normalize ("ก\xff");

  g_assert_cmpstr (out, ==, "ก\ufffd");
}

static char *
read_seed (const char *prefix)
{
  g_autofree char *dir_path =
    g_test_build_filename (G_TEST_DIST, "..", "..", "shared", "seeds", NULL);
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    if (g_str_has_prefix (name, prefix))
      {
        g_autofree char *path = g_build_filename (dir_path, name, NULL);
        char *contents = NULL;

        g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
        return contents;
      }
  return NULL;
}

/* Counts the faults phaen_text_normalize() repairs; @out_joins gets those that join two
 * characters into one. */
static gsize
count_damage (const char *text, glong *out_joins)
{
  gsize damage = 0;
  glong joins = 0;
  gunichar prev2 = 0;
  gunichar prev = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xF700 && c <= 0xF71A)
        damage++;
      if (c == 0x0E32 && (prev == 0x0E4D || prev == 0xF711))
        joins++;
      if (c == 0x0E32 && prev == ' ' &&
          ((prev2 >= 0x0E01 && prev2 <= 0x0E2E) || (prev2 >= 0x0E48 && prev2 <= 0x0E4B)))
        joins++;
      if ((c == 0x0E31 || (c >= 0x0E34 && c <= 0x0E3A) || c == 0x0E47) && prev >= 0x0E48 &&
          prev <= 0x0E4C)
        damage++;
      prev2 = prev;
      prev = c;
    }
  if (out_joins)
    *out_joins = joins;
  return damage + joins;
}

/* The seeds themselves: every fault of the kinds above is gone, and the text shrinks by
 * exactly the split sara am that were joined. */
static void
test_normalize_seed_files (void)
{
  static const char *const seeds[] = { "000_", "001_" };

  for (gsize i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autofree char *text = read_seed (seeds[i]);
      g_autofree char *out = NULL;
      g_autofree char *again = NULL;
      glong joins = 0;

      if (text == NULL)
        {
          g_test_skip ("shared/seeds is not beside the repository");
          return;
        }

      g_assert_cmpuint (count_damage (text, &joins), >, 0);
      out = phaen_text_normalize (text);
      again = phaen_text_normalize (out);
      g_assert_cmpuint (count_damage (out, NULL), ==, 0);
      g_assert_cmpstr (again, ==, out);
      g_assert_cmpint (g_utf8_strlen (out, -1), ==, g_utf8_strlen (text, -1) - joins);
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Graphemes                                                                                 */

typedef struct
{
  const char *text;
  gsize graphemes;
} GraphemeCase;

static const GraphemeCase grapheme_cases[] = {
  { "", 0 },      { "abc", 3 },  { "ประจำปี", 5 },  { "น้ำ", 1 },      { "ที่", 1 },
  { "ตัวชี้วัด", 5 }, { "กพร.", 4 }, { "สตป. 02", 7 }, { "e\u0301", 1 }, { "๑๔,๗๖๐", 6 },
  { "\r\n", 1 },  { "ำ", 1 },    { "กำหนด", 4 },   { "ไก่", 2 },
};

static void
test_grapheme_count (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (grapheme_cases); i++)
    {
      g_test_message ("counting “%s”", grapheme_cases[i].text);
      g_assert_cmpuint (phaen_text_grapheme_count (grapheme_cases[i].text), ==,
                        grapheme_cases[i].graphemes);
    }
}

/* Seed 001's form limits answers to about 3,000 characters: Thai marks must not count. */
static void
test_grapheme_long_text (void)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (int i = 0; i < 3000; i++)
    g_string_append (text, "ที่");
  g_assert_cmpint (g_utf8_strlen (text->str, -1), ==, 9000);
  g_assert_cmpuint (phaen_text_grapheme_count (text->str), ==, 3000);
}

/* ---------------------------------------------------------------------------------------- */
/* Collation                                                                                 */

/* Each pair in Thai dictionary order. */
static const StringCase collate_before_cases[] = {
  { "กา", "เก" },       { "เก", "ข" },         { "กา", "ไก่" }, { "ไก่", "ข" },
  { "กา", "ก่า" },       { "ก่า", "กาก" },       { "ก", "กา" },  { "โต", "ไต" },
  { "ปลา", "เปลี่ยน" },   { "ข้อ 2", "ข้อ ๓" },    { "a", "B" },   { "กพร.", "สตป." },
  { "เป็น", "เป้าหมาย" }, { "ก.พ.ร.", "กพร.9" },
};

/* The Royal Institute dictionary puts sara am after sara aa (กา … กาว, กำ); glibc's th_TH
 * reads ำ as ํ + า and does not, so these hold for the dictionary key only. */
static const StringCase collate_dictionary_only_cases[] = {
  { "กาว", "กำ" },
  { "ค่าใช้จ่าย", "คำอธิบาย" },
  { "จารัส", "จำนวน" },
};

static void
check_collation_order (const StringCase *cases, gsize n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      const char *a = cases[i].input;
      const char *b = cases[i].expected;

      g_test_message ("“%s” < “%s”", a, b);
      g_assert_cmpint (phaen_text_collate (a, b), <, 0);
      g_assert_cmpint (phaen_text_collate (b, a), >, 0);
      g_assert_cmpint (phaen_text_collate (a, a), ==, 0);
    }
}

static int
collate_cb (gconstpointer a, gconstpointer b)
{
  return phaen_text_collate (*(const char *const *)a, *(const char *const *)b);
}

static void
test_collate_dictionary (void)
{
  static const char *const units[] = { "สตป.", "แผนงาน", "กพร.", "เลขานุการกรม",
                                       "ข้อมูล", "ไอที",    "สนย.", "โครงการ" };
  static const char *const sorted[] = { "กพร.",        "ข้อมูล", "โครงการ", "แผนงาน",
                                        "เลขานุการกรม", "สตป.", "สนย.",    "ไอที" };
  g_autoptr (GPtrArray) list = g_ptr_array_new ();

  /* C.UTF-8 sorts by code point: เก before ข before กา. */
  g_assert_cmpint (g_utf8_collate ("เก", "กา"), >, 0);

  check_collation_order (collate_before_cases, G_N_ELEMENTS (collate_before_cases));
  check_collation_order (collate_dictionary_only_cases,
                         G_N_ELEMENTS (collate_dictionary_only_cases));

  for (gsize i = 0; i < G_N_ELEMENTS (units); i++)
    g_ptr_array_add (list, (gpointer)units[i]);
  g_ptr_array_sort (list, collate_cb);
  for (gsize i = 0; i < G_N_ELEMENTS (sorted); i++)
    g_assert_cmpstr (g_ptr_array_index (list, i), ==, sorted[i]);
}

/* Damaged and clean spellings of the same word sort as one. */
static void
test_collate_normalized (void)
{
  g_assert_cmpint (phaen_text_collate ("ตัวช้ีวัด", "ตัวชี้วัด"), ==, 0);
  g_assert_cmpint (phaen_text_collate ("หน\uf70aวยงาน", "หน่วยงาน"), ==, 0);
  g_assert_cmpint (phaen_text_collate ("ข้อ ๒", "ข้อ 2"), ==, 0);
}

static void
test_collate_thai_locale (void)
{
  if (setlocale (LC_COLLATE, "th_TH.UTF-8") == NULL)
    {
      g_test_skip ("the th_TH.UTF-8 locale is not installed");
      return;
    }
  check_collation_order (collate_before_cases, G_N_ELEMENTS (collate_before_cases));
  setlocale (LC_COLLATE, "C.UTF-8");
}

int
main (int argc, char *argv[])
{
  /* The dictionary collation key is what runs under C.UTF-8, whatever LANG the caller set. */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/thai-text/digits/to-thai", test_digits_to_thai);
  g_test_add_func ("/thai-text/digits/to-arabic", test_digits_to_arabic);
  g_test_add_func ("/thai-text/digits/prose", test_digits_to_thai_prose);
  g_test_add_func ("/thai-text/parse/valid", test_parse_valid);
  g_test_add_func ("/thai-text/parse/invalid", test_parse_invalid);
  g_test_add_func ("/thai-text/parse/too-big", test_parse_too_big);
  g_test_add_func ("/thai-text/parse/optional", test_parse_optional);
  g_test_add_func ("/thai-text/format/number", test_format_number);
  g_test_add_func ("/thai-text/format/money", test_format_money);
  g_test_add_func ("/thai-text/format/score", test_format_score);
  g_test_add_func ("/thai-text/format/money-round-trip", test_money_round_trip);
  g_test_add_func ("/thai-text/normalize/pua", test_normalize_pua);
  g_test_add_func ("/thai-text/normalize/sara-am", test_normalize_sara_am);
  g_test_add_func ("/thai-text/normalize/keep", test_normalize_keep);
  g_test_add_func ("/thai-text/normalize/tone-order", test_normalize_tone_order);
  g_test_add_func ("/thai-text/normalize/nfc", test_normalize_nfc);
  g_test_add_func ("/thai-text/normalize/invalid-utf8", test_normalize_invalid_utf8);
  g_test_add_func ("/thai-text/normalize/seed-files", test_normalize_seed_files);
  g_test_add_func ("/thai-text/grapheme/count", test_grapheme_count);
  g_test_add_func ("/thai-text/grapheme/long-text", test_grapheme_long_text);
  g_test_add_func ("/thai-text/collate/dictionary", test_collate_dictionary);
  g_test_add_func ("/thai-text/collate/normalized", test_collate_normalized);
  g_test_add_func ("/thai-text/collate/thai-locale", test_collate_thai_locale);

  return g_test_run ();
}
