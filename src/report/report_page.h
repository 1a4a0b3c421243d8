// The fixed parts of report.html, around the data blocks that ExportHtml writes. Internal.
#ifndef CROSSCHECK_REPORT_REPORT_PAGE_H_
#define CROSSCHECK_REPORT_REPORT_PAGE_H_

namespace crosscheck {

inline constexpr const char kReportHead[] = R"html(<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>crosscheck report</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1d2329;background:#f6f7f9}
header{background:#1d2b3a;color:#fff;padding:14px 24px}
header h1{margin:0;font-size:20px}
main{max-width:1180px;margin:0 auto;padding:16px 24px}
section.panel,.viz{background:#fff;border:1px solid #d8dde3;border-radius:6px;margin:14px 0;padding:12px 16px}
.vizrow{display:flex;gap:14px;flex-wrap:wrap;align-items:flex-start}.vizrow .viz{flex:1 1 460px}
h2{font-size:17px;margin:4px 0 8px}h3{font-size:14px;margin:12px 0 4px;color:#44505c}
.meta{color:#5b6670;font-size:13px}
.range{font-size:16px;font-weight:600}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border-bottom:1px solid #e6e9ed;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f0f2f5}
.denied{color:#a8261b;font-weight:600}
.contra{background:#fff4f2;border-left:3px solid #d0453a;padding:4px 8px;margin:4px 0}
.doc{white-space:pre-wrap;font-size:13px;max-height:420px;overflow:auto;background:#fbfbfc;border:1px solid #e6e9ed;padding:8px}
mark{background:#ffe58a}
mark.target{outline:2px solid #d0453a}
svg text{font-size:10px;fill:#5b6670}
.dot{cursor:pointer}.dot:hover{stroke:#1d2329;stroke-width:1.5px}
section.panel:target{outline:2px solid #d0453a}
.viz h2 button{float:right;font:12px system-ui,sans-serif;cursor:pointer}
a{color:#1f5fa8}
</style>
</head>
<body>
<header><h1>crosscheck report</h1><div class="meta" id="counts"></div></header>
<main>
<div class="vizrow"><div class="viz"><h2>Timeline</h2><svg id="timeline" width="100%" height="140"></svg></div>
<div class="viz"><h2>Map <button id="map-zoom" type="button" hidden></button></h2><svg id="map" viewBox="0 0 360 180" width="100%"></svg></div></div>
<div class="meta">A dot's area grows with the best estimate of the killed; a ring is an event with no figure. Click a dot for its event.</div>
<div id="events"></div>
<h2>Documents</h2>
<div id="documents"></div>
</main>
)html";

inline constexpr const char kReportTail[] = R"html(<script>
"use strict";
// Every value below comes from article text: it is only ever set with textContent.
const data = id => JSON.parse(document.getElementById(id).textContent);
const events = data("events-data"), claims = data("claims-data"), docs = data("documents-data");
const claimById = new Map(claims.map(c => [c.claim_id, c]));
const docById = new Map(docs.map(d => [d.doc_id, d]));
function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v; else e.setAttribute(k, v);
  }
  for (const k of kids) if (k !== null && k !== undefined) e.append(typeof k === "string" ? document.createTextNode(k) : k);
  return e;
}
function svg(tag, attrs) {
  const e = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  return e;
}
const placeName = p => p ? [p.name || p.text, p.parent, p.admin1, p.country].filter(Boolean).filter((v, i, a) => a.indexOf(v) === i).join(", ") : "place unknown";
const countText = c => c.count ? c.count.text : "no number";
const safeId = s => String(s).replace(/[^A-Za-z0-9_-]/g, "_");
document.getElementById("counts").textContent =
  events.length + " events, " + claims.length + " claims, " + docs.length + " documents";

// Dots: the area grows with the best fatality estimate, relative to the deadliest event (0..1);
// an event with no figure is a ring.
const maxBest = events.reduce((m, e) => Math.max(m, e.fatalities ? e.fatalities.best : 0), 1);
const dotSize = e => e.fatalities ? Math.sqrt(Math.max(0, e.fatalities.best) / maxBest) : 0;
const killedText = e => e.fatalities ? e.fatalities.low + "–" + e.fatalities.high + " killed" : "no figure";
function eventDot(e, attrs) {
  const look = e.fatalities ? {fill: "#d0453a", "fill-opacity": .65, stroke: "#fff"} : {fill: "none", stroke: "#d0453a"};
  const dot = svg("circle", Object.assign({class: "dot", "vector-effect": "non-scaling-stroke"}, look, attrs));
  const tip = svg("title", {});
  tip.textContent = [e.date && e.date.start ? e.date.start : "undated", e.sub_event_type, placeName(e.location), killedText(e)].join(" — ");
  dot.append(tip);
  dot.addEventListener("click", () => { location.hash = "ev-" + safeId(e.event_id); });
  return dot;
}

// Timeline: one dot per dated event, a line to its end date when it spans days.
(function timeline() {
  const box = document.getElementById("timeline");
  const day = e => Date.parse(e.date.start);
  const dated = events.filter(e => e.date && e.date.start && !isNaN(day(e))).sort((a, b) => day(a) - day(b));
  const W = box.clientWidth || 560, pad = 24, axis = 104;
  if (!dated.length) {
    const none = svg("text", {x: pad, y: 60}); none.textContent = "no dated events"; box.append(none);
    return;
  }
  let lo = day(dated[0]), hi = dated.reduce((m, e) => Math.max(m, e.date.end ? Date.parse(e.date.end) || day(e) : day(e)), lo);
  if (hi === lo) { lo -= 864e5; hi += 864e5; }
  const x = v => pad + (W - 2 * pad) * (v - lo) / (hi - lo);
  box.append(svg("line", {x1: pad, x2: W - pad, y1: axis, y2: axis, stroke: "#8994a0"}));
  // The end labels are anchored inwards so that they stay inside the box; ticks at least a day
  // apart never repeat a date.
  const ticks = Math.max(1, Math.min(W > 420 ? 4 : 1, Math.round((hi - lo) / 864e5)));
  for (let i = 0; i <= ticks; ++i) {
    const v = lo + (hi - lo) * i / ticks;
    box.append(svg("line", {x1: x(v), x2: x(v), y1: axis, y2: axis + 4, stroke: "#8994a0"}));
    const label = svg("text", {x: x(v), y: axis + 16, "text-anchor": i === 0 ? "start" : i === ticks ? "end" : "middle"});
    label.textContent = new Date(v).toISOString().slice(0, 10);
    box.append(label);
  }
  dated.forEach((e, i) => {
    const cy = axis - 16 - (i % 4) * 18, start = x(day(e)), end = e.date.end ? x(Date.parse(e.date.end)) : start;
    if (end > start + 1) box.append(svg("line", {x1: start, x2: end, y1: cy, y2: cy, stroke: "#d0453a", "stroke-width": 2, "stroke-opacity": .5}));
    box.append(eventDot(e, {cx: start, cy, r: e.fatalities ? 3 + 9 * dotSize(e) : 4}));
  });
})();

// Map: equirectangular (x = lon + 180, y = 90 - lat), zoomed to the located events; the world's
// land and borders when the report was built with data/generated/world_outline.tsv.
(function map() {
  const box = document.getElementById("map"), zoom = document.getElementById("map-zoom");
  const outline = document.getElementById("world-outline") ? data("world-outline") : null;
  const located = events.filter(e => e.location && typeof e.location.lat === "number" && typeof e.location.lon === "number");
  const world = [0, 0, 360, 180];
  // The events with a margin, at least 40 x 20 degrees, as wide as the box is (2:1).
  function eventsView() {
    if (!located.length) return world;
    let x0 = 360, x1 = 0, y0 = 180, y1 = 0;
    for (const e of located) {
      const x = e.location.lon + 180, y = 90 - e.location.lat;
      x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
    }
    const w = Math.max(40, (x1 - x0) * 1.4, (y1 - y0) * 1.4 * 2), h = w / 2;
    if (w >= 300) return world;
    const clamp = (v, top) => Math.min(Math.max(v, 0), top);
    return [clamp((x0 + x1 - w) / 2, 360 - w), clamp((y0 + y1 - h) / 2, 180 - h), w, h];
  }
  function draw(view) {
    box.replaceChildren();
    box.setAttribute("viewBox", view.join(" "));
    const k = view[2] / 360, line = {"vector-effect": "non-scaling-stroke"};
    box.append(svg("rect", {x: 0, y: 0, width: 360, height: 180, fill: "#eef3f8"}));
    const step = view[2] > 120 ? 30 : 10;
    for (let lon = -180 + step; lon < 180; lon += step) box.append(svg("line", Object.assign({x1: lon + 180, x2: lon + 180, y1: 0, y2: 180, stroke: "#d5dde6", "stroke-width": .5}, line)));
    for (let lat = -90 + step; lat < 90; lat += step) box.append(svg("line", Object.assign({x1: 0, x2: 360, y1: 90 - lat, y2: 90 - lat, stroke: "#d5dde6", "stroke-width": .5}, line)));
    if (outline) {
      box.append(svg("path", Object.assign({d: outline.land, fill: "#dfe4da", stroke: "#9aa89a", "stroke-width": .6}, line)));
      box.append(svg("path", Object.assign({d: outline.borders, fill: "none", stroke: "#b4bdb2", "stroke-width": .5}, line)));
    }
    // The biggest first, so that smaller dots stay on top and can be clicked.
    for (const e of located.slice().sort((a, b) => dotSize(b) - dotSize(a))) {
      box.append(eventDot(e, {cx: e.location.lon + 180, cy: 90 - e.location.lat, r: k * (e.fatalities ? 2 + 6 * dotSize(e) : 2.5)}));
    }
  }
  const near = eventsView();
  let zoomed = near !== world;
  draw(near);
  if (!zoomed) return;
  zoom.hidden = false;
  zoom.textContent = "whole world";
  zoom.addEventListener("click", () => {
    zoomed = !zoomed;
    draw(zoomed ? near : world);
    zoom.textContent = zoomed ? "whole world" : "zoom to events";
  });
})();

function claimLink(c) {
  return el("a", {href: "#cl-" + safeId(c.claim_id)}, "sentence");
}

function estimate(label, f) {
  if (!f) return el("div", {class: "meta"}, label + ": no figure");
  return el("div", {}, el("span", {class: "range"}, label + ": " + f.low + " / " + f.best + " / " + f.high),
            el("span", {class: "meta"}, "  (low / best / high) — " + f.rule));
}

for (const e of events) {
  const panel = el("section", {class: "panel", id: "ev-" + safeId(e.event_id)});
  panel.append(el("h2", {}, (e.date && e.date.start ? e.date.start : "undated") + " · " + e.event_type + " · " + e.sub_event_type));
  panel.append(el("div", {class: "meta"}, placeName(e.location) + (e.actor1 ? " · " + e.actor1 : "") + (e.actor2 ? " vs " + e.actor2 : "") + " · " + e.documents.length + " document(s)"));
  panel.append(estimate("Killed", e.fatalities), estimate("Injured", e.injured));
  if (e.summary) panel.append(el("h3", {}, "Summary"), el("p", {}, e.summary));
  const table = el("table", {}, el("tr", {}, el("th", {}, "Source"), el("th", {}, "Type"), el("th", {}, "Says"), el("th", {}, "Kind"), el("th", {}, "Scope"), el("th", {}, "Where")));
  for (const s of e.sources) {
    for (const id of s.claim_ids) {
      const c = claimById.get(id);
      if (!c) continue;
      const says = el("td", {}, c.polarity === "denied" ? el("span", {class: "denied"}, "denies ") : null, countText(c), " ", claimLink(c));
      table.append(el("tr", {}, el("td", {}, s.name || (c.source && c.source.text) || "—"), el("td", {}, s.type), says, el("td", {}, c.kind), el("td", {}, c.scope), el("td", {}, placeName(c.location))));
    }
  }
  panel.append(el("h3", {}, "Sources"), table);
  if (e.contradictions.length) {
    panel.append(el("h3", {}, "Contradictions"));
    for (const k of e.contradictions) {
      const links = k.claim_ids.map(id => el("a", {href: "#cl-" + safeId(id)}, id));
      const box = el("div", {class: "contra"}, k.note + " — ");
      links.forEach((a, i) => { if (i) box.append(", "); box.append(a); });
      panel.append(box);
    }
  }
  document.getElementById("events").append(panel);
}

// Documents, with each claim's sentence marked where it stands (offsets count code points).
const byDoc = new Map();
for (const c of claims) { if (!byDoc.has(c.doc_id)) byDoc.set(c.doc_id, []); byDoc.get(c.doc_id).push(c); }
for (const d of docs) {
  const chars = Array.from(d.main_text || "");
  const marks = (byDoc.get(d.doc_id) || []).slice().sort((a, b) => a.char_start - b.char_start);
  const body = el("div", {class: "doc"});
  let at = 0;
  for (const c of marks) {
    if (c.char_start < at) { body.append(el("span", {id: "cl-" + safeId(c.claim_id)})); continue; }
    body.append(chars.slice(at, c.char_start).join(""));
    body.append(el("mark", {id: "cl-" + safeId(c.claim_id), title: c.kind + ": " + countText(c)}, chars.slice(c.char_start, c.char_end).join("")));
    at = c.char_end;
  }
  body.append(chars.slice(at).join(""));
  const pub = d.published && d.published.date ? d.published.date + " (" + d.published.basis + ")" : "undated";
  document.getElementById("documents").append(el("section", {class: "panel", id: "doc-" + safeId(d.doc_id)},
    el("h2", {}, d.title || d.path), el("div", {class: "meta"}, [d.outlet, pub, d.path].filter(Boolean).join(" · ")), body));
}
window.addEventListener("hashchange", () => {
  document.querySelectorAll("mark.target").forEach(m => m.classList.remove("target"));
  const t = document.getElementById(location.hash.slice(1));
  if (t && t.tagName === "MARK") t.classList.add("target");
});
</script>
</body>
</html>
)html";

}  // namespace crosscheck

#endif  // CROSSCHECK_REPORT_REPORT_PAGE_H_
