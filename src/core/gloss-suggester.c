/* gloss-suggester.c
 *
 * Suggests quotations in German and English news with rules and word
 * lists (data/suggest/, in the core's GResource): direct quotes in every
 * quotation-mark convention of the two languages, a direct quote
 * interrupted by its frame as one quote of several parts, indirect speech
 * (a cue verb with the clause it introduces, before or after it),
 * reported speech (laut X, X zufolge, nach Angaben X, according to X,
 * "…, so X", also in the middle of the quote), German subjunctive
 * sentences that go on from a quote and sentences in Konjunktiv I
 * wherever they stand, "Dies teilte X mit." (the sentence before), and
 * the indirect clause around a direct quote. Names and titles in
 * quotation marks are no quotations. Each quote gets, where the rules
 * find them, its cue, its speaker (a name, a role or a pronoun; a quote
 * without a frame gets the last named speaker of the paragraph, a quote
 * inside another the outer one's) and its addressee, linked by relations
 * of the quotation label set.
 *
 * The text is read once into code points and tokens; every rule works on
 * the tokens of one sentence (GlossSegmenter's), so the whole is linear
 * in the text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gloss-annotation.h"
#include "gloss-relation.h"
#include "gloss-resources.h"
#include "gloss-segmenter.h"
#include "gloss-span.h"
#include "gloss-suggester.h"
#include "gloss-text.h"

/* What a word is to the rules; a word may be several */
enum
{
  W_CUE            = 1 << 0,
  W_ROLE           = 1 << 1,
  W_PRONOUN        = 1 << 2,
  W_DETERMINER     = 1 << 3,
  W_CLAUSE         = 1 << 4,
  W_SUBJUNCTIVE    = 1 << 5,
  W_REPORTATIVE    = 1 << 6,
  W_ACCORDING      = 1 << 7,  /* before its source: laut X, according to X */
  W_ACCORDING_POST = 1 << 8,  /* after it: X zufolge */
  W_SOURCE_PREP    = 1 << 9,  /* nach (Angaben X) */
  W_SOURCE_NOUN    = 1 << 10,
  W_SO             = 1 << 11,
  W_AS             = 1 << 12,
  W_ADDRESSEE      = 1 << 13,
  W_TOLD           = 1 << 14,
  W_AUXILIARY      = 1 << 15,
  W_NAME_JOINER    = 1 << 16,
  W_STOP           = 1 << 17,
  W_SOURCE_ADVERB  = 1 << 18,  /* demnach: source and cue in one word */
  W_INTENT         = 1 << 19,  /* will, plant: reported intentions */
  W_PASSIVE        = 1 << 20,  /* wurde: a passive has no speaker */
  W_OBLIQUE        = 1 << 21,  /* den, dem, ihn: starts no subject */
  W_NOMINATIVE     = 1 << 22,  /* er, wir: only a subject */
  W_ADVERB         = 1 << 23,  /* Insgesamt, Dies: in first place, no subject */
  W_QUOTES_OBJECT  = 1 << 24,  /* zitierte: its object is the speaker */
  W_PREPOSITION    = 1 << 25,  /* starts no subject */
  W_REFLEXIVE      = 1 << 26,  /* sich: skipped after a cue */
  W_EXPLETIVE      = 1 << 27,  /* es after a verb: no speaker */
  W_PARTICLE       = 1 << 28,  /* a separable verb's particle: teilte … mit */
  W_PRONOMINAL_ADVERB = 1 << 29,  /* darauf (hin) */
  W_PASSIVE_AUX    = 1 << 30,  /* wird, worden: a cue without a speaker */
  W_SEPARABLE      = 1u << 31, /* a cue only with its particle: stellte … fest */
};

/* Token.kind is 64 bits wide: the classes from bit 32 on */
#define W_ANAPHOR (G_GUINT64_CONSTANT (1) << 32)  /* Dies, Das: what was said before */
#define W_GENITIVE (G_GUINT64_CONSTANT (1) << 33) /* des, der: a genitive after a noun */
#define W_SUBORDINATE (G_GUINT64_CONSTANT (1) << 34) /* der, weil: starts a clause with the verb last */
#define W_CONDITIONAL (G_GUINT64_CONSTANT (1) << 35) /* wäre, hätte: Konjunktiv II */
#define W_REASON (G_GUINT64_CONSTANT (1) << 36)  /* denn: a main clause of its own */

/* More of what a word is, in a second set of bits (the English rules' classes) */
enum
{
  W2_NEGATION      = 1 << 0,  /* not, never: "did not say" frames no quote */
  W2_NP_INNER      = 1 << 1,  /* of, in, with: inside a speaker, "analyst of X" */
  W2_RELATIVE      = 1 << 2,  /* who, which: a relative clause, no speaker */
  W2_BARE_CLAUSE   = 1 << 3,  /* said, told: a reported clause without "that" */
  W2_CONJUNCTION   = 1 << 4,  /* and, but: "… and said" goes on with the subject */
  W2_ADJECTIVE_CUE = 1 << 5,  /* confident: "is confident that" */
};

/* A `[section]` of the word lists and the kind of its words */
typedef struct
{
  const char *section;
  guint64     kind;
} Section;

static const Section sections2[] = {
  { "negation", W2_NEGATION },
  { "np-inner", W2_NP_INNER },
  { "relative", W2_RELATIVE },
  { "bare-clause", W2_BARE_CLAUSE },
  { "conjunction", W2_CONJUNCTION },
  { "adjective-cue", W2_ADJECTIVE_CUE },
};

static const Section sections[] = {
  { "pronoun", W_PRONOUN },
  { "determiner", W_DETERMINER },
  { "clause", W_CLAUSE },
  { "subjunctive", W_SUBJUNCTIVE },
  { "reportative", W_REPORTATIVE },
  { "according-before", W_ACCORDING },
  { "according-after", W_ACCORDING_POST },
  { "source-preposition", W_SOURCE_PREP },
  { "source-noun", W_SOURCE_NOUN },
  { "source-adverb", W_SOURCE_ADVERB },
  { "intent", W_INTENT },
  { "passive", W_PASSIVE },
  { "so", W_SO },
  { "as", W_AS },
  { "addressee", W_ADDRESSEE },
  { "told", W_TOLD },
  { "auxiliary", W_AUXILIARY },
  { "name-joiner", W_NAME_JOINER },
  { "stop", W_STOP },
  { "oblique", W_OBLIQUE },
  { "nominative", W_NOMINATIVE },
  { "adverb", W_ADVERB },
  { "quotes-object", W_QUOTES_OBJECT },
  { "preposition", W_PREPOSITION },
  { "reflexive", W_REFLEXIVE },
  { "expletive", W_EXPLETIVE },
  { "particle", W_PARTICLE },
  { "pronominal-adverb", W_PRONOMINAL_ADVERB },
  { "passive-auxiliary", W_PASSIVE_AUX },
  { "separable", W_SEPARABLE },
  { "anaphor", W_ANAPHOR },
  { "genitive", W_GENITIVE },
  { "subordinate", W_SUBORDINATE },
  { "conditional", W_CONDITIONAL },
  { "reason", W_REASON },
};

/* Token flags */
enum
{
  T_WORD   = 1 << 0,
  T_CAP    = 1 << 1,  /* starts with an upper-case letter */
  T_QUOTED = 1 << 2,  /* inside a direct quote, or one of its marks */
  T_PARA   = 1 << 3,  /* a line break before it */
  T_USED   = 1 << 4,  /* already a direct quote's cue */
};

typedef struct
{
  guint start;
  guint end;
  guint flags;
  guint64 kind;     /* W_* of its lower-case form */
  guint kind2;      /* W2_* of it */
  guint sentence;
} Token;

/* A direct quote: up to two parts, each [open, close] token indices of
 * its marks */
typedef struct
{
  guint open[2];
  guint close[2];
  guint n_parts;
} Direct;

/* A suggested span before it becomes a GlossSpan */
typedef struct
{
  const char *label;
  const char *type;   /* a quote's type attribute, else NULL */
  GlossRange  parts[2];
  guint       n_parts;
  int         speaker;  /* indices into the spans, -1 for none */
  int         cue;
  int         addressee;
  guint       id;
} Suggestion;

struct _GlossSuggester
{
  GObject     parent_instance;

  char       *language;
  gboolean    english;
  GHashTable *words;    /* lower-case word -> its W_* (a guint64) */
  GHashTable *words2;   /* lower-case word -> W2_* */
  GPtrArray  *role_suffixes;  /* German role nouns, matched as word ends */
  GPtrArray  *source_suffixes;  /* German source nouns, matched as word ends */
  GHashTable *particles;      /* a separable cue's form -> " its particles " */
  GHashTable *title_words;    /* lower-case words of names and titles */
};

G_DEFINE_FINAL_TYPE (GlossSuggester, gloss_suggester, G_TYPE_OBJECT)

static void
gloss_suggester_finalize (GObject *object)
{
  GlossSuggester *self = GLOSS_SUGGESTER (object);

  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->words, g_hash_table_unref);
  g_clear_pointer (&self->words2, g_hash_table_unref);
  g_clear_pointer (&self->role_suffixes, g_ptr_array_unref);
  g_clear_pointer (&self->source_suffixes, g_ptr_array_unref);
  g_clear_pointer (&self->particles, g_hash_table_unref);
  g_clear_pointer (&self->title_words, g_hash_table_unref);

  G_OBJECT_CLASS (gloss_suggester_parent_class)->finalize (object);
}

static void
gloss_suggester_class_init (GlossSuggesterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_suggester_finalize;
}

static void
gloss_suggester_init (GlossSuggester *self)
{
  self->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->words2 = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->role_suffixes = g_ptr_array_new_with_free_func (g_free);
  self->source_suffixes = g_ptr_array_new_with_free_func (g_free);
  self->particles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->title_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* The W_* of a lower-case word, 0 for none */
static guint64
word_kind (GlossSuggester *self,
           const char     *lower)
{
  guint64 *kind = g_hash_table_lookup (self->words, lower);

  return kind != NULL ? *kind : 0;
}

static void
add_word (GlossSuggester *self,
          const char     *word,
          guint64         kind)
{
  guint64 *old = g_hash_table_lookup (self->words, word);

  if (old != NULL)
    *old |= kind;
  else
    g_hash_table_insert (self->words, g_strdup (word), g_memdup2 (&kind, sizeof kind));
  if (kind == W_ROLE && !self->english && g_utf8_strlen (word, -1) >= 5)
    g_ptr_array_add (self->role_suffixes, g_strdup (word));
  /* Polizeiangaben, Medienberichten (not "worten": Antworten) */
  if (kind == W_SOURCE_NOUN && !self->english && g_utf8_strlen (word, -1) >= 7)
    g_ptr_array_add (self->source_suffixes, g_strdup (word));
}

/* The kind of the words after a `[section]` line, 0 if @table has not
 * that section */
static guint64
section_kind (const Section *table,
              gsize          n,
              const char    *line)
{
  for (gsize j = 0; j < n; j++)
    {
      gsize length = strlen (table[j].section);

      if (strncmp (line + 1, table[j].section, length) == 0 && line[1 + length] == ']')
        return table[j].kind;
    }
  return 0;
}

/* A list: words separated by white space, `#` comments, and in the words
 * file `[section]` lines that say what the words after them are */
static void
load_list (GlossSuggester *self,
           const char     *name,
           guint64         kind)
{
  g_autofree char *path = g_strdup_printf ("suggest/%s-%s.txt", name, self->language);
  g_autoptr(GBytes) bytes = gloss_resources_lookup (path);
  g_auto(GStrv) lines = NULL;
  gboolean title = FALSE;
  guint kind2 = 0;

  g_return_if_fail (bytes != NULL);

  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = NULL;
      char *line = g_strstrip (lines[i]);

      if (*line == '#' || *line == '\0')
        continue;
      if (*line == '[')
        {
          kind = 0;
          kind2 = 0;
          title = strcmp (line, "[title]") == 0;
          if (title)
            continue;
          kind = section_kind (sections, G_N_ELEMENTS (sections), line);
          kind2 = (guint) section_kind (sections2, G_N_ELEMENTS (sections2), line);
          g_warn_if_fail (kind != 0 || kind2 != 0);
          continue;
        }

      /* [separable]: "stellte stellten = fest klar" */
      if (kind == W_SEPARABLE && strchr (line, '=') != NULL)
        {
          g_auto(GStrv) sides = g_strsplit (line, "=", 2);
          g_auto(GStrv) forms = g_strsplit_set (g_strstrip (sides[0]), " \t", -1);
          g_autofree char *particles = g_strdup_printf (" %s ", g_strstrip (sides[1]));

          for (guint j = 0; forms[j] != NULL; j++)
            {
              if (*forms[j] == '\0')
                continue;
              add_word (self, forms[j], W_SEPARABLE);
              g_hash_table_insert (self->particles, g_strdup (forms[j]), g_strdup (particles));
            }
          continue;
        }

      words = g_strsplit_set (line, " \t", -1);
      for (guint j = 0; words[j] != NULL; j++)
        {
          /* [title]: the small words of names and titles, no class */
          if (*words[j] != '\0' && title)
            g_hash_table_add (self->title_words, g_strdup (words[j]));
          else if (*words[j] != '\0' && kind != 0)
            add_word (self, words[j], kind);
          if (*words[j] != '\0' && kind2 != 0)
            {
              guint old = GPOINTER_TO_UINT (g_hash_table_lookup (self->words2, words[j]));

              g_hash_table_insert (self->words2, g_strdup (words[j]), GUINT_TO_POINTER (old | kind2));
            }
        }
    }
}

/**
 * gloss_suggester_new:
 * @language: "de" or "en"
 *
 * Returns: (transfer full): a suggester with the word lists of @language
 */
GlossSuggester *
gloss_suggester_new (const char *language)
{
  GlossSuggester *self = g_object_new (GLOSS_TYPE_SUGGESTER, NULL);

  self->english = g_strcmp0 (language, "en") == 0;
  self->language = g_strdup (self->english ? "en" : "de");
  load_list (self, "cue-verbs", W_CUE);
  load_list (self, "role-nouns", W_ROLE);
  load_list (self, "words", 0);

  return self;
}

const char *
gloss_suggester_get_language (GlossSuggester *self)
{
  g_return_val_if_fail (GLOSS_IS_SUGGESTER (self), NULL);

  return self->language;
}

/* Reading the text ------------------------------------------------------- */

typedef struct
{
  GlossSuggester *self;
  GlossText      *text;
  gunichar       *chars;
  guint           n_chars;
  GArray         *tokens;     /* Token */
  GArray         *sentences;  /* GlossRange of token indices */
  GArray         *directs;    /* Direct */
  GArray         *found;      /* Suggestion */
  GHashTable     *span_index; /* "label start end …" -> index + 1 in found */
  GHashTable     *lower_seen; /* the words the text writes in lower case */
  int             last_named; /* the last named speaker, an index into found */
  guint           last_named_sentence;
  guint           last_paragraph;
} Run;

static inline gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static inline Token *
tok (Run  *run,
     guint i)
{
  return &g_array_index (run->tokens, Token, i);
}

static inline gunichar
tok_char (Run  *run,
          guint i)
{
  return run->chars[tok (run, i)->start];
}

static inline gboolean
tok_is (Run    *run,
        guint   i,
        guint64 kind)
{
  return i < run->tokens->len && (tok (run, i)->kind & kind) != 0;
}

static inline gboolean
tok_is2 (Run  *run,
         guint i,
         guint kind2)
{
  return i < run->tokens->len && (tok (run, i)->kind2 & kind2) != 0;
}

static inline gboolean
tok_is_char (Run      *run,
             guint     i,
             gunichar  c)
{
  return i < run->tokens->len && !(tok (run, i)->flags & T_WORD) && tok_char (run, i) == c;
}

static gboolean
is_role (Run  *run,
         guint i)
{
  Token *t = tok (run, i);

  if (t->kind & W_ROLE)
    return TRUE;
  if (!run->self->english && (t->flags & T_CAP) && t->end - t->start >= 6)
    {
      /* German compounds: Regierungssprecher, Innenminister */
      g_autofree char *word = gloss_text_dup_slice (run->text, t->start, t->end);
      g_autofree char *lower = g_utf8_strdown (word, -1);

      for (guint k = 0; k < run->self->role_suffixes->len; k++)
        {
          if (g_str_has_suffix (lower, g_ptr_array_index (run->self->role_suffixes, k)))
            return TRUE;
        }
    }

  return FALSE;
}

static void
tokenize (Run *run)
{
  guint i = 0;
  gboolean line_break = TRUE;

  while (i < run->n_chars)
    {
      gunichar c = run->chars[i];
      Token t = { i, i + 1, 0, 0, 0, 0 };

      if (g_unichar_isspace (c))
        {
          if (c == '\n' || c == '\r' || c == 0x2029)
            line_break = TRUE;
          i++;
          continue;
        }

      if (is_word_char (c))
        {
          guint j = i + 1;

          /* A word with inner hyphens, apostrophes and dots (don't,
           * Baden-Württemberg, U.S.); a number with its decimal or
           * thousands marks (5,1; 1.920; 2,000) */
          while (j < run->n_chars)
            {
              if (is_word_char (run->chars[j]))
                j++;
              else if ((run->chars[j] == ',' || run->chars[j] == '.') && j + 1 < run->n_chars &&
                       g_unichar_isdigit (run->chars[j - 1]) && g_unichar_isdigit (run->chars[j + 1]))
                j += 2;
              else if ((run->chars[j] == '-' || run->chars[j] == '\'' || run->chars[j] == 0x2019 ||
                        run->chars[j] == '.') &&
                       j + 1 < run->n_chars && g_unichar_isalpha (run->chars[j + 1]) &&
                       (run->chars[j] != '.' || !g_unichar_isupper (run->chars[j + 1]) ||
                        j - i == 1))
                j += 2;
              /* English wire text: a straight double quote as an
               * apostrophe, Kuwait"s */
              else if (run->self->english && run->chars[j] == '"' && j + 1 < run->n_chars &&
                       run->chars[j + 1] == 's' &&
                       (j + 2 >= run->n_chars || !is_word_char (run->chars[j + 2])))
                j += 2;
              else
                break;
            }
          /* English initials keep their dot: E.F. Hutton, David T. Mizrahi */
          if (run->self->english && j < run->n_chars && run->chars[j] == '.' && g_unichar_isupper (c) &&
              (j - i == 1 || (j - i >= 3 && run->chars[j - 2] == '.' && g_unichar_isupper (run->chars[j - 1]))))
            j++;
          t.end = j;
          t.flags = T_WORD | (g_unichar_isupper (c) ? T_CAP : 0);
          /* "58-Jährige" is a noun */
          if (g_unichar_isdigit (c))
            {
              guint k = i;

              while (k < j && g_unichar_isdigit (run->chars[k]))
                k++;
              if (k + 1 < j && run->chars[k] == '-' && g_unichar_isupper (run->chars[k + 1]))
                t.flags |= T_CAP;
            }
          {
            g_autofree char *word = gloss_text_dup_slice (run->text, t.start, t.end);
            g_autofree char *lower = g_utf8_strdown (word, -1);

            t.kind = word_kind (run->self, lower);
            t.kind2 = GPOINTER_TO_UINT (g_hash_table_lookup (run->self->words2, lower));
            /* a capitalised source noun is a noun, no verb ("Angaben"),
             * and so is a compound of one ("Unternehmensangaben") */
            if ((t.flags & T_CAP) && !(t.kind & W_SOURCE_NOUN) && t.end - t.start > 7)
              {
                gsize length = strlen (lower);

                for (guint k = 0; k < run->self->source_suffixes->len; k++)
                  {
                    const char *suffix = g_ptr_array_index (run->self->source_suffixes, k);
                    gsize n = strlen (suffix);

                    if (n < length && memcmp (lower + length - n, suffix, n) == 0)
                      {
                        t.kind |= W_SOURCE_NOUN;
                        break;
                      }
                  }
              }
            if ((t.flags & T_CAP) && (t.kind & W_SOURCE_NOUN))
              t.kind &= ~(guint64) (W_CUE | W_SEPARABLE);
            if (!(t.flags & T_CAP) && !g_hash_table_contains (run->lower_seen, lower))
              g_hash_table_add (run->lower_seen, g_steal_pointer (&lower));
          }
        }
      if (line_break)
        t.flags |= T_PARA;
      line_break = FALSE;
      g_array_append_val (run->tokens, t);
      i = t.end;
    }
}

/* The segmenter's sentences as token ranges */
static void
split_sentences (Run *run)
{
  g_autoptr(GlossSegmenter) segmenter = gloss_segmenter_new (run->self->language);
  g_autoptr(GArray) ranges = gloss_segmenter_split (segmenter, gloss_text_get_contents (run->text),
                                                    gloss_text_get_n_bytes (run->text));
  guint t = 0;

  for (guint s = 0; s < ranges->len; s++)
    {
      GlossRange *r = &g_array_index (ranges, GlossRange, s);
      GlossRange sentence;

      while (t < run->tokens->len && tok (run, t)->start < r->start)
        tok (run, t++)->sentence = run->sentences->len ? run->sentences->len - 1 : 0;
      sentence.start = t;
      while (t < run->tokens->len && tok (run, t)->end <= r->end)
        tok (run, t++)->sentence = run->sentences->len;
      sentence.end = t;
      if (sentence.end > sentence.start)
        g_array_append_val (run->sentences, sentence);
    }
  while (t < run->tokens->len)
    tok (run, t++)->sentence = run->sentences->len ? run->sentences->len - 1 : 0;
}

/* Direct quotes ---------------------------------------------------------- */

/* Which closing marks end a quote opened by @open; 0 if @open opens none */
static const char *
closers_of (gunichar open,
            gboolean english)
{
  switch (open)
    {
    case 0x201E: return "\xe2\x80\x9c\xe2\x80\x9d";  /* „ → “ ” */
    case 0x201A: return "\xe2\x80\x98\xe2\x80\x99";  /* ‚ → ‘ ’ */
    case 0x00BB: return "\xc2\xab";                  /* » → « */
    case 0x00AB: return "\xc2\xbb";                  /* « → » */
    case 0x201C: return "\xe2\x80\x9d\xe2\x80\x9c";  /* “ → ” (and “ as typed by some) */
    case 0x2018: return "\xe2\x80\x99";              /* ‘ → ’ */
    case '"': return "\"";
    case '\'': return "'";
    default: return NULL;
    }
  (void) english;
}

static gboolean
is_closer (const char *closers,
           gunichar    c)
{
  for (const char *p = closers; *p; p = g_utf8_next_char (p))
    {
      if (g_utf8_get_char (p) == c)
        return TRUE;
    }
  return FALSE;
}

/* A mark that may also be an apostrophe opens a quote only before a
 * letter and after a space or an opening bracket, and closes one only
 * after a non-space and before something that is not a letter */
static gboolean
can_open (Run  *run,
          guint i)
{
  guint at = tok (run, i)->start;
  gunichar c = run->chars[at];
  gunichar before = at > 0 ? run->chars[at - 1] : ' ';
  gunichar after = at + 1 < run->n_chars ? run->chars[at + 1] : ' ';

  if (closers_of (c, run->self->english) == NULL)
    return FALSE;
  if (g_unichar_isspace (after))
    return FALSE;
  if (c == 0x201E || c == 0x00BB || c == 0x00AB || c == 0x201A)
    return !(c == 0x201A && is_word_char (before));
  return g_unichar_isspace (before) || before == '(' || before == '[' || before == '-' ||
         before == 0x2013 || before == 0x2014 || before == '/' || at == 0;
}

static gboolean
can_close (Run  *run,
           guint i)
{
  guint at = tok (run, i)->start;
  gunichar before = at > 0 ? run->chars[at - 1] : ' ';
  gunichar after = at + 1 < run->n_chars ? run->chars[at + 1] : ' ';

  if (g_unichar_isspace (before))
    return FALSE;
  return !is_word_char (after);
}

/* The tokens in [from, to) with all of @flags */
static guint
count_flagged (Run  *run,
               guint from,
               guint to,
               guint flags)
{
  guint n = 0;

  for (guint i = from; i < to; i++)
    n += (tok (run, i)->flags & flags) == flags;
  return n;
}

static guint
count_words (Run  *run,
             guint from,
             guint to)
{
  return count_flagged (run, from, to, T_WORD);
}

static void
find_directs (Run *run)
{
  guint i = 0;

  while (i < run->tokens->len)
    {
      Token *t = tok (run, i);
      const char *closers;
      guint j;

      if ((t->flags & T_WORD) || !can_open (run, i))
        {
          i++;
          continue;
        }

      closers = closers_of (run->chars[t->start], run->self->english);
      /* The closer in the same paragraph */
      for (j = i + 1; j < run->tokens->len; j++)
        {
          Token *u = tok (run, j);

          if (u->flags & T_PARA)
            break;
          if (!(u->flags & T_WORD) && is_closer (closers, run->chars[u->start]) && can_close (run, j))
            break;
        }
      if (j < run->tokens->len && !(tok (run, j)->flags & T_PARA) && count_words (run, i + 1, j) > 0 &&
          /* 'n' and a lone apostrophe's partner are not quotes */
          (run->chars[t->start] != '\'' || count_words (run, i + 1, j) >= 2))
        {
          Direct d = { { i, 0 }, { j, 0 }, 1 };

          g_array_append_val (run->directs, d);
          for (guint k = i; k <= j; k++)
            tok (run, k)->flags |= T_QUOTED;
          i = j + 1;
        }
      else
        i++;
    }
}

/* Spans ------------------------------------------------------------------ */

static int
add_span (Run        *run,
          const char *label,
          const char *type,
          GlossRange *parts,
          guint       n_parts)
{
  g_autoptr(GString) key = g_string_new (label);
  Suggestion s = { label, type, { { 0, 0 }, { 0, 0 } }, n_parts, -1, -1, -1, 0 };
  gpointer found;

  for (guint i = 0; i < n_parts; i++)
    {
      s.parts[i] = parts[i];
      g_string_append_printf (key, " %u %u", parts[i].start, parts[i].end);
    }

  /* A speaker or cue shared by several quotes is one span */
  if (strcmp (label, "quote") != 0 && (found = g_hash_table_lookup (run->span_index, key->str)) != NULL)
    return GPOINTER_TO_INT (found) - 1;
  if (strcmp (label, "quote") == 0 && g_hash_table_contains (run->span_index, key->str))
    return -1;

  g_array_append_val (run->found, s);
  g_hash_table_insert (run->span_index, g_string_free (g_steal_pointer (&key), FALSE),
                       GINT_TO_POINTER (run->found->len));
  return run->found->len - 1;
}

static int
add_token_span (Run        *run,
                const char *label,
                guint       from,
                guint       to)
{
  GlossRange r;

  if (to <= from)
    return -1;
  r.start = tok (run, from)->start;
  r.end = tok (run, to - 1)->end;
  return add_span (run, label, NULL, &r, 1);
}

/* Cues ------------------------------------------------------------------- */

static gboolean
ends_clause (Run  *run,
             guint i)
{
  Token *t = tok (run, i);
  gunichar c;

  if (t->flags & T_QUOTED)
    return TRUE;
  if (t->flags & T_WORD)
    return (t->kind & W_CLAUSE) != 0;
  c = run->chars[t->start];
  return c == ',' || c == ':' || c == ';' || c == '.' || c == '!' || c == '?' || c == '(' ||
         c == 0x2013 || c == 0x2014;
}

/* A cue verb that needs its particle has it: in its clause after it
 * ("stellte … fest", "sprach von"), or just before it ("fest stellte");
 * other cue verbs always */
static gboolean
is_cue_verb (Run  *run,
             guint verb)
{
  g_autofree char *word = NULL;
  g_autofree char *lower = NULL;
  const char *particles;

  if (!tok_is (run, verb, W_SEPARABLE))
    return TRUE;
  word = gloss_text_dup_slice (run->text, tok (run, verb)->start, tok (run, verb)->end);
  lower = g_utf8_strdown (word, -1);
  particles = g_hash_table_lookup (run->self->particles, lower);
  if (particles == NULL)
    return TRUE;
  for (guint k = verb > 0 ? verb - 1 : verb; k < run->tokens->len && k < verb + 16; k++)
    {
      Token *t = tok (run, k);

      /* English: the particle right after the verb ("called for", not
       * "called an exchange for physical") */
      if (run->self->english && k != verb + 1)
        continue;

      /* "wies alle Vorwürfe als „haltlos“ zurück" */
      if (k > verb && !(t->flags & T_QUOTED) && ends_clause (run, k))
        break;
      if (k != verb && (t->flags & T_WORD) && !(t->flags & (T_CAP | T_QUOTED)))
        {
          g_autofree char *w = gloss_text_dup_slice (run->text, t->start, t->end);
          g_autofree char *needle = g_strdup_printf (" %s ", w);

          /* a particle closes its clause ("teilte … mit.", "gab …
           * bekannt, dass"), a preposition need not ("sprach von") */
          if (strstr (particles, needle) != NULL &&
              (k < verb || !tok_is (run, k, W_PARTICLE) || k + 1 >= run->tokens->len ||
               !(tok (run, k + 1)->flags & T_WORD) || tok_is (run, k + 1, W_CLAUSE | W_NAME_JOINER | W_SUBORDINATE)))
            return TRUE;
        }
    }
  return FALSE;
}

static guint quoted_as_en (Run  *run,
                           guint cue,
                           guint floor);

/* The cue of a verb at token @verb, @prefix (a token, or -1) before it:
 * German cues of several words as the dataset has them — the auxiliary
 * before a participle ("hatte … erklärt"), the separable particle at the
 * clause end ("gab … bekannt", "wies … darauf hin"), "heißt es",
 * "gesagt hatte", "bekannt gab", and "Wie … mitteilte" with @prefix */
static int
add_cue (Run *run,
         guint verb,
         int   prefix)
{
  GlossRange *sent = &g_array_index (run->sentences, GlossRange, tok (run, verb)->sentence);
  GlossRange parts[2];
  guint first = verb;
  guint last = verb;
  int other_from = -1;
  guint other_to = 0;

  if (run->self->english)
    {
      guint q = quoted_as_en (run, verb, sent->start);

      /* "was quoted … as saying" */
      if (q < verb)
        {
          parts[0].start = tok (run, q > sent->start && tok_is (run, q - 1, W_PASSIVE) ? q - 1 : q)->start;
          parts[0].end = tok (run, q)->end;
          parts[1].start = tok (run, verb - 1)->start;
          parts[1].end = tok (run, verb)->end;
          return add_span (run, "cue", NULL, parts, 2);
        }
      /* "called for", "pointed out": with the particle */
      if (tok_is (run, verb, W_SEPARABLE) && verb + 1 < sent->end && (tok (run, verb + 1)->flags & T_WORD))
        return add_token_span (run, "cue", verb, verb + 2);
      return add_token_span (run, "cue", verb, verb + 1);
    }
  /* laut, so, zufolge: one word */
  if (!tok_is (run, verb, W_CUE | W_TOLD))
    return add_token_span (run, "cue", verb, verb + 1);

  /* the words joined to the verb: "bekannt gab", "heißt es", "gesagt hatte" */
  if (verb > sent->start && tok_is (run, verb - 1, W_PARTICLE) && !(tok (run, verb - 1)->flags & (T_CAP | T_QUOTED)) &&
      (int) verb - 1 != prefix)
    first = verb - 1;
  if (verb + 1 < sent->end && !(tok (run, verb + 1)->flags & (T_CAP | T_QUOTED)) &&
      tok_is (run, verb + 1, W_EXPLETIVE | W_AUXILIARY))
    last = verb + 1;

  if (prefix >= 0)
    {
      other_from = prefix;
      other_to = prefix + 1;
    }
  else
    {
      guint k;

      /* the auxiliary before a participle, in the same clause */
      for (k = first; k > sent->start && k + 8 > first; k--)
        {
          if (ends_clause (run, k - 1))
            break;
          if (tok_is (run, k - 1, W_AUXILIARY) && !(tok (run, k - 1)->flags & T_CAP))
            {
              other_from = k - 1;
              other_to = k;
              break;
            }
        }
      /* else the separable particle at the clause end */
      if (other_from < 0 && last == verb)
        {
          for (k = verb + 1; k < sent->end && k < verb + 14 &&
               ((tok (run, k)->flags & T_QUOTED) || !ends_clause (run, k)); k++)
            ;
          if (k > verb + 1 && k <= sent->end && tok_is (run, k - 1, W_PARTICLE) &&
              !(tok (run, k - 1)->flags & (T_CAP | T_QUOTED)))
            {
              other_from = k - 1;
              other_to = k;
              /* wies darauf hin */
              if ((guint) other_from > verb + 1 && tok_is (run, other_from - 1, W_PRONOMINAL_ADVERB))
                other_from--;
            }
        }
    }

  if (other_from < 0)
    return add_token_span (run, "cue", first, last + 1);
  if ((guint) other_from < first)
    {
      parts[0].start = tok (run, other_from)->start;
      parts[0].end = tok (run, other_to - 1)->end;
      parts[1].start = tok (run, first)->start;
      parts[1].end = tok (run, last)->end;
    }
  else
    {
      parts[0].start = tok (run, first)->start;
      parts[0].end = tok (run, last)->end;
      parts[1].start = tok (run, other_from)->start;
      parts[1].end = tok (run, other_to - 1)->end;
    }
  return add_span (run, "cue", NULL, parts, 2);
}

/* Noun phrases ----------------------------------------------------------- */

static gboolean
is_name_word (Run  *run,
              guint i)
{
  Token *t = tok (run, i);

  return (t->flags & T_WORD) && (t->flags & T_CAP) &&
         !(t->kind & (W_STOP | W_DETERMINER | W_PRONOUN | W_CUE | W_CLAUSE | W_ADVERB | W_EXPLETIVE | W_SUBORDINATE));
}

/* The noun phrase starting at token @i within [@i, @limit): a pronoun, a
 * name, or a determiner with adjectives and a noun, then a genitive or
 * a name (der Sprecher der Stadt, Ministerin Anna Roth). Returns its end,
 * or @i if there is none. @strong says it names someone: a pronoun, a
 * name or a role. */
static guint
np_forward (Run      *run,
            guint     i,
            guint     limit,
            gboolean *strong)
{
  gboolean english = run->self->english;
  guint j = i;
  gboolean head = FALSE;

  *strong = FALSE;
  if (i >= limit || !(tok (run, i)->flags & T_WORD))
    return i;

  if (tok_is (run, i, W_PRONOUN) && !(english && tok_char (run, i) == 'I' && FALSE))
    {
      /* German "sie" after a verb may be an object, but after a cue it is
       * nearly always the speaker */
      *strong = TRUE;
      return i + 1;
    }

  for (int round = 0; round < 2; round++)
    {
      guint start = j;

      if (j < limit && tok_is (run, j, W_DETERMINER))
        j++;
      /* adjectives: lower-case words before the head */
      while (j < limit && (tok (run, j)->flags & T_WORD) && !(tok (run, j)->flags & T_CAP) &&
             !tok_is (run, j, W_CUE | W_CLAUSE | W_STOP | W_AUXILIARY | W_PRONOUN | W_NAME_JOINER | W_SUBJUNCTIVE) &&
             j - start < 3 && !(english && is_role (run, j)))
        j++;
      if (j < limit && (tok (run, j)->flags & T_WORD) &&
          (is_name_word (run, j) || (english && is_role (run, j))))
        {
          *strong = *strong || is_role (run, j) || j == start || tok_is (run, start, W_DETERMINER);
          head = TRUE;
          j++;
          /* more of a name, "und" between names; in English a role
           * before a name ("E.F. Hutton Group analyst Michael Lewis") and
           * roles joined ("traders and analysts") */
          while (j < limit && (is_name_word (run, j) ||
                               (tok_is (run, j, W_NAME_JOINER) && j + 1 < limit &&
                                (is_name_word (run, j + 1) || (english && is_role (run, j + 1)))) ||
                               (english && is_role (run, j) && !(tok (run, j)->flags & T_QUOTED) &&
                                j + 1 < limit && is_name_word (run, j + 1)) ||
                               (english && is_role (run, j) && j > i && tok_is (run, j - 1, W_NAME_JOINER)) ||
                               (english && is_role (run, j) && !(tok (run, j)->flags & T_QUOTED) && j > i &&
                                is_name_word (run, j - 1))))
            j++;
        }
      else
        {
          if (round == 0)
            return i;
          j = start;
          break;
        }

      /* a genitive or "of the", once */
      if (round == 0 && j + 1 < limit &&
          ((!english && tok_is (run, j, W_DETERMINER) && !tok_is (run, j + 1, W_DETERMINER)) ||
           (english && (tok (run, j)->flags & T_WORD) && j + 1 < limit &&
            (tok_is (run, j + 1, W_DETERMINER) || is_name_word (run, j + 1)) &&
            (run->chars[tok (run, j)->start] == 'o' || run->chars[tok (run, j)->start] == 'f') &&
            tok (run, j)->end - tok (run, j)->start <= 3)))
        {
          guint save = j;

          if (english)
            j++;
          if (!english && !tok_is (run, j, W_GENITIVE))
            {
              j = save;
              break;
            }
          continue;
        }
      break;
    }

  return head ? j : i;
}

/* The noun phrase that ends just before token @end, not before @floor:
 * the nearest pronoun, name or role, with its determiner, adjectives and
 * the names joined to it. Returns its start, or @end if none. */
static guint
np_backward (Run   *run,
             guint  end,
             guint  floor,
             guint *np_end)
{
  gboolean english = run->self->english;
  guint j = end;

  /* skip an auxiliary and a few adverbs between the subject and the cue;
   * in English "the company said": a determiner and a noun */
  while (j > floor && j + 4 > end && (tok (run, j - 1)->flags & T_WORD) &&
         !(english && j >= floor + 2 && tok_is (run, j - 2, W_DETERMINER) && !tok_is (run, j - 1, W_STOP)) &&
         !(tok (run, j - 1)->flags & T_CAP) && !tok_is (run, j - 1, W_PRONOUN) &&
         !(english && is_role (run, j - 1)))
    j--;
  if (j == floor)
    return end;

  *np_end = j;
  if (tok_is (run, j - 1, W_PRONOUN))
    return j - 1;
  if (english && j >= floor + 2 && tok_is (run, j - 2, W_DETERMINER) && (tok (run, j - 1)->flags & T_WORD) &&
      !(tok (run, j - 1)->flags & T_CAP) && !tok_is (run, j - 1, W_STOP | W_CUE))
    return j - 2;
  if (!is_name_word (run, j - 1) && !(english && is_role (run, j - 1)))
    return end;

  j--;
  /* a genitive attached to the head: Sprecher der Stadt */
  while (j > floor && (is_name_word (run, j - 1) ||
                       (tok_is (run, j - 1, W_NAME_JOINER) && j - 1 > floor && is_name_word (run, j - 2))))
    j--;
  if (!english && j >= floor + 2 && tok_is (run, j - 1, W_GENITIVE) && is_name_word (run, j - 2))
    {
      j -= 2;
      while (j > floor && is_name_word (run, j - 1))
        j--;
    }
  /* adjectives and the determiner */
  {
    guint k = j;

    while (k > floor && k + 3 > j && (tok (run, k - 1)->flags & T_WORD) && !(tok (run, k - 1)->flags & T_CAP) &&
           !tok_is (run, k - 1, W_DETERMINER | W_CUE | W_STOP | W_CLAUSE | W_AUXILIARY))
      k--;
    if (k > floor && tok_is (run, k - 1, W_DETERMINER))
      j = k - 1;
    else if (k < j && k > floor && tok_is (run, k, W_DETERMINER))
      j = k;
  }
  /* a sentence's first word is capitalised anyway: "Am" is no name */
  if (tok_is (run, j, W_STOP) && !tok_is (run, j, W_DETERMINER) && j + 1 < *np_end)
    j++;
  /* German: an object ("den Gesetzentwurf angekündigt") or the noun of a
   * preposition ("in der Ukraine erklärt") is no speaker */
  if (!english && (tok_is (run, j, W_OBLIQUE) ||
                   (j > floor && !(tok (run, j - 1)->flags & T_CAP) && tok_is (run, j - 1, W_STOP | W_PREPOSITION))))
    return end;

  return j;
}

/* English: a word between a subject and its cue: an auxiliary, an
 * adverb, "not" ("has also said", "wrongly predicted") */
static gboolean
is_between_en (Run  *run,
               guint i)
{
  Token *t = tok (run, i);

  if (!(t->flags & T_WORD) || (t->flags & (T_CAP | T_QUOTED)))
    return FALSE;
  if ((t->kind & (W_AUXILIARY | W_ADVERB)) || (t->kind2 & W2_NEGATION))
    return TRUE;
  /* adverbs in -ly */
  return t->end - t->start > 4 && run->chars[t->end - 2] == 'l' && run->chars[t->end - 1] == 'y';
}

/* English: a word that can close a noun phrase */
static gboolean
is_np_content_en (Run  *run,
                  guint i)
{
  Token *t = tok (run, i);

  return (t->flags & T_WORD) && !(t->flags & T_QUOTED) &&
         (is_role (run, i) ||
          !((t->kind & (W_CUE | W_TOLD | W_CLAUSE | W_AUXILIARY | W_STOP | W_PRONOUN | W_AS | W_ACCORDING |
                        W_ADVERB | W_DETERMINER | W_NAME_JOINER | W_PASSIVE | W_QUOTES_OBJECT)) ||
            (t->kind2 & (W2_RELATIVE | W2_NEGATION | W2_NP_INNER))));
}

/* English: the noun phrase that ends just before @end, not before
 * @floor, from the start of its clause: "Analyst Rosemarie Morbelli of
 * Ingalls and Snyder", "Traders and analysts in international oil
 * markets", "the U.S. Embassy report", "share analysts". The word before
 * it must end a clause (a comma, "but", "while", a quote mark) so a verb
 * and its object are not taken ("reiterated the accord and"); its last
 * word is a name, a role, or a noun after a determiner or a name.
 * Returns its start, or @end. */
static guint
np_back_en (Run  *run,
            guint end,
            guint floor)
{
  guint k = end;
  guint words = 0;
  gboolean determiner = FALSE;
  gboolean named = FALSE;
  guint head = end;

  while (k > floor && words < 14)
    {
      guint p = k - 1;
      Token *t = tok (run, p);

      if (t->flags & T_QUOTED)
        break;
      if (!(t->flags & T_WORD))
        {
          gunichar c = run->chars[t->start];

          /* <Exco International Plc>, <BCOM.L> */
          if (c == '<' || c == '>' || c == '&' ||
              (c == '.' && p > floor && tok (run, p - 1)->end == t->start && p + 1 < end &&
               tok (run, p + 1)->start == t->end))
            {
              k--;
              continue;
            }
          break;
        }
      if (!(t->flags & T_CAP) && ((t->kind2 & W2_NP_INNER) || (t->kind & W_NAME_JOINER)))
        {
          /* "of", "in", "and" inside, after a noun: "a unit of Banner
           * Holdings", "analysts in international oil markets" */
          if (k < end && p > floor && is_np_content_en (run, p - 1))
            {
              k--;
              continue;
            }
          break;
        }
      if ((t->kind & W_DETERMINER) && !(t->kind & W_PRONOUN))
        {
          determiner = TRUE;
          k--;
          words++;
          continue;
        }
      if (!is_np_content_en (run, p))
        break;
      if (head == end)
        head = p;
      named = named || is_name_word (run, p);
      k--;
      words++;
    }
  /* no "and", "of" or a full stop first */
  while (k < end && !(tok (run, k)->flags & T_WORD) && !tok_is_char (run, k, '<'))
    k++;
  if (k >= end || head == end)
    return end;
  if (k > floor)
    {
      Token *b = tok (run, k - 1);

      if ((b->flags & T_WORD) && !(b->flags & T_QUOTED) &&
          !(b->kind & (W_STOP | W_CLAUSE | W_AS | W_NAME_JOINER)) && !(b->kind2 & W2_RELATIVE))
        return end;
    }
  if (!(is_name_word (run, head) || is_role (run, head) || determiner || named))
    return end;
  return k;
}

/* English: a noun phrase from @start on, as np_back_en takes them;
 * returns its end, or @start */
static guint
np_forward_en (Run  *run,
               guint start,
               guint limit)
{
  guint k = start;
  gboolean head = FALSE;

  while (k < limit && ((tok (run, k)->flags & T_WORD) || tok_is_char (run, k, '<') || tok_is_char (run, k, '>')) &&
         !(tok (run, k)->flags & T_QUOTED) &&
         (is_np_content_en (run, k) || tok_is (run, k, W_DETERMINER) ||
          (!(tok (run, k)->flags & T_WORD)) ||
          (k > start && k + 1 < limit && (tok_is2 (run, k, W2_NP_INNER) || tok_is (run, k, W_NAME_JOINER)) &&
           !(tok (run, k)->flags & T_CAP) && is_np_content_en (run, k - 1))))
    {
      /* after a name or a role, a lower-case word is a verb unless a
       * name or a role follows ("Saudi Arabian oil minister Hisham
       * Nazer", not "The minister rejected the plan") */
      if (head && (tok (run, k)->flags & T_WORD) && !(tok (run, k)->flags & T_CAP) && !is_role (run, k) &&
          is_np_content_en (run, k) &&
          !(k + 1 < limit && (is_role (run, k + 1) || is_name_word (run, k + 1))) &&
          !(k + 2 < limit && !(tok (run, k + 1)->flags & T_CAP) && is_np_content_en (run, k + 1) &&
            is_role (run, k + 2)))
        break;
      /* a verb with its object or its negation: "The bank gave no
       * details", "the panel did not" */
      if (k > start && (tok (run, k)->flags & T_WORD) && !(tok (run, k)->flags & T_CAP) && !is_role (run, k) &&
          is_np_content_en (run, k) && k + 1 < limit &&
          (tok_is (run, k + 1, W_DETERMINER | W_PRONOUN) || tok_is2 (run, k + 1, W2_NEGATION)))
        break;
      head = head || is_name_word (run, k) || is_role (run, k);
      k++;
    }
  while (k > start && !is_np_content_en (run, k - 1) && !tok_is_char (run, k - 1, '>'))
    k--;
  return np_back_en (run, k, start) == start ? k : start;
}

/* English: "quoted" of "was quoted (by Y) as saying" before the cue
 * at @cue, or @cue */
static guint
quoted_as_en (Run  *run,
              guint cue,
              guint floor)
{
  if (cue < floor + 2 || !tok_is (run, cue - 1, W_AS) || (tok (run, cue - 1)->flags & T_CAP))
    return cue;
  for (guint k = cue - 1; k > floor && k + 10 > cue; k--)
    {
      if (tok (run, k - 1)->flags & T_QUOTED || tok_is_char (run, k - 1, ','))
        break;
      if (tok_is (run, k - 1, W_QUOTES_OBJECT) && !(tok (run, k - 1)->flags & T_CAP))
        return k - 1;
    }
  return cue;
}

/* English: the noun phrase that opens the sentence of @cue, before
 * @before, after a conjunction or an adverb ("But the group did not …,
 * saying", "The minister rejected the plan and said"); returns its start
 * and sets @np_end, or returns @cue */
static guint
sentence_subject_en (Run   *run,
                     guint  cue,
                     guint  before,
                     guint *np_end)
{
  GlossRange *sent = &g_array_index (run->sentences, GlossRange, tok (run, cue)->sentence);
  guint s = sent->start;
  guint e;

  while (s < before && (!(tok (run, s)->flags & T_WORD) || tok_is (run, s, W_STOP | W_ADVERB)) &&
         !(tok (run, s)->flags & T_QUOTED))
    s++;
  if (s >= before || (tok (run, s)->flags & T_QUOTED))
    return cue;
  if (tok_is (run, s, W_PRONOUN))
    {
      *np_end = s + 1;
      return s;
    }
  e = np_forward_en (run, s, before);
  if (e == s)
    return cue;
  *np_end = e;
  return s;
}

/* English: the subject of a cue at @cue, not before @floor: the noun
 * phrase or pronoun before it (with words between, "has also said"),
 * with an apposition ("Kuwait's Oil Minister, Sheikh Ali, said"), past
 * a relative clause or an insertion ("Redstone, who controls X, said",
 * "Nazer, quoted by SPA, said"); for "… and said" the subject that opens
 * the sentence. Returns its start and sets @np_end, or returns @cue. */
static guint
subject_before_en (Run   *run,
                   guint  cue,
                   guint  floor,
                   guint *np_end)
{
  guint j = cue;
  guint skipped = 0;
  guint start;

  while (j > floor && skipped < 3 && is_between_en (run, j - 1))
    j--, skipped++;
  if (j == floor)
    return cue;
  /* "…, saying there were …": the sentence's subject */
  if (tok_is_char (run, j - 1, ',') && j == cue && tok (run, cue)->end - tok (run, cue)->start > 4 &&
      run->chars[tok (run, cue)->end - 3] == 'i' && run->chars[tok (run, cue)->end - 2] == 'n' &&
      run->chars[tok (run, cue)->end - 1] == 'g')
    return sentence_subject_en (run, cue, j - 1, np_end);
  /* "X was quoted by Y as saying": the subject of "quoted" */
  {
    guint q = quoted_as_en (run, cue, floor);

    if (q < cue)
      return subject_before_en (run, q, floor, np_end);
  }
  if (tok_is (run, j - 1, W_PRONOUN) && !(tok (run, j - 1)->flags & T_QUOTED))
    {
      *np_end = j;
      return j - 1;
    }
  if (tok_is_char (run, j - 1, ',') && !(tok (run, j - 1)->flags & T_QUOTED))
    {
      guint c = j - 1;
      guint k = c;

      while (k > floor && c - k < 20 && !tok_is_char (run, k - 1, ',') && !(tok (run, k - 1)->flags & T_QUOTED))
        k--;
      if (k == c)
        return cue;
      start = np_back_en (run, c, k);
      /* "X, Y, said", not "The offer, announced today, expires" */
      if (start == k && k > floor && tok_is_char (run, k - 1, ','))
        {
          /* an apposition after a noun phrase of its own */
          if (k > floor + 1 && tok_is_char (run, k - 1, ','))
            {
              guint before = k - 1;
              guint s = before;

              while (s > floor && before - s < 14 && !tok_is_char (run, s - 1, ',') && !(tok (run, s - 1)->flags & T_QUOTED))
                s--;
              if (np_back_en (run, before, s) == s && s < before && np_back_en (run, before, floor) == s)
                start = s;
            }
          *np_end = c;
          return start;
        }
      /* an insertion: the subject is before it */
      if (k > floor + 1 && tok_is_char (run, k - 1, ','))
        {
          start = np_back_en (run, k - 1, floor);
          if (start < k - 1)
            {
              *np_end = k - 1;
              return start;
            }
        }
      return cue;
    }
  start = np_back_en (run, j, floor);
  if (start < j)
    {
      *np_end = j;
      return start;
    }
  /* "… reiterated the accord and said", "…, but said" */
  if (tok_is2 (run, j - 1, W2_CONJUNCTION) && !(tok (run, j - 1)->flags & T_CAP))
    return sentence_subject_en (run, cue, j - 1, np_end);
  return cue;
}

/* English: the apposition after a speaker that follows its cue, up to
 * the end of the frame: "said Daniel Yergin, director of Cambridge
 * Energy Research Associates, CERA." Returns its end, or @end. */
static guint
apposition_end_en (Run  *run,
                   guint end,
                   guint limit)
{
  guint k;
  guint good = end;

  if (end + 1 >= limit || !tok_is_char (run, end, ','))
    return end;
  for (k = end + 1; k < limit && k < end + 20; k++)
    {
      Token *t = tok (run, k);

      if (t->flags & T_QUOTED)
        return good;
      if (tok_is_char (run, k, ','))
        {
          if (k > end + 1)
            good = k;
          if (tok_is2 (run, k + 1, W2_RELATIVE))
            return good;
          continue;
        }
      if ((t->flags & T_WORD) &&
          ((t->kind & (W_CUE | W_TOLD | W_CLAUSE | W_AUXILIARY | W_PASSIVE)) || (t->kind2 & W2_RELATIVE) ||
           ((t->kind & W_PRONOUN) && !(t->kind & W_DETERMINER))))
        return good;
      if (!(t->flags & T_WORD) && !tok_is_char (run, k, '<') && !tok_is_char (run, k, '>') &&
          !tok_is_char (run, k, '&'))
        break;
    }
  if (k >= limit || tok_is_char (run, k, '.') || tok_is_char (run, k, ';'))
    {
      while (k > end + 1 && !(tok (run, k - 1)->flags & T_WORD) && !tok_is_char (run, k - 1, '>'))
        k--;
      if (k > end + 1)
        return k;
    }
  return good;
}

/* German: the subject that opens the clause before a cue in second
 * place, with its appositions: "Anna Roth, die Sprecherin der Stadt,
 * sagte", "Der Sprecher (SPD) erklärte nun". Its first comma-separated
 * part starts with a determiner or a capitalised word; a later part is
 * an apposition when it ends with a capitalised word or a bracket (a
 * relative clause ends with its verb) and is left out otherwise, with
 * all after it. Between the subject and the cue only a few lower-case
 * words (an auxiliary, adverbs). Returns the subject's end, or @from. */
static guint
subject_np (Run   *run,
            guint  from,
            guint  cue)
{
  guint end = from;
  guint part = from;
  guint depth = 0;
  gboolean cut = FALSE;

  while (from < cue && !(tok (run, from)->flags & T_WORD) && !(tok (run, from)->flags & T_QUOTED))
    from++;
  if (run->self->english || from >= cue || cue - from > 40 || (tok (run, from)->flags & T_QUOTED) ||
      !(tok (run, from)->flags & T_CAP) ||
      tok_is (run, from, W_STOP | W_CLAUSE | W_AS | W_SO | W_ACCORDING | W_SOURCE_PREP | W_CUE) ||
      /* "Nachdem die Ärztin mitgeteilt hatte": the subject follows */
      (tok_is (run, from, W_SUBORDINATE) && !tok_is (run, from, W_DETERMINER)) ||
      (tok_is (run, from, W_PRONOUN) && from + 1 < cue && !tok_is_char (run, from + 1, ',')))
    return from;
  if (tok_is (run, from, W_PRONOUN))
    return from + 1;

  part = from;
  for (guint k = from; k <= cue; k++)
    {
      gboolean boundary = k == cue || (depth == 0 && tok_is_char (run, k, ','));

      if (k < cue && tok_is_char (run, k, '('))
        depth++;
      else if (k < cue && tok_is_char (run, k, ')') && depth > 0)
        depth--;
      if (k < cue && (tok (run, k)->flags & T_QUOTED) && !(tok (run, k)->flags & T_WORD) &&
          tok (run, k)->sentence != tok (run, from)->sentence)
        return from;
      if (!boundary)
        continue;
      if (part == from)
        {
          /* the head part: up to the cue, a few lower-case words before
           * the cue left out */
          guint e = k;
          guint trimmed = 0;

          while (e > part && (tok (run, e - 1)->flags & T_WORD) && !(tok (run, e - 1)->flags & T_CAP) &&
                 trimmed < 3)
            e--, trimmed++;
          if (e == part || !((tok (run, e - 1)->flags & T_CAP) || tok_is_char (run, e - 1, ')')))
            return from;
          /* a verb inside it: "Die Polizei nahm den Mann fest" is no subject */
          for (guint m = part; m < e; m++)
            {
              if (tok_is (run, m, W_CUE | W_AUXILIARY | W_SUBJUNCTIVE | W_CLAUSE) ||
                  (m > part && (tok (run, m)->flags & T_CAP) && tok_is (run, m, W_PRONOUN)))
                return from;
            }
          if (k < cue && e != k)
            return from;
          end = e;
        }
      else if (!cut)
        {
          guint e = k;

          if (e == part)
            {
              /* the comma just before the cue */
              if (k != cue)
                return from;
            }
          else if ((tok (run, e - 1)->flags & T_CAP) || tok_is_char (run, e - 1, ')'))
            end = e;
          else
            {
              /* a relative clause: the subject ends before it; after it
               * only the cue may follow */
              cut = TRUE;
            }
        }
      else if (k != part)
        {
          /* words between a relative clause and the cue */
          guint trimmed = 0;

          for (guint m = part; m < k; m++)
            trimmed += (tok (run, m)->flags & T_WORD) != 0;
          if (trimmed > 2 || k != cue)
            return from;
        }
      part = k + 1;
    }

  return end;
}

/* A subject in first place [@from, @to) names someone: not a lone
 * adverb or demonstrative ("Insgesamt sprach die Polizei", "Das sagte
 * er"), nor a lone capitalised word the text also writes in lower case
 * (a sentence's first word) */
static gboolean
is_fronted_subject (Run  *run,
                    guint from,
                    guint to)
{
  /* "Dem Niederländer sagte er", "Bis Mittwoch sagte sie", "Der
   * Zeitung sagte er", "Erst vergangene Woche hatte er" */
  if (tok_is (run, from, W_OBLIQUE | W_PREPOSITION | W_EXPLETIVE) ||
      (tok_is (run, from, W_ADVERB) && !tok_is (run, from, W_DETERMINER)) ||
      tok_is (run, to - 1, W_ADDRESSEE))
    return FALSE;
  if (count_words (run, from, to) != 1)
    return TRUE;
  if (tok_is (run, from, W_DETERMINER))
    return FALSE;
  if (!(tok (run, from)->flags & T_CAP) || tok_is (run, from, W_PRONOUN) || is_role (run, from))
    return TRUE;
  {
    g_autofree char *word = gloss_text_dup_slice (run->text, tok (run, from)->start, tok (run, from)->end);
    g_autofree char *lower = g_utf8_strdown (word, -1);

    /* glücklicherweise, möglicherweise */
    return !g_hash_table_contains (run->lower_seen, lower) && !g_str_has_suffix (lower, "weise");
  }
}

/* The speaker of a cue at token @cue in [@floor, @limit): after the cue
 * (inverted order: „…“, sagte der Sprecher), else before it */
/* German: a speaker after the cue with its apposition, "Alan Stern,
 * Direktor des Rats der NASA," — a part up to the next comma or the
 * clause end that holds a role noun, ends with a capitalised word or a
 * bracket (a relative clause ends with its verb) and holds no cue or
 * clause word. Returns the new end, or @end. */
static guint
apposition_end (Run  *run,
                guint end,
                guint limit)
{
  guint k;
  gboolean role = FALSE;
  Token *last;

  if (run->self->english || end + 2 >= limit || !tok_is_char (run, end, ','))
    return end;
  for (k = end + 1; k < limit && k < end + 13 && !ends_clause (run, k); k++)
    {
      if ((tok (run, k)->flags & T_WORD) && tok_is (run, k, W_CUE | W_SUBJUNCTIVE | W_AUXILIARY))
        return end;
      role = role || ((tok (run, k)->flags & T_WORD) && is_role (run, k));
    }
  if (!role || k == end + 1 || k >= end + 13 || (k < limit && !tok_is_char (run, k, ',') && !tok_is_char (run, k, '.')))
    return end;
  last = tok (run, k - 1);
  if (!((last->flags & T_CAP) || tok_is_char (run, k - 1, ')')))
    return end;
  return k;
}

static int
find_speaker (Run   *run,
              guint  cue,
              guint  floor,
              guint  limit,
              int   *addressee)
{
  gboolean strong;
  gboolean forward;
  gboolean verb;
  guint after = cue + 1;
  guint end;
  guint front;
  guint np_end = 0;
  guint start;

  *addressee = -1;

  /* told reporters / sagte der Zeitung */
  if (run->self->english && tok_is (run, cue, W_TOLD))
    {
      end = np_forward (run, after, limit, &strong);
      if (end == after && tok_is (run, after, W_ADDRESSEE))
        end = after + 1;
      if (end > after)
        {
          *addressee = add_token_span (run, "addressee", after, end);
          after = end;
        }
    }
  else if (!run->self->english && after + 1 < limit && tok_is (run, after, W_DETERMINER) &&
           tok_is (run, after + 1, W_ADDRESSEE))
    {
      *addressee = add_token_span (run, "addressee", after, after + 2);
      after += 2;
    }

  /* English: the subject before the cue ("Analysts said", "the
   * minister said"), else the speaker after it when the frame ends with
   * it ("…," said Daniel Yergin, director of CERA.) */
  if (run->self->english)
    {
      start = subject_before_en (run, cue, floor, &np_end);
      if (start < cue)
        return add_token_span (run, "speaker", start, np_end);
      if (tok_is (run, cue, W_TOLD))
        return -1;
      end = np_forward (run, after, limit, &strong);
      if (end == after || !strong)
        return -1;
      /* "of Lipper Analytical", "in New York" */
      while (end + 1 < limit && tok_is2 (run, end, W2_NP_INNER) && !(tok (run, end)->flags & T_CAP))
        {
          guint more = np_forward_en (run, end + 1, limit);

          if (more == end + 1)
            break;
          end = more;
        }
      if (end < limit && (tok (run, end)->flags & T_WORD) && !(tok (run, end)->flags & T_QUOTED) &&
          !tok_is (run, end, W_STOP) && !tok_is2 (run, end, W2_RELATIVE | W2_NP_INNER))
        return -1;
      end = apposition_end_en (run, end, limit);
      return add_token_span (run, "speaker", after, end);
    }

  /* "äußerte sich der Minister" */
  if (!run->self->english && tok_is (run, after, W_REFLEXIVE) && after + 1 < limit)
    after++;

  /* separable verbs and "es" after a cue: "teilte mit", "hieß es" */
  end = np_forward (run, after, limit, &strong);
  verb = tok_is (run, cue, W_CUE | W_TOLD | W_INTENT);
  forward = end > after && strong && !(run->self->english && tok_is (run, cue, W_TOLD)) &&
            /* German: "nannte den Plan", "sagte dem Sender" are objects;
             * "laut einem Sprecher", "so einem Sprecher" are not */
            !(verb && tok_is (run, after, W_OBLIQUE));
  if (forward)
    end = apposition_end (run, end, limit);
  if (forward && !verb)
    return add_token_span (run, "speaker", after, end);

  /* German verb-second: a subject in first place makes what follows the
   * verb an object ("Li nannte die Bewegung illegal"), unless that is a
   * pronoun only a subject can be ("Dies sagte er") */
  if (!run->self->english)
    {
      /* a heading or a colon before the subject: "Bildung: Die SPD will" */
      for (guint k = floor; k < cue; k++)
        {
          if (tok_is_char (run, k, ':') && !(tok (run, k)->flags & T_QUOTED))
            floor = k + 1;
        }
    }
  start = floor;
  while (start < cue && !(tok (run, start)->flags & T_WORD))
    start++;
  front = subject_np (run, floor, cue);
  if (front <= start || !is_fronted_subject (run, start, front))
    front = start;
  /* German: a clause that starts with a subordinator has its subject
   * right after it ("Nachdem die Anwältin der Frau dem Richter
   * mitgeteilt hatte") */
  if (!run->self->english && front == start && start + 1 < cue && tok_is (run, start, W_SUBORDINATE) &&
      !tok_is (run, start, W_DETERMINER | W_PREPOSITION))
    {
      guint e = np_forward (run, start + 1, cue, &strong);
      guint commas = 0;

      /* the cue in that clause, not in the main clause after its comma */
      for (guint k = start; k < cue; k++)
        commas += tok_is_char (run, k, ',') && !(tok (run, k)->flags & T_QUOTED);
      if (e > start + 1 && strong && commas == 0 && !tok_is (run, start + 1, W_OBLIQUE))
        return add_token_span (run, "speaker", start + 1, e);
    }
  /* "zitierte einen Augenzeugen": the object is the speaker */
  if (end > after && strong && tok_is (run, cue, W_QUOTES_OBJECT))
    return add_token_span (run, "speaker", after, end);
  if (forward && (front == start || tok_is (run, after, W_NOMINATIVE)))
    return add_token_span (run, "speaker", after, end);
  if (front > start)
    return add_token_span (run, "speaker", start, front);
  /* "Glücklicherweise gab es": no subject that speaks */
  if (tok_is (run, after, W_EXPLETIVE))
    return -1;
  /* German: the subject before an auxiliary, the cue a participle at the
   * end: "Der Präsident hat sein Veto angekündigt, falls …" */
  if (!run->self->english && start < cue)
    {
      guint e = np_forward (run, start, cue, &strong);

      if (e > start && tok_is_char (run, e, '('))
        {
          guint k = e;

          while (k < cue && !tok_is_char (run, k, ')'))
            k++;
          if (k < cue)
            e = k + 1;
        }
      if (e > start && e < cue && strong && tok_is (run, e, W_AUXILIARY | W_INTENT) &&
          !(tok (run, e)->flags & T_CAP) && is_fronted_subject (run, start, e))
        return add_token_span (run, "speaker", start, e);
    }

  start = np_backward (run, cue, floor, &np_end);
  if (start < cue)
    return add_token_span (run, "speaker", start, np_end);

  return -1;
}

static void
link_quote (Run  *run,
            int   quote,
            int   speaker,
            int   cue,
            int   addressee,
            guint sentence)
{
  Suggestion *q;

  if (quote < 0)
    return;
  q = &g_array_index (run->found, Suggestion, quote);
  if (speaker < 0 && run->last_named >= 0 && sentence <= run->last_named_sentence + 3)
    speaker = run->last_named;
  q->speaker = speaker;
  q->cue = cue;
  q->addressee = addressee;

  /* A pronoun is resolved to the last named speaker for the quotes
   * without a frame that follow; a name or role becomes that speaker */
  if (speaker >= 0)
    {
      Suggestion *s = &g_array_index (run->found, Suggestion, speaker);
      g_autofree char *word = gloss_text_dup_slice (run->text, s->parts[0].start, s->parts[0].end);
      g_autofree char *lower = g_utf8_strdown (word, -1);
      guint64 kind = word_kind (run->self, lower);

      if (!(kind & W_PRONOUN))
        run->last_named = speaker;
      run->last_named_sentence = sentence;
    }
}

/* The cue nearest to the quote in [from, to), outside quotes */
static int
find_cue (Run     *run,
          guint    from,
          guint    to,
          gboolean nearest_last)
{
  for (guint k = 0; k < to - from; k++)
    {
      guint i = nearest_last ? to - 1 - k : from + k;
      Token *t = tok (run, i);

      if ((t->flags & T_QUOTED) || !(t->flags & T_WORD))
        continue;
      /* German nouns are capitalised: "Angaben" is no verb */
      if ((t->kind & (W_CUE | W_TOLD)) &&
          (!(t->flags & T_CAP) || i == g_array_index (run->sentences, GlossRange, t->sentence).start) &&
          is_cue_verb (run, i))
        return i;
      if (t->kind & (W_SO | W_AS | W_ACCORDING | W_ACCORDING_POST))
        return i;
    }
  return -1;
}

static GlossRange
quote_part (Run  *run,
            guint open,
            guint close)
{
  GlossRange r = { tok (run, open)->end, tok (run, close)->start };
  guint first = open + 1;
  guint last = close - 1;

  /* The words without the marks, a trailing comma left out */
  if (first <= last)
    {
      r.start = tok (run, first)->start;
      if (!(tok (run, last)->flags & T_WORD) && tok_char (run, last) == ',' && last > first)
        last--;
      r.end = tok (run, last)->end;
    }
  return r;
}

/* Between the marks a name or a title, no quotation: every word
 * capitalised or one of the small words of names ("Partij voor de
 * Vrijheid", "Ode an die Freude"), no full stop, question or
 * exclamation mark. A digit counts as capitalised ("Channel 10"). */
static gboolean
is_title_like (Run  *run,
               guint open,
               guint close)
{
  guint first = open + 1;

  /* ''Name'' in wiki markup */
  while (first < close && !(tok (run, first)->flags & T_WORD) && tok_char (run, first) == '\'')
    first++;
  if (first >= close || !(tok (run, first)->flags & T_CAP))
    return FALSE;
  for (guint k = first; k < close; k++)
    {
      Token *t = tok (run, k);

      if (!(t->flags & T_WORD))
        {
          if (tok_is_char (run, k, '.') || tok_is_char (run, k, '!') || tok_is_char (run, k, '?') ||
              tok_is_char (run, k, ','))
            return FALSE;
          continue;
        }
      if (!(t->flags & T_CAP) && !g_unichar_isdigit (run->chars[t->start]))
        {
          g_autofree char *word = gloss_text_dup_slice (run->text, t->start, t->end);

          if (!g_hash_table_contains (run->self->title_words, word))
            return FALSE;
        }
    }
  return TRUE;
}

/* A quote that names something: a title of four words or more, or a
 * name right after the noun it names ("der Sender „Al Jazeera“", "die
 * Zeitung „Neues Deutschland“") */
static gboolean
is_name_in_marks (Run  *run,
                  guint open,
                  guint close)
{
  guint words = count_words (run, open + 1, close);

  if (run->self->english)
    return FALSE;
  /* laut „BBC News“: the source */
  if (words <= 3 && open > 0 && tok_is (run, open - 1, W_ACCORDING))
    return TRUE;
  if (!is_title_like (run, open, close))
    return FALSE;
  if (words >= 4)
    return TRUE;
  return open > 0 && tok (run, open - 1)->sentence == tok (run, open)->sentence &&
         (tok (run, open - 1)->flags & T_WORD) && (tok (run, open - 1)->flags & T_CAP) &&
         !(tok (run, open - 1)->flags & T_QUOTED) &&
         g_array_index (run->sentences, GlossRange, tok (run, open)->sentence).start != open - 1 &&
         !tok_is (run, open - 1, W_DETERMINER | W_PRONOUN | W_STOP | W_ADVERB | W_CLAUSE);
}

static void
suggest_directs (Run *run)
{
  guint n = run->directs->len;

  for (guint d = 0; d < n; d++)
    {
      Direct *q = &g_array_index (run->directs, Direct, d);
      GlossRange *sent = &g_array_index (run->sentences, GlossRange, tok (run, q->open[0])->sentence);
      GlossRange *last_sent;
      guint after = q->close[0] + 1;
      guint next_open = d + 1 < n ? g_array_index (run->directs, Direct, d + 1).open[0] : G_MAXUINT;
      guint before_floor;
      int cue = -1;
      int speaker = -1;
      int addressee = -1;
      guint words = count_words (run, q->open[0] + 1, q->close[0]);
      GlossRange parts[2];
      int quote;
      guint limit;

      /* Quotes one right after the other in a paragraph are one: „…“ „…“ */
      while (next_open == after && !(tok (run, next_open)->flags & T_PARA))
        {
          Direct *next = &g_array_index (run->directs, Direct, d + 1);

          q->close[0] = next->close[0];
          words += count_words (run, next->open[0] + 1, next->close[0]);
          after = q->close[0] + 1;
          d++;
          next_open = d + 1 < n ? g_array_index (run->directs, Direct, d + 1).open[0] : G_MAXUINT;
        }

      /* a name or title: its words are the sentence's own again */
      if (is_name_in_marks (run, q->open[0], q->close[0]))
        {
          for (guint k = q->open[0]; k <= q->close[0]; k++)
            tok (run, k)->flags &= ~T_QUOTED;
          continue;
        }

      /* Interrupted by its frame: „…“, sagte er, „…“ (not when the frame
       * ends its sentence: „…“, sagte er. „…“ are two quotes) */
      if (next_open != G_MAXUINT && next_open > after && next_open - after <= 12 &&
          !(tok (run, next_open)->flags & T_PARA) &&
          (tok_is_char (run, after, ',') || tok_is_char (run, q->close[0] - 1, ',')) &&
          (cue = find_cue (run, after, next_open, FALSE)) >= 0 &&
          (tok_is_char (run, next_open - 1, ',') || tok_is_char (run, next_open - 1, ':')))
        {
          Direct *next = &g_array_index (run->directs, Direct, d + 1);

          q->open[1] = next->open[0];
          q->close[1] = next->close[0];
          q->n_parts = 2;
          words += count_words (run, next->open[0] + 1, next->close[0]);
          speaker = find_speaker (run, cue, after, next_open - 1, &addressee);
          tok (run, cue)->flags |= T_USED;
          cue = add_cue (run, cue, -1);
          d++;
        }
      else
        {
          last_sent = &g_array_index (run->sentences, GlossRange, tok (run, q->close[0])->sentence);
          limit = MIN (last_sent->end, next_open);
          /* the frame after: „…“, sagte er. / "…," he said. */
          if (after < limit && (tok_is_char (run, after, ',') || tok_is_char (run, q->close[0] - 1, ',') ||
                                tok_is_char (run, q->close[0] - 1, '?') || tok_is_char (run, q->close[0] - 1, '!')) &&
              (cue = find_cue (run, after, MIN (limit, after + 4), FALSE)) >= 0)
            {
              guint end = after;

              while (end < limit && !tok_is_char (run, end, '.') && !tok_is_char (run, end, ';'))
                end++;
              speaker = find_speaker (run, cue, after, end, &addressee);
            }
          else
            {
              /* the frame before: Der Sprecher sagte: „…“ */
              before_floor = sent->start;
              if (d > 0)
                before_floor = MAX (before_floor, g_array_index (run->directs, Direct, d - 1).close[0] + 1);
              if (q->open[0] > before_floor &&
                  (cue = find_cue (run, before_floor, q->open[0], TRUE)) >= 0)
                speaker = find_speaker (run, cue, before_floor, q->open[0], &addressee);
              else
                cue = -1;
            }
          if (cue >= 0)
            {
              tok (run, cue)->flags |= T_USED;
              cue = add_cue (run, cue, -1);
            }
        }

      /* A short quote is a quotation when a verb of saying in its
       * sentence frames it (nannte es „…“, als „…“ bezeichnet); without
       * one it is more often a title or a word used with distance */
      if (cue < 0 && words < 4)
        {
          GlossRange *in = &g_array_index (run->sentences, GlossRange, tok (run, q->open[0])->sentence);

          for (guint k = in->start; k < in->end && cue < 0; k++)
            {
              Token *t = tok (run, k);

              if ((t->kind & W_CUE) && (t->flags & T_WORD) && !(t->flags & (T_QUOTED | T_CAP)) &&
                  is_cue_verb (run, k))
                cue = k;
            }
          if (cue < 0)
            continue;
          speaker = find_speaker (run, cue, in->start, (guint) cue < q->open[0] ? q->open[0] : in->end, &addressee);
          cue = add_cue (run, cue, -1);
        }

      for (guint p = 0; p < q->n_parts; p++)
        parts[p] = quote_part (run, q->open[p], q->close[p]);
      quote = add_span (run, "quote", "direct", parts, q->n_parts);
      link_quote (run, quote, speaker, cue, addressee, tok (run, q->open[0])->sentence);
    }
}

/* Indirect and reported speech ------------------------------------------- */

static gboolean
sentence_has_quote_at (Run  *run,
                       guint from,
                       guint to)
{
  for (guint i = from; i < to; i++)
    {
      if (!(tok (run, i)->flags & T_QUOTED))
        return FALSE;
    }
  return TRUE;
}

/* The sentence's tokens without a final full stop */
static guint
trim_end (Run  *run,
          guint from,
          guint to)
{
  while (to > from && !(tok (run, to - 1)->flags & T_WORD) && !(tok (run, to - 1)->flags & T_QUOTED))
    to--;
  return to;
}

/* German: the word at @i is a finite verb the lists know (an auxiliary,
 * a cue, a modal), in lower case and outside quotes */
static gboolean
is_finite_verb (Run  *run,
                guint i)
{
  return i < run->tokens->len && (tok (run, i)->flags & T_WORD) && !(tok (run, i)->flags & (T_CAP | T_QUOTED)) &&
         tok_is (run, i, W_AUXILIARY | W_CUE | W_PASSIVE_AUX | W_INTENT | W_REPORTATIVE) &&
         !tok_is (run, i, W_PARTICLE | W_PREPOSITION | W_STOP | W_DETERMINER | W_PRONOUN);
}

/* The subjunctive forms outside quotes in [from, to) */
static guint
count_subjunctive (Run  *run,
                   guint from,
                   guint to)
{
  guint n = 0;

  for (guint k = from; k < to; k++)
    n += tok_is (run, k, W_SUBJUNCTIVE) && !(tok (run, k)->flags & (T_QUOTED | T_CAP));
  return n;
}

static int
add_quote_tokens (Run        *run,
                  const char *type,
                  guint       from,
                  guint       to,
                  guint       cut_from,
                  guint       cut_to)
{
  GlossRange parts[2];
  guint n = 0;

  /* German: a comma and a verb that is no subjunctive end the reported
   * clause: the main clause goes on ("Nachdem sie mitgeteilt hatte,
   * dass …, hatte er versucht"), or its frame follows */
  if (!run->self->english && strcmp (type, "reported") != 0)
    {
      for (guint k = MAX (from, cut_to) + 3; k + 1 < to; k++)
        {
          if (tok_is_char (run, k, ',') && !(tok (run, k)->flags & T_QUOTED) &&
              ((is_finite_verb (run, k + 1) && !tok_is (run, k + 1, W_SUBJUNCTIVE)) ||
               /* "…, so der Sprecher, …": the frame */
               (tok_is (run, k + 1, W_SO) && !(tok (run, k + 1)->flags & T_CAP) &&
                !tok_is (run, k + 2, W_CLAUSE | W_AS | W_ADVERB | W_STOP) &&
                k + 2 < to && (tok (run, k + 2)->flags & T_WORD))))
            {
              to = k;
              break;
            }
        }
    }

  /* German: reported speech ends at a semicolon ("…, sei X; seine
   * Stellung ist …") or before ", denn" when what follows is in the
   * indicative (the narrator's), once it has three words */
  if (!run->self->english)
    {
      for (guint k = MAX (from, cut_to) + 3; k < to; k++)
        {
          if ((tok_is_char (run, k, ';') || (tok_is_char (run, k, ',') && tok_is (run, k + 1, W_REASON))) &&
              count_subjunctive (run, k + 1, to) == 0 &&
              !(tok (run, k)->flags & T_QUOTED) && count_words (run, MAX (from, cut_to), k) >= 3)
            {
              to = k;
              break;
            }
        }
    }

  /* a quote of at least three words, without the frame [cut_from, cut_to) */
  if (count_words (run, from, to) - count_words (run, MAX (from, cut_from), MIN (to, MAX (cut_to, cut_from))) < 3)
    return -1;
  while (from < to && !(tok (run, from)->flags & T_WORD) && !(tok (run, from)->flags & T_QUOTED))
    from++;
  to = trim_end (run, from, to);
  if (cut_to > cut_from && cut_from > from && cut_to < to)
    {
      guint end1 = cut_from;

      while (end1 > from && !(tok (run, end1 - 1)->flags & T_WORD))
        end1--;
      if (end1 > from)
        {
          parts[n].start = tok (run, from)->start;
          parts[n++].end = tok (run, end1 - 1)->end;
        }
      from = cut_to;
      while (from < to && !(tok (run, from)->flags & T_WORD))
        from++;
    }
  else if (cut_to > cut_from && cut_from <= from)
    {
      from = MAX (from, cut_to);
      while (from < to && !(tok (run, from)->flags & T_WORD) && !(tok (run, from)->flags & T_QUOTED))
        from++;
    }
  else if (cut_to > cut_from && cut_to >= to)
    {
      to = MIN (to, cut_from);
      to = trim_end (run, from, to);
    }
  if (from < to)
    {
      parts[n].start = tok (run, from)->start;
      parts[n++].end = tok (run, to - 1)->end;
    }
  if (n == 0)
    return -1;

  return add_span (run, "quote", type, parts, n);
}

static gboolean
overlaps_quote (Run  *run,
                guint from,
                guint to)
{
  guint quoted = count_flagged (run, from, to, T_QUOTED);

  /* a frame around a direct quote, already suggested */
  return to > from && quoted * 2 > to - from;
}

/* German: a clause [from, to) that starts with a quote goes on with at
 * least two words of its own after it */
static gboolean
words_after_quote (Run  *run,
                   guint from,
                   guint to)
{
  guint k = from;

  while (k < to && (tok (run, k)->flags & T_QUOTED))
    k++;
  return count_words (run, k, to) - count_flagged (run, k, to, T_WORD | T_QUOTED) >= 2;
}

/* German: a cue that frames a direct quote frames an indirect clause
 * around it too when a comma follows the cue within a few words and the
 * clause after it starts with words of its own ("gab an, dass sie
 * „…“", "sagte der Zeitung, sie habe „…“"), not with the quote */
static gboolean
clause_follows (Run  *run,
                guint cue,
                guint to)
{
  for (guint k = cue + 1; k < to && k < cue + 10; k++)
    {
      if (tok (run, k)->flags & T_QUOTED)
        return FALSE;
      if (tok_is_char (run, k, ':') || tok_is_char (run, k, '.'))
        return FALSE;
      /* the clause may start with the quote when words of its own
       * follow it ("schlug vor, „Zwangsheiraten“ als Straftat zu
       * ahnden") */
      if (tok_is_char (run, k, ','))
        return k + 2 < to && count_words (run, k + 1, to) - count_flagged (run, k + 1, to, T_WORD | T_QUOTED) >= 2 &&
               (!(tok (run, k + 1)->flags & T_QUOTED) || !sentence_has_quote_at (run, k + 1, to));
    }
  return FALSE;
}

/* A sentence that holds a direct quote inside words of its own: it does
 * not start with the quote and has at least three words outside it
 * ("Sie seien „…“.", "Deshalb sei es „…“.") */
static gboolean
embeds_quote (Run  *run,
              guint from,
              guint to)
{
  to = trim_end (run, from, to);
  return from < to && !(tok (run, from)->flags & T_QUOTED) &&
         count_words (run, from, to) - count_flagged (run, from, to, T_WORD | T_QUOTED) >= 3;
}

/* A comma between clauses: outside quotes, not in a number ("5,1") */
static gboolean
is_clause_comma (Run  *run,
                 guint k)
{
  Token *t;

  if (!tok_is_char (run, k, ',') || (tok (run, k)->flags & T_QUOTED))
    return FALSE;
  t = tok (run, k);
  return !(t->start > 0 && t->end < run->n_chars && g_unichar_isdigit (run->chars[t->start - 1]) &&
           g_unichar_isdigit (run->chars[t->end]));
}

/* German: the verb at @verb is the main clause's, not one of a relative
 * or subordinate clause after a comma ("…, der die Taten gestand",
 * "…, weil er erklärte"); a verb right after a comma is the main verb
 * after a fronted clause or an apposition */
static gboolean
in_main_clause (Run  *run,
                guint from,
                guint verb)
{
  guint comma = verb;

  while (comma > from && !is_clause_comma (run, comma - 1))
    comma--;
  if (comma == from || comma == verb)
    return TRUE;
  if (tok_is (run, comma, W_SUBORDINATE | W_CLAUSE))
    return FALSE;
  /* "mit dem er …", "in der sie …" */
  return !(tok_is (run, comma, W_PREPOSITION | W_STOP) && comma + 1 < verb && tok_is (run, comma + 1, W_SUBORDINATE));
}

/* German: where the clause that holds a source frame at @at starts —
 * after the last comma before it ("…, die nach Angaben der Polizei …",
 * "…, da nach ihren Angaben …"), else at @from */
static guint
clause_start (Run  *run,
              guint from,
              guint at)
{
  gboolean inserted = FALSE;

  for (guint k = at; k > from; k--)
    {
      Token *t;

      if (!is_clause_comma (run, k - 1))
        continue;
      if (inserted)
        {
          /* the start of a relative clause or apposition inside the
           * clause: go on before it */
          inserted = FALSE;
          continue;
        }
      t = tok (run, k);
      /* a verb right after the comma: the comma closed an insertion
       * ("Das Beben, das … dauerte, soll nach Angaben …") */
      if (k < at && (t->flags & T_WORD) && !(t->flags & T_CAP) &&
          !tok_is (run, k, W_SUBORDINATE | W_CLAUSE | W_STOP | W_PREPOSITION | W_ADVERB | W_DETERMINER))
        {
          inserted = TRUE;
          continue;
        }
      return k;
    }
  return from;
}


/* Whether a quote suggested so far overlaps the tokens [from, to) */
static gboolean
has_quote_in (Run  *run,
              guint from,
              guint to)
{
  guint start = tok (run, from)->start;
  guint end = tok (run, to - 1)->end;

  for (guint k = run->found->len; k > 0; k--)
    {
      Suggestion *q = &g_array_index (run->found, Suggestion, k - 1);

      if (strcmp (q->label, "quote") != 0)
        continue;
      if (q->parts[0].start < end && q->parts[q->n_parts - 1].end > start)
        return TRUE;
    }
  return FALSE;
}

/* English: the cue at @i ends its frame, and the sentence ending at
 * @to: "…, the senator said.", "…, he said on Monday.", "…, he told
 * Reuters." — not "In a statement, the minister said the …" */
static gboolean
ends_frame_en (Run  *run,
               guint i,
               guint to)
{
  guint words;

  if (i + 1 >= to || !(tok (run, i + 1)->flags & T_WORD))
    return TRUE;
  words = count_words (run, i + 1, to);
  if (tok_is (run, i, W_TOLD))
    return words <= 4 && (tok (run, i + 1)->flags & T_CAP || tok_is (run, i + 1, W_ADDRESSEE | W_DETERMINER));
  if (words > 5 || (tok (run, i + 1)->flags & T_CAP))
    return FALSE;
  for (guint k = i + 1; k < to; k++)
    {
      if (tok_is (run, k, W_CLAUSE | W_CUE | W_AUXILIARY | W_PRONOUN))
        return FALSE;
    }
  return tok_is (run, i + 1, W_STOP) || tok_is2 (run, i + 1, W2_NP_INNER) || tok_is (run, i + 1, W_DETERMINER);
}

/* English: the words from @from up to the first direct quote before @to,
 * 0 when there is no quote */
static guint
words_before_quote_en (Run  *run,
                       guint from,
                       guint to)
{
  guint q = from;

  while (q < to && !(tok (run, q)->flags & T_QUOTED))
    q++;
  return q < to ? count_words (run, from, q) : 0;
}

/* English: a cue at @i frames a quote: not a passive ("is expected
 * to"), not negated ("did not say", "declined to comment"), not an
 * infinitive ("unable to say") */
static gboolean
is_framing_cue_en (Run  *run,
                   guint i,
                   guint from)
{
  guint j = i;
  guint n = 0;

  while (j > from && n < 3 && is_between_en (run, j - 1))
    {
      if (tok_is2 (run, j - 1, W2_NEGATION))
        return FALSE;
      j--, n++;
    }
  /* "the added post": an adjective */
  if (i > from && tok_is (run, i - 1, W_DETERMINER) && !tok_is (run, i - 1, W_PRONOUN))
    return FALSE;
  if (j > from && (tok (run, j - 1)->flags & T_WORD) && !(tok (run, j - 1)->flags & T_CAP) &&
      (tok_is (run, j - 1, W_PASSIVE) || tok_is2 (run, j - 1, W2_NEGATION) ||
       (tok (run, j - 1)->end - tok (run, j - 1)->start == 2 && tok_char (run, j - 1) == 't' &&
        run->chars[tok (run, j - 1)->start + 1] == 'o')))
    return FALSE;
  /* "was not" / "is" between: "is widely expected" */
  for (guint k = j; k < i; k++)
    {
      if (tok_is (run, k, W_PASSIVE))
        return FALSE;
    }
  return TRUE;
}

/* English: where a second frame starts in (@clause, @to): the comma,
 * "and", "but" or "which" before the subject of another cue ("…, but
 * analysts wrongly predicted …", "… and said …", "…, which industry
 * sources said …"). Returns that token, or @to. */
static guint
next_frame_en (Run  *run,
               guint clause,
               guint to)
{
  for (guint k = clause + 1; k < to; k++)
    {
      guint b;
      guint np_end = 0;
      gboolean verb = FALSE;

      if (!tok_is (run, k, W_CUE | W_TOLD) || (tok (run, k)->flags & (T_CAP | T_QUOTED)) ||
          !is_cue_verb (run, k) || !is_framing_cue_en (run, k, clause))
        continue;
      for (b = k; b > clause + 1 && b + 10 > k; b--)
        {
          Token *t = tok (run, b - 1);

          if (tok_is_char (run, b - 1, ',') || tok_is_char (run, b - 1, ';') || tok_is2 (run, b - 1, W2_RELATIVE) ||
              ((t->flags & T_WORD) && !(t->flags & T_CAP) && (t->kind & (W_NAME_JOINER | W_STOP)) &&
               !(t->kind2 & W2_NP_INNER)))
            break;
          verb = verb || tok_is (run, b - 1, W_AUXILIARY | W_CUE | W_CLAUSE | W_PASSIVE);
        }
      if (b <= clause + 1 || b + 10 <= k)
        continue;
      b--;
      /* "… and said": the frame of the sentence's subject */
      if (b + 1 == k && !tok_is (run, b, W_NAME_JOINER))
        continue;
      if (b + 1 < k && subject_before_en (run, k, b + 1, &np_end) != b + 1 &&
          !(tok_is_char (run, b, ',') && !verb && count_words (run, b + 1, k) <= 4))
        continue;
      return b;
    }
  return to;
}

/* English: the clause [@clause, @to) after a cue at @cue is a reported
 * clause: the cue takes one without "that" (say, tell, add, believe …),
 * or it starts with "that" or a colon, or it holds a finite verb (an
 * auxiliary, a modal, a be-form) or an infinitive ("expects OPEC to
 * meet"); else the cue's object is a noun ("reiterated the kingdom's
 * commitment") and the sentence is reported speech */
static gboolean
is_reported_clause_en (Run  *run,
                       guint cue,
                       guint clause,
                       guint to)
{
  if (tok_is2 (run, cue, W2_BARE_CLAUSE) || tok_is (run, clause, W_CLAUSE) ||
      (clause > cue + 1 && tok_is_char (run, clause - 1, ':')))
    return TRUE;
  for (guint k = clause; k < to; k++)
    {
      Token *t = tok (run, k);

      if (!(t->flags & T_WORD) || (t->flags & (T_CAP | T_QUOTED)))
        continue;
      if (t->kind & (W_AUXILIARY | W_PASSIVE))
        return TRUE;
      /* "to" before a verb, not "to the", "to 42 dlrs" */
      if (t->end - t->start == 2 && run->chars[t->start] == 't' && run->chars[t->start + 1] == 'o' &&
          k + 1 < to && (tok (run, k + 1)->flags & T_WORD) && !(tok (run, k + 1)->flags & T_CAP) &&
          !tok_is (run, k + 1, W_DETERMINER) && !g_unichar_isdigit (tok_char (run, k + 1)))
        return TRUE;
    }
  return FALSE;
}

/* German "Dies teilte die Polizei mit.": a demonstrative in first place
 * and a cue in second, a short sentence without a clause of its own;
 * what was said is the sentence before (the paragraph before when the
 * frame starts a paragraph), with the demonstrative as a second part,
 * as the dataset has it */
static gboolean
suggest_anaphoric (Run  *run,
                   guint s,
                   guint from,
                   guint to)
{
  GlossRange parts[2];
  guint first;
  guint last;
  guint back;
  int speaker;
  int addressee;
  int cue;
  int quote;

  if (s == 0 || from + 2 >= to || !tok_is (run, from, W_ANAPHOR) || !(tok (run, from)->flags & T_CAP) ||
      !tok_is (run, from + 1, W_CUE) || (tok (run, from + 1)->flags & T_CAP) || !is_cue_verb (run, from + 1) ||
      count_words (run, from, to) > 14 || count_flagged (run, from, to, T_QUOTED) > 0)
    return FALSE;
  for (guint k = from; k < to; k++)
    {
      if (tok_is_char (run, k, ',') || tok_is_char (run, k, ':') || tok_is (run, k, W_CLAUSE))
        return FALSE;
    }

  /* the sentences before: one, or the paragraph before */
  back = s - 1;
  if (tok (run, from)->flags & T_PARA)
    {
      while (back > 0 && back + 4 > s && !(tok (run, g_array_index (run->sentences, GlossRange, back).start)->flags & T_PARA))
        back--;
      if (!(tok (run, g_array_index (run->sentences, GlossRange, back).start)->flags & T_PARA))
        return FALSE;
    }
  first = g_array_index (run->sentences, GlossRange, back).start;
  last = trim_end (run, first, g_array_index (run->sentences, GlossRange, s - 1).end);
  if (last <= first || count_words (run, first, last) < 4 || has_quote_in (run, first, last) ||
      count_flagged (run, first, last, T_QUOTED) * 2 > last - first)
    return FALSE;

  speaker = find_speaker (run, from + 1, from, to, &addressee);
  if (speaker < 0)
    return FALSE;
  cue = add_cue (run, from + 1, -1);
  parts[0].start = tok (run, first)->start;
  parts[0].end = tok (run, last - 1)->end;
  parts[1].start = tok (run, from)->start;
  parts[1].end = tok (run, from)->end;
  quote = add_span (run, "quote", "indirect", parts, 2);
  link_quote (run, quote, speaker, cue, addressee, s);
  return quote >= 0;
}

static gboolean suggest_indirect_range (Run   *run,
                                        guint  s,
                                        guint  from,
                                        guint  to,
                                        guint *next);

/* The indirect and reported quotes of sentence @s: in English several,
 * one after the other, each range from where the one before ended */
static gboolean
suggest_indirect_in (Run  *run,
                     guint s)
{
  GlossRange *sent = &g_array_index (run->sentences, GlossRange, s);
  guint from = sent->start;
  guint to = trim_end (run, sent->start, sent->end);
  gboolean found = FALSE;

  while (from < to)
    {
      guint next = to;

      found = suggest_indirect_range (run, s, from, to, &next) || found;
      if (next <= from)
        break;
      from = next;
    }
  return found;
}

/* The indirect or reported quote of sentence @s in its tokens [@from,
 * @to); @next is set where the next range starts when a second frame
 * ended the quote (English), else left */
static gboolean
suggest_indirect_range (Run   *run,
                        guint  s,
                        guint  from,
                        guint  to,
                        guint *next)
{
  gboolean english = run->self->english;
  int reported = -1;

  if (!english && suggest_anaphoric (run, s, from, to))
    return TRUE;

  /* English: a frame that ends the sentence is its frame, whatever cue
   * verbs the clause before holds ("CMP … expects to produce …,
   * Consolidated TVX said.") */
  if (english && to > from + 4)
    {
      guint last = to - 1;

      while (last > from + 4 && last + 6 > to && !tok_is (run, last, W_CUE | W_TOLD))
        last--;
      if (tok_is (run, last, W_CUE | W_TOLD) && !(tok (run, last)->flags & (T_QUOTED | T_USED)) &&
          is_framing_cue_en (run, last, from) && ends_frame_en (run, last, to))
        {
          guint np_end = 0;
          guint comma = last;

          while (comma > from && comma + 16 > last && !tok_is_char (run, comma - 1, ','))
            comma--;
          if (comma > from + 3 && tok_is_char (run, comma - 1, ',') &&
              (comma == last || subject_before_en (run, last, comma, &np_end) == comma) &&
              !overlaps_quote (run, from, comma - 1))
            {
              int addressee = -1;
              int speaker = find_speaker (run, last, comma, to, &addressee);

              if (speaker >= 0)
                {
                  int cue = add_cue (run, last, -1);
                  int quote = add_quote_tokens (run, "indirect", from, comma - 1, 0, 0);

                  link_quote (run, quote, speaker, cue, addressee, s);
                  return quote >= 0;
                }
            }
        }
    }

  for (guint i = from; i < to; i++)
    {
      Token *t = tok (run, i);
      int speaker = -1;
      int addressee = -1;
      int cue;
      int quote = -1;
      gboolean used;

      if ((t->flags & T_QUOTED) || !(t->flags & T_WORD))
        continue;
      /* a direct quote's cue frames an indirect clause around the quote
       * too: X sagte, der Sohn habe sich „…“ */
      used = (t->flags & T_USED) != 0;
      if (used && !((t->kind & W_CUE) && (english ? i + 2 < to && tok_is_char (run, i + 1, ',') &&
                                                    !(tok (run, i + 2)->flags & T_QUOTED)
                                                  : clause_follows (run, i, to))) &&
          /* "Das Buch ist laut X eine „…“": the sentence is the quote */
          !(!english && (t->kind & (W_ACCORDING | W_SOURCE_PREP | W_ACCORDING_POST)) && embeds_quote (run, from, to)) &&
          /* English: "questioned what would be better than "…"", "says
           * that while …, "…"": a clause of its own words around the quote */
          !(english && words_before_quote_en (run, i + 1, to) >= 2))
        continue;

      /* laut X, … / according to X, … */
      if ((t->kind & W_ACCORDING) ||
          ((t->kind & W_SOURCE_PREP) && i + 1 < to &&
           (tok_is (run, i + 1, W_SOURCE_NOUN) ||
            (i + 2 < to && tok_is (run, i + 2, W_SOURCE_NOUN)))))
        {
          guint np = i + 1;
          gboolean strong;
          guint end;

          if (english && np < to && tok (run, np)->end - tok (run, np)->start == 2)
            np++;  /* "to" */
          end = np_forward (run, np, to, &strong);
          /* laut „BBC News“: a name in marks (no quote, see
           * is_name_in_marks()) */
          if (end == np && !english && np < to && !(tok (run, np)->flags & (T_WORD | T_QUOTED)) &&
              closers_of (tok_char (run, np), FALSE) != NULL)
            {
              const char *closers = closers_of (tok_char (run, np), FALSE);

              for (guint k = np + 1; k < to && k < np + 8; k++)
                {
                  if (!(tok (run, k)->flags & T_WORD) && is_closer (closers, tok_char (run, k)))
                    {
                      end = k > np + 1 ? k + 1 : np;
                      break;
                    }
                }
            }
          if (end == np && (t->kind & W_SOURCE_PREP))
            {
              /* nach Angaben von X, nach offiziellen Angaben */
              end = np;
              while (end < to && (tok (run, end)->flags & T_WORD) && !tok_is (run, end, W_SOURCE_NOUN))
                end++;
              if (end < to)
                end++;
            }
          if (end > np && (t->kind & W_SOURCE_PREP) && end < to &&
              (tok_char (run, end) == 'v' || tok_is (run, end, W_GENITIVE)))
            {
              guint more = np_forward (run, end + 1, to, &strong);

              if (more == end + 1 && tok_is (run, end + 1, W_DETERMINER))
                more = np_forward (run, end + 1, to, &strong);
              if (more > end + 1)
                end = more;
            }
          if (end == np)
            continue;
          speaker = add_token_span (run, "speaker", np, end);
          cue = add_token_span (run, "cue", i, i + 1);
          quote = add_quote_tokens (run, "reported", english ? from : clause_start (run, from, i), to, i, end);
          link_quote (run, quote, speaker, cue, -1, s);
          return quote >= 0;
        }

      /* demnach: the adverb is source and cue */
      if (t->kind & W_SOURCE_ADVERB)
        {
          cue = add_token_span (run, "cue", i, i + 1);
          quote = add_quote_tokens (run, "reported", from, to, i, i + 1);
          link_quote (run, quote, cue, cue, -1, s);
          return quote >= 0;
        }

      /* X zufolge, seiner Meinung nach */
      if ((t->kind & W_ACCORDING_POST) ||
          ((t->kind & W_SOURCE_PREP) && i > from && tok_is (run, i - 1, W_SOURCE_NOUN)))
        {
          guint np_end = 0;
          guint start = np_backward (run, i, from, &np_end);

          if (start >= i || np_end != i)
            continue;
          speaker = add_token_span (run, "speaker", start, i);
          cue = add_token_span (run, "cue", i, i + 1);
          quote = add_quote_tokens (run, "reported", english ? from : clause_start (run, from, start), to, start, i + 1);
          link_quote (run, quote, speaker, cue, -1, s);
          return quote >= 0;
        }

      /* …, so der Sprecher. */
      if ((t->kind & W_SO) && i > from && tok_is_char (run, i - 1, ','))
        {
          gboolean strong;
          guint end = np_forward (run, i + 1, to, &strong);
          guint frame_end = end;
          gboolean inside = FALSE;

          if (end == i + 1 || !strong)
            continue;
          if (!english && end < to)
            {
              /* German: the source may go on with an apposition ("so
               * Anna Roth, Sprecherin der Stadt,"), a place or an
               * addressee ("so Roth gegenüber der Zeitung", "so Roth
               * laut BBC News"), then a relative clause ("so Roth, die
               * auch angab, …") ends the sentence, or the quote goes on
               * ("Das Problem sei, so Roth, dass …": a frame in the
               * middle, the quote in two parts) */
              end = apposition_end (run, end, to);
              frame_end = end;
              if (frame_end < to && (tok (run, frame_end)->flags & T_WORD) &&
                  tok_is (run, frame_end, W_STOP | W_PREPOSITION | W_ACCORDING | W_ADDRESSEE))
                while (frame_end < to && !tok_is_char (run, frame_end, ','))
                  frame_end++;
              if (frame_end < to && frame_end + 2 < to && tok_is_char (run, frame_end, ','))
                {
                  guint after_frame = frame_end + 1;

                  inside = tok_is (run, after_frame, W_CLAUSE) ||
                           (!tok_is (run, after_frame, W_DETERMINER | W_PRONOUN) &&
                            count_subjunctive (run, after_frame, to) > 0);
                  if (!inside && !tok_is (run, after_frame, W_DETERMINER))
                    continue;
                  if (!inside && (tok (run, after_frame + 1)->flags & T_CAP))
                    continue;
                }
              else if (frame_end != to)
                continue;
            }
          else if (end != to)
            continue;
          speaker = add_token_span (run, "speaker", i + 1, end);
          cue = add_token_span (run, "cue", i, i + 1);
          if (inside)
            quote = add_quote_tokens (run, "indirect", from, to, i - 1, frame_end + 1);
          else if (!overlaps_quote (run, from, i) || embeds_quote (run, from, i))
            quote = add_quote_tokens (run, "indirect", from, i - 1, 0, 0);
          link_quote (run, quote, speaker, cue, -1, s);
          return TRUE;
        }

      /* Die Partei will …: an intention reported, without a cue */
      if ((t->kind & W_INTENT) && !(t->flags & T_CAP) && reported < 0 && !english &&
          in_main_clause (run, from, i))
        reported = i;
      /* English: "X is confident that …", "were not optimistic that …" */
      if (english && (t->kind2 & W2_ADJECTIVE_CUE) && !(t->flags & T_CAP) && i + 2 < to && tok_is (run, i + 1, W_CLAUSE))
        {
          guint be = i;
          guint np_end = 0;
          guint start;

          while (be > from && be + 3 > i && !tok_is (run, be - 1, W_PASSIVE) && is_between_en (run, be - 1))
            be--;
          if (be == from || !tok_is (run, be - 1, W_PASSIVE) || (tok (run, be - 1)->flags & T_CAP))
            continue;
          be--;
          start = subject_before_en (run, be, from, &np_end);
          if (start < be)
            {
              guint end = next_frame_en (run, i + 1, to);
              GlossRange r = { tok (run, be)->start, tok (run, i)->end };

              speaker = add_token_span (run, "speaker", start, np_end);
              cue = add_span (run, "cue", NULL, &r, 1);
              quote = add_quote_tokens (run, "indirect", i + 1, end, 0, 0);
              link_quote (run, quote, speaker, cue, -1, s);
              *next = end;
              return quote >= 0;
            }
          continue;
        }
      if (!(t->kind & (W_CUE | W_TOLD)) || ((t->flags & T_CAP) && i != from) || !is_cue_verb (run, i))
        continue;
      if (english && !is_framing_cue_en (run, i, from))
        continue;
      if (reported < 0 && !used && !english && in_main_clause (run, from, i))
        reported = i;

      /* …, wie der Sprecher betonte. (the frame ends the sentence) */
      if (!english && i + 1 == to && i > from + 4)
        {
          guint as = i;
          guint np_end = 0;
          guint start;

          while (as > from + 4 && as + 10 > i && !tok_is (run, as - 1, W_AS))
            as--;
          if (as > from + 4 && as < i && tok_is (run, as - 1, W_AS) && tok_is_char (run, as - 2, ',') &&
              !(tok (run, as - 1)->flags & T_CAP) && !overlaps_quote (run, from, as - 2))
            {
              gboolean strong;

              /* the subject right after "wie", else the one before the verb */
              np_end = np_forward (run, as, i, &strong);
              start = as;
              if (np_end == as || !strong)
                start = np_backward (run, i, as, &np_end);
              else
                np_end = apposition_end (run, np_end, i);
              if (start < i)
                {
                  speaker = add_token_span (run, "speaker", start, np_end);
                  cue = add_cue (run, i, as - 1);
                  quote = add_quote_tokens (run, "indirect", from, as - 2, 0, 0);
                  link_quote (run, quote, speaker, cue, -1, s);
                  return quote >= 0;
                }
            }
        }

      /* Wie die Polizei mitteilte, … */
      if (i > from && tok_is (run, from, W_AS) && !english)
        {
          guint comma = i + 1;
          guint np_end = 0;
          guint start = np_backward (run, i, from + 1, &np_end);
          guint first = from + 1;
          gboolean strong;
          guint e;

          /* the subject right after "wie", with a name in commas after
           * it ("Wie der Direktor des Amtes, Anna Roth, mitteilte"), or
           * the source after "aus" ("Wie aus Kreisen der Partei
           * verlautete") */
          if (tok_is (run, first, W_PREPOSITION | W_STOP) && !tok_is (run, first, W_DETERMINER))
            first++;
          e = np_forward (run, first, i, &strong);
          if (e > first && e + 2 < i && tok_is_char (run, e, ','))
            {
              guint k = e + 1;

              while (k < i && is_name_word (run, k))
                k++;
              if (k > e + 1 && k < i && tok_is_char (run, k, ','))
                e = k;
            }
          if (e > first && (start >= i || start > first))
            {
              start = first;
              np_end = e;
            }

          while (comma < to && !tok_is_char (run, comma, ','))
            comma++;
          if (comma >= to || comma > i + 3)
            continue;
          if (start < i)
            speaker = add_token_span (run, "speaker", start, np_end);
          cue = add_cue (run, i, from);
          if (!overlaps_quote (run, comma + 1, to))
            quote = add_quote_tokens (run, "indirect", comma + 1, to, 0, 0);
          link_quote (run, quote, speaker, cue, -1, s);
          return quote >= 0;
        }

      /* …, sagte der Sprecher. / …, he said. / …, the senator said. */
      {
        guint comma = i;
        guint np_end = 0;

        while (comma > from && comma + (english ? 16 : 6) > i && !tok_is_char (run, comma - 1, ','))
          comma--;
        if (comma > from + 3 && tok_is_char (run, comma - 1, ',') && !tok_is_char (run, i + 1, ',') &&
            (comma == i || (english && subject_before_en (run, i, comma, &np_end) == comma &&
                            ends_frame_en (run, i, to))) &&
            !overlaps_quote (run, from, comma - 1))
          {
            comma--;
            speaker = find_speaker (run, i, comma + 1, to, &addressee);
            if (speaker >= 0)
              {
                cue = add_cue (run, i, -1);
                quote = add_quote_tokens (run, "indirect", from, comma, 0, 0);
                link_quote (run, quote, speaker, cue, addressee, s);
                return quote >= 0;
              }
          }
        /* English, the frame inside: "Kuwait, they said, was pumping …",
         * "The deal will cost …, analysts said, making it …" */
        if (english && comma > from && tok_is_char (run, comma - 1, ',') && tok_is_char (run, i + 1, ',') &&
            i + 3 < to && subject_before_en (run, i, comma, &np_end) == comma &&
            !overlaps_quote (run, from, comma - 1))
          {
            guint end = next_frame_en (run, i + 1, to);

            speaker = overlaps_quote (run, i + 2, end) ? -1 : find_speaker (run, i, comma, to, &addressee);
            if (speaker >= 0)
              {
                cue = add_cue (run, i, -1);
                quote = add_quote_tokens (run, "indirect", from, end, comma - 1, i + 2);
                link_quote (run, quote, speaker, cue, addressee, s);
                *next = end;
                return quote >= 0;
              }
          }
      }

      /* X sagte, dass … / X sagte, … habe … / X said (that) … */
      {
        guint clause = i + 1;
        guint floor = from;
        guint end;

        gboolean impersonal = FALSE;

        speaker = find_speaker (run, i, from, to, &addressee);
        /* German cues without a speaker: "heißt es, …", "In der
         * Erklärung heißt es, …" (the document is the source), the
         * passive "Es wird angenommen, dass …", "war vermutet worden" */
        if (!english && speaker < 0 && !used)
          {
            if (tok_is (run, i + 1, W_EXPLETIVE))
              {
                impersonal = TRUE;
                if (i > from + 2 && tok_is (run, from, W_STOP) && count_flagged (run, from, i, T_WORD | T_CAP) >= 2)
                  speaker = add_token_span (run, "speaker", from, i);
              }
            else
              impersonal = (i > from && tok_is (run, i - 1, W_PASSIVE_AUX)) || tok_is (run, i + 1, W_PASSIVE_AUX);
          }
        if (addressee >= 0)
          {
            Suggestion *a = &g_array_index (run->found, Suggestion, addressee);

            while (clause < to && tok (run, clause)->start < a->parts[0].end)
              clause++;
          }
        /* skip the speaker after the cue and adverbs up to the comma */
        if (!english)
          {
            guint k = clause;

            while (k < to && k < clause + 12 && !tok_is_char (run, k, ',') && !tok_is_char (run, k, ':'))
              k++;
            /* a frame of more than eight words before its comma only
             * with a clause of reported speech after it */
            if (k >= to || k >= clause + 12 ||
                (k >= clause + 8 && !tok_is (run, k + 1, W_CLAUSE) && count_subjunctive (run, k + 1, to) == 0))
              continue;
            clause = k + 1;
          }
        else
          {
            /* "editor of Mideast reports, expects": no clause after a comma */
            if (tok_is_char (run, i + 1, ','))
              continue;
            if (speaker >= 0 && tok (run, clause)->start < g_array_index (run->found, Suggestion, speaker).parts[0].end)
              while (clause < to && tok (run, clause)->start < g_array_index (run->found, Suggestion, speaker).parts[0].end)
                clause++;
            while (clause < to && !(tok (run, clause)->flags & T_WORD) && !tok_is_char (run, clause, ':'))
              clause++;
            if (clause < to && tok_is_char (run, clause, ':'))
              clause++;
            /* said on Monday that …, said in the statement on Sunday that … */
            for (guint k = clause; k < to && k < clause + 9 && !tok_is_char (run, k, ','); k++)
              {
                if (tok_is (run, k, W_CLAUSE))
                  {
                    clause = k;
                    break;
                  }
              }
          }
        (void) floor;
        if (clause >= to || (speaker < 0 && !impersonal) ||
            /* German: a verb after the comma goes on with the main
             * clause ("…, dessen Rücktritt gefordert wird, griff …") */
            (!english && is_finite_verb (run, clause)))
          continue;
        /* English: a second frame in the sentence ends this quote */
        end = english ? next_frame_en (run, clause, to) : to;
        if (used ? count_words (run, clause, end) - count_flagged (run, clause, end, T_WORD | T_QUOTED) < 2 ||
                   ((tok (run, clause)->flags & T_QUOTED) && (english || !words_after_quote (run, clause, end)))
                 : overlaps_quote (run, clause, end))
          continue;
        if (english)
          {
            cue = add_cue (run, i, -1);
            if (is_reported_clause_en (run, i, clause, end))
              quote = add_quote_tokens (run, "indirect", clause, end, 0, 0);
            else
              quote = add_quote_tokens (run, "reported", from, end, 0, 0);
            link_quote (run, quote, speaker, cue, addressee, s);
            *next = end;
            return quote >= 0;
          }
        cue = add_cue (run, i, -1);
        quote = add_quote_tokens (run, "indirect", clause, to, 0, 0);
        link_quote (run, quote, speaker, cue, addressee, s);
        return quote >= 0;
      }
    }

  /* Reported speech: a sentence whose subject says, announces or wants
   * something without a clause of what (X kündigte den Abzug an) */
  if (reported >= 0 && !overlaps_quote (run, from, to))
    {
      int addressee = -1;
      int speaker = find_speaker (run, reported, from, to, &addressee);
      int cue = -1;
      int quote;

      Suggestion *sp;
      guint sp_words = 0;
      gboolean sp_clear = FALSE;

      if (speaker < 0)
        return FALSE;
      /* only a clear speaker: a pronoun, a role or a phrase of two words
       * or more ("Glücklicherweise gab es" has none) */
      sp = &g_array_index (run->found, Suggestion, speaker);
      for (guint k = from; k < to; k++)
        {
          if (tok (run, k)->start >= sp->parts[0].start && tok (run, k)->end <= sp->parts[0].end)
            {
              sp_words += (tok (run, k)->flags & T_WORD) != 0;
              sp_clear = sp_clear || tok_is (run, k, W_PRONOUN) || is_role (run, k);
            }
          /* the passive reports no speaker: "wurde gemeldet" */
          if (tok_is (run, k, W_PASSIVE))
            return FALSE;
        }
      /* a lone name in first place (Li nannte …) is clear too */
      if (sp_words < 2 && !sp_clear &&
          !(sp_words == 1 && tok (run, from)->start == sp->parts[0].start &&
            is_fronted_subject (run, from, from + 1)))
        return FALSE;
      if (tok_is (run, reported, W_CUE))
        cue = add_cue (run, reported, -1);
      /* German: a clause of reported speech after a comma further on
       * ("hält es für möglich, dass …", "hatte die Auffassung
       * vertreten, das Verfahren sei …") is the quote, not the sentence */
      for (guint k = reported + 1; !english && k + 2 < to; k++)
        {
          if (!is_clause_comma (run, k))
            continue;
          /* the first comma after the cue only */
          if (tok_is (run, k + 1, W_CLAUSE) ||
              (count_subjunctive (run, k + 1, to) > 0 && count_subjunctive (run, from, k) == 0))
            {
              quote = add_quote_tokens (run, "indirect", k + 1, to, 0, 0);
              link_quote (run, quote, speaker, cue, addressee, s);
              return quote >= 0;
            }
          break;
        }
      quote = add_quote_tokens (run, "reported", from, to, 0, 0);
      link_quote (run, quote, speaker, cue, addressee, s);
      return quote >= 0;
    }

  return FALSE;
}

/* A sentence in the subjunctive after a quote or a frame: its speaker
 * goes on; with @first_only, a sentence in Konjunktiv I anywhere (in
 * news the narrator does not use it: it is reported speech) */
static gboolean
is_continuation (Run      *run,
                 guint     s,
                 gboolean  first_only)
{
  GlossRange *sent = &g_array_index (run->sentences, GlossRange, s);

  if (run->self->english || tok (run, sent->start)->flags & T_QUOTED)
    return FALSE;
  for (guint i = sent->start; i < sent->end; i++)
    {
      /* @first_only: only Konjunktiv I ("sei", "habe"), not the forms
       * of Konjunktiv II that also say what would be ("wäre") */
      if (tok_is (run, i, W_SUBJUNCTIVE) && !(tok (run, i)->flags & T_QUOTED) && !(tok (run, i)->flags & T_CAP) &&
          !(first_only && tok_is (run, i, W_CONDITIONAL)))
        return TRUE;
    }
  return FALSE;
}

/* German: where a clause in Konjunktiv I starts after a comma, when
 * the clause before it holds no subjunctive; else the sentence's start */
static guint
subjunctive_clause (Run  *run,
                    guint s)
{
  GlossRange *sent = &g_array_index (run->sentences, GlossRange, s);
  guint k;

  for (k = sent->start; k < sent->end; k++)
    {
      if (tok_is (run, k, W_SUBJUNCTIVE) && !tok_is (run, k, W_CONDITIONAL) &&
          !(tok (run, k)->flags & (T_QUOTED | T_CAP)))
        break;
    }
  if (k >= sent->end)
    return sent->start;
  /* the verb right after a comma: the comma closes an insertion ("ihre
   * Entscheidung, X abzuerkennen, sei falsch"), the clause starts before
   * it */
  if (k > sent->start && tok_is_char (run, k - 1, ','))
    {
      guint c = k - 1;

      while (c > sent->start && !is_clause_comma (run, c - 1))
        c--;
      if (c == sent->start)
        return sent->start;
      k = c - 1;
    }
  for (guint c = k; c > sent->start + 2; c--)
    {
      if (is_clause_comma (run, c - 1))
        return count_subjunctive (run, sent->start, c) == 0 && count_words (run, sent->start, c) >= 3 ? c : sent->start;
    }
  return sent->start;
}

/* German "soll"/"sollen" with a perfect infinitive at the end ("soll
 * … getötet haben", "sollen … verletzt worden sein") reports what others
 * say; "soll" alone is an ordinary modal */
static gboolean
is_reportative (Run  *run,
                guint s)
{
  GlossRange *sent = &g_array_index (run->sentences, GlossRange, s);
  guint end = trim_end (run, sent->start, sent->end);
  Token *last;
  gboolean modal = FALSE;

  if (run->self->english || end < sent->start + 3)
    return FALSE;
  last = tok (run, end - 1);
  if ((last->flags & (T_CAP | T_QUOTED)) || !(last->flags & T_WORD))
    return FALSE;
  for (guint i = sent->start; i + 1 < end && !modal; i++)
    modal = tok_is (run, i, W_REPORTATIVE) && !(tok (run, i)->flags & (T_CAP | T_QUOTED));
  if (!modal)
    return FALSE;
  {
    g_autofree char *word = gloss_text_dup_slice (run->text, last->start, last->end);

    return strcmp (word, "haben") == 0 || strcmp (word, "sein") == 0;
  }
}

/* The speaker of the last quote suggested in each sentence so far (the
 * direct quotes), -1 for none */
static GArray *
speakers_by_sentence (Run *run)
{
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (int), run->sentences->len);
  guint t = 0;

  g_array_set_size (out, run->sentences->len);
  for (guint s = 0; s < out->len; s++)
    g_array_index (out, int, s) = -2;
  for (guint i = 0; i < run->found->len; i++)
    {
      Suggestion *q = &g_array_index (run->found, Suggestion, i);

      if (strcmp (q->label, "quote") != 0)
        continue;
      /* quotes are found in text order: find the token where it starts */
      while (t < run->tokens->len && tok (run, t)->end <= q->parts[0].start)
        t++;
      if (t < run->tokens->len)
        g_array_index (out, int, tok (run, t)->sentence) = q->speaker;
    }
  return out;
}

static void
suggest_sentences (Run *run)
{
  g_autoptr(GArray) direct_speakers = speakers_by_sentence (run);
  gboolean after_quote = FALSE;
  int chain_speaker = -1;
  int chain_quote = -1;     /* the continuation of the sentence before */

  for (guint s = 0; s < run->sentences->len; s++)
    {
      GlossRange *sent = &g_array_index (run->sentences, GlossRange, s);
      int continued = -1;

      /* without a frame or a quote just before (or in a new paragraph)
       * only Konjunktiv I says that speech is reported */
      if (tok (run, sent->start)->flags & T_PARA)
        {
          after_quote = FALSE;
          chain_quote = -1;
        }

      if (!sentence_has_quote_at (run, sent->start, sent->end) && suggest_indirect_in (run, s))
        {
          after_quote = TRUE;
          chain_speaker = g_array_index (run->found, Suggestion, run->found->len - 1).speaker;
          for (guint k = run->found->len; k > 0; k--)
            {
              Suggestion *q = &g_array_index (run->found, Suggestion, k - 1);

              if (strcmp (q->label, "quote") == 0)
                {
                  chain_speaker = q->speaker;
                  break;
                }
            }
        }
      else if (is_reportative (run, s) && !overlaps_quote (run, sent->start, sent->end))
        {
          /* a rumour reported: "Dort sollen drei Hallen abgebrannt sein" */
          int quote = add_quote_tokens (run, "free-indirect", sent->start, sent->end, 0, 0);

          link_quote (run, quote, after_quote ? chain_speaker : -1, -1, -1, s);
        }
      else if (is_continuation (run, s, !after_quote) &&
               (!overlaps_quote (run, sent->start, sent->end) || embeds_quote (run, sent->start, sent->end)))
        {
          if (chain_quote >= 0)
            {
              /* the reported speech goes on: one quote over the sentences */
              Suggestion *q = &g_array_index (run->found, Suggestion, chain_quote);
              guint end = trim_end (run, sent->start, sent->end);

              if (end > sent->start)
                q->parts[q->n_parts - 1].end = tok (run, end - 1)->end;
              continued = chain_quote;
            }
          else if (!after_quote && subjunctive_clause (run, s) > sent->start)
            {
              /* "Die Kommission vertrat den Standpunkt, das Gericht sei
               * nicht zuständig": a main clause in the indicative (a
               * frame the lists do not know), the clause after its
               * comma in Konjunktiv I is the quote, the subject the
               * speaker */
              guint clause = subjunctive_clause (run, s);
              gboolean strong;
              guint np = np_forward (run, sent->start, clause, &strong);
              int speaker = chain_speaker;

              if (np > sent->start && strong && is_fronted_subject (run, sent->start, np))
                speaker = add_token_span (run, "speaker", sent->start, np);
              continued = add_quote_tokens (run, "indirect", clause, sent->end, 0, 0);
              link_quote (run, continued, speaker, -1, -1, s);
            }
          else
            {
              continued = add_quote_tokens (run, "indirect-free-indirect", sent->start, sent->end, 0, 0);
              link_quote (run, continued, chain_speaker, -1, -1, s);
            }
          after_quote = TRUE;
        }
      else
        {
          /* a sentence with a direct quote, or with a verb of saying,
           * keeps the chain going */
          gboolean direct = FALSE;
          int cue = -1;

          for (guint i = sent->start; i < sent->end && !direct; i++)
            direct = (tok (run, i)->flags & T_QUOTED) != 0;
          if (direct && g_array_index (direct_speakers, int, s) != -2)
            chain_speaker = g_array_index (direct_speakers, int, s);
          for (guint i = sent->start; i < sent->end && !direct && cue < 0; i++)
            {
              Token *t = tok (run, i);

              if ((t->kind & W_CUE) && !(t->flags & (T_QUOTED | T_CAP)))
                cue = i;
            }
          if (cue >= 0)
            {
              int addressee;

              chain_speaker = find_speaker (run, cue, sent->start, sent->end, &addressee);
            }
          after_quote = direct || cue >= 0;
        }
      chain_quote = continued;
    }
}

/* Building the result ---------------------------------------------------- */

static int
compare_suggestions (gconstpointer a,
                     gconstpointer b,
                     gpointer      labels)
{
  const Suggestion *x = *(const Suggestion * const *) a;
  const Suggestion *y = *(const Suggestion * const *) b;
  static const char *order[] = { "quote", "speaker", "cue", "frame", "addressee" };
  int lx = 0, ly = 0;

  if (x->parts[0].start != y->parts[0].start)
    return x->parts[0].start < y->parts[0].start ? -1 : 1;
  if (x->parts[x->n_parts - 1].end != y->parts[y->n_parts - 1].end)
    return x->parts[x->n_parts - 1].end < y->parts[y->n_parts - 1].end ? -1 : 1;
  for (int i = 0; i < (int) G_N_ELEMENTS (order); i++)
    {
      if (strcmp (x->label, order[i]) == 0)
        lx = i;
      if (strcmp (y->label, order[i]) == 0)
        ly = i;
    }
  return lx - ly;
}

static void
add_relation (GPtrArray  *relations,
              const char *label,
              Suggestion *quote,
              Suggestion *to)
{
  GlossRelation *relation = gloss_relation_new (relations->len + 1, label, quote->id, to->id);

  gloss_relation_set_origin (relation, GLOSS_ORIGIN_SUGGESTED, GLOSS_SUGGESTER_VERSION);
  g_ptr_array_add (relations, relation);
}

/* A quote inside another (a direct quote in an indirect clause, „…“
 * in „so X“'s sentence) without a speaker of its own takes the outer
 * quote's speaker, and its cue when it has none; @order is the found
 * spans sorted by start, so the outer quote is among the few before */
static void
inherit_roles (Run       *run,
               GPtrArray *order)
{
  for (guint i = 0; i < order->len; i++)
    {
      Suggestion *q = g_ptr_array_index (order, i);

      if (strcmp (q->label, "quote") != 0 || q->speaker >= 0)
        continue;
      for (guint k = i; k > 0 && k + 16 > i; k--)
        {
          Suggestion *p = g_ptr_array_index (order, k - 1);

          if (strcmp (p->label, "quote") != 0 || p->speaker < 0 ||
              p->parts[p->n_parts - 1].end < q->parts[q->n_parts - 1].end)
            continue;
          q->speaker = p->speaker;
          if (q->cue < 0)
            q->cue = p->cue;
          break;
        }
    }
}

/**
 * gloss_suggester_suggest:
 * @text: the article
 * @spans: (out) (transfer container) (element-type GlossSpan): the
 *   suggested spans (labels of the quotation set: `quote` with its
 *   `type`, `speaker`, `cue`, `addressee`), ids from 1 in text order
 * @relations: (out) (transfer container) (element-type GlossRelation): a
 *   quote's `speaker`, `cue` and `addressee`, in the order of their quotes
 *
 * Suggests the quotations of @text. Spans and relations are marked with
 * origin "suggested" and the suggester's version; their times are now.
 */
void
gloss_suggester_suggest (GlossSuggester  *self,
                         GlossText       *text,
                         GPtrArray      **spans,
                         GPtrArray      **relations)
{
  Run run = { self, text, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL, -1, 0, 0 };
  glong n_chars = 0;
  g_autoptr(GPtrArray) order = NULL;

  g_return_if_fail (GLOSS_IS_SUGGESTER (self));
  g_return_if_fail (GLOSS_IS_TEXT (text));
  g_return_if_fail (spans != NULL && relations != NULL);

  run.chars = g_utf8_to_ucs4_fast (gloss_text_get_contents (text), gloss_text_get_n_bytes (text), &n_chars);
  run.n_chars = n_chars;
  run.tokens = g_array_sized_new (FALSE, FALSE, sizeof (Token), n_chars / 5 + 1);
  run.sentences = g_array_new (FALSE, FALSE, sizeof (GlossRange));
  run.directs = g_array_new (FALSE, FALSE, sizeof (Direct));
  run.found = g_array_new (FALSE, FALSE, sizeof (Suggestion));
  run.span_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run.lower_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  tokenize (&run);
  split_sentences (&run);
  find_directs (&run);
  suggest_directs (&run);
  suggest_sentences (&run);

  /* Ids in text order, as a document orders its spans */
  order = g_ptr_array_sized_new (run.found->len);
  for (guint i = 0; i < run.found->len; i++)
    g_ptr_array_add (order, &g_array_index (run.found, Suggestion, i));
  g_ptr_array_sort_with_data (order, compare_suggestions, NULL);

  inherit_roles (&run, order);

  /* Only the quotes and what they link to: a speaker whose quote was not
   * taken is no suggestion */
  for (guint i = 0; i < run.found->len; i++)
    {
      Suggestion *s = &g_array_index (run.found, Suggestion, i);

      if (strcmp (s->label, "quote") != 0)
        continue;
      s->id = 1;
      if (s->speaker >= 0)
        g_array_index (run.found, Suggestion, s->speaker).id = 1;
      if (s->cue >= 0)
        g_array_index (run.found, Suggestion, s->cue).id = 1;
      if (s->addressee >= 0)
        g_array_index (run.found, Suggestion, s->addressee).id = 1;
    }

  *spans = g_ptr_array_new_with_free_func (g_object_unref);
  *relations = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < order->len; i++)
    {
      Suggestion *s = g_ptr_array_index (order, i);
      char *texts[2] = { NULL, NULL };
      GlossSpan *span;

      if (s->id == 0)
        continue;
      s->id = (*spans)->len + 1;
      for (guint p = 0; p < s->n_parts; p++)
        texts[p] = gloss_text_dup_slice (text, s->parts[p].start, s->parts[p].end);
      span = gloss_span_new (s->id, s->label, s->parts, s->n_parts, (const char * const *) texts);
      for (guint p = 0; p < s->n_parts; p++)
        g_free (texts[p]);
      if (s->type != NULL)
        gloss_span_set_attribute (span, "type", s->type);
      gloss_span_set_origin (span, GLOSS_ORIGIN_SUGGESTED, GLOSS_SUGGESTER_VERSION);
      g_ptr_array_add (*spans, span);
    }
  for (guint i = 0; i < order->len; i++)
    {
      Suggestion *s = g_ptr_array_index (order, i);

      if (strcmp (s->label, "quote") != 0)
        continue;
      if (s->speaker >= 0)
        add_relation (*relations, "speaker", s, &g_array_index (run.found, Suggestion, s->speaker));
      if (s->cue >= 0)
        add_relation (*relations, "cue", s, &g_array_index (run.found, Suggestion, s->cue));
      if (s->addressee >= 0)
        add_relation (*relations, "addressee", s, &g_array_index (run.found, Suggestion, s->addressee));
    }

  g_free (run.chars);
  g_array_unref (run.tokens);
  g_array_unref (run.sentences);
  g_array_unref (run.directs);
  g_array_unref (run.found);
  g_hash_table_unref (run.span_index);
  g_hash_table_unref (run.lower_seen);
}
