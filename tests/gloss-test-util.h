/* gloss-test-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers the window tests share: spinning the main loop, waiting for a
 * condition, temporary folders and fixtures, the application and its
 * windows.
 */

#pragma once

#include <gtk/gtk.h>

#include "gloss-application.h"
#include "gloss-window.h"

G_BEGIN_DECLS

typedef gboolean (*CheckFunc) (gpointer data);
typedef gboolean (*WidgetMatch) (GtkWidget *widget, gconstpointer data);

GlossApplication *ui_test_init          (int                *argc,
                                         char             ***argv);

void              wait_for_set_timeout  (guint               seconds);
void              wait_for              (CheckFunc           check,
                                         gpointer            data,
                                         const char         *what);
void              spin                  (guint               ms);

char             *make_workdir          (const char * const *fixtures);
void              copy_tree             (const char         *source,
                                         const char         *target);
void              remove_tree           (const char         *path);
char             *read_file             (const char         *path);
char             *read_normalized       (const char         *path);

gboolean          activate              (gpointer            widget,
                                         const char         *action,
                                         const char         *format,
                                         ...);
GtkWindow        *find_toplevel         (GType               type);
GtkWindow        *find_last_toplevel    (GType               type);
GtkWindow        *find_dialog_for       (GtkWindow          *parent,
                                         GType               type);
gboolean          render_to_png         (GtkWidget          *widget,
                                         const char         *path);
gboolean          label_shows           (GtkWidget          *widget,
                                         const char         *text);
gboolean          label_is              (GtkWidget          *widget,
                                         const char         *text);
GtkWidget        *find_widget           (GtkWidget          *widget,
                                         WidgetMatch         match,
                                         gconstpointer       data);
gboolean          press_key             (GtkWidget          *window,
                                         guint               keyval,
                                         GdkModifierType     state);

GlossWindow      *open_window           (const char         *path);
gboolean          document_shown        (gpointer            data);
gboolean          all_saved             (gpointer            data);
gboolean          span_card_done        (gpointer            window);

G_END_DECLS
