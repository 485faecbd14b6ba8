#!/usr/bin/env python3
"""--format html in headless Chromium, opened as a file (as a mailed page
would be): a screenshot that is not blank, a mark per row or a cluster
counting its rows (the counts adding up to the rows), the comparison's
conflicts marked, hostile text in a sentence kept as text, no console
error, nothing fetched, and a page of 10,000 rows drawn in under 2 s
(measured in the page with performance.now()).

    html_view.py --snapshot FILE.png   also writes the picture of the
                                       example article (docs/harbor-timeline.png)

Skips (a TAP skip plan) without Chromium.  TAP output."""
import csv
import datetime
import io
import json
import os
import random
import re
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import chromium  # noqa: E402
from common import FIXTURES, REF, SRC, Tap, read_csv, run  # noqa: E402

tap = Tap()
if chromium.find() is None:
    tap.skip_all("no chromium (apt-get install chromium, or sh scripts/dev.sh "
                 "interop)")
snapshot = sys.argv[2] if len(sys.argv) > 2 and sys.argv[1] == "--snapshot" \
    else None
tmp = tempfile.mkdtemp(prefix="dateline-html-")
harbor = os.path.join(FIXTURES, "harbor-article.txt")
compare = [os.path.join(FIXTURES, "compare-a.txt"),
           os.path.join(FIXTURES, "compare-b.txt")]

COUNTS = """JSON.stringify({
  marks: document.querySelectorAll("#chart .mark").length,
  clusters: document.querySelectorAll("#chart .cluster").length,
  counted: Array.from(document.querySelectorAll(
      "#chart .mark, #chart .cluster, #undated li"))
    .reduce((n, e) => n + (+e.dataset.count), 0),
  conflicts: document.querySelectorAll("#chart .conflict, #undated li.conflict").length,
  links: document.querySelectorAll("#chart .link").length,
  rendered: window.datelineRendered,
})"""


def page_of(name, program, *args):
    path = os.path.join(tmp, name)
    _, err, _ = run(program, "-o", path, *args)
    return "file://" + path


def open_page(browser, url, width=1200, height=800):
    page = browser.open(url, width=width, height=height)
    ok = page.wait("window.datelineRendered !== undefined", 30)
    return page if ok else None


def big_timeline(n):
    """A timeline of n rows over ten documents and thirty years: days,
    months, open ranges, rows without a date, every certainty."""
    r = random.Random(10)
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow("start,end,when,event,mention,source,sources,value,granularity,"
               "certainty,type,doc,dct,context,note".split(","))
    base = datetime.date(1995, 1, 1)
    for i in range(n):
        doc = "report-%02d.txt" % (i % 10)
        d = base + datetime.timedelta(days=r.randrange(30 * 365))
        k = r.random()
        if k < 0.6:
            s = e = d.isoformat()
        elif k < 0.85:
            s, e = d.replace(day=1).isoformat(), d.replace(day=28).isoformat()
        elif k < 0.9:
            s, e = "", d.isoformat()
        elif k < 0.95:
            s, e = d.isoformat(), ""
        else:
            s = e = ""
        certainty = "unresolved" if not s and not e else r.choice(
            ["exact"] * 6 + ["fuzzy", "approximate"])
        event = "The board met about item %d" % i
        w.writerow([s, e, "day %d" % i, event, "m", "%s:%d" % (doc, i + 1), 1,
                    "v", "day", certainty, "DATE", doc, "2025-06-07",
                    event + ".", ""])
    path = os.path.join(tmp, "big.csv")
    with open(path, "w") as f:
        f.write(out.getvalue())
    return path


def write_snapshot(browser, path):
    """The picture of the README: the example article's page, 1000 px
    wide, a fuzzy range's note shown as on hover."""
    out = os.path.join(tmp, "snapshot.html")
    run("dateline", *REF, "-o", out, "fixtures/harbor-article.txt", cwd=SRC)
    page = open_page(browser, "file://" + out, width=1000, height=700)
    page.eval("""(() => {
        const mark = document.querySelector('#chart .mark.c-fuzzy');
        mark.focus();
        const tip = document.getElementById('tip');
        const box = mark.getBoundingClientRect();
        tip.style.left = (box.left - 380) + 'px';
        tip.style.top = (box.bottom + 60) + 'px';
    })()""")
    height = page.eval("Math.max(document.getElementById('tip')"
                       ".getBoundingClientRect().bottom, "
                       "document.body.scrollHeight) + 16")
    with open(path, "wb") as f:
        f.write(page.screenshot(height=int(height)))


HOSTILE = ('</script><script>window.pwned=1</script><!-- <img src=x '
           'onerror="window.pwned=2"> & \u2028 "quoted"')

try:
    with chromium.Browser(tmp) as browser:
        # The example article.
        url = page_of("harbor.html", "dateline", *REF, harbor)
        rows = read_csv(run("dateline", *REF, harbor)[0])[1:]
        page = open_page(browser, url)
        tap.check(page is not None, "the example's page is drawn")
        if page:
            counts = json.loads(page.eval(COUNTS))
            tap.check(counts["counted"] == len(rows) and counts["marks"] > 0,
                      "a mark per row (%d), the undated listed" % len(rows),
                      counts)
            shot = page.screenshot()
            colors = chromium.png_colors(shot)
            tap.check(colors >= 8, "the screenshot is not blank",
                      "%d colours" % colors)
            page.eval("document.querySelector('#chart .mark').focus()")
            tip = page.eval("document.getElementById('tip').hidden ? '' : "
                            "document.getElementById('tip').textContent")
            tap.check("source: " in tip and "harbor-article.txt:" in tip,
                      "focus on a mark shows its sentence and source", tip)
            tap.check(not page.errors, "no console error", page.errors)
            tap.check(page.requests == [url], "nothing fetched",
                      page.requests)

        # A comparison: two lanes, agreements linked, conflicts marked.
        url = page_of("compare.html", "dateline-compare", *REF, *compare)
        cmp_rows = read_csv(run("dateline-compare", *REF, *compare)[0])
        status = [r[0] for r in cmp_rows[1:]]
        sides = sum(bool(r[7]) + bool(r[12]) for r in cmp_rows[1:])
        page = open_page(browser, url)
        tap.check(page is not None, "the comparison's page is drawn")
        if page:
            counts = json.loads(page.eval(COUNTS))
            lanes = page.eval("document.querySelectorAll('.lane-label').length")
            tap.check(lanes == 2 and counts["counted"] == sides,
                      "two lanes, a mark per side told (%d)" % sides, counts)
            tap.check(counts["conflicts"] == status.count("conflict")
                      and counts["links"] == status.count("agree")
                      + status.count("conflict"),
                      "%d conflicts marked, %d pairs linked" % (
                          status.count("conflict"), status.count("agree")
                          + status.count("conflict")), counts)
            gaps = sorted(page.eval(
                "Array.from(document.querySelectorAll('.conflict text'))"
                ".map(e => e.textContent)"))
            want = sorted(("+" if int(r[2]) > 0 else "") + r[2] + " d"
                          for r in cmp_rows[1:] if r[0] == "conflict")
            tap.check(gaps == want, "each conflict says its gap in days",
                      (gaps, want))
            tap.check(not page.errors, "no console error (comparison)",
                      page.errors)

        # Hostile text stays text.
        timeline = os.path.join(tmp, "hostile.csv")
        with open(timeline, "w", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(read_csv(run("dateline", *REF, harbor)[0])[0])
            w.writerow(["2020-01-01", "2020-01-01", "1 January 2020", HOSTILE,
                        "x", "h.txt:1", "1", "2020-01-01", "day", "exact",
                        "DATE", "h.txt", "", HOSTILE, "</script>"])
        url = page_of("hostile.html", "dateline-timeline", "--raw", timeline)
        page = open_page(browser, url)
        tap.check(page is not None, "a page with markup in its sentences is "
                  "drawn")
        if page:
            pwned = page.eval("typeof window.pwned")
            page.eval("document.querySelector('#chart .mark').focus()")
            tip = page.eval("document.getElementById('tip').textContent")
            tap.check(pwned == "undefined" and HOSTILE in tip
                      and page.eval("document.images.length") == 0,
                      "markup in a sentence is text: no script run, no "
                      "element made", (pwned, tip))
            tap.check(not page.errors, "no console error (hostile text)",
                      page.errors)

        # 10,000 rows.
        n = 10000
        url = page_of("big.html", "dateline-timeline", "--no-merge",
                      big_timeline(n))
        page = open_page(browser, url, width=1400, height=900)
        tap.check(page is not None, "a page of %d rows is drawn" % n)
        if page:
            counts = json.loads(page.eval(COUNTS))
            ms = counts["rendered"]["ms"]
            tap.check(counts["counted"] == n and counts["clusters"] > 0
                      and counts["marks"] + counts["clusters"] < 2000,
                      "%d rows as clusters whose counts add up" % n, counts)
            tap.check(ms < 2000, "drawn in under 2 s", "%.0f ms" % ms)
            print("# %d rows drawn %.0f ms after the page began loading "
                  "(%.0f ms drawing)" % (n, ms, counts["rendered"]["renderMs"]))
            # A click on a cluster zooms into it: fewer events in view.
            page.eval("document.querySelector('#chart .cluster')"
                      ".dispatchEvent(new MouseEvent('click', {bubbles: true}))")
            shown = page.eval("document.getElementById('showing')"
                              ".textContent")
            m = re.search(r": (\d+) of (\d+) dated", shown)
            tap.check(m and 0 < int(m.group(1)) < int(m.group(2)),
                      "a click on a cluster zooms into it", shown)
            tap.check(not page.errors, "no console error (10,000 rows)",
                      page.errors)
        if snapshot:
            write_snapshot(browser, snapshot)
finally:
    shutil.rmtree(tmp, ignore_errors=True)
tap.done()
