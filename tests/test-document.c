/* test-document.c: reading documents, the TimeML scan, clean(). */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "dl-record.h"
#include "document.h"

static DlDocument *
new_plain (const char *text)
{
  g_autoptr (GError) error = NULL;
  DlDocument *document = dl_document_new ("t.txt", text, strlen (text), FALSE,
                                          &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static DlDocument *
new_timeml (const char *text)
{
  g_autoptr (GError) error = NULL;
  DlDocument *document = dl_document_new ("t.tml", text, strlen (text), TRUE,
                                          &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

/* Offset of needle in haystack, which must contain it. */
static gsize
offset_of (const char *haystack, const char *needle)
{
  const char *p = strstr (haystack, needle);
  g_assert_nonnull (p);
  return p - haystack;
}

/* Writes contents to a new temporary file named after template. */
static char *
write_temp (const char *template, const char *contents, gssize len)
{
  g_autoptr (GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp (template, &path, &error);

  g_assert_no_error (error);
  g_close (fd, NULL);
  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_plain (void)
{
  const char *text = "First line.\nSecond  line\n\nFourth.";
  g_autoptr (DlDocument) document = new_plain (text);

  g_assert_false (document->timeml);
  g_assert_null (document->dct);
  g_assert_cmpstr (document->name, ==, "t.txt");
  g_assert_cmpuint (document->len, ==, strlen (text));
  g_assert_cmpmem (document->data, document->len, text, strlen (text));
  g_assert_cmpmem (document->scan, document->len, text, strlen (text));
  g_assert_cmpint (document->scan[document->len], ==, '\0');
  g_assert_cmpint (document->data[document->len], ==, '\0');
}

static void
test_line_at (void)
{
  const char *text = "ab\ncd\n\nef";
  g_autoptr (DlDocument) document = new_plain (text);

  g_assert_cmpuint (document->line_starts->len, ==, 4);
  g_assert_cmpuint (dl_document_line_at (document, 0), ==, 1);
  g_assert_cmpuint (dl_document_line_at (document, 2), ==, 1); /* '\n' */
  g_assert_cmpuint (dl_document_line_at (document, 3), ==, 2);
  g_assert_cmpuint (dl_document_line_at (document, 5), ==, 2);
  g_assert_cmpuint (dl_document_line_at (document, 6), ==, 3);
  g_assert_cmpuint (dl_document_line_at (document, 7), ==, 4);
  g_assert_cmpuint (dl_document_line_at (document, 8), ==, 4);
}

static void
test_empty (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DlDocument) document = dl_document_new ("e.txt", NULL, 0, FALSE,
                                                     &error);
  g_autofree char *clean = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (document->len, ==, 0);
  g_assert_cmpstr (document->scan, ==, "");
  g_assert_cmpuint (dl_document_line_at (document, 0), ==, 1);
  clean = dl_document_clean (document, 0, 0);
  g_assert_cmpstr (clean, ==, "");
}

static void
test_clean_plain (void)
{
  const char *text = "  One\t two\r\n\n three &amp; <b>four</b>  ";
  g_autoptr (DlDocument) document = new_plain (text);
  g_autofree char *all = dl_document_clean (document, 0, document->len);
  g_autofree char *part = dl_document_clean (document, 5, 12);

  /* Plain text keeps entities and angle brackets as they are. */
  g_assert_cmpstr (all, ==, "One two three &amp; <b>four</b>");
  g_assert_cmpstr (part, ==, "two");
}

/* What clean does to plain text, a byte at a time: each run of spaces is
 * one space, none at either end. */
static char *
cleaned_slowly (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (strchr (" \t\n\r\v\f", *p) == NULL)
      g_string_append_c (out, *p);
    else if (out->len > 0 && out->str[out->len - 1] != ' ')
      g_string_append_c (out, ' ');
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

/* Clean copies the bytes before a space eight at a time: spaces, control
 * bytes and UTF-8 at every place in a run of eight, and every span of a
 * text, come out as byte by byte. */
static void
test_clean_plain_runs (void)
{
  const char *pieces[] = { " ", "\t", "\r\n", "  \f", "\x01", "\x1f", "!",
                           "\xC3\xA9", "\xE2\x80\xA6", "x" };
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (DlDocument) document = NULL;

  for (guint i = 0; i < 400; i++)
    g_string_append (text, pieces[(i * 7 + i / 11) % G_N_ELEMENTS (pieces)]);
  document = new_plain (text->str);
  for (gsize start = 0; start < 24; start++)
    for (gsize end = start; end <= text->len; end += 1 + end % 13)
      {
        g_autofree char *got = dl_document_clean (document, start, end);
        g_autofree char *piece = g_strndup (text->str + start, end - start);
        g_autofree char *want = NULL;

        /* Cuts inside a character drop its pieces (clean-utf8-cut). */
        if (!g_utf8_validate (piece, -1, NULL))
          continue;
        want = cleaned_slowly (piece);
        g_assert_cmpstr (got, ==, want);
      }
}

static void
test_clean_utf8_cut (void)
{
  const char *text = "caf\xC3\xA9 na\xC3\xAFve";
  g_autoptr (DlDocument) document = new_plain (text);
  /* Both ends cut a two-byte character: its pieces are dropped. */
  g_autofree char *clean = dl_document_clean (document, 4, 9);

  g_assert_true (g_utf8_validate (clean, -1, NULL));
  g_assert_cmpstr (clean, ==, "na");
}

static void
test_bom (void)
{
  const char *text = "\xEF\xBB\xBFHello.";
  g_autoptr (DlDocument) document = new_plain (text);
  g_autofree char *clean = dl_document_clean (document, 0, document->len);

  g_assert_cmpmem (document->scan, document->len, "   Hello.", 9);
  g_assert_cmpstr (clean, ==, "Hello.");
}

static const char timeml[] =
  "<?xml version=\"1.0\" ?>\n"
  "<TimeML xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
  "<DOCID>wsj_0001</DOCID>\n"
  "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" valueFromFunction=\"x\" "
  "value=\"1998-03-01T08:00\" functionInDocument=\"CREATION_TIME\">"
  "March 1, 1998</TIMEX3></DCT>\n"
  "<TITLE>Headline</TITLE>\n"
  "<TEXT>\n"
  "Smith &amp; Co. said <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-02-28\">"
  "Saturday</TIMEX3> it\n"
  "<EVENT eid=\"e1\" class=\"OCCURRENCE\">rose</EVENT> 5&#37; &lt;net&gt; "
  "&#8220;quote&#x201D; &bogus; &#0; R&D.\n"
  "</TEXT>\n"
  "</TimeML>\n";

static void
test_timeml_scan (void)
{
  g_autoptr (DlDocument) document = new_timeml (timeml);
  gsize text_start = offset_of (timeml, "Smith");
  gsize text_end = offset_of (timeml, "</TEXT>");
  gsize saturday = offset_of (timeml, "Saturday");
  gsize amp = offset_of (timeml, "&amp;");
  gsize pct = offset_of (timeml, "&#37;");
  gsize lt = offset_of (timeml, "&lt;");
  gsize quote = offset_of (timeml, "&#8220;");

  g_assert_true (document->timeml);
  g_assert_cmpstr (document->dct, ==, "1998-03-01");
  g_assert_cmpuint (strlen (document->scan), ==, document->len);
  g_assert_cmpuint (document->len, ==, strlen (timeml));

  /* Outside <TEXT>: blank, newlines kept. */
  for (gsize i = 0; i < text_start; i++)
    g_assert_cmpint (document->scan[i], ==, timeml[i] == '\n' ? '\n' : ' ');
  for (gsize i = text_end; i < document->len; i++)
    g_assert_cmpint (document->scan[i], ==, timeml[i] == '\n' ? '\n' : ' ');

  /* Inside: text at its own offsets, tags blanked. */
  g_assert_cmpmem (document->scan + text_start, 6, "Smith ", 6);
  g_assert_cmpmem (document->scan + saturday, 8, "Saturday", 8);
  g_assert_cmpint (document->scan[saturday - 1], ==, ' ');
  g_assert_cmpmem (document->scan + offset_of (timeml, "rose") - 2, 8,
                   "  rose  ", 8);
  /* Entities: the ASCII character, padded to the entity's length. */
  g_assert_cmpmem (document->scan + amp, 5, "&    ", 5);
  g_assert_cmpmem (document->scan + pct, 5, "%    ", 5);
  g_assert_cmpmem (document->scan + lt, 4, "<   ", 4);
  g_assert_cmpmem (document->scan + quote, 7, "       ", 7);
  /* Not entities: left as they are. */
  g_assert_cmpmem (document->scan + offset_of (timeml, "&bogus;"), 7,
                   "&bogus;", 7);
  g_assert_cmpmem (document->scan + offset_of (timeml, "&#0;"), 4, "&#0;", 4);

  /* Line structure is the file's. */
  g_assert_cmpuint (dl_document_line_at (document, saturday), ==, 7);
  for (gsize i = 0; i < document->len; i++)
    g_assert_cmpint (document->scan[i] == '\n', ==, timeml[i] == '\n');
}

static void
test_timeml_clean (void)
{
  g_autoptr (DlDocument) document = new_timeml (timeml);
  gsize start = offset_of (timeml, "Smith");
  gsize end = offset_of (timeml, "R&D.") + 4;
  g_autofree char *clean = dl_document_clean (document, start, end);
  g_autofree char *one = dl_document_clean (document,
                                            offset_of (timeml, "Saturday"),
                                            offset_of (timeml, "Saturday") + 8);
  /* Begins inside a tag: the rest of the tag is not text. */
  g_autofree char *in_tag = dl_document_clean (document,
                                               offset_of (timeml, "tid=\"t1\""),
                                               offset_of (timeml, " it\n") + 3);

  g_assert_cmpstr (clean, ==,
                   "Smith & Co. said Saturday it rose 5% <net> "
                   "\xE2\x80\x9Cquote\xE2\x80\x9D &bogus; &#0; R&D.");
  g_assert_true (g_utf8_validate (clean, -1, NULL));
  g_assert_cmpstr (one, ==, "Saturday");
  g_assert_cmpstr (in_tag, ==, "Saturday it");
}

static void
test_timeml_no_text (void)
{
  const char *text = "<TimeML><s>A <TIMEX3 value=\"x>y\">b</TIMEX3></s>"
                     "<!-- a <comment> --></TimeML>";
  g_autoptr (DlDocument) document = new_timeml (text);

  g_assert_null (document->dct);
  gsize a = offset_of (text, "A <");
  gsize b = offset_of (text, ">b<") + 1;

  /* Without <TEXT> all of it is scanned; '>' in a quoted value does not end
   * the tag, nor does '<' in a comment start one. */
  g_assert_cmpuint (strlen (document->scan), ==, strlen (text));
  for (gsize i = 0; i < document->len; i++)
    g_assert_cmpint (document->scan[i], ==, i == a || i == b ? text[i] : ' ');
}

static void
test_dct_compact (void)
{
  const char *text = "<TimeML><DCT><TIMEX3 tid=\"t0\" value='19980301'/>"
                     "</DCT><TEXT>x</TEXT></TimeML>";
  const char *bad = "<TimeML><DCT><TIMEX3 value=\"1998-13-01\"/></DCT>"
                    "<TEXT>x</TEXT></TimeML>";
  const char *month = "<TimeML><DCT><TIMEX3 value=\"1998-03\"/></DCT>"
                      "<TEXT>x</TEXT></TimeML>";
  g_autoptr (DlDocument) document = new_timeml (text);
  g_autoptr (DlDocument) bad_document = new_timeml (bad);
  g_autoptr (DlDocument) month_document = new_timeml (month);

  g_assert_cmpstr (document->dct, ==, "1998-03-01");
  g_assert_null (bad_document->dct);
  g_assert_null (month_document->dct);
  /* Issue 8: a bad DCT was dropped without a word. */
  g_assert_cmpuint (document->warnings->len, ==, 0);
  g_assert_cmpuint (bad_document->warnings->len, ==, 1);
  g_assert_cmpstr (bad_document->warnings->pdata[0], ==,
                   "t.tml:1: DCT \"1998-13-01\" is not a date");
  g_assert_cmpstr (month_document->warnings->pdata[0], ==,
                   "t.tml:1: DCT \"1998-03\" is not a date");
}

/* Issue 8: an unclosed tag swallowed the text up to the next tag's '>'. */
static void
test_unclosed_tag (void)
{
  const char *text = "<TimeML><TEXT>\nClosed on <TIMEX3 tid=\"t1\" "
                     "value=\"1997-03-05\" March 5, 1997\nand on "
                     "<TIMEX3\n tid=\"t2\">Monday</TIMEX3>, a < b.\n"
                     "</TEXT></TimeML>";
  g_autoptr (DlDocument) document = new_timeml (text);
  g_autofree char *clean = dl_document_clean (
      document, offset_of (text, "Closed"), offset_of (text, "</TEXT>"));

  g_assert_cmpmem (document->scan + offset_of (text, "March"), 13,
                   "March 5, 1997", 13);
  /* A tag over two lines is whole, and its text stays. */
  g_assert_cmpmem (document->scan + offset_of (text, "Monday"), 6,
                   "Monday", 6);
  g_assert_cmpint (document->scan[offset_of (text, "tid=\"t2")], ==, ' ');
  g_assert_cmpint (document->scan[offset_of (text, " b.") + 1], ==, 'b');
  g_assert_cmpuint (document->warnings->len, ==, 2);
  g_assert_cmpstr (document->warnings->pdata[0], ==,
                   "t.tml:2: unclosed tag");
  g_assert_cmpstr (document->warnings->pdata[1], ==,
                   "t.tml:4: unclosed tag");
  g_assert_cmpstr (clean, ==, "Closed on March 5, 1997 and on Monday, a b.");
}

static void
test_invalid_utf8 (void)
{
  const char *text = "one\ntwo\nth\xFFree\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (DlDocument) document = dl_document_new ("notes.txt", text,
                                                     strlen (text), FALSE,
                                                     &error);

  g_assert_null (document);
  g_assert_error (error, DL_ERROR, DL_ERROR_DATA);
  g_assert_cmpstr (error->message, ==, "notes.txt:3: invalid UTF-8");
}

static void
test_truncated_utf8 (void)
{
  /* A character cut by the end of the file. */
  const char *text = "one\n\xC3";
  g_autoptr (GError) error = NULL;
  g_autoptr (DlDocument) document = dl_document_new ("cut.txt", text,
                                                     strlen (text), FALSE,
                                                     &error);

  g_assert_null (document);
  g_assert_error (error, DL_ERROR, DL_ERROR_DATA);
  g_assert_cmpstr (error->message, ==, "cut.txt:2: invalid UTF-8");
}

static void
test_nul_byte (void)
{
  const char text[] = "a\nb\nc\nd\ne\nf\ng\0h\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (DlDocument) document = dl_document_new ("notes.txt", text,
                                                     sizeof text - 1, FALSE,
                                                     &error);

  g_assert_null (document);
  g_assert_error (error, DL_ERROR, DL_ERROR_DATA);
  g_assert_cmpstr (error->message, ==, "notes.txt:7: NUL byte");
}

/* Issue 8: --max-document-size; the limit is held, not the document. */
static void
test_read_too_large (void)
{
  g_autofree char *text = g_strnfill (3000, 'x');
  g_autofree char *path = write_temp ("dl-doc-XXXXXX.txt", text, -1);
  g_autofree char *want = g_strdup_printf (
      "%s: document larger than --max-document-size (1024 bytes)", path);
  g_autoptr (GError) error = NULL;
  g_autoptr (DlDocument) document =
      dl_document_read (path, DL_DOCUMENT_AUTO, 1024, &error);
  g_autoptr (DlDocument) fits = NULL;

  g_assert_null (document);
  g_assert_error (error, DL_ERROR, DL_ERROR_DATA);
  g_assert_cmpstr (error->message, ==, want);
  g_clear_error (&error);
  fits = dl_document_read (path, DL_DOCUMENT_AUTO, 3000, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fits->len, ==, 3000);
  g_unlink (path);
}

static void
test_read_file (void)
{
  g_autofree char *path = write_temp ("dl-doc-XXXXXX.txt", "Hello.\n", -1);
  g_autoptr (GError) error = NULL;
  g_autoptr (DlDocument) document =
      dl_document_read (path, DL_DOCUMENT_AUTO, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (document->name, ==, path);
  g_assert_cmpstr (document->data, ==, "Hello.\n");
  g_assert_false (document->timeml);
  g_unlink (path);
}

static void
test_read_timeml_by_name (void)
{
  g_autofree char *path = write_temp ("dl-doc-XXXXXX.tml",
                                      "<TEXT>Hi &amp; bye</TEXT>", -1);
  g_autoptr (GError) error = NULL;
  g_autoptr (DlDocument) document =
      dl_document_read (path, DL_DOCUMENT_AUTO, 0, &error);

  g_assert_no_error (error);
  g_assert_true (document->timeml);
  g_assert_cmpstr (document->scan, ==, "      Hi &     bye       ");
  g_unlink (path);
}

static void
test_read_timeml_by_content (void)
{
  g_autofree char *path = write_temp ("dl-doc-XXXXXX.xml",
                                      "\xEF\xBB\xBF\n  <TimeML><TEXT>Hi</TEXT>"
                                      "</TimeML>", -1);
  g_autoptr (GError) error = NULL;
  g_autoptr (DlDocument) document =
      dl_document_read (path, DL_DOCUMENT_AUTO, 0, &error);

  g_assert_no_error (error);
  g_assert_true (document->timeml);
  g_unlink (path);
}

static void
test_read_invalid (void)
{
  const char text[] = "fine\n\xC0\xAF\n";
  g_autofree char *path = write_temp ("dl-doc-XXXXXX.txt", text,
                                      sizeof text - 1);
  g_autofree char *expected = g_strdup_printf ("%s:2: invalid UTF-8", path);
  g_autoptr (GError) error = NULL;
  g_autoptr (DlDocument) document =
      dl_document_read (path, DL_DOCUMENT_AUTO, 0, &error);

  g_assert_null (document);
  g_assert_error (error, DL_ERROR, DL_ERROR_DATA);
  g_assert_cmpstr (error->message, ==, expected);
  g_unlink (path);
}

static void
test_read_missing (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DlDocument) document =
    dl_document_read ("/nonexistent/dateline/notes.txt", DL_DOCUMENT_AUTO, 0,
                      &error);

  g_assert_null (document);
  g_assert_error (error, DL_ERROR, DL_ERROR_IO);
  g_assert_cmpstr (error->message, ==,
                   "/nonexistent/dateline/notes.txt: No such file or directory");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/document/plain", test_plain);
  g_test_add_func ("/document/line-at", test_line_at);
  g_test_add_func ("/document/empty", test_empty);
  g_test_add_func ("/document/clean-plain", test_clean_plain);
  g_test_add_func ("/document/clean-plain-runs", test_clean_plain_runs);
  g_test_add_func ("/document/clean-utf8-cut", test_clean_utf8_cut);
  g_test_add_func ("/document/bom", test_bom);
  g_test_add_func ("/document/timeml-scan", test_timeml_scan);
  g_test_add_func ("/document/timeml-clean", test_timeml_clean);
  g_test_add_func ("/document/timeml-no-text", test_timeml_no_text);
  g_test_add_func ("/document/dct-compact", test_dct_compact);
  g_test_add_func ("/document/unclosed-tag", test_unclosed_tag);
  g_test_add_func ("/document/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/document/truncated-utf8", test_truncated_utf8);
  g_test_add_func ("/document/nul-byte", test_nul_byte);
  g_test_add_func ("/document/read-file", test_read_file);
  g_test_add_func ("/document/read-too-large", test_read_too_large);
  g_test_add_func ("/document/read-timeml-by-name", test_read_timeml_by_name);
  g_test_add_func ("/document/read-timeml-by-content",
                   test_read_timeml_by_content);
  g_test_add_func ("/document/read-invalid", test_read_invalid);
  g_test_add_func ("/document/read-missing", test_read_missing);
  return g_test_run ();
}
