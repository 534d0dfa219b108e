// dateline's dashboard: every view reads its filters from the URL and asks the API for aggregates.
// Plain ES module, no build step; Leaflet (L) and topojson-client (topojson) are loaded as globals.

const FILTERS = ["since", "until", "country", "actor", "recipient", "type", "mode", "aux", "text", "near"];
const VIEW_DEFAULTS = { period: "", stack: "type", level: "country", trend: "country", per: "event" };
const PAGE_SIZE = 50;
const QUADS = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
const QUAD_COLOURS = { 1: "#7fbf7b", 2: "#1b7837", 3: "#f1a340", 4: "#c0392b" };
const TYPE_COLOURS = ["#1f77b4", "#aec7e8", "#2ca02c", "#98df8a", "#17becf", "#9edae5", "#bcbd22", "#dbdb8d",
  "#ff7f0e", "#ffbb78", "#e377c2", "#f7b6d2", "#9467bd", "#c5b0d5", "#d62728", "#8c564b"];
const SVG = "http://www.w3.org/2000/svg";

let vocabulary = { types: [], aux: [], countries: {} };
let renderToken = 0;
let renderedSearch = null;  // the query string the views show

// ------------------------------------------------------------------------------------------- helpers

const $ = (selector) => document.querySelector(selector);

function el(tag, attributes = {}, ...children) {
  const node = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "onclick") node.addEventListener("click", value);
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

function params() { return new URLSearchParams(location.search); }

function option(p, name) { return p.get(name) || VIEW_DEFAULTS[name] || ""; }

function filterQuery(p = params()) {
  const q = new URLSearchParams();
  for (const name of FILTERS) if (p.get(name)) q.set(name, p.get(name));
  return q;
}

function withQuery(path, ...parts) {
  const q = new URLSearchParams();
  for (const part of parts) for (const [k, v] of new URLSearchParams(part)) if (v !== "") q.set(k, v);
  const text = q.toString();
  return text ? `${path}?${text}` : path;
}

// Change the URL (filters, view options) and render again. A filter change goes back to page 1.
export function go(changes, { keepPage = false } = {}) {
  const p = params();
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === "") p.delete(key); else p.set(key, value);
  }
  if (!keepPage && !("page" in changes)) p.delete("page");
  const text = p.toString();
  history.pushState(null, "", text ? `/?${text}` : "/");
  render();
}

async function api(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`${path.split("?")[0]}: ${await errorText(response)}`);
  return response.json();
}

async function errorText(response) {
  try {
    const body = await response.json();
    const detail = Array.isArray(body.detail)
      ? body.detail.map((d) => `${d.loc.slice(-1)[0]}: ${d.msg}`).join("; ") : body.detail;
    return `${response.status} ${detail}`;
  } catch {
    return `${response.status} ${response.statusText}`;
  }
}

function showError(error) {
  const box = $("#error");
  if (!error) { box.hidden = true; return; }
  box.textContent = String(error.message || error);
  box.hidden = false;
}

const short = (text, n = 40) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);
const parties = (codes, names) => (codes && codes.length ? codes.join("+") : "") +
  (names && names.length ? ` (${names.slice(0, 2).map((n) => short(n)).join(", ")}${names.length > 2 ? "…" : ""})`
    : "");

const quadDot = (quad) => (quad ? el("span", { class: `quad q${quad}`, title: QUADS[quad] }) : null);

function activate(node, action) {  // a focusable SVG element that Enter or Space clicks
  node.setAttribute("tabindex", "0");
  node.setAttribute("role", "button");
  node.addEventListener("click", action);
  node.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") { event.preventDefault(); action(event); }
  });
}

// ------------------------------------------------------------------------------------------ filters

function syncForm(p) {
  const form = $("#filters");
  for (const name of FILTERS) form.elements[name].value = p.get(name) || "";
  for (const control of document.querySelectorAll(".view-option")) {
    if (control.type === "radio") control.checked = control.value === option(p, control.name);
    else control.value = option(p, control.name);
  }
  const q = filterQuery(p);
  for (const format of ["csv", "plover-jsonl", "gdelt"]) {
    $(`#export-${format}`).href = withQuery("/dashboard/export", q, { format });
  }
}

function setUpControls() {
  const form = $("#filters");
  for (const type of vocabulary.types) form.elements.type.append(el("option", { value: type, text: type }));
  for (const aux of vocabulary.aux) form.elements.aux.append(el("option", { value: aux, text: aux }));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    const changes = {};
    for (const name of FILTERS) changes[name] = form.elements[name].value.trim();
    if (changes.country) changes.country = changes.country.toUpperCase();
    go({ ...changes, event: null });
  });
  for (const name of ["since", "until", "type", "aux"]) {
    form.elements[name].addEventListener("change", () => form.requestSubmit());
  }
  $("#clear").addEventListener("click", () => go(Object.fromEntries(FILTERS.map((f) => [f, null]))));
  for (const control of document.querySelectorAll(".view-option")) {
    control.addEventListener("change", () => {
      const changes = { [control.name]: control.value };
      if (control.name === "per") Object.assign(changes, { sort: null, desc: null });
      go(changes);
    });
  }
  $("#prev").addEventListener("click", () => go({ page: Math.max(1, Number(params().get("page") || 1) - 1) }));
  $("#next").addEventListener("click", () => go({ page: Number(params().get("page") || 1) + 1 }));
  $("#home").addEventListener("click", (event) => { event.preventDefault(); go({ event: null }, { keepPage: true }); });
  window.addEventListener("popstate", () => {  // back and forward; not a jump to #main by the skip link
    if (location.search !== renderedSearch) render();
  });
}

// ---------------------------------------------------------------------------------------- rendering

async function render() {
  const token = ++renderToken;
  renderedSearch = location.search;
  document.body.dataset.busy = "true";
  const p = params();
  syncForm(p);
  showError(null);
  const eventId = p.get("event");
  $("#overview").hidden = Boolean(eventId);
  $("#event").hidden = !eventId;
  try {
    const q = filterQuery(p);
    const empty = vocabulary.stored_events === 0;  // as the page was served
    $("#empty").hidden = !empty;
    if (empty) {
      $("#overview").hidden = true;
      $("#event").hidden = true;
      renderSummary({ stored_events: 0 });
      return;
    }
    // Every view's request leaves at once; only the timeline waits for the summary (its date range).
    const summary = api(withQuery("/dashboard/summary", q)).then((s) => {
      if (token === renderToken) renderSummary(s);
      return s;
    });
    if (eventId) { await Promise.all([summary, renderEvent(eventId, token)]); return; }
    map.show();
    const results = await Promise.allSettled([summary.then((s) => renderTimeline(p, q, s, token)),
      map.render(q, token, true), renderGraph(p, q, token), renderTrends(p, q, token), renderList(p, q, token)]);
    const failed = results.find((r) => r.status === "rejected");
    if (failed && token === renderToken) showError(failed.reason);
  } catch (error) {
    if (token === renderToken) showError(error);
  } finally {
    if (token === renderToken) document.body.dataset.busy = "false";
  }
}

function renderSummary(s) {
  const range = s.first ? ` · ${s.first} – ${s.last}` : "";
  $("#summary").textContent = s.stored_events === 0 ? "empty store"
    : `${s.events} events · ${s.happenings} happenings · ${s.documents} documents${range}` +
      (s.events !== s.stored_events ? ` (of ${s.stored_events} stored)` : "");
}

// ----------------------------------------------------------------------------------------- timeline

const iso = (date) => date.toISOString().slice(0, 10);
const utc = (text) => new Date(`${text}T00:00:00Z`);
const addDays = (date, n) => new Date(date.getTime() + n * 86400000);

function periodOf(date, period) {
  if (period === "month") return iso(date).slice(0, 7);
  if (period === "week") return iso(addDays(date, -((date.getUTCDay() + 6) % 7)));
  return iso(date);
}

function periodStart(key, period) { return period === "month" ? `${key}-01` : key; }

function periodEnd(key, period) {
  if (period === "week") return iso(addDays(utc(key), 6));
  if (period === "month") {
    const [y, m] = key.split("-").map(Number);
    return iso(new Date(Date.UTC(y, m, 0)));
  }
  return key;
}

function periodsBetween(first, last, period) {
  const keys = [];
  let date = utc(periodStart(periodOf(utc(first), period), period));
  const end = periodOf(utc(last), period);
  while (keys.length < 5000) {
    const key = periodOf(date, period);
    keys.push(key);
    if (key >= end) break;
    date = period === "month" ? new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1))
      : addDays(date, period === "week" ? 7 : 1);
  }
  return keys;
}

function autoPeriod(first, last) {
  const days = (utc(last) - utc(first)) / 86400000;
  return days > 730 ? "month" : days > 120 ? "week" : "day";
}

function colourOf(stack, key) {
  if (stack === "quad") return QUAD_COLOURS[key] || "#999";
  const index = vocabulary.types.indexOf(key);
  return TYPE_COLOURS[index >= 0 ? index % TYPE_COLOURS.length : 0];
}

async function renderTimeline(p, q, summary, token) {
  const chart = $("#timeline-chart");
  const legend = $("#timeline-legend");
  if (!summary.first) {
    chart.replaceChildren(el("p", { class: "hint", text: "No dated events in this selection." }));
    legend.replaceChildren();
    return;
  }
  // The axis spans the date filter when there is one (the window brushed), else the events' dates.
  const first = p.get("since") && p.get("since") < summary.first ? p.get("since") : summary.first;
  const last = p.get("until") && p.get("until") > summary.last ? p.get("until") : summary.last;
  const period = p.get("period") || autoPeriod(first, last);
  const stack = option(p, "stack");
  const rows = await api(withQuery("/dashboard/timeline", q, { period, stack }));
  if (token !== renderToken) return;
  const keys = periodsBetween(first, last, period);
  const index = new Map(keys.map((k, i) => [k, i]));
  const totals = new Array(keys.length).fill(0);
  const stacks = keys.map(() => []);
  const seen = new Set();
  for (const row of rows) {
    const i = index.get(row.period);
    if (i === undefined) continue;
    stacks[i].push(row);
    totals[i] += row.events;
    seen.add(row.key);
  }
  const width = Math.max(chart.clientWidth, 300);
  const height = 180;
  const bottom = 20;
  const left = 34;
  const max = Math.max(1, ...totals);
  const band = (width - left) / keys.length;
  const bar = Math.min(band * 0.84, 48);
  const svg = el("svg:svg", { viewBox: `0 0 ${width} ${height}`, "aria-label":
    `Events per ${period} from ${first} to ${last}; drag to select dates`, role: "img" });
  svg.append(el("svg:text", { x: left - 4, y: 10, "text-anchor": "end", "font-size": 10, text: String(max) }));
  svg.append(el("svg:text", { x: left - 4, y: height - bottom, "text-anchor": "end", "font-size": 10, text: "0" }));
  stacks.forEach((parts, i) => {
    let y = height - bottom;
    for (const part of parts) {
      const h = (part.events / max) * (height - bottom - 12);
      y -= h;
      const label = stack === "quad" ? QUADS[part.key] : part.key;
      svg.append(el("svg:rect", { x: left + (i + 0.5) * band - bar / 2, y, width: Math.max(bar, 1), height: h,
        fill: colourOf(stack, part.key), class: "bar-part" },
      el("svg:title", { text: `${keys[i]}: ${part.events} ${label}` })));
    }
  });
  const ticks = Math.min(keys.length, Math.max(2, Math.floor((width - left) / 90)));
  for (let t = 0; t < ticks; t++) {
    const i = Math.round((t * (keys.length - 1)) / Math.max(ticks - 1, 1));
    svg.append(el("svg:text", { x: left + (i + 0.5) * band, y: height - 5, "font-size": 10,
      "text-anchor": t === 0 ? "start" : t === ticks - 1 ? "end" : "middle", text: keys[i] }));
  }
  brush(svg, { left, band, keys, period, height: height - bottom });
  chart.replaceChildren(svg);
  legend.replaceChildren(...[...seen].sort().map((key) => el("span", {},
    el("i", { style: `background:${colourOf(stack, key)}` }), stack === "quad" ? QUADS[key] : key)));
}

// Dragging across the bars selects the periods under the drag: since = first period's start, until = last's end.
function brush(svg, { left, band, keys, period, height }) {
  let start = null;
  const rect = el("svg:rect", { class: "brush", y: 0, height, width: 0, x: 0, visibility: "hidden" });
  svg.append(rect);
  const xOf = (event) => {
    const box = svg.getBoundingClientRect();
    return ((event.clientX - box.left) / box.width) * svg.viewBox.baseVal.width;
  };
  svg.addEventListener("pointerdown", (event) => {
    start = xOf(event);
    svg.setPointerCapture(event.pointerId);
    rect.setAttribute("visibility", "visible");
    rect.setAttribute("x", start);
    rect.setAttribute("width", 0);
  });
  svg.addEventListener("pointermove", (event) => {
    if (start === null) return;
    const x = xOf(event);
    rect.setAttribute("x", Math.min(start, x));
    rect.setAttribute("width", Math.abs(x - start));
  });
  svg.addEventListener("pointerup", (event) => {
    if (start === null) return;
    const end = xOf(event);
    const clamp = (x) => Math.min(keys.length - 1, Math.max(0, Math.floor((x - left) / band)));
    const [from, to] = [clamp(Math.min(start, end)), clamp(Math.max(start, end))];
    start = null;
    go({ since: periodStart(keys[from], period), until: periodEnd(keys[to], period) });
  });
}

// ---------------------------------------------------------------------------------------------- map

// Rings that cross the antimeridian (Russia, Fiji) would be drawn across the whole map: their western
// points are moved past 180° east instead.
function unwrapped(feature) {
  const fix = (ring) => (ring.some(([x]) => x > 170) && ring.some(([x]) => x < -170)
    ? ring.map(([x, y]) => [x < 0 ? x + 360 : x, y]) : ring);
  const g = feature.geometry;
  if (g.type === "Polygon") g.coordinates = g.coordinates.map(fix);
  if (g.type === "MultiPolygon") g.coordinates = g.coordinates.map((polygon) => polygon.map(fix));
  return feature;
}

const map = {
  leaflet: null, countries: null, points: null, query: null, counts: new Map(),

  init() {
    this.leaflet = L.map("map", { minZoom: 1, maxZoom: 12, worldCopyJump: true, zoomSnap: 1 }).setView([30, 20], 2);
    this.leaflet.attributionControl.setPrefix(false);
    this.leaflet.attributionControl.addAttribution("Natural Earth (world-atlas) · Leaflet");
    this.points = L.layerGroup().addTo(this.leaflet);
    this.leaflet.on("zoomend", () => { if (this.query) this.renderPoints(this.query, renderToken); });
    this.shapes = fetch("/dashboard/static/vendor/world-atlas/countries-110m.json").then((r) => r.json())
      .then((topology) => {
        const shapes = topojson.feature(topology, topology.objects.countries);
        shapes.features = shapes.features.filter((f) => f.id !== "010").map(unwrapped);  // no Antarctica
        this.countries = L.geoJSON(shapes, {
          style: (feature) => this.style(feature),
          onEachFeature: (feature, layer) => {
            const country = vocabulary.countries[feature.id];
            layer.options.className = `country country-${country ? country.code : "unknown"}`;
            layer.on("click", () => { if (country) go({ country: country.code }); });
            layer.bindTooltip(() => `${feature.properties.name}: ${this.counts.get(feature.id) || 0} events`,
              { sticky: true });
          },
        }).addTo(this.leaflet);
        this.countries.bringToBack();
      });
  },

  show() { if (this.leaflet) setTimeout(() => this.leaflet.invalidateSize(), 0); },

  style(feature) {
    const n = this.counts.get(feature.id) || 0;
    const max = Math.max(1, ...this.counts.values());
    const t = n ? 0.25 + 0.75 * Math.sqrt(n / max) : 0;
    return { weight: 0.6, color: "#8795a8", fillOpacity: 1,
      fillColor: n ? `rgb(${Math.round(235 - 160 * t)},${Math.round(232 - 120 * t)},${Math.round(245 - 70 * t)})`
        : "#f4f2ec" };
  },

  async render(q, token, fit) {
    this.query = q;
    const [rows] = await Promise.all([api(withQuery("/dashboard/countries", q)), this.shapes]);
    if (token !== renderToken) return;
    this.counts = new Map(rows.filter((r) => r.numeric).map((r) => [r.numeric, r.events]));
    if (this.countries) this.countries.setStyle((feature) => this.style(feature));
    await this.renderPoints(q, token, fit);
  },

  async renderPoints(q, token, fit = false) {
    const rows = await api(withQuery("/dashboard/points", q, { zoom: this.leaflet.getZoom() }));
    if (token !== renderToken) return;
    this.points.clearLayers();
    const max = Math.max(1, ...rows.map((r) => r.events));
    for (const row of rows) {
      const label = row.places > 1 ? `${row.events} events in ${row.places} places (${row.name}…)`
        : `${row.name}: ${row.events} events`;
      const marker = L.circleMarker([row.lat, row.lon], { radius: 5 + 14 * Math.sqrt(row.events / max),
        className: "map-point", color: "#123f80", weight: 1, fillColor: "#2f6fd0", fillOpacity: 0.75 })
        .bindTooltip(label);
      marker.on("click", () => this.pick(row));
      marker.addTo(this.points);
      const path = marker.getElement();
      if (path) {
        path.setAttribute("aria-label", label);
        path.dataset.places = row.places;
        activate(path, () => this.pick(row));
      }
    }
    if (fit && rows.length) {
      const bounds = L.latLngBounds(rows.map((r) => [r.lat, r.lon]));
      this.leaflet.fitBounds(bounds.pad(0.1), { maxZoom: 5, animate: false });
    }
  },

  // One place: filter to events near it. Several: zoom in until they separate.
  pick(row) {
    if (row.places > 1 && this.leaflet.getZoom() < 10) {
      this.leaflet.fitBounds([[row.south, row.west], [row.north, row.east]], { maxZoom: 10, padding: [30, 30] });
    } else {
      go({ near: `${row.lat.toFixed(4)},${row.lon.toFixed(4)},25` });
    }
  },
};

// -------------------------------------------------------------------------------------- actor graph

async function renderGraph(p, q, token) {
  const level = option(p, "level");
  const rows = await api(withQuery("/dashboard/dyads", q, { level, limit: 40 }));
  if (token !== renderToken) return;
  const chart = $("#graph-chart");
  if (!rows.length) {
    chart.replaceChildren(el("p", { class: "hint", text: "No events with both an actor and a recipient here." }));
    return;
  }
  const degree = new Map();
  for (const r of rows) for (const n of [r.actor, r.recipient]) degree.set(n, (degree.get(n) || 0) + r.events);
  // Alphabetical round the circle: the busiest parties are not all side by side, and a node is easy to find.
  const nodes = [...degree.keys()].sort((a, b) => a.localeCompare(b));
  const busiest = Math.max(...degree.values());
  const width = Math.max(chart.clientWidth, 300);
  const height = chart.clientWidth < 500 ? 300 : 360;
  const radius = Math.min(width, height) / 2 - (level === "name" ? 70 : 40);
  const [cx, cy] = [width / 2, height / 2];
  const at = new Map(nodes.map((n, i) => {
    const angle = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    return [n, { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle), angle }];
  }));
  const svg = el("svg:svg", { viewBox: `0 0 ${width} ${height}`, "aria-label": "Actor to recipient graph" });
  const defs = el("svg:defs");
  for (const [quad, colour] of Object.entries(QUAD_COLOURS)) {
    defs.append(el("svg:marker", { id: `arrow-${quad}`, viewBox: "0 0 10 10", refX: 10, refY: 5,
      markerWidth: 12, markerHeight: 12, orient: "auto-start-reverse", markerUnits: "userSpaceOnUse" },
    el("svg:path", { d: "M0,0 L10,5 L0,10 z", fill: colour })));
  }
  svg.append(defs);
  const max = Math.max(...rows.map((r) => r.events));
  const nodeRadius = (n) => 3 + 6 * Math.sqrt(degree.get(n) / busiest);
  for (const r of rows) {
    const [a, b] = [at.get(r.actor), at.get(r.recipient)];
    const quad = [1, 2, 3, 4].reduce((best, k) => (r[`q${k}`] > r[`q${best}`] ? k : best), 1);
    // A curve bending to its left, so A→B and B→A are two arrows; it stops at the target node's edge.
    const [dx, dy] = [b.x - a.x, b.y - a.y];
    const length = Math.hypot(dx, dy) || 1;
    const bend = 0.15 * length;
    const [mx, my] = [(a.x + b.x) / 2 + (dy / length) * bend, (a.y + b.y) / 2 - (dx / length) * bend];
    const [tx, ty] = [b.x - mx, b.y - my];
    const stop = (nodeRadius(r.recipient) + 2) / (Math.hypot(tx, ty) || 1);
    const label = `${r.actor} → ${r.recipient}: ${r.events} events, mostly ${QUADS[quad]}`;
    const edge = el("svg:path", { d: `M${a.x},${a.y} Q${mx},${my} ${b.x - tx * stop},${b.y - ty * stop}`,
      class: "edge", stroke: QUAD_COLOURS[quad], "stroke-opacity": 0.75,
      "stroke-width": 1.2 + 5 * Math.sqrt(r.events / max), "marker-end": `url(#arrow-${quad})`,
      "data-actor": r.actor, "data-recipient": r.recipient, "aria-label": label }, el("svg:title", { text: label }));
    activate(edge, () => go({ actor: r.actor, recipient: r.recipient }));
    svg.append(edge);
  }
  for (const n of nodes) {
    const { x, y, angle } = at.get(n);
    const outside = Math.cos(angle) >= 0;
    const label = `${n}: ${degree.get(n)} events`;
    const node = el("svg:g", { class: "node", "data-node": n, "aria-label": label },
      el("svg:circle", { cx: x, cy: y, r: nodeRadius(n), fill: "#334a6e", stroke: "#fff" }),
      el("svg:text", { x: x + (outside ? 1 : -1) * (nodeRadius(n) + 4), y: y + 4,
        "text-anchor": outside ? "start" : "end", text: n.length > 22 ? `${n.slice(0, 21)}…` : n }),
      el("svg:title", { text: label }));
    activate(node, () => go(level === "country" && /^[A-Z]{3}$/.test(n) ? { country: n } : { actor: n }));
    svg.append(node);
  }
  chart.replaceChildren(svg);
}

function quadLegend() {
  $("#quad-legend").replaceChildren(...Object.entries(QUADS).map(([k, name]) =>
    el("span", {}, el("i", { style: `background:${QUAD_COLOURS[k]}` }), name)));
}

// ------------------------------------------------------------------------------------------- trends

const percent = (change) => (change === null ? "–" : `${change > 0 ? "+" : ""}${Math.round(change * 100)} %`);

async function renderTrends(p, q, token) {
  const by = option(p, "trend");
  const result = await api(withQuery("/dashboard/trends", q, { by, limit: 15 }));
  if (token !== renderToken) return;
  $("#trends-week").textContent = result.week_end
    ? `Week ${result.week_start} – ${result.week_end} against the 4 and 52 weeks before; flagged beyond ±25 %.`
    : "No dated events.";
  const head = el("thead", {}, el("tr", {}, ["", by === "country" ? "Country" : "Type", "Week",
    "4 weeks", "52 weeks"].map((h) => el("th", { scope: "col", text: h,
    title: /weeks/.test(h) ? `mean count per week over the ${h} before, and this week's change` : null }))));
  const body = el("tbody", {}, result.items.map((t) => {
    const mark = t.direction === "new" ? "new" : t.direction === "up" ? "▲" : t.direction === "down" ? "▼" : "";
    const name = by === "country" ? (Object.values(vocabulary.countries).find((c) => c.code === t.key)?.name || "")
      : "";
    return el("tr", { class: t.flagged ? "flagged" : null },
      el("td", { class: t.flagged ? t.direction : null, text: t.flagged ? mark : "",
        title: t.flagged ? "moved beyond ±25 %" : null }),
      el("td", {}, el("button", { type: "button", class: "link", title: name || null,
        onclick: () => go(by === "country" ? { country: t.key } : { type: t.key }), text: t.key })),
      el("td", { class: "n", text: t.week }),
      el("td", { class: "n", text: `${t.baseline_4} (${percent(t.change_4)})` }),
      el("td", { class: "n", text: `${t.baseline_52} (${percent(t.change_52)})` }));
  }));
  $("#trends-table").replaceChildren(head, body);
}

// --------------------------------------------------------------------------------------- event list

const COLUMNS = {
  event: [["date", "Date", "date"], ["event", "Type", "type"], ["actor", "Actor"], ["recipient", "Recipient"],
    ["location", "Place", "place"], ["sources", "Sources", "sources"], ["confidence", "Confidence", "confidence"]],
  happening: [["date", "Date", "date"], ["event", "Type", "type"], ["actor", "Actor"], ["recipient", "Recipient"],
    ["location", "Place", "place"], ["sources", "Sources", "sources"], ["mentions", "Mentions", "mentions"]],
};

async function renderList(p, q, token) {
  const per = option(p, "per");
  const sort = p.get("sort") || (per === "event" ? "date" : "sources");
  const desc = p.get("desc") ? p.get("desc") === "1" : per === "happening";
  const page = Math.max(1, Number(p.get("page") || 1));
  const size = Math.min(500, Math.max(1, Number(p.get("size") || PAGE_SIZE)));  // rows per page, ?size= in the URL
  const result = await api(withQuery("/dashboard/list", q, { per, sort, desc: desc ? "true" : "false",
    limit: size, offset: (page - 1) * size }));
  if (token !== renderToken) return;
  const noun = per === "event" ? "events" : "happenings";
  const count = $("#count");
  count.textContent = `${result.total} ${noun}`;
  count.dataset.total = result.total;
  const head = el("thead", {}, el("tr", {}, COLUMNS[per].map(([, title, key]) => el("th", {
    scope: "col", "aria-sort": key === sort ? (desc ? "descending" : "ascending") : null,
  }, key ? el("button", { type: "button", "aria-pressed": key === sort ? "true" : "false",
    onclick: () => go({ sort: key, desc: key === sort && !desc ? "1" : "0" }),
    text: `${title}${key === sort ? (desc ? " ↓" : " ↑") : ""}` }) : title))));
  const filters = filterQuery(p);
  const body = el("tbody", {}, result.items.map((row) => {
    const href = withQuery("/", filters, { event: row.id });
    const open = (event) => {
      if (event.target.closest("a")) event.preventDefault();
      go({ event: row.id }, { keepPage: true });
    };
    const cells = {
      date: el("a", { href, onclick: open, text: row.date || "undated" }),
      event: [quadDot(row.quad), row.event, row.mode ? ` (${row.mode})` : ""],
      actor: parties(row.actor_countries, row.actor_names), recipient: parties(row.recipient_countries,
        row.recipient_names),
      location: row.location || "", sources: String(row.sources), mentions: String(row.mentions ?? ""),
      confidence: row.confidence === null || row.confidence === undefined ? "" : row.confidence.toFixed(2),
    };
    return el("tr", { "data-event-id": row.id, "data-happening-id": row.happening_id },
      COLUMNS[per].map(([key]) => el("td", { class: ["sources", "mentions", "confidence"].includes(key) ? "n"
        : key === "date" ? "date" : null },
        cells[key])));
  }));
  $("#events-table").replaceChildren(head, body);
  if (!result.items.length) {
    $("#events-table").append(el("caption", { text: `No ${noun} match these filters.` }));
  }
  const last = Math.max(1, Math.ceil(result.total / size));
  $("#page-info").textContent = result.total
    ? `${(page - 1) * size + 1}–${Math.min(page * size, result.total)} of ${result.total}` : "";
  $("#prev").disabled = page <= 1;
  $("#next").disabled = page >= last;
}

// --------------------------------------------------------------------------------------- event page

// Which field a reason explains, from how the coder words it ("date: …", "aux historical: …").
function reasonField(reason) {
  if (/^date\b/.test(reason)) return "date";
  if (/^aux\b/.test(reason)) return "aux";
  if (/^recipient\b/.test(reason)) return "recipient";
  if (/^merged\b/.test(reason)) return "evidence";
  if (/-> mode\b|^visit:|^mode\b/.test(reason)) return "mode";
  if (/^(requester|actor|title|unnamed|knowledge|'|")/.test(reason)) return "actor";
  if (/^(location|place)\b/.test(reason)) return "location";
  if (/^[A-Z]+\b/.test(reason)) return "event";
  return "other";
}

function highlighted(text, spans) {
  // Spans sorted and merged where they overlap; each mark covers exactly text[start:end].
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const merged = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end); else merged.push({ ...s });
  }
  const parts = [];
  let at = 0;
  merged.forEach((s, i) => {
    parts.push(text.slice(at, s.start));
    parts.push(el("mark", { class: "evidence", "data-start": s.start, "data-end": s.end, id: `span-${i}`,
      text: text.slice(s.start, s.end) }));
    at = s.end;
  });
  parts.push(text.slice(at));
  return parts;
}

const partyText = (list) => list.map((a) => [a.name || a.text, a.country, a.sector, a.role].filter(Boolean)
  .join(" · ")).join("; ");

async function renderEvent(id, token) {
  const box = $("#event");
  const event = await api(`/events/${encodeURIComponent(id)}`);
  const record = await api(`/documents/${encodeURIComponent(event.document_id)}`);
  if (token !== renderToken) return;
  const doc = record.document;
  const reasons = {};
  for (const reason of event.reasons || []) (reasons[reasonField(reason)] ||= []).push(reason);
  const field = (name, label, value) => [el("dt", { text: label }), el("dd", { "data-field": name },
    value === null || value === undefined || value === "" ? "–" : String(value),
    (reasons[name] || []).map((r) => el("span", { class: "reasons", text: `↳ ${r}` })))];
  const location = event.location;
  const fields = el("dl", { class: "fields" },
    field("event", "Type", `${event.event}${event.cameo ? ` (CAMEO ${event.cameo})` : ""}`),
    field("quad", "Quad class", event.quad ? `${event.quad}: ${QUADS[event.quad]}` : null),
    field("mode", "Mode", event.mode), field("context", "Context", (event.context || []).join(", ")),
    field("aux", "Aux", event.aux), field("actor", "Actor", partyText(event.actor || [])),
    field("recipient", "Recipient", partyText(event.recipient || [])),
    field("attributed_to", "Attributed to", event.attributed_to ? partyText([event.attributed_to]) : null),
    field("date", "Date", event.date ? `${event.date} (${event.date_basis || "?"})` : null),
    field("location", "Place", location ? [location.name, location.country, location.lat !== null && location.lat
      !== undefined ? `${location.lat}, ${location.lon}` : null].filter(Boolean).join(" · ") : null),
    field("confidence", "Confidence", event.confidence),
    field("evidence", "Evidence", `${event.evidence.length} span${event.evidence.length > 1 ? "s" : ""}`),
    field("other", "Other reasons", (reasons.other || []).length ? "" : null));
  const back = withQuery("/", filterQuery(), { page: params().get("page") || "" });
  const title = doc.title || doc.source?.url || doc.source?.path || event.document_id;
  const names = (list) => list.map((a) => a.name || a.text).join(", ");
  box.replaceChildren(...[
    el("p", {}, el("a", { href: back, onclick: (e) => { e.preventDefault(); go({ event: null }, { keepPage: true }); },
      text: "← Back to the overview" })),
    el("h2", { text: `${event.event}: ${names(event.actor || []) || "?"}` +
      (event.recipient?.length ? ` → ${names(event.recipient)}` : "") }),
    event.retracted ? el("p", { class: "retracted", text: "Retracted by an analyst." }) : null,
    el("p", { class: "hint" }, `${title} · ${doc.published || "no date"} · ${doc.language || ""} · `,
      doc.source?.url ? el("a", { href: doc.source.url, rel: "noreferrer", text: "original" }) : "no URL"),
    el("div", { class: "event-grid" },
      el("section", { "aria-labelledby": "article-title" }, el("h3", { id: "article-title", text: "Article" }),
        el("div", { class: "article", id: "article", tabindex: "0" }, highlighted(doc.text, event.evidence))),
      el("section", {},
        el("h3", { text: "Fields and reasons" }), fields,
        el("h3", { text: "Sources of this happening" }), sourcesList(event),
        el("h3", { text: "Corrections" }), correctionsTable(event.corrections || []),
        el("h3", { text: "Correct this event" }), correctionForm(event)))].filter(Boolean));
  const first = box.querySelector("mark.evidence");
  if (first) first.scrollIntoView({ block: "nearest" });
}

function sourcesList(event) {
  return el("ul", { id: "sources" }, (event.sources || []).map((s) => el("li", {},
    s.event_id === event.id ? el("strong", { text: "this document" })
      : el("a", { href: withQuery("/", filterQuery(), { event: s.event_id }),
        onclick: (e) => { e.preventDefault(); go({ event: s.event_id }, { keepPage: true }); },
        text: s.document_id }),
    ` · ${s.agency || (s.url ? new URL(s.url).hostname : "unknown source")} · ${s.published || "no date"}`)));
}

function correctionsTable(corrections) {
  if (!corrections.length) return el("p", { id: "corrections", class: "hint", text: "No corrections yet." });
  return el("table", { id: "corrections" },
    el("thead", {}, el("tr", {}, ["Field", "Was", "Now", "Note", "When (UTC)"].map((h) =>
      el("th", { scope: "col", text: h })))),
    el("tbody", {}, corrections.map((c) => el("tr", {}, [c.field, c.old_value, c.new_value, c.note,
      (c.corrected_at || "").replace("T", " ").slice(0, 19)].map((v) => el("td", { text: v ?? "" }))))));
}

function correctionForm(event) {
  const select = (name, values, current) => el("select", { name, id: `fix-${name}` },
    el("option", { value: "", text: `unchanged (${current ?? "none"})` }),
    values.map((v) => el("option", { value: v, text: v })));
  const form = el("form", { class: "correct", id: "correction", "aria-label": "Correct this event" },
    el("label", { for: "fix-token", text: "API token" }),
    el("input", { type: "password", id: "fix-token", name: "token", autocomplete: "off",
      value: sessionStorage.getItem("dateline-token") || "" }),
    el("label", { for: "fix-event", text: "Type" }), select("event", vocabulary.types, event.event),
    el("label", { for: "fix-mode", text: "Mode" }),
    el("input", { id: "fix-mode", name: "mode", placeholder: event.mode || "none" }),
    el("label", { for: "fix-aux", text: "Aux" }),
    select("aux", vocabulary.aux, event.aux),
    el("label", { for: "fix-date", text: "Date" }), el("input", { type: "date", id: "fix-date", name: "date" }),
    el("label", { for: "fix-retracted", text: "Retract" }),
    el("input", { type: "checkbox", id: "fix-retracted", name: "retracted", checked: event.retracted }),
    el("label", { for: "fix-note", text: "Note" }), el("textarea", { id: "fix-note", name: "note", rows: 2 }),
    el("div", { class: "actions" }, el("button", { type: "submit", text: "Save correction" }),
      el("span", { id: "correction-status", role: "status" })));
  form.addEventListener("submit", (e) => { e.preventDefault(); submitCorrection(form, event); });
  return form;
}

async function submitCorrection(form, event) {
  const f = form.elements;
  const changes = {};
  if (f.event.value) changes.event = f.event.value;
  if (f.mode.value.trim()) changes.mode = f.mode.value.trim();
  if (f.aux.value) changes.aux = f.aux.value === "none" ? null : f.aux.value;
  if (f.date.value) changes.date = f.date.value;
  if (f.retracted.checked !== Boolean(event.retracted)) changes.retracted = f.retracted.checked;
  const status = $("#correction-status");
  if (!Object.keys(changes).length) { status.textContent = "Nothing to correct."; return; }
  if (f.note.value.trim()) changes.note = f.note.value.trim();
  const token = f.token.value.trim();
  if (token) sessionStorage.setItem("dateline-token", token);
  const headers = { "Content-Type": "application/json", Accept: "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(`/events/${encodeURIComponent(event.id)}`, { method: "PATCH", headers,
    body: JSON.stringify(changes) });
  if (!response.ok) {
    status.textContent = `Refused: ${await errorText(response)}`;
    status.dataset.outcome = "refused";
    return;
  }
  await renderEvent(event.id, renderToken);
  const saved = $("#correction-status");
  saved.textContent = "Saved.";
  saved.dataset.outcome = "saved";
}

// ------------------------------------------------------------------------------------------- start

let resizing = null;
window.addEventListener("resize", () => {  // the charts are drawn at their container's width
  clearTimeout(resizing);
  resizing = setTimeout(() => { if (!params().get("event")) render(); }, 250);
});

async function start() {
  // The server writes the vocabulary into the page (one round trip less); /dashboard/vocabulary has it too.
  vocabulary = JSON.parse($("#vocabulary").textContent);
  setUpControls();
  quadLegend();
  map.init();
  await render();
  document.body.dataset.ready = "true";
}

start();
