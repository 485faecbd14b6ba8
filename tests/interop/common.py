"""What the output-format tests share: the programs, a TAP reporter (tap.py), the
documents they run on, and readers of the spreadsheets that come out
(.xlsx sheet XML and .ods content.xml, with zipfile and ElementTree)."""

import csv
import io
import os
import re
import subprocess
import sys
import zipfile
import xml.etree.ElementTree as ET

# The TAP reporter is the tests' own; interop's scripts import it from here.
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from tap import Tap  # noqa: E402,F401

SRC = os.environ.get("DATELINE_SOURCE_ROOT") or os.path.dirname(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD = os.environ.get("DATELINE_BUILD_ROOT") or os.path.join(SRC, "build")
PROGRAMS = {
    "dateline": os.path.join(BUILD, "dateline", "dateline"),
    "dateline-timeline": os.path.join(BUILD, "timeline", "dateline-timeline"),
    "dateline-compare": os.path.join(BUILD, "timeline", "dateline-compare"),
    "dateline-extract": os.path.join(BUILD, "extract", "dateline-extract"),
    "dateline-normalize": os.path.join(BUILD, "normalize",
                                       "dateline-normalize"),
}
FIXTURES = os.path.join(SRC, "fixtures")
REF = ["-r", "2025-06-07"]

# A document of ours with what spreadsheets get wrong: a sentence that is
# a formula, text that is not ASCII, a month a spreadsheet takes for a day,
# a day before 1900, an open range and a date that is no range.
TRICKY = (
    '=HYPERLINK("http://example.org/","x") was filed on 5 May 2020.\n'
    "The office in Z\u00fcrich opened in February 1947.\n"
    "The treaty was signed on 4 July 1776.\n"
    "Prices rose before 2019, and the ferry sailed every weekend.\n")


def run(program, *args, cwd=None, check=True):
    """Runs a dateline program (under $DATELINE_WRAPPER when set: meson
    test --setup valgrind); returns (stdout bytes, stderr text, status)."""
    wrapper = os.environ.get("DATELINE_WRAPPER")
    p = subprocess.run(([wrapper] if wrapper else []) + [PROGRAMS[program]]
                       + list(args), cwd=cwd,
                       stdin=subprocess.DEVNULL, capture_output=True)
    if check and p.returncode not in (0, 1):
        raise RuntimeError("%s %s: exit %d\n%s" % (
            program, " ".join(args), p.returncode, p.stderr.decode()))
    return p.stdout, p.stderr.decode("utf-8", "replace"), p.returncode


def write_tricky(folder):
    path = os.path.join(folder, "tricky.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write(TRICKY)
    return path


def read_csv(data):
    return list(csv.reader(io.StringIO(data.decode("utf-8"))))


def has_xlsx():
    """Whether this build writes xlsx (else --format xlsx is an error)."""
    _, err, status = run("dateline", *REF, "-f", "xlsx", "-o", os.devnull,
                         os.devnull, check=False)
    return "needs libxlsxwriter" not in err


# ---- .ods ----

ODS = {"table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
       "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0"}


def ods_rows(path):
    """The first sheet of an .ods as rows of cells, each a dict: type
    (office:value-type, None when empty), value (date-value or value),
    text, formula."""
    root = ET.fromstring(zipfile.ZipFile(path).read("content.xml"))
    table = next(root.iter("{%s}table" % ODS["table"]))
    rows = []
    for row in table.iter("{%s}table-row" % ODS["table"]):
        cells = []
        for c in row:
            if c.tag not in ("{%s}table-cell" % ODS["table"],
                             "{%s}covered-table-cell" % ODS["table"]):
                continue
            repeat = int(c.get("{%s}number-columns-repeated" % ODS["table"],
                               "1"))
            cell = {
                "type": c.get("{%s}value-type" % ODS["office"]),
                "value": c.get("{%s}date-value" % ODS["office"])
                or c.get("{%s}value" % ODS["office"]),
                "text": "\n".join("".join(p.itertext()) for p in c),
                "formula": c.get("{%s}formula" % ODS["table"]),
            }
            cells += [cell] * min(repeat, 64)
        repeat = int(row.get("{%s}number-rows-repeated" % ODS["table"], "1"))
        rows += [cells] * min(repeat, 2)
    while rows and all(c["type"] is None for c in rows[-1]):
        rows.pop()
    for cells in rows:
        while cells and cells[-1]["type"] is None:
            cells.pop()
    return rows


# ---- .xlsx ----

XLSX = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
BUILTIN_DATE_FORMATS = set(range(14, 23)) | set(range(45, 48))


def col_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


class Xlsx:
    """The first sheet of an .xlsx: rows of cells, each a dict: kind
    (string, number, date, bool, error), text, formula (the <f> text or
    None); and the sheet's XML for the rest."""

    def __init__(self, path):
        z = zipfile.ZipFile(path)
        names = z.namelist()
        sheet_name = sorted(n for n in names
                            if re.match(r"xl/worksheets/sheet\d+\.xml$", n))[0]
        self.sheet_xml = z.read(sheet_name).decode("utf-8")
        self.workbook_xml = z.read("xl/workbook.xml").decode("utf-8")
        strings = []
        if "xl/sharedStrings.xml" in names:
            sst = ET.fromstring(z.read("xl/sharedStrings.xml"))
            for si in sst.findall("{%s}si" % XLSX):
                strings.append("".join(t.text or "" for t in si.iter(
                    "{%s}t" % XLSX)))
        styles = ET.fromstring(z.read("xl/styles.xml"))
        date_fmts = set(BUILTIN_DATE_FORMATS)
        self.formats = {}
        for f in styles.iter("{%s}numFmt" % XLSX):
            code = f.get("formatCode")
            self.formats[int(f.get("numFmtId"))] = code
            if re.search(r"[yd]", re.sub(r'"[^"]*"|\[[^]]*\]', "", code)):
                date_fmts.add(int(f.get("numFmtId")))
        xfs = styles.find("{%s}cellXfs" % XLSX)
        self.style_fmt = [int(xf.get("numFmtId", "0")) for xf in xfs]
        sheet = ET.fromstring(self.sheet_xml)
        self.rows = []
        for row in sheet.iter("{%s}row" % XLSX):
            cells = []
            for c in row.findall("{%s}c" % XLSX):
                i = col_index(c.get("r"))
                while len(cells) < i:
                    cells.append({"kind": None, "text": "", "formula": None})
                t = c.get("t", "n")
                v = c.find("{%s}v" % XLSX)
                f = c.find("{%s}f" % XLSX)
                text = v.text if v is not None and v.text else ""
                if t == "s":
                    text, kind = strings[int(text)], "string"
                elif t == "inlineStr":
                    text = "".join(x.text or "" for x in c.iter(
                        "{%s}t" % XLSX))
                    kind = "string"
                elif t == "str":
                    kind = "string"
                elif t in ("b", "e"):
                    kind = {"b": "bool", "e": "error"}[t]
                else:
                    style = int(c.get("s", "0"))
                    fmt = self.style_fmt[style] if style < len(
                        self.style_fmt) else 0
                    kind = ("date" if fmt in date_fmts else "number") \
                        if text else None
                    if kind == "date":
                        self.date_format = self.formats.get(fmt, fmt)
                cells.append({"kind": kind, "text": text,
                              "formula": f.text if f is not None else None})
            self.rows.append(cells)


def excel_serial(iso):
    """The serial number Excel gives a day of 1 March 1900 or later."""
    import datetime
    d = datetime.date.fromisoformat(iso)
    return (d - datetime.date(1899, 12, 30)).days
