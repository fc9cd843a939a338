/* app-indicator-item.h — one indicator in the indicators page's list, with the texts its row
 * shows (ui/app-indicator-row.ui binds them)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "phaen-model.h"

G_BEGIN_DECLS

#define APP_TYPE_INDICATOR_ITEM (app_indicator_item_get_type ())
G_DECLARE_FINAL_TYPE (AppIndicatorItem, app_indicator_item, APP, INDICATOR_ITEM, GObject)

/* Takes @indicator. */
AppIndicatorItem *app_indicator_item_new (PhaenIndicator *indicator);
const PhaenIndicator *app_indicator_item_get_indicator (AppIndicatorItem *self);

G_END_DECLS
