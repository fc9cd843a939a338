/* test-util.h — what the core tests share: a workspace in a temporary folder of its own
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "phaen-store.h"

G_BEGIN_DECLS

PhaenStore *test_workspace_new (const char *file_name, char **dir);
void test_workspace_close (PhaenStore **store, char **dir);

G_END_DECLS
