/* phaen-model.h — the records a workspace holds (plain structs, owned by the caller)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Fiscal months 0..11 are ต.ค. … ก.ย.; 12..23 run into the next fiscal year. */
#define PHAEN_FISCAL_MONTHS 12
#define PHAEN_MAX_MONTHS 24
#define PHAEN_QUARTERS 4
#define PHAEN_LEVELS 5
/* ประเภท 1..5 of an efficiency plan's activity (DOMAIN §3c) */
#define PHAEN_ACTIVITY_CATEGORIES 5
/* Activities nest at most this many levels (depth 0 .. PHAEN_MAX_ACTIVITY_DEPTH − 1); a file
 * that nests deeper is refused as damaged. */
#define PHAEN_MAX_ACTIVITY_DEPTH 32

typedef enum
{
  PHAEN_PLAN_PROCESS = 0, /* แผนการปรับปรุงกระบวนการตามภารกิจ (DOMAIN §3a) */
  PHAEN_PLAN_ACTION = 1, /* แผนปฏิบัติราชการประจำปี (§3b) */
  PHAEN_PLAN_EFFICIENCY = 2, /* แผนเพิ่มประสิทธิภาพ 12 เรื่อง, OPDC 4.2 (§3c) */
} PhaenPlanKind;

/* Month marks are bit flags; a cell may carry several. */
typedef enum
{
  PHAEN_MARK_NONE = 0,
  PHAEN_MARK_PLANNED = 1 << 0,  /* shaded cell */
  PHAEN_MARK_START = 1 << 1,    /* ● start month */
  PHAEN_MARK_OUTPUT = 1 << 2,   /* ○ planned output */
  PHAEN_MARK_ACHIEVED = 1 << 3, /* ● achieved output (in the report) */
} PhaenMark;

#define PHAEN_MARK_ALL 0xF

/* The typed levels of a plan's rows (DOMAIN §3b: ยุทธศาสตร์ → เป้าประสงค์ → โครงการ → กิจกรรม). A
 * process or efficiency plan's rows are all activities; an action plan's rows start at its
 * strategies. Each level is numbered under its parent, dotted as seed 001 numbers its printed
 * tree (หมวด 1 → 1.1 → 1.1.1): strategy 1, goal 1.1, project 1.1.1, activity 1.1.1.1. */
typedef enum
{
  PHAEN_ACTIVITY_LEVEL_STRATEGY = 1, /* ยุทธศาสตร์ */
  PHAEN_ACTIVITY_LEVEL_GOAL = 2,     /* เป้าประสงค์ */
  PHAEN_ACTIVITY_LEVEL_PROJECT = 3,  /* โครงการ */
  PHAEN_ACTIVITY_LEVEL_ACTIVITY = 4, /* กิจกรรม */
} PhaenActivityLevel;

#define PHAEN_ACTIVITY_LEVELS 4

typedef enum
{
  PHAEN_LEVEL_ORGANISATION = 0,
  PHAEN_LEVEL_UNIT = 1,
  PHAEN_LEVEL_PERSON = 2,
} PhaenIndicatorLevel;

typedef struct
{
  gint64 id;
  char *uuid;
  char *abbr;       /* สตป. */
  char *name;       /* สำนักตรวจสอบและประเมินผล */
  gint64 parent_id; /* 0 when none */
} PhaenUnit;

typedef struct
{
  gint64 id;
  char *uuid;
  gint64 unit_id;
  char *title; /* นาย, นางสาว */
  char *name;
  char *position;
  char *phone;
  char *email;
} PhaenPerson;

typedef struct
{
  gint64 id;
  char *uuid;
  gint64 unit_id;
  int fiscal_year; /* BE */
  PhaenPlanKind kind;
  char *title;
  int extra_months; /* months run into the next fiscal year (0..12) */
} PhaenPlan;

/* Text sections of a plan (DOMAIN §3a items 1–7; §3b strategy and goal). */
#define PHAEN_SECTION_PROCESS "process"     /* 1. ชื่อกระบวนการ… */
#define PHAEN_SECTION_CUSTOMERS "customers" /* 2. ผู้รับบริการ */
#define PHAEN_SECTION_STAKEHOLDERS "stakeholders" /* 2. ผู้มีส่วนได้ส่วนเสีย */
#define PHAEN_SECTION_INDICATOR "indicator" /* 3. ตัวชี้วัด */
#define PHAEN_SECTION_CRITERIA "criteria"   /* 3. เกณฑ์การวัดผล */
#define PHAEN_SECTION_DIGITAL "digital" /* 4. แนวทางการนำเทคโนโลยีดิจิทัล… */
#define PHAEN_SECTION_STEPS "steps" /* 5. วิธีการลดขั้นตอน… */
#define PHAEN_SECTION_EXPECTED "expected" /* 7. ผลที่คาดว่าจะได้รับ */
#define PHAEN_SECTION_STRATEGY "strategy" /* ประเด็นยุทธศาสตร์ */
#define PHAEN_SECTION_GOAL "goal"         /* เป้าประสงค์ */

typedef struct
{
  gint64 id;
  char *uuid;
  gint64 plan_id;
  gint64 parent_id; /* 0 at the top level */
  int position;     /* among its siblings, from 0 */
  int depth;        /* 0 at the top level (filled when listed) */
  char *number;     /* "1", "1.2" (filled when listed) */
  char *name;
  int category;        /* ประเภท 1..5 of §3c, 0 when none */
  int level;           /* PhaenActivityLevel */
  char *owner;         /* ผู้รับผิดชอบ, free text such as "กพร." */
  gboolean has_budget; /* FALSE prints "-" */
  double budget;
  char *output;   /* ผลผลิต */
  char *progress; /* รายงานความก้าวหน้า */
  guint8 marks[PHAEN_MAX_MONTHS];
  char *month_progress[PHAEN_MAX_MONTHS]; /* NULL when none */
} PhaenActivity;

typedef struct
{
  gint64 id;
  char *uuid;
  gint64 unit_id;
  int fiscal_year;
  gint64 plan_id; /* 0 when not tied to a plan */
  int position;
  char *code;     /* รหัสตัวชี้วัด, e.g. "สตป. 02" */
  char *name;     /* ตัวชี้วัด */
  char *org_plan; /* แผนปฏิบัติราชการของ <org> */
  char *strategy; /* ประเด็นยุทธศาสตร์ของหน่วยงาน */
  char *dimension;    /* มิติการประเมินผล */
  char *goal;         /* เป้าประสงค์ */
  double weight;      /* น้ำหนัก (ร้อยละ) */
  char *description;  /* คำอธิบาย */
  char *condition;    /* เงื่อนไข (ถ้ามี) */
  char *measure_unit; /* หน่วยวัด */
  char *target;       /* เป้าหมายปีปัจจุบัน, as written */
  char *baseline[3]; /* ข้อมูลพื้นฐานย้อนหลัง 1/2/3 ปี */
  char *data_source; /* แหล่งข้อมูล/วิธีการจัดเก็บข้อมูล */
  char *owner_name; /* ผู้รับผิดชอบตัวชี้วัด */
  char *owner_phone;
  char *supporter_name; /* ผู้สนับสนุน */
  char *supporter_phone;
  int scoring;   /* PhaenScoringKind */
  int direction; /* PhaenDirection */
  gboolean cumulative;
  int level;        /* PhaenIndicatorLevel */
  gboolean leading; /* leading (TRUE) or lagging indicator */
  int mandatory;    /* 0, 1 (*) or 2 (**) */
  char *pmqa_group; /* "7.1" … "7.6" for PMQA category 7, else NULL */
  gboolean has_pmqa_target;
  double pmqa_target; /* ค่าเป้าหมายปีล่าสุด */
  gboolean has_pmqa_score;
  double pmqa_score; /* chosen score (override of the suggestion) */
  char *pmqa_note;   /* หมายเหตุ */
} PhaenIndicator;

typedef struct
{
  int level; /* 1..5 for levels/thresholds, 1..n for bands */
  gboolean has_threshold;
  double threshold; /* T_level, or a band's lower bound */
  gboolean has_upper;
  double upper; /* a band's upper bound */
  gboolean lower_inclusive;
  gboolean upper_inclusive;
  double score;      /* a band's score */
  char *label;       /* ระดับผลการดำเนินงาน / band name */
  char *description; /* คำอธิบายเกณฑ์การให้คะแนน */
} PhaenCriterion;

typedef struct
{
  gint64 id;
  char *uuid;
  gint64 indicator_id;
  int version;       /* 1, 2, … */
  char *approved_on; /* ISO date yyyy-mm-dd, NULL when not recorded */
  char *reason;
  double pass_percent; /* pass/fail kind: pass at ≥ this (80) */
  GPtrArray *items;    /* (element-type PhaenCriterion) ordered by level */
} PhaenCriteriaVersion;

typedef struct
{
  gint64 id;
  char *uuid;
  gint64 indicator_id;
  int quarter;        /* 1..4 */
  char *value_text;   /* as entered ("826", "4-5", "๑๘๔"); NULL or "" when empty */
  gboolean has_value; /* value_text parsed as a number */
  double value;
  char *detail;   /* รายละเอียดการดำเนินงาน */
  char *problems; /* ปัญหา/อุปสรรค */
  gboolean has_override;
  double score_override;
  char *override_reason;
  char *updated_at; /* ISO 8601 */
} PhaenResult;

typedef struct
{
  gint64 id;
  char *uuid;
  gint64 result_id;
  char *name;  /* file name or link title */
  char *mime;  /* NULL for a URL */
  char *url;   /* NULL for a stored file */
  gint64 size; /* bytes of a stored file */
  char *added_at;
} PhaenEvidence;

typedef struct
{
  gint64 plan_id;
  int quarter;
  double allocated;
  double committed; /* ก่อหนี้ผูกพัน */
  double disbursed; /* เบิกจ่าย */
} PhaenBudgetQuarter;

PhaenUnit *phaen_unit_copy (const PhaenUnit *unit);
void phaen_unit_free (PhaenUnit *unit);
void phaen_person_free (PhaenPerson *person);
PhaenPlan *phaen_plan_copy (const PhaenPlan *plan);
void phaen_plan_free (PhaenPlan *plan);
PhaenActivity *phaen_activity_copy (const PhaenActivity *activity);
void phaen_activity_free (PhaenActivity *activity);
PhaenIndicator *phaen_indicator_copy (const PhaenIndicator *indicator);
void phaen_indicator_free (PhaenIndicator *indicator);
void phaen_criterion_free (PhaenCriterion *criterion);
PhaenCriterion *phaen_criterion_copy (const PhaenCriterion *criterion);
PhaenCriteriaVersion *phaen_criteria_version_new (void);
PhaenCriteriaVersion *phaen_criteria_version_copy (const PhaenCriteriaVersion *version);
void phaen_criteria_version_free (PhaenCriteriaVersion *version);
void phaen_result_free (PhaenResult *result);
PhaenResult *phaen_result_copy (const PhaenResult *result);
void phaen_evidence_free (PhaenEvidence *evidence);

const char *phaen_plan_kind_to_string (PhaenPlanKind kind);
/* The official Thai name of a level (`ยุทธศาสตร์`). Returns: (transfer none) */
const char *phaen_activity_level_to_string (PhaenActivityLevel level);
/* The row's heading as the plan documents print it: `ยุทธศาสตร์ที่ 1`, `เป้าประสงค์ที่ 1.1`,
 * `โครงการที่ 1.1.1`; an activity is its number alone (`1.1.1.1`). Returns: (transfer full) */
char *phaen_activity_heading (const PhaenActivity *activity);
/* Reads a level as a file or a person writes it: its Thai or English name (`ยุทธศาสตร์`,
 * `ประเด็นยุทธศาสตร์`, `goal`, `โครงการ`, `ขั้นตอน`…) or its number 1–4. FALSE when it is none. */
gboolean phaen_activity_level_parse (const char *text, PhaenActivityLevel *level);
/* A month cell's marks as text: ■ scheduled, ● start, ○ planned output, ✔ achieved output. */
char *phaen_marks_to_text (guint marks);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhaenUnit, phaen_unit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhaenPerson, phaen_person_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhaenPlan, phaen_plan_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhaenActivity, phaen_activity_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhaenIndicator, phaen_indicator_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhaenCriterion, phaen_criterion_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhaenCriteriaVersion, phaen_criteria_version_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhaenResult, phaen_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhaenEvidence, phaen_evidence_free)

G_END_DECLS
