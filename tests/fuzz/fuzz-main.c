/* fuzz-main.c
 *
 * The libFuzzer entry point; FUZZ_TARGET names the target at build time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "gloss-fuzz.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  FUZZ_TARGET (data, size);

  return 0;
}
