/* adjudication-copies.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The document of the copies, the same path in each */
#define ADJUDICATION_COPIES_ID "de/zitate.txt"

GPtrArray *adjudication_copies_write (const char *dir);

G_END_DECLS
