#!/usr/bin/env python3
"""The output formats xlsx, timelinejs and html, as files (no spreadsheet or
browser needed; tests/interop/ opens them in LibreOffice and Chromium):
the workbook's cells, the TimelineJS sheet's rows, and the page's embedded
data, escaped so that no sentence can end its script.  TAP output."""
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "interop"))
from common import (FIXTURES, PROGRAMS, REF, Tap, Xlsx,  # noqa: E402
                    excel_serial, has_xlsx, read_csv, run, write_tricky)

tap = Tap()
tmp = tempfile.mkdtemp(prefix="dateline-formats-")
tricky = write_tricky(tmp)
harbor = os.path.join(FIXTURES, "harbor-article.txt")
timeline_csv, _, _ = run("dateline", *REF, "--raw", harbor, tricky)
rows = read_csv(timeline_csv)
header, body = rows[0], rows[1:]
col = {name: i for i, name in enumerate(header)}


# ---- xlsx ----

def check_xlsx():
    path = os.path.join(tmp, "t.xlsx")
    _, err, status = run("dateline", *REF, "-o", path, harbor, tricky)
    if not tap.check(status == 0 and os.path.exists(path),
                     "xlsx: -o FILE.xlsx writes a workbook", err):
        return
    x = Xlsx(path)
    tap.check([c["text"] for c in x.rows[0]] == header,
              "xlsx: the header row is the timeline's columns",
              [c["text"] for c in x.rows[0]])
    tap.check(len(x.rows) == len(rows), "xlsx: one row per timeline row",
              "%d rows, %d in the CSV" % (len(x.rows), len(rows)))
    tap.check(all(c["formula"] is None for r in x.rows for c in r),
              "xlsx: no cell is a formula")
    tap.check('state="frozen"' in x.sheet_xml and 'ySplit="1"' in x.sheet_xml,
              "xlsx: the header row is frozen")
    tap.check(re.search(r'<autoFilter ref="A1:O%d"/>' % len(rows), x.sheet_xml)
              is not None, "xlsx: an autofilter over every row",
              re.findall(r"<autoFilter[^>]*>", x.sheet_xml))
    widths = [float(w) for w in re.findall(r'<col [^>]*width="([0-9.]+)"',
                                           x.sheet_xml)]
    tap.check(len(widths) == len(header) and all(8 <= w <= 62 for w in widths)
              and widths[col["event"]] > widths[col["granularity"]],
              "xlsx: every column has a width that fits it", widths)
    bad = []
    for r, cells in zip(body, x.rows[1:]):
        for name in ("start", "end", "dct"):
            text, cell = r[col[name]], cells[col[name]]
            if not text:
                ok = cell["kind"] is None
            elif text >= "1900-03-01":
                ok = cell["kind"] == "date" \
                    and float(cell["text"]) == excel_serial(text)
            else:
                ok = cell["kind"] == "string" and cell["text"] == text
            if not ok:
                bad.append((name, text, cell))
        sources = cells[col["sources"]]
        if sources["kind"] != "number" or sources["text"] != r[col["sources"]]:
            bad.append(("sources", r[col["sources"]], sources))
        for name in ("when", "event", "value", "context", "source"):
            cell = cells[col[name]] if col[name] < len(cells) else {
                "kind": None, "text": ""}
            if r[col[name]] and (cell["kind"] != "string"
                                 or cell["text"] != r[col[name]]):
                bad.append((name, r[col[name]], cell))
    tap.check(not bad, "xlsx: days from 1 March 1900 are date cells, earlier "
              "ones text, counts numbers, the rest strings as they are", bad)
    tap.check(getattr(x, "date_format", None) == "yyyy-mm-dd",
              "xlsx: dates in the ISO number format yyyy-mm-dd",
              getattr(x, "date_format", None))
    formula = [c for r in x.rows for c in r
               if c["text"].startswith("=HYPERLINK(")]
    tap.check(len(formula) == 1 and formula[0]["kind"] == "string",
              "xlsx: a sentence that starts =HYPERLINK( is a string, without "
              "the guard's quote", formula)
    # Excel's first days: 1 March 1900 is the first date cell.
    path = os.path.join(tmp, "edge.csv")
    with open(path, "w") as f:
        f.write(",".join(header) + "\n")
        for day in ("1899-12-31", "1900-02-28", "1900-03-01", "9999-12-31"):
            # A dct that is no day (a user's file) stays text, and is not
            # read past its end.
            f.write("%s,%s,x,e %s,m,e.txt:1,1,v,day,exact,DATE,e.txt,2021,c,"
                    "\n" % (day, day, day))
    out = os.path.join(tmp, "edge.xlsx")
    _, err, status = run("dateline-timeline", "--no-merge", "-o", out, path,
                         check=False)
    if not tap.check(status == 0, "xlsx: days at the edges", err):
        return
    rows_out = Xlsx(out).rows[1:]
    kinds = [(r[0]["kind"], r[0]["text"]) for r in rows_out]
    tap.check(all(r[col["dct"]]["kind"] == "string" and r[col["dct"]]["text"]
                  == "2021" for r in rows_out), "xlsx: a dct that is no day "
              "is text", [r[col["dct"]] for r in rows_out])
    tap.check(kinds == [("string", "1899-12-31"), ("string", "1900-02-28"),
                        ("date", str(excel_serial("1900-03-01"))),
                        ("date", str(excel_serial("9999-12-31")))],
              "xlsx: date cells from 1 March 1900 to 9999, text before",
              kinds)
    # To a pipe: the workbook is made aside and copied.
    p = subprocess.run(["sh", "-c", '"$0" -r 2025-06-07 -f xlsx "$1" | cat',
                        PROGRAMS["dateline"], harbor],
                       capture_output=True)
    tap.check(p.returncode == 0 and p.stdout[:2] == b"PK"
              and len(p.stdout) > 2000, "xlsx: to a pipe", p.stderr)
    # Comparisons, ranges and mentions too.
    path = os.path.join(tmp, "c.xlsx")
    run("dateline-compare", *REF, "-o", path,
        os.path.join(FIXTURES, "compare-a.txt"),
        os.path.join(FIXTURES, "compare-b.txt"))
    c = Xlsx(path)
    names = [cell["text"] for cell in c.rows[0]]
    first = dict(zip(names, c.rows[1]))
    tap.check(first["status"]["text"] == "conflict"
              and first["a_start"]["kind"] == "date"
              and first["gap_days"]["kind"] == "number"
              and first["score"]["kind"] == "number",
              "xlsx: a comparison, its days dates and gap_days and score "
              "numbers", first)
    path = os.path.join(tmp, "m.xlsx")
    _, err, status = run("dateline-extract", *REF, "-o", path, harbor)
    m = Xlsx(path)
    tap.check(status == 0 and m.rows[0][0]["text"] == "doc"
              and m.rows[1][2]["kind"] == "number",
              "xlsx: mentions, offsets as numbers", err)


def check_no_xlsx():
    _, err, status = run("dateline", *REF, "-o", os.path.join(tmp, "t.xlsx"),
                         harbor, check=False)
    tap.check(status == 2 and "needs libxlsxwriter" in err
              and not os.path.exists(os.path.join(tmp, "t.xlsx")),
              "xlsx: without libxlsxwriter, a clear usage error", err)


# ---- timelinejs ----

TEMPLATE = ["Year", "Month", "Day", "Time", "End Year", "End Month",
            "End Day", "End Time", "Display Date", "Headline", "Text",
            "Media", "Media Credit", "Media Caption", "Media Thumbnail",
            "Alt Text", "Type", "Group", "Background"]


def unescape(text):
    return text.replace("&lt;", "<").replace("&gt;", ">").replace(
        "&amp;", "&")


def check_timelinejs():
    out, err, status = run("dateline", *REF, "-f", "timelinejs", harbor,
                           tricky)
    t = read_csv(out)
    tap.check(t[0] == TEMPLATE, "timelinejs: the template's columns", t[0])
    dated = [r for r in body if r[col["start"]] or r[col["end"]]]
    slides = [dict(zip(TEMPLATE, r)) for r in t[1:]]
    tap.check(len(slides) == len(dated), "timelinejs: a slide per dated row",
              "%d slides, %d dated rows" % (len(slides), len(dated)))
    left_out = len(body) - len(dated)
    tap.check(("dateline: %d rows left out (no date to place on a TimelineJS "
               "timeline)" % left_out) in err,
              "timelinejs: the rows without a date are counted", err)
    bad = []
    for r, s in zip(dated, slides):
        start, end = r[col["start"]], r[col["end"]]
        ymd = lambda d: [str(int(p)) for p in d.split("-")]  # noqa: E731
        want = ymd(start or end)
        got = [s["Year"], s["Month"], s["Day"]]
        want_end = ymd(end) if start and end and start != end else ["", "", ""]
        got_end = [s["End Year"], s["End Month"], s["End Day"]]
        if got != want or got_end != want_end:
            bad.append((start, end, got, got_end))
        if s["Group"] != r[col["doc"]] or unescape(s["Headline"]) != r[
                col["event"]]:
            bad.append((s["Group"], s["Headline"]))
        if not s["Text"].endswith("Source: " + r[col["source"]]):
            bad.append(s["Text"])
    tap.check(not bad, "timelinejs: the days, the group and the headline of "
              "each slide", bad)
    by_date = {s["Display Date"]: s for s in slides}
    tap.check("late 2023 or early 2024" in by_date,
              "timelinejs: \"late 2023 or early 2024\" says or, not a dash",
              sorted(by_date))
    before = by_date.get("before 2019", {})
    tap.check(before.get("Year") == "2018" and before.get("End Year") == "",
              "timelinejs: an open range is placed at its known end, with no "
              "start of its own", before)
    out, _, _ = run("dateline", *REF, "--raw", "-f", "timelinejs", tricky)
    raw = [r for r in read_csv(out) if "HYPERLINK" in r[10]]
    tap.check(raw and raw[0][10].startswith('=HYPERLINK("http:'),
              "timelinejs: --raw writes a sentence as it is", raw)
    out, _, _ = run("dateline", *REF, "-f", "timelinejs", tricky)
    guarded = [r for r in read_csv(out) if "HYPERLINK" in r[10]]
    tap.check(guarded and guarded[0][10].startswith("'=HYPERLINK("),
              "timelinejs: the spreadsheet guard applies", guarded)
    path = os.path.join(tmp, "markup.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write(",".join(header) + "\n")
        f.write('2020-01-01,2020-01-01,1 January 2020,"Fish & <b>chips</b>",'
                "x,m.txt:1,1,2020-01-01,day,exact,DATE,m.txt,,"
                '"A <script>x</script> & y",\n')
    out, err, _ = run("dateline-timeline", "-f", "timelinejs", path)
    s = dict(zip(TEMPLATE, read_csv(out)[1]))
    tap.check(s["Headline"] == "Fish &amp; &lt;b&gt;chips&lt;/b&gt;"
              and s["Text"].startswith("A &lt;script&gt;x&lt;/script&gt; "
                                       "&amp; y"),
              "timelinejs: Headline and Text are HTML to TimelineJS: "
              "escaped", s)
    out, err, status = run(
        "dateline-compare", *REF, "-f", "timelinejs",
        os.path.join(FIXTURES, "compare-a.txt"),
        os.path.join(FIXTURES, "compare-b.txt"))
    c = [dict(zip(TEMPLATE, r)) for r in read_csv(out)[1:]]
    groups = sorted(set(s["Group"] for s in c))
    tap.check(len(c) == 11 and len(groups) == 2
              and sum("conflict: " in s["Text"] for s in c) == 4,
              "timelinejs: a comparison, a slide per side in the group of "
              "its document", (len(c), groups))


# ---- html ----

HOSTILE = ("</script><script>window.pwned=1</script><!-- "
           "<img src=x onerror=\"window.pwned=2\"> \u2028 & done")


def check_html():
    path = os.path.join(tmp, "h.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write(",".join(header) + "\n")
        cell = '"' + HOSTILE.replace('"', '""') + '"'
        f.write("2020-01-01,2020-01-01,1 January 2020,%s,x,h.txt:1,1,"
                "2020-01-01,day,exact,DATE,h.txt,,%s,</script>\n"
                % (cell, cell))
    out, err, status = run("dateline-timeline", "-o",
                           os.path.join(tmp, "h.html"), path)
    page = open(os.path.join(tmp, "h.html"), encoding="utf-8").read()
    template = open(os.path.join(os.path.dirname(os.path.dirname(
        os.path.abspath(__file__))), "common", "html", "page.html"),
        encoding="utf-8").read()
    tap.check(status == 0 and page.startswith("<!DOCTYPE html>"),
              "html: -o FILE.html writes a page", err)
    tap.check(page.lower().count("</script") == template.lower().count(
        "</script") and page.count("<!--") == template.count("<!--") - 4,
              "html: no sentence ends the script or opens a comment",
              page.lower().count("</script"))
    m = re.search(r'<script type="application/json" id="dateline-data">'
                  r"(.*?)</script>", page, re.S)
    data = json.loads(m.group(1)) if m else {}
    row = dict(zip(data.get("columns", []), (data.get("rows") or [[]])[0]))
    tap.check(row.get("event") == HOSTILE and row.get("note") == "</script>",
              "html: the embedded data gives every sentence back exactly",
              row)
    tap.check(not re.search(r"<(script|link|img|iframe)[^>]*\s(src|href)=",
                            page, re.I)
              and not re.search(r"url\(|@import|https?://(?!www\.w3\.org/2000/svg)",
                                page.replace(HOSTILE, "")),
              "html: the page fetches nothing",
              re.findall(r"https?://\S+", page)[:5])
    out, err, status = run("dateline", *REF, "-f", "html", harbor)
    m = re.search(rb'id="dateline-data">(.*?)</script>', out, re.S)
    data = json.loads(m.group(1))
    tap.check(status == 0 and data["format"] == "timeline"
              and data["columns"] == header and len(data["rows"]) == 11,
              "html: dateline -f html embeds every row of the timeline",
              (data["columns"], len(data["rows"])))
    out, err, status = run("dateline-compare", *REF, "-f", "html",
                           os.path.join(FIXTURES, "compare-a.txt"),
                           os.path.join(FIXTURES, "compare-b.txt"))
    m = re.search(rb'id="dateline-data">(.*?)</script>', out, re.S)
    data = json.loads(m.group(1))
    tap.check(data["format"] == "comparison" and len(data["rows"]) == 6
              and data["columns"][0] == "status",
              "html: dateline-compare -f html embeds the comparison", data)
    _, err, status = run("dateline-normalize", "-f", "html", os.devnull,
                         check=False)
    tap.check(status == 2 and "--format is one of" in err,
              "html: not a format of the ranges", err)


if has_xlsx():
    check_xlsx()
else:
    check_no_xlsx()
check_timelinejs()
check_html()
tap.done()
