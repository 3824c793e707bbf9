/* gloss-error.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GLOSS_ERROR (gloss_error_quark ())

/**
 * GlossError:
 * @GLOSS_ERROR_INVALID_UTF8: the text is not valid UTF-8
 * @GLOSS_ERROR_BINARY: the file holds NUL bytes, so it is no text
 * @GLOSS_ERROR_TOO_LARGE: the file is larger than Gloss reads
 * @GLOSS_ERROR_INVALID_JSON: the annotation file is not JSON Gloss can read
 * @GLOSS_ERROR_INVALID_DOCUMENT: the annotation file has problems
 * @GLOSS_ERROR_READ_ONLY: the document may not be written
 * @GLOSS_ERROR_INVALID_ARGUMENT: a value given by the user is not valid
 * @GLOSS_ERROR_CHANGED_ON_DISK: the annotation file was changed by someone
 *   else since Gloss read or wrote it
 * @GLOSS_ERROR_MALFORMED_UTF8: the text is not valid UTF-8, and no older
 *   encoding explains it either (overlong or surrogate sequences)
 * @GLOSS_ERROR_UNREADABLE_ANNOTATIONS: the text was read, but the
 *   annotation file beside it exists and cannot be read
 * @GLOSS_ERROR_INVALID_PROJECT: the `gloss-project.json` of a folder has
 *   problems
 * @GLOSS_ERROR_INVALID_DATASET: a dataset to import has problems, so
 *   nothing of it is written
 * @GLOSS_ERROR_GIT: git cannot be run, the path is in no work tree, the
 *   revision does not exist, or git failed (gloss-git.c)
 */
typedef enum
{
  GLOSS_ERROR_INVALID_UTF8,
  GLOSS_ERROR_BINARY,
  GLOSS_ERROR_TOO_LARGE,
  GLOSS_ERROR_INVALID_JSON,
  GLOSS_ERROR_INVALID_DOCUMENT,
  GLOSS_ERROR_READ_ONLY,
  GLOSS_ERROR_INVALID_ARGUMENT,
  GLOSS_ERROR_CHANGED_ON_DISK,
  GLOSS_ERROR_MALFORMED_UTF8,
  GLOSS_ERROR_UNREADABLE_ANNOTATIONS,
  GLOSS_ERROR_INVALID_PROJECT,
  GLOSS_ERROR_INVALID_DATASET,
  GLOSS_ERROR_GIT,
} GlossError;

GQuark gloss_error_quark (void);

G_END_DECLS
