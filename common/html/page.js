/* The page of --format html: draws the rows of the JSON "dateline-data" as
 * an SVG timeline, one lane per document (for a comparison, lane A and
 * lane B, with the two reports of an event linked).  Text from the data is
 * put into the page escaped (esc) or as textContent, never as markup.
 *
 * A lane with more events in view than it can show one by one draws them
 * as clusters (a bar per few pixels of the axis, with the count): drawing
 * stays quick and readable at 10,000 rows, and a click on a cluster zooms
 * into it. */
"use strict";
(function () {
  const DAY_MS = 864e5;
  const GUTTER = 190;       /* room for the lane names */
  const AXIS_H = 30;
  const ROW_H = 20;         /* one line of marks in a lane */
  const LANE_PAD = 8;
  const CLUSTER_H = 66;     /* a lane drawn as clusters */
  const BUCKET = 18;        /* px of axis a cluster stands for */
  const CLUSTER_AT = 250;   /* more events in view: clusters */
  const LABEL_AT = 80;      /* at most this many: labels beside the marks */
  const MAX_ROWS = 14;      /* lines of marks a lane may take */
  const MAX_LANES = 40;     /* more documents share one last lane */
  const ARROW = 30;         /* px of an open range's arrow */
  const LINK_GAP = 40;      /* px between lanes A and B of a comparison */
  const UNDATED_SHOWN = 500;
  const COLORS = ["#2f6db5", "#c46a12", "#2e8b57", "#7b4fa0", "#1f8a99",
                  "#a33b5c", "#6b7d1f", "#8a5a2b"];
  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
                  "Sep", "Oct", "Nov", "Dec"];

  const $ = (id) => document.getElementById(id);
  const data = JSON.parse($("dateline-data").textContent);
  const column = {};
  data.columns.forEach((name, i) => { column[name] = i; });
  const cell = (row, name) => (name in column ? row[column[name]] : "");

  function esc(text) {
    return String(text).replace(/[&<>"']/g, (c) => "&#" + c.charCodeAt(0) + ";");
  }
  function cut(text, n) {
    return text.length > n ? text.slice(0, n - 1) + "\u2026" : text;
  }

  /* Days since 1970-01-01 of YYYY-MM-DD, or null.  Date.UTC would read
   * years 0-99 as 1900-1999. */
  function day(text) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
    if (!m) return null;
    const d = new Date(0);
    d.setUTCFullYear(+m[1], +m[2] - 1, +m[3]);
    return Math.round(d.getTime() / DAY_MS);
  }
  function ymd(n) {
    const d = new Date(n * DAY_MS);
    return [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
  }
  function dayName(n) {
    const [y, m, d] = ymd(n);
    return d + " " + MONTHS[m] + " " + y;
  }
  /* The document of a source "doc:line;doc:line": the first place's. */
  function docOf(source) {
    const first = (source || "").split(";")[0];
    const colon = first.lastIndexOf(":");
    return colon > 0 ? first.slice(0, colon) : first;
  }

  /* The timeline's words for a range.  Two linked mentions are labelled
   * "late 2023 - early 2024"; when the text said "or", so does the page,
   * since a reader takes a dash for a span (as the TimelineJS sheet). */
  function whenOf(when, mention) {
    return / or /.test(mention) ? when.replace(" - ", " or ") : when;
  }

  /* ---- events: what is drawn ---- */

  const events = [];
  const lanes = [];
  const undated = [];
  const isComparison = data.format === "comparison";

  function newEvent(lane, start, end, fields) {
    const ev = Object.assign({
      i: events.length, lane: lane, lo: day(start), hi: day(end),
    }, fields);
    if (ev.hi !== null) ev.hi += 1;       /* the end day is in the range */
    events.push(ev);
    if (ev.lo === null && ev.hi === null) undated.push(ev);
    else if (lane) lane.events.push(ev);
    return ev;
  }
  const baseName = (path) => path.slice(path.lastIndexOf("/") + 1) || path;
  /* label: the lane's name on the page, its file's base name; title: the
   * whole of it, shown on hover. */
  function newLane(name, label, color) {
    const lane = { name: name, label: baseName(label), title: label,
                   color: color, events: [] };
    lanes.push(lane);
    return lane;
  }

  function readTimeline() {
    const docs = [];
    const seen = new Map();
    for (const row of data.rows) {
      const doc = cell(row, "doc") || docOf(cell(row, "source"));
      if (!seen.has(doc)) { seen.set(doc, null); docs.push(doc); }
    }
    docs.sort();
    const own = docs.length > MAX_LANES ? MAX_LANES - 1 : docs.length;
    docs.slice(0, own).forEach((doc, k) => {
      seen.set(doc, newLane(doc, doc, COLORS[k % COLORS.length]));
    });
    if (own < docs.length) {
      const rest = newLane("", (docs.length - own) + " other documents", "#59636e");
      docs.slice(own).forEach((doc) => seen.set(doc, rest));
    }
    for (const row of data.rows) {
      const doc = cell(row, "doc") || docOf(cell(row, "source"));
      newEvent(seen.get(doc), cell(row, "start"), cell(row, "end"), {
        when: whenOf(cell(row, "when"), cell(row, "mention")),
        event: cell(row, "event"),
        sentence: cell(row, "context"), source: cell(row, "source"),
        sources: +cell(row, "sources") || 1, certainty: cell(row, "certainty"),
        note: cell(row, "note"), doc: doc,
      });
    }
  }

  function readComparison() {
    const firstDoc = (side) => {
      for (const row of data.rows)
        if (cell(row, side + "_source")) return docOf(cell(row, side + "_source"));
      return "";
    };
    const laneA = newLane("A", firstDoc("a"), COLORS[0]);
    const laneB = newLane("B", firstDoc("b"), COLORS[1]);
    laneA.label = "A: " + laneA.label;
    laneB.label = "B: " + laneB.label;
    for (const row of data.rows) {
      const common = {
        status: cell(row, "status"), gap: cell(row, "gap_days"),
        score: cell(row, "score"), note: cell(row, "note"),
      };
      const side = (s, lane) => {
        if (!cell(row, s + "_source")) return null;
        return newEvent(lane, cell(row, s + "_start"), cell(row, s + "_end"),
          Object.assign({
            side: s.toUpperCase(), when: cell(row, s + "_when"),
            event: cell(row, s + "_event"), source: cell(row, s + "_source"),
            sentence: "", sources: 1, certainty: "exact",
          }, common));
      };
      const a = side("a", laneA);
      const b = side("b", laneB);
      if (a && b) { a.pair = b; b.pair = a; }
    }
  }

  if (isComparison) readComparison(); else readTimeline();

  /* The whole time the events take, a little widened. */
  function fullView() {
    let lo = Infinity, hi = -Infinity;
    for (const ev of events) {
      if (ev.lo === null && ev.hi === null) continue;
      lo = Math.min(lo, ev.lo !== null ? ev.lo : ev.hi - 1);
      hi = Math.max(hi, ev.hi !== null ? ev.hi : ev.lo + 1);
    }
    if (lo === Infinity) return null;
    const pad = Math.max(1, (hi - lo) * 0.03);
    return [lo - pad, hi + pad];
  }
  const full = fullView();
  let view = full;

  /* ---- drawing ---- */

  const chart = $("chart");
  let placed = new Map();     /* event -> its mark's centre, for links */

  function visible(ev) {
    const lo = ev.lo !== null ? ev.lo : ev.hi - 1;
    const hi = ev.hi !== null ? ev.hi : ev.lo + 1;
    return hi >= view[0] && lo <= view[1];
  }

  /* Where the mark of ev goes along the axis: x1..x2, its kind. */
  function measure(ev, X, left, right) {
    if (ev.lo !== null && ev.hi !== null) {
      let x1 = X(ev.lo), x2 = X(ev.hi);
      if (ev.hi - ev.lo === 1 || x2 - x1 < 1) {
        const cx = (x1 + x2) / 2;
        ev.kind = ev.hi - ev.lo === 1 ? "dot" : "bar";
        x1 = cx - 5; x2 = cx + 5;
      } else {
        ev.kind = "bar";
        x1 = Math.max(x1, left - 2); x2 = Math.min(x2, right + 2);
        if (x2 - x1 < 4) { x1 -= 2; x2 += 2; }
      }
      ev.x1 = x1; ev.x2 = x2;
    } else if (ev.hi !== null) {      /* open at the start */
      ev.kind = "left"; ev.x2 = X(ev.hi); ev.x1 = ev.x2 - ARROW;
    } else {                          /* open at the end */
      ev.kind = "right"; ev.x1 = X(ev.lo); ev.x2 = ev.x1 + ARROW;
    }
  }

  function labelOf(ev) {
    return cut(ev.event || ev.when, 38);
  }

  /* Puts each event on the first line of the lane where it has room;
   * returns the number of lines, or 0 if MAX_ROWS are not enough. */
  function pack(list, withLabels, right) {
    const ends = [];
    for (const ev of list) {
      let a = ev.x1, b = ev.x2;
      ev.labelSide = 0;
      if (withLabels) {
        const w = labelOf(ev).length * 6.3 + 6;
        if (b + w <= right + 20) { ev.labelSide = 1; b += w; }
        else { ev.labelSide = -1; a -= w; }
      }
      let line = ends.findIndex((end) => end + 4 <= a);
      if (line < 0) {
        if (ends.length >= MAX_ROWS) return 0;
        line = ends.length;
        ends.push(b);
      } else {
        ends[line] = b;
      }
      ev.line = line;
    }
    return ends.length;
  }

  function shape(ev, cy) {
    const r = (n) => n.toFixed(1);
    switch (ev.kind) {
      case "dot":
        return `<circle class="shape" cx="${r((ev.x1 + ev.x2) / 2)}" cy="${cy}" r="5"/>`;
      case "bar":
        return `<rect class="shape" x="${r(ev.x1)}" y="${cy - 5}" width="${r(ev.x2 - ev.x1)}" height="10" rx="2"/>`;
      case "left":
        return `<path class="shape" d="M${r(ev.x2)} ${cy - 3}H${r(ev.x1 + 9)}V${cy - 7}L${r(ev.x1)} ${cy}L${r(ev.x1 + 9)} ${cy + 7}V${cy + 3}H${r(ev.x2)}Z"/>` +
               `<line class="end-tick" x1="${r(ev.x2)}" x2="${r(ev.x2)}" y1="${cy - 7}" y2="${cy + 7}"/>`;
      default:
        return `<path class="shape" d="M${r(ev.x1)} ${cy - 3}H${r(ev.x2 - 9)}V${cy - 7}L${r(ev.x2)} ${cy}L${r(ev.x2 - 9)} ${cy + 7}V${cy + 3}H${r(ev.x1)}Z"/>` +
               `<line class="end-tick" x1="${r(ev.x1)}" x2="${r(ev.x1)}" y1="${cy - 7}" y2="${cy + 7}"/>`;
    }
  }

  function markSvg(ev, cy, color) {
    const cls = "mark c-" + (ev.certainty || "exact") + (ev.sources > 1 ? " multi" : "") +
                (ev.status ? " s-" + ev.status : "");
    let label = "";
    if (ev.labelSide) {
      const x = ev.labelSide > 0 ? ev.x2 + 5 : ev.x1 - 5;
      label = `<text x="${x.toFixed(1)}" y="${cy + 4}"${ev.labelSide < 0 ? ' text-anchor="end"' : ""}>${esc(labelOf(ev))}</text>`;
    }
    return `<g class="${cls}" data-i="${ev.i}" data-count="1" tabindex="0" style="--c:${color}" aria-label="${esc(ev.when + ": " + ev.event)}">` +
           shape(ev, cy) + label + "</g>";
  }

  /* The events of a lane as clusters, one per BUCKET px of the axis. */
  function clusterSvg(lane, list, X, top, left) {
    const buckets = new Map();
    for (const ev of list) {
      const mid = (Math.max(ev.x1, left) + ev.x2) / 2;
      const k = Math.max(0, Math.floor((mid - left) / BUCKET));
      let b = buckets.get(k);
      if (!b) buckets.set(k, b = { k: k, n: 0, conflicts: 0, lo: Infinity, hi: -Infinity });
      b.n++;
      if (ev.status === "conflict") b.conflicts++;
      b.lo = Math.min(b.lo, ev.lo !== null ? ev.lo : ev.hi - 1);
      b.hi = Math.max(b.hi, ev.hi !== null ? ev.hi : ev.lo + 1);
    }
    const base = top + CLUSTER_H - 6;
    let out = "";
    for (const b of buckets.values()) {
      const h = Math.min(CLUSTER_H - 22, 4 + 6 * Math.log2(b.n + 1));
      const x = left + b.k * BUCKET + 1;
      const hc = b.conflicts ? Math.max(2, h * b.conflicts / b.n) : 0;
      out += `<g class="cluster" data-count="${b.n}" data-conflicts="${b.conflicts}" data-lo="${b.lo}" data-hi="${b.hi}" tabindex="0" style="--c:${lane.color}" aria-label="${b.n} events">` +
             `<rect x="${x}" y="${(base - h).toFixed(1)}" width="${BUCKET - 2}" height="${h.toFixed(1)}"/>` +
             (hc ? `<rect class="conflicts" x="${x}" y="${(base - h).toFixed(1)}" width="${BUCKET - 2}" height="${hc.toFixed(1)}"/>` : "") +
             `<text x="${x + BUCKET / 2 - 1}" y="${(base - h - 3).toFixed(1)}">${b.n}</text></g>`;
    }
    return out;
  }

  /* The ticks of the axis: the first step that leaves 90 px between
   * ticks. */
  function ticks(scale) {
    const steps = [[1, "d"], [2, "d"], [7, "d"], [14, "d"], [1, "m"], [2, "m"],
      [3, "m"], [6, "m"], [1, "y"], [2, "y"], [5, "y"], [10, "y"], [20, "y"],
      [25, "y"], [50, "y"], [100, "y"], [200, "y"], [250, "y"], [500, "y"],
      [1000, "y"], [2000, "y"]];
    const length = { d: 1, m: 30.44, y: 365.25 };
    const [n, unit] = steps.find(([k, u]) => k * length[u] * scale >= 90) ||
                      steps[steps.length - 1];
    const out = [];
    const [y0, m0] = ymd(Math.floor(view[0]));
    const at = (y, m, d) => day(String(y).padStart(4, "0") + "-" +
      String(m + 1).padStart(2, "0") + "-" + String(d).padStart(2, "0"));
    if (unit === "y") {
      for (let y = Math.ceil(y0 / n) * n; ; y += n) {
        if (y < 0 || y > 9999) break;
        const d = at(y, 0, 1);
        if (d > view[1]) break;
        if (d >= view[0]) out.push([d, String(y)]);
      }
    } else if (unit === "m") {
      for (let k = Math.ceil((y0 * 12 + m0) / n) * n; ; k += n) {
        const y = Math.floor(k / 12), m = k % 12;
        const d = at(y, m, 1);
        if (d > view[1] || y > 9999) break;
        if (d >= view[0]) out.push([d, MONTHS[m] + " " + y]);
      }
    } else {
      for (let d = Math.ceil(view[0] / n) * n; d <= view[1]; d += n)
        out.push([d, dayName(d)]);
    }
    return out;
  }

  function render() {
    const t0 = performance.now();
    placed = new Map();
    if (!full) {
      chart.textContent = "No row has a date to draw.";
      return finish(t0, 0, 0);
    }
    const width = Math.max(640, chart.clientWidth || 960);
    const left = GUTTER, right = width - 24;
    const scale = (right - left) / (view[1] - view[0]);
    const X = (d) => left + (d - view[0]) * scale;
    const back = [], links = [], marks = [];
    let y = AXIS_H, shown = 0, nMarks = 0, nClusters = 0;

    lanes.forEach((lane, k) => {
      const list = lane.events.filter(visible);
      list.forEach((ev) => measure(ev, X, left, right));
      list.sort((a, b) => a.x1 - b.x1 || a.x2 - b.x2);
      shown += list.length;
      let lines = 0;
      if (list.length <= CLUSTER_AT) {
        lines = list.length <= LABEL_AT ? pack(list, true, right) : 0;
        if (!lines) lines = pack(list, false, right);
      }
      const height = lines ? Math.max(ROW_H, lines * ROW_H) + 2 * LANE_PAD
                           : list.length ? CLUSTER_H : ROW_H + 2 * LANE_PAD;
      back.push(`<rect class="lane-bg" x="0" y="${y}" width="${width}" height="${height - 2}"${k % 2 ? ' fill-opacity="0.55"' : ""}/>` +
                `<text class="lane-label" x="8" y="${y + 16}"><title>${esc(lane.title)}</title>${esc(cut(lane.label, 28))}</text>` +
                `<text class="lane-count" x="8" y="${y + 30}">${lane.events.length} event${lane.events.length === 1 ? "" : "s"}</text>`);
      if (lines) {
        for (const ev of list) {
          const cy = y + LANE_PAD + ev.line * ROW_H + ROW_H / 2;
          placed.set(ev, { x: ev.kind === "left" ? ev.x2 : ev.kind === "right" ? ev.x1 : (ev.x1 + ev.x2) / 2, y: cy });
          marks.push(markSvg(ev, cy, lane.color));
        }
        nMarks += list.length;
      } else if (list.length) {
        const out = clusterSvg(lane, list, X, y, left);
        nClusters += (out.match(/class="cluster"/g) || []).length;
        marks.push(out);
      }
      y += height;
      /* Between A and B, room for the links and the conflicts' gaps. */
      if (isComparison && k === 0) y += LINK_GAP;
    });

    if (isComparison) links.push(linkSvg());

    const axis = ticks(scale).map(([d, text]) => {
      const x = X(d).toFixed(1);
      return `<line x1="${x}" x2="${x}" y1="${AXIS_H - 6}" y2="${y}"/><text x="${x}" y="${AXIS_H - 10}" text-anchor="middle">${esc(text)}</text>`;
    }).join("");
    chart.innerHTML =
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y + 4}" viewBox="0 0 ${width} ${y + 4}" role="img" aria-label="${esc(document.title)}">` +
      back.join("") +
      `<g class="axis">${axis}<line class="base" x1="${left}" x2="${right}" y1="${AXIS_H - 4}" y2="${AXIS_H - 4}"/></g>` +
      links.join("") + marks.join("") + "</svg>";
    $("showing").textContent = `Showing ${dayName(Math.ceil(view[0]))} \u2013 ${dayName(Math.floor(view[1]))}: ` +
      `${shown} of ${events.length - undated.length} dated events`;
    return finish(t0, nMarks, nClusters);
  }

  /* The links between the two reports of an event, over the lanes; a
   * conflict is marked with its gap in days. */
  function linkSvg() {
    let out = "";
    for (const [ev, at] of placed) {
      if (ev.side !== "A" || !ev.pair || !placed.has(ev.pair)) continue;
      const to = placed.get(ev.pair);
      const d = `M${at.x.toFixed(1)} ${at.y + 6}L${to.x.toFixed(1)} ${to.y - 6}`;
      if (ev.status !== "conflict") {
        out += `<path class="link" d="${d}"/>`;
        continue;
      }
      const mx = ((at.x + to.x) / 2).toFixed(1), my = ((at.y + to.y) / 2).toFixed(1);
      const gap = +ev.gap;
      const text = (gap > 0 ? "+" : "") + ev.gap + " d";
      out += `<path class="link conflict-link" d="${d}"/>` +
             `<g class="conflict" data-i="${ev.i}" data-gap="${esc(ev.gap)}" tabindex="0" aria-label="conflict, ${esc(text)}">` +
             `<circle cx="${mx}" cy="${my}" r="7"/><text x="${(+mx + 10).toFixed(1)}" y="${(+my + 4).toFixed(1)}">${esc(text)}</text></g>`;
    }
    return out;
  }

  function finish(t0, nMarks, nClusters) {
    chart.getBoundingClientRect();          /* layout, in the time taken */
    const now = performance.now();
    window.datelineRendered = {
      ms: now, renderMs: now - t0, marks: nMarks, clusters: nClusters,
      events: events.length, undated: undated.length,
    };
    document.documentElement.dataset.rendered = now.toFixed(1);
  }

  /* ---- the page around the chart ---- */

  function summary() {
    if (isComparison) {
      const count = {};
      for (const row of data.rows) count[cell(row, "status")] = (count[cell(row, "status")] || 0) + 1;
      const n = (s) => count[s] || 0;
      document.title = lanes[0].label.slice(3) + " and " + lanes[1].label.slice(3) + " compared";
      return `${n("agree")} agree, ${n("conflict")} conflict, ${n("only-a")} only in A, ${n("only-b")} only in B`;
    }
    const docs = lanes.reduce((n, lane) => n + (lane.name ? 1 : +lane.label.split(" ")[0]), 0);
    document.title = docs === 1 ? "Timeline of " + lanes[0].label : "Timeline of " + docs + " documents";
    return `${data.rows.length} event${data.rows.length === 1 ? "" : "s"} from ${docs} document${docs === 1 ? "" : "s"}` +
           (undated.length ? `, ${undated.length} without a date` : "");
  }

  function legend() {
    const item = (svg, text) => `<span><svg width="34" height="14" aria-hidden="true">${svg}</svg>${text}</span>`;
    const bar = (cls) => `<g class="mark ${cls}" style="--c:${COLORS[0]}"><rect class="shape" x="2" y="2" width="30" height="10" rx="2"/></g>`;
    let out = item(bar("c-exact"), "exact") + item(bar("c-fuzzy"), "fuzzy") +
      item(bar("c-approximate"), "approximate") +
      item(`<g class="mark c-exact" style="--c:${COLORS[0]}"><circle class="shape" cx="17" cy="7" r="5"/></g>`, "a day") +
      item(`<g class="mark c-exact" style="--c:${COLORS[0]}"><path class="shape" d="M32 4H11V0L2 7L11 14V10H32Z"/></g>`, "open range (before \u2026)") +
      item(`<g class="mark c-exact multi" style="--c:${COLORS[0]}"><rect class="shape" x="2" y="2" width="30" height="10" rx="2"/></g>`, "told in several places");
    if (isComparison)
      out += item('<path class="link" d="M2 7H32"/>', "agree") +
        item('<path class="link conflict-link" d="M2 7H32"/>', "conflict (gap in days)");
    $("legend").innerHTML = out;
  }

  function undatedList() {
    if (!undated.length) return;
    const box = $("undated");
    const h = document.createElement("h2");
    h.textContent = `Without a date (${undated.length})`;
    const ul = document.createElement("ul");
    undated.slice(0, UNDATED_SHOWN).forEach((ev) => {
      const li = document.createElement("li");
      li.className = "undated" + (ev.status === "conflict" && ev.side !== "B" ? " conflict" : "");
      li.dataset.count = "1";
      li.dataset.i = ev.i;
      li.tabIndex = 0;
      const when = document.createElement("span");
      when.className = "when";
      when.textContent = (ev.side ? ev.side + ": " : "") + ev.when;
      const src = document.createElement("span");
      src.className = "src";
      src.textContent = " (" + ev.source + ")";
      li.append(when, " \u2014 " + ev.event, src);
      ul.append(li);
    });
    if (undated.length > UNDATED_SHOWN) {
      const li = document.createElement("li");
      li.className = "more";
      li.dataset.count = String(undated.length - UNDATED_SHOWN);
      li.textContent = `\u2026 and ${undated.length - UNDATED_SHOWN} more`;
      ul.append(li);
    }
    box.append(h, ul);
  }

  /* ---- the tooltip ---- */

  const tip = $("tip");

  function line(cls, text) {
    const div = document.createElement("div");
    div.className = cls;
    div.textContent = text;
    return div;
  }

  function showEvent(ev) {
    tip.replaceChildren();
    tip.append(line("when", ev.when + (ev.certainty && ev.certainty !== "exact" ? " (" + ev.certainty + ")" : "")));
    if (ev.event) tip.append(line("event", ev.event));
    /* The sentence, unless it is the event and a full stop. */
    if (ev.sentence && ev.sentence.replace(/[.!?]+$/, "") !== ev.event)
      tip.append(line("sentence", ev.sentence));
    if (ev.status) {
      tip.append(line("meta status-" + ev.status, ev.status + (ev.note ? ": " + ev.note : "")));
      if (ev.pair) tip.append(line("meta", ev.pair.side + ": " + ev.pair.when + " \u2014 " + ev.pair.event));
    } else if (ev.note) {
      tip.append(line("meta", "note: " + ev.note));
    }
    tip.append(line("meta", "source: " + ev.source + (ev.sources > 1 ? " (" + ev.sources + " places)" : "")));
  }

  function showCluster(g) {
    const n = +g.dataset.count, c = +g.dataset.conflicts;
    tip.replaceChildren(
      line("when", `${n} event${n === 1 ? "" : "s"}, ${dayName(+g.dataset.lo)} \u2013 ${dayName(+g.dataset.hi - 1)}`),
      line("meta", (c ? c + " in conflict; " : "") + "click to zoom in"));
  }

  function place(x, y) {
    tip.hidden = false;
    const w = tip.offsetWidth, h = tip.offsetHeight;
    tip.style.left = Math.max(4, Math.min(x + 14, innerWidth - w - 8)) + "px";
    tip.style.top = (y + 14 + h > innerHeight ? Math.max(4, y - h - 10) : y + 14) + "px";
  }

  function show(target, x, y) {
    const g = target.closest && target.closest("[data-i], .cluster");
    if (!g) { tip.hidden = true; return; }
    if (g.classList.contains("cluster")) showCluster(g);
    else showEvent(events[+g.dataset.i]);
    if (x === undefined) {
      const box = g.getBoundingClientRect();
      x = box.left; y = box.bottom;
    }
    place(x, y);
  }

  /* ---- zooming ---- */

  function zoomTo(lo, hi) {
    const span = Math.max(hi - lo, 2);
    const pad = span * 0.05;
    view = [Math.max(full[0], lo - pad), Math.min(full[1], hi + pad)];
    if (view[1] - view[0] < 2) view = [lo - 1, hi + 1];
    render();
  }

  let drag = null;
  chart.addEventListener("mousedown", (e) => {
    if (!full || e.button !== 0 || e.target.closest(".mark, .cluster, .conflict")) return;
    const svg = chart.firstChild, box = svg.getBoundingClientRect();
    const rect = document.createElementNS("http://www.w3.org/2000/svg", "rect");
    rect.setAttribute("class", "selection");
    rect.setAttribute("y", 0);
    rect.setAttribute("height", box.height);
    svg.append(rect);
    drag = { x0: e.clientX - box.left, rect: rect, width: box.width };
    e.preventDefault();
  });
  addEventListener("mousemove", (e) => {
    if (!drag) return;
    const x = e.clientX - chart.firstChild.getBoundingClientRect().left;
    drag.x1 = Math.max(GUTTER, Math.min(drag.width - 24, x));
    drag.rect.setAttribute("x", Math.min(drag.x0, drag.x1));
    drag.rect.setAttribute("width", Math.abs(drag.x1 - drag.x0));
  });
  addEventListener("mouseup", () => {
    if (!drag) return;
    const d = drag;
    drag = null;
    d.rect.remove();
    if (d.x1 === undefined || Math.abs(d.x1 - d.x0) < 6) return;
    const toDay = (x) => view[0] + (x - GUTTER) / (d.width - 24 - GUTTER) * (view[1] - view[0]);
    const a = toDay(Math.min(d.x0, d.x1)), b = toDay(Math.max(d.x0, d.x1));
    view = [a, b];
    render();
  });
  chart.addEventListener("click", (e) => {
    const g = e.target.closest(".cluster");
    if (g) { tip.hidden = true; zoomTo(+g.dataset.lo, +g.dataset.hi); }
  });
  chart.addEventListener("keydown", (e) => {
    const g = e.target.closest(".cluster");
    if (g && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); zoomTo(+g.dataset.lo, +g.dataset.hi); }
  });
  $("zoom-out").addEventListener("click", () => {
    const mid = (view[0] + view[1]) / 2, half = view[1] - view[0];
    zoomTo(mid - half, mid + half);
  });
  $("zoom-all").addEventListener("click", () => { view = full; render(); });

  document.addEventListener("mouseover", (e) => show(e.target, e.clientX, e.clientY));
  document.addEventListener("focusin", (e) => show(e.target));
  document.addEventListener("focusout", () => { tip.hidden = true; });
  document.addEventListener("keydown", (e) => { if (e.key === "Escape") tip.hidden = true; });

  let pending = 0;
  addEventListener("resize", () => {
    clearTimeout(pending);
    pending = setTimeout(render, 120);
  });

  $("summary").textContent = summary();
  $("title").textContent = document.title;
  $("controls").hidden = !full;
  legend();
  undatedList();
  render();
})();
