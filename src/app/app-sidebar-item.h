/* app-sidebar-item.h — one row of the window's sidebar, and the tree of them for a workspace
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "phaen-store.h"

G_BEGIN_DECLS

typedef enum
{
  APP_SIDEBAR_UNIT,
  APP_SIDEBAR_YEAR,
  APP_SIDEBAR_PLAN,
  APP_SIDEBAR_INDICATORS,
  APP_SIDEBAR_RESULTS,
  APP_SIDEBAR_DASHBOARD,
  APP_SIDEBAR_EFFICIENCY,      /* the monthly report of a 12-item efficiency plan */
  APP_SIDEBAR_PMQA,            /* PMQA category 7 of a unit's year */
  APP_SIDEBAR_PMQA_ASSESSMENT, /* PMQA categories 1–6: the self-assessment application */
  APP_SIDEBAR_BUDGET,          /* a plan's quarterly budget against the disbursement targets */
} AppSidebarKind;

/* Where a row leads: what the window shows, and what it looks for after a change. */
typedef struct
{
  AppSidebarKind kind;
  gint64 unit_id;
  int year;
  gint64 plan_id;
} AppSidebarPlace;

#define APP_TYPE_SIDEBAR_ITEM (app_sidebar_item_get_type ())
G_DECLARE_FINAL_TYPE (AppSidebarItem, app_sidebar_item, APP, SIDEBAR_ITEM, GObject)

const AppSidebarPlace *app_sidebar_item_get_place (AppSidebarItem *self);
const char *app_sidebar_item_get_label (AppSidebarItem *self);
/* The content header's subtitle for pages; NULL for units and years. */
const char *app_sidebar_item_get_subtitle (AppSidebarItem *self);
/* A unit's years and pages, in order (element-type AppSidebarItem); NULL for other rows.
 * (transfer none) */
GListModel *app_sidebar_item_get_children (AppSidebarItem *self);
/* Pages are selectable; units and years are headings. */
gboolean app_sidebar_item_is_page (AppSidebarItem *self);
/* Whether the unit's abbreviation or name contains @key, a key of app_sidebar_search_key(). */
gboolean app_sidebar_item_matches (AppSidebarItem *self, const char *key);

gboolean app_sidebar_place_equal (const AppSidebarPlace *a, const AppSidebarPlace *b);

/* @text as the search compares it: Thai digits as Arabic, NFKC, case folded, trimmed.
 * Returns: (transfer full) */
char *app_sidebar_search_key (const char *text);

/* The units of @store (by Thai collation of their abbreviations), each with its fiscal years
 * (newest first) and their plans, indicators and results.
 * Returns: (transfer full): a GListStore of the units, or NULL with @error set */
GListStore *app_sidebar_items_build (PhaenStore *store, GError **error);

/* Makes @store (of AppSidebarItem) hold @items: rows at the same place are kept and take the
 * new labels (a unit's children likewise), and only the run of rows that differs is spliced, so
 * an edit that changes no unit, year or plan changes nothing. Returns whether anything changed. */
gboolean app_sidebar_items_update (GListStore *store, GListModel *items);

G_END_DECLS
