#!/usr/bin/env python3
"""--format timelinejs in the real TimelineJS 3.9.11 (npm's
@knight-lab/timelinejs), in headless Chromium, served from 127.0.0.1 by a
python http.server this test starts (TimelineJS reads a CSV only over
HTTP, and needs an absolute script_path): the slides it renders are the
rows, with their headlines, display dates, texts and groups, markup in a
sentence shown as text, nothing fetched from elsewhere and no error.

The package is looked for in $DATELINE_TIMELINEJS, else in
BUILD/npm/node_modules/@knight-lab/timelinejs (sh scripts/dev.sh interop
installs it there; it is never committed).  Skips (a TAP skip plan) without it or
without Chromium.  TAP output."""
import functools
import html
import http.server
import json
import os
import shutil
import sys
import tempfile
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import chromium  # noqa: E402
from common import BUILD, FIXTURES, REF, Tap, read_csv, run, write_tricky  # noqa: E402

VERSION = "3.9.11"
tap = Tap()
package = os.environ.get("DATELINE_TIMELINEJS") or os.path.join(
    BUILD, "npm", "node_modules", "@knight-lab", "timelinejs")
if chromium.find() is None:
    tap.skip_all("no chromium (apt-get install chromium, or sh scripts/dev.sh "
                 "interop)")
try:
    with open(os.path.join(package, "package.json")) as f:
        version = json.load(f)["version"]
except (OSError, ValueError, KeyError):
    version = None
if version != VERSION:
    tap.skip_all("no TimelineJS %s in %s (sh scripts/dev.sh interop)"
                 % (VERSION, package))

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><link rel="icon" href="data:,">
<link rel="stylesheet" href="/tl/css/timeline.css">
<script src="/tl/js/timeline.js"></script></head>
<body><div id="timeline-embed" style="width: 100%; height: 640px"></div>
<script>
window.tlState = "loading";
var base = location.origin + "/";
// font: null, so that no font is fetched from elsewhere.
window.timeline = new TL.Timeline("timeline-embed", base + "timeline.csv",
    {script_path: base + "tl/js/", font: null});
timeline.on("loaded", function () { window.tlState = "loaded"; });
</script></body></html>
"""

SLIDES = """JSON.stringify(Array.from(document.querySelectorAll(".tl-slide"))
  .filter(s => !s.classList.contains("tl-slide-titleslide"))
  .map(s => {
    const get = (sel) => { const e = s.querySelector(sel); return e ? e.textContent : null; };
    return { headline: get(".tl-headline"), date: get(".tl-headline-date"),
             text: get(".tl-text-content"),
             markup: s.querySelectorAll(".tl-headline b, .tl-text-content b, .tl-text-content script").length };
  }))"""


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


tmp = tempfile.mkdtemp(prefix="dateline-tljs-")
site = os.path.join(tmp, "site")
os.makedirs(site)
os.symlink(os.path.join(package, "dist"), os.path.join(site, "tl"))
with open(os.path.join(site, "index.html"), "w") as f:
    f.write(PAGE)

# Three documents, an open range, a linked "or" range, a sentence that is a
# formula, and markup in an event, which TimelineJS must show as text.
tricky = write_tricky(tmp)
markup = os.path.join(tmp, "markup.txt")
with open(markup, "w") as f:
    f.write("Fish & <b>chips</b> were sold on 3 March 2021.\n")
sheet, err, _ = run("dateline", *REF, "-f", "timelinejs",
                    os.path.join(FIXTURES, "harbor-article.txt"),
                    os.path.join(FIXTURES, "compare-a.txt"), tricky, markup)
with open(os.path.join(site, "timeline.csv"), "wb") as f:
    f.write(sheet)
rows = read_csv(sheet)
names = rows[0]
rows = [dict(zip(names, r)) for r in rows[1:]]

server = http.server.ThreadingHTTPServer(
    ("127.0.0.1", 0), functools.partial(Quiet, directory=site))
threading.Thread(target=server.serve_forever, daemon=True).start()
origin = "http://127.0.0.1:%d" % server.server_address[1]

try:
    with chromium.Browser(tmp) as browser:
        page = browser.open(origin + "/index.html", width=1200, height=800)
        loaded = page.wait("window.tlState === 'loaded' && "
                           "document.querySelectorAll('.tl-slide').length > 0",
                           45)
        tap.check(loaded, "TimelineJS %s loads the sheet" % VERSION)
        browser.pump(0.5)
        slides = json.loads(page.eval(SLIDES)) if loaded else []
        tap.check(len(slides) == len(rows), "a slide per row: %d" % len(rows),
                  "%d slides" % len(slides))

        # What a cell says once TimelineJS has read it as HTML.
        def shown(cell):
            return html.unescape(cell.replace("<br>", "")).lstrip("'")

        want = sorted((shown(r["Headline"]), shown(r["Display Date"]))
                      for r in rows)
        got = sorted((s["headline"] or "", s["date"] or "") for s in slides)
        tap.check(got == want, "the slides' headlines and display dates are "
                  "the rows'", "\n".join(
                      "%r != %r" % (g, w) for g, w in zip(got, want)
                      if g != w)[:2000])
        texts = [s["text"] or "" for s in slides]
        missing = [r["Text"] for r in rows
                   if not any(shown(r["Text"]).split("Source: ")[-1] in t
                              for t in texts)]
        tap.check(not missing, "each slide's text ends with its source",
                  missing[:3])
        dates = {s["date"] for s in slides}
        tap.check({"before 2019", "late 2023 or early 2024"} <= dates,
                  "uncertain ranges say so in the display date",
                  sorted(dates))
        fish = [s for s in slides if "chips" in (s["headline"] or "")]
        tap.check(len(fish) == 1 and fish[0]["headline"].startswith(
            "Fish & <b>chips</b>") and fish[0]["markup"] == 0,
            "markup in a sentence is shown as text, not made markup", fish)
        groups = json.loads(page.eval(
            "JSON.stringify(Array.from(document.querySelectorAll("
            "'.tl-timegroup-message')).map(e => e.textContent))"))
        tap.check(sorted(groups) == sorted({r["Group"] for r in rows}),
                  "a group per document", groups)
        markers = page.eval("document.querySelectorAll('.tl-timemarker')"
                            ".length")
        tap.check(markers == len(rows), "a marker on the time axis per row",
                  markers)
        tap.check(not page.errors, "no error in the console", page.errors)
        away = [u for u in page.requests if not u.startswith(origin + "/")
                and not u.startswith("data:")]
        tap.check(not away, "nothing fetched from elsewhere", away)
finally:
    server.shutdown()
    shutil.rmtree(tmp, ignore_errors=True)
tap.done()
