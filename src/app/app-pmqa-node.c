/* app-pmqa-node.c — a row of the PMQA assessment tree
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-pmqa-node"

#include "config.h"

#include "app-pmqa-node.h"

struct _AppPmqaNode
{
  GObject parent_instance;

  AppPmqaNodeKind kind;
  char *code;
  char *title;
  char *progress;
  gboolean warning;
  GListStore *children;
};

G_DEFINE_FINAL_TYPE (AppPmqaNode, app_pmqa_node, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_TITLE,
  PROP_PROGRESS,
  PROP_WARNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
app_pmqa_node_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  AppPmqaNode *self = APP_PMQA_NODE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_PROGRESS:
      g_value_set_string (value, self->progress);
      break;
    case PROP_WARNING:
      g_value_set_boolean (value, self->warning);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
app_pmqa_node_finalize (GObject *object)
{
  AppPmqaNode *self = APP_PMQA_NODE (object);

  g_free (self->code);
  g_free (self->title);
  g_free (self->progress);
  g_clear_object (&self->children);
  G_OBJECT_CLASS (app_pmqa_node_parent_class)->finalize (object);
}

static void
app_pmqa_node_class_init (AppPmqaNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = app_pmqa_node_get_property;
  object_class->finalize = app_pmqa_node_finalize;
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS] =
    g_param_spec_string ("progress", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WARNING] =
    g_param_spec_boolean ("warning", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
app_pmqa_node_init (AppPmqaNode *self)
{
  self->progress = g_strdup ("");
}

AppPmqaNode *
app_pmqa_node_new (AppPmqaNodeKind kind, const char *code, const char *title)
{
  AppPmqaNode *self = g_object_new (APP_TYPE_PMQA_NODE, NULL);

  self->kind = kind;
  self->code = g_strdup (code);
  self->title = g_strdup (title);
  if (kind == APP_PMQA_NODE_CATEGORY || kind == APP_PMQA_NODE_TOPIC)
    self->children = g_list_store_new (APP_TYPE_PMQA_NODE);
  return self;
}

AppPmqaNodeKind
app_pmqa_node_get_kind (AppPmqaNode *self)
{
  g_return_val_if_fail (APP_IS_PMQA_NODE (self), APP_PMQA_NODE_CATEGORY);
  return self->kind;
}

const char *
app_pmqa_node_get_code (AppPmqaNode *self)
{
  g_return_val_if_fail (APP_IS_PMQA_NODE (self), NULL);
  return self->code;
}

const char *
app_pmqa_node_get_title (AppPmqaNode *self)
{
  g_return_val_if_fail (APP_IS_PMQA_NODE (self), NULL);
  return self->title;
}

const char *
app_pmqa_node_get_progress (AppPmqaNode *self)
{
  g_return_val_if_fail (APP_IS_PMQA_NODE (self), NULL);
  return self->progress;
}

void
app_pmqa_node_set_progress (AppPmqaNode *self, const char *progress)
{
  g_return_if_fail (APP_IS_PMQA_NODE (self));

  if (g_strcmp0 (self->progress, progress) == 0)
    return;
  g_free (self->progress);
  self->progress = g_strdup (progress);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

gboolean
app_pmqa_node_get_warning (AppPmqaNode *self)
{
  g_return_val_if_fail (APP_IS_PMQA_NODE (self), FALSE);
  return self->warning;
}

void
app_pmqa_node_set_warning (AppPmqaNode *self, gboolean warning)
{
  g_return_if_fail (APP_IS_PMQA_NODE (self));

  if (self->warning == !!warning)
    return;
  self->warning = !!warning;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WARNING]);
}

GListStore *
app_pmqa_node_get_children (AppPmqaNode *self)
{
  g_return_val_if_fail (APP_IS_PMQA_NODE (self), NULL);
  return self->children;
}
