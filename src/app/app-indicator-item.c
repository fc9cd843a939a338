/* app-indicator-item.c — one indicator in the indicators page's list
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-indicator-item"

#include "config.h"

#include <glib/gi18n.h>

#include "app-indicator-item.h"
#include "phaen-score.h"
#include "phaen-thai-text.h"

struct _AppIndicatorItem
{
  GObject parent_instance;

  PhaenIndicator *indicator;
};

enum
{
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  PROP_WEIGHT,
  PROP_SCORING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (AppIndicatorItem, app_indicator_item, G_TYPE_OBJECT)

static const char *
scoring_label (int kind)
{
  switch (kind)
    {
    case PHAEN_SCORING_NUMERIC:
      return _ ("five thresholds");
    case PHAEN_SCORING_MILESTONE:
      return _ ("levels of success");
    case PHAEN_SCORING_BANDS:
      return _ ("bands");
    case PHAEN_SCORING_PASS_FAIL:
      return _ ("pass or fail");
    case PHAEN_SCORING_PMQA7:
      return _ ("PMQA category 7");
    default:
      return "";
    }
}

/* "weight 30", or the PMQA category 7 group, which carries no weight. */
static char *
weight_text (const PhaenIndicator *indicator)
{
  g_autofree char *number = NULL;

  if (indicator->scoring == PHAEN_SCORING_PMQA7)
    return g_strdup (indicator->pmqa_group != NULL ? indicator->pmqa_group : "7");
  number = phaen_format_number (indicator->weight, 2, PHAEN_NUMBER_TRIM_ZEROS);
  return g_strdup_printf (_ ("weight %s"), number);
}

static void
app_indicator_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  AppIndicatorItem *self = APP_INDICATOR_ITEM (object);
  const PhaenIndicator *indicator = self->indicator;

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, indicator->code != NULL && indicator->code[0] != '\0'
                                   ? indicator->code
                                   : _ ("(no code)"));
      break;
    case PROP_NAME:
      g_value_set_string (value, indicator->name);
      break;
    case PROP_WEIGHT:
      g_value_take_string (value, weight_text (indicator));
      break;
    case PROP_SCORING:
      g_value_set_string (value, scoring_label (indicator->scoring));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
app_indicator_item_finalize (GObject *object)
{
  AppIndicatorItem *self = APP_INDICATOR_ITEM (object);

  g_clear_pointer (&self->indicator, phaen_indicator_free);
  G_OBJECT_CLASS (app_indicator_item_parent_class)->finalize (object);
}

static void
app_indicator_item_class_init (AppIndicatorItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = app_indicator_item_get_property;
  object_class->finalize = app_indicator_item_finalize;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_WEIGHT] =
    g_param_spec_string ("weight", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCORING] =
    g_param_spec_string ("scoring", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
app_indicator_item_init (AppIndicatorItem *self)
{
}

AppIndicatorItem *
app_indicator_item_new (PhaenIndicator *indicator)
{
  AppIndicatorItem *self;

  g_return_val_if_fail (indicator != NULL, NULL);

  self = g_object_new (APP_TYPE_INDICATOR_ITEM, NULL);
  self->indicator = indicator;
  return self;
}

const PhaenIndicator *
app_indicator_item_get_indicator (AppIndicatorItem *self)
{
  g_return_val_if_fail (APP_IS_INDICATOR_ITEM (self), NULL);

  return self->indicator;
}
