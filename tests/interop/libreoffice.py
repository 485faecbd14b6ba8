#!/usr/bin/env python3
"""The timeline in LibreOffice: the CSV opened with the import settings of
docs/spreadsheets.md, and the xlsx opened as it is, each converted by
headless LibreOffice to .ods and to .xlsx, whose XML is then read: every
row and column there, start and end as date cells, no cell a formula, a
sentence beginning "=HYPERLINK(" kept as text, "Zürich" intact.  Skips
(a TAP skip plan) without soffice.  TAP output."""
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import (FIXTURES, REF, Tap, Xlsx, excel_serial, has_xlsx,  # noqa: E402
                    ods_rows, read_csv, run, write_tricky)

tap = Tap()
soffice = shutil.which("soffice") or shutil.which("libreoffice")
if soffice is None:
    tap.skip_all("no soffice (apt-get install libreoffice-calc-nogui, or sh "
                 "scripts/dev.sh interop)")

tmp = tempfile.mkdtemp(prefix="dateline-lo-")
harbor = os.path.join(FIXTURES, "harbor-article.txt")
tricky = write_tricky(tmp)
out, _, _ = run("dateline", *REF, "-o", os.path.join(tmp, "timeline.csv"),
                harbor, tricky)
rows = read_csv(open(os.path.join(tmp, "timeline.csv"), "rb").read())
header, body = rows[0], rows[1:]
col = {name: i for i, name in enumerate(header)}
DATES = ("start", "end", "dct")


def csv_filter():
    """The Text Import settings of docs/spreadsheets.md as the CSV filter's
    options: comma, double quote, UTF-8 (76), from line 1; start, end and
    dct Date (YMD, 5), sources Standard (1), every other column Text (2);
    quoted fields as text."""
    kinds = []
    for i, name in enumerate(header):
        kind = 5 if name in DATES else 1 if name == "sources" else 2
        kinds.append("%d/%d" % (i + 1, kind))
    return "CSV:44,34,76,1,%s,,true" % "/".join(kinds)


def convert(source, to, infilter=None):
    """source converted by LibreOffice into format to (ods, xlsx); the
    path, or None."""
    folder = os.path.join(tmp, "out-%s-%s" % (
        os.path.basename(source).replace(".", "-"), to))
    os.makedirs(folder, exist_ok=True)
    profile = os.path.join(tmp, "profile")
    argv = [soffice, "--headless", "--norestore",
            "-env:UserInstallation=file://" + profile,
            "--convert-to", to, "--outdir", folder]
    if infilter:
        argv.append("--infilter=" + infilter)
    p = subprocess.run(argv + [source], stdin=subprocess.DEVNULL,
                       capture_output=True, timeout=180)
    path = os.path.join(folder, os.path.splitext(os.path.basename(source))[0]
                        + "." + to)
    if not tap.check(os.path.exists(path), "LibreOffice converts %s to %s"
                     % (os.path.basename(source), to),
                     p.stdout.decode() + p.stderr.decode()):
        return None
    return path


def cells_as_text(cells):
    return [c["text"] for c in cells]


def check(name, table, kind_of, text_of, date_value, pre_1900_is_date):
    """Checks a sheet read back: table is its rows of cells."""
    tap.check(len(table) == len(rows), "%s: %d rows, as in the CSV"
              % (name, len(rows)), "%d rows" % len(table))
    tap.check([text_of(c) for c in table[0]] == header,
              "%s: the %d columns, named" % (name, len(header)),
              [text_of(c) for c in table[0]])
    tap.check(all(c.get("formula") is None for r in table for c in r),
              "%s: no cell is a formula" % name,
              [c for r in table for c in r if c.get("formula")][:3])
    bad = []
    for r, cells in zip(body, table[1:]):
        cells = cells + [{}] * (len(header) - len(cells))
        for d in DATES:
            text, cell = r[col[d]], cells[col[d]]
            if not text:
                ok = kind_of(cell) is None
            elif text >= "1900-03-01" or pre_1900_is_date:
                ok = kind_of(cell) == "date" and date_value(cell) == text
            else:
                ok = kind_of(cell) == "string" and text_of(cell) == text
            if not ok:
                bad.append((d, text, cell))
        for t in ("when", "event", "value", "source", "granularity"):
            if r[col[t]] and (kind_of(cells[col[t]]) != "string"
                              or text_of(cells[col[t]]) != r[col[t]]):
                bad.append((t, r[col[t]], cells[col[t]]))
    tap.check(not bad, "%s: start, end and dct are date cells (before 1900: %s), "
              "the text columns strings as written" % (
                  name, "dates" if pre_1900_is_date else "text"), bad[:5])
    contexts = [text_of(r[col["context"]]) for r in table[1:]
                if len(r) > col["context"]]
    link = [c for c in contexts if "HYPERLINK" in c]
    tap.check(len(link) == 1 and link[0].lstrip("'").startswith(
        '=HYPERLINK("http://example.org/"'),
        "%s: the sentence beginning =HYPERLINK( is text" % name, link)
    tap.check(any("Z\u00fcrich" in c for c in contexts),
              "%s: \"Z\u00fcrich\" is intact (UTF-8)" % name)


def ods_kind(cell):
    return {"date": "date", "string": "string", "float": "number"}.get(
        cell.get("type"), cell.get("type"))


def ods_date(cell):
    return (cell.get("value") or "")[:10]


def check_ods(name, path, pre_1900_is_date):
    check(name, ods_rows(path), ods_kind, lambda c: c.get("text", ""),
          ods_date, pre_1900_is_date)


def xlsx_date(cell):
    import datetime
    try:
        serial = float(cell["text"])
    except (KeyError, ValueError):
        return None
    return (datetime.date(1899, 12, 30)
            + datetime.timedelta(days=int(serial))).isoformat()


def check_xlsx(name, path, pre_1900_is_date):
    check(name, Xlsx(path).rows, lambda c: c.get("kind"),
          lambda c: c.get("text", ""), xlsx_date, pre_1900_is_date)


source = os.path.join(tmp, "timeline.csv")
path = convert(source, "ods", csv_filter())
if path:
    # LibreOffice has dates before 1900; the settings make them dates.
    check_ods("CSV to .ods", path, True)
path = convert(source, "xlsx", csv_filter())
if path:
    check_xlsx("CSV to .xlsx", path, True)

if has_xlsx():
    workbook = os.path.join(tmp, "workbook.xlsx")
    run("dateline", *REF, "-o", workbook, harbor, tricky)
    path = convert(workbook, "ods")
    if path:
        check_ods("xlsx to .ods", path, False)
    path = convert(workbook, "xlsx")
    if path:
        check_xlsx("xlsx to .xlsx", path, False)
else:
    tap.check(True, "xlsx: not built (no libxlsxwriter) # SKIP")

shutil.rmtree(tmp, ignore_errors=True)
tap.done()
