/* app-pmqa-node.h — a row of the PMQA assessment tree: a category, topic, sub-item, or the
 * link to category 7
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  APP_PMQA_NODE_CATEGORY,
  APP_PMQA_NODE_TOPIC,
  APP_PMQA_NODE_SUB_ITEM,
  APP_PMQA_NODE_CATEGORY7,
} AppPmqaNodeKind;

#define APP_TYPE_PMQA_NODE (app_pmqa_node_get_type ())
G_DECLARE_FINAL_TYPE (AppPmqaNode, app_pmqa_node, APP, PMQA_NODE, GObject)

AppPmqaNode *app_pmqa_node_new (AppPmqaNodeKind kind, const char *code, const char *title);
AppPmqaNodeKind app_pmqa_node_get_kind (AppPmqaNode *self);
const char *app_pmqa_node_get_code (AppPmqaNode *self);
const char *app_pmqa_node_get_title (AppPmqaNode *self);
/* The progress line under the title ("3/5 · 2,887 อักขระ"); notifies "progress". */
const char *app_pmqa_node_get_progress (AppPmqaNode *self);
void app_pmqa_node_set_progress (AppPmqaNode *self, const char *progress);
/* Something needs attention (evidence missing, a narrative over the limit); notifies "warning". */
gboolean app_pmqa_node_get_warning (AppPmqaNode *self);
void app_pmqa_node_set_warning (AppPmqaNode *self, gboolean warning);
/* (transfer none) (nullable): the children, NULL for a leaf */
GListStore *app_pmqa_node_get_children (AppPmqaNode *self);

G_END_DECLS
