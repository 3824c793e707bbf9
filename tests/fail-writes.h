/* fail-writes.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Reads the GLOSS_TEST_* variables again (see fail-writes.c) */
void fail_writes_reset (void);
