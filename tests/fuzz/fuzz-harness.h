/* fuzz-harness.h — what every harness defines, as libFuzzer expects it
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
/* Optional: a harness that needs set-up defines it. */
int LLVMFuzzerInitialize (int *argc, char ***argv) __attribute__ ((weak));

/* fuzz-workspace: bytes after this marker are written as the workspace's -wal. */
#define FUZZ_WAL_MARKER "\n--phaen-fuzz-wal--\n"
