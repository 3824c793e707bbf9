/* gloss-codebook.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-types.h"

G_BEGIN_DECLS

/**
 * GlossCodebookFormat:
 * @GLOSS_CODEBOOK_MARKDOWN: Markdown, for a paper's appendix
 * @GLOSS_CODEBOOK_HTML: one standalone HTML file
 * @GLOSS_CODEBOOK_QDC: a REFI-QDA codebook (Codebook Exchange, `.qdc`)
 *
 * What `gloss codebook export` writes.
 */
typedef enum
{
  GLOSS_CODEBOOK_MARKDOWN,
  GLOSS_CODEBOOK_HTML,
  GLOSS_CODEBOOK_QDC,
} GlossCodebookFormat;

/* A GUID as REFI-QDA writes it: 8-4-4-4-12 hex digits, and its end */
#define GLOSS_GUID_LENGTH 36

gboolean  gloss_codebook_format_from_name   (const char          *name,
                                             GlossCodebookFormat *format);
char     *gloss_codebook_to_string          (GlossLabelSet       *labels,
                                             GlossCodebookFormat  format,
                                             const char          *title,
                                             GError             **error);
char     *gloss_codebook_dup_text           (GlossLabel          *label);
char     *gloss_codebook_dup_entry          (GlossLabel          *label,
                                             const char          *description,
                                             const char * const  *titles,
                                             const char          *bullet);

void      gloss_guid_for                    (const char          *kind,
                                             const char          *name,
                                             char                 guid[GLOSS_GUID_LENGTH + 1]);
void      gloss_xml_append_escaped          (GString             *out,
                                             const char          *text,
                                             gboolean             attribute);
void      gloss_codebook_append_qda_codes   (GString             *out,
                                             GlossLabelSet       *labels,
                                             const char          *indent);

G_END_DECLS
