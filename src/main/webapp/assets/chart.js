'use strict';
// A place's temperature over a period, drawn as inline SVG (ADR 0047): the allowed range as a shaded band, the
// excursions shaded in another colour, the readings as a line (broken where the loggers were silent longer than the
// place allows), and axes with times in the clinic's zone (words.when) and °C. Drawn to the width it has, so that its
// words stay legible on a phone; the page gives the SVG its title and description, and the same data as tables.
window.ExoTraceChart = (function () {
  const NS = 'http://www.w3.org/2000/svg';
  const MINUTE = 60000;
  const TIME_STEPS = [5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080].map((m) => m * MINUTE);

  function node(tag, attributes, text) {
    const e = document.createElementNS(NS, tag);
    for (const [name, value] of Object.entries(attributes || {})) e.setAttribute(name, String(value));
    if (text !== undefined) e.textContent = text;
    return e;
  }

  /** A step of 1, 2, 2.5 or 5 times a power of ten giving about count steps over span. */
  function niceStep(span, count) {
    const raw = span / count;
    const magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    for (const m of [1, 2, 2.5, 5, 10]) if (raw <= m * magnitude) return m * magnitude;
    return 10 * magnitude;
  }

  function round(x) {
    return Math.round(x * 10) / 10;
  }

  /**
   * Draws into svg (its title and desc kept): d = {from, to (ms), readings: [{at (ms), celsius}] in time order, minC,
   * maxC, maxGapMs, excursions: [{start, end (ms or null: open), kind}], when: an instant as 'YYYY-MM-DD HH:MM' in the
   * clinic's zone, degrees: a number as the page writes it}.
   */
  function draw(svg, d) {
    for (const child of Array.from(svg.children)) if (child.tagName !== 'title' && child.tagName !== 'desc') child.remove();
    const width = Math.max(280, Math.round((svg.parentNode && svg.parentNode.clientWidth) || 700));
    const height = width < 500 ? 220 : 280;
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    svg.setAttribute('width', width);
    svg.setAttribute('height', height);
    const left = 58;
    const right = 12;
    const top = 10;
    const bottom = 40;
    const plotW = width - left - right;
    const plotH = height - top - bottom;

    const values = d.readings.map((r) => r.celsius);
    let lo = Math.min(d.minC, ...values);
    let hi = Math.max(d.maxC, ...values);
    const pad = Math.max((hi - lo) * 0.08, 1);
    lo -= pad;
    hi += pad;
    const x = (t) => round(left + (t - d.from) / (d.to - d.from) * plotW);
    const y = (c) => round(top + (hi - c) / (hi - lo) * plotH);

    const grid = node('g', {class: 'grid', 'aria-hidden': 'true'});
    const labels = node('g', {class: 'tick-labels', 'aria-hidden': 'true'});
    const yStep = niceStep(hi - lo, plotH < 180 ? 4 : 5);
    for (let c = Math.ceil(lo / yStep) * yStep; c <= hi; c += yStep) {
      grid.appendChild(node('line', {x1: left, x2: left + plotW, y1: y(c), y2: y(c)}));
      labels.appendChild(node('text', {x: left - 6, y: y(c) + 4, 'text-anchor': 'end'}, d.degrees(round(c)) + ' °C'));
    }
    const wall = (t) => {
      const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})/.exec(d.when(t));
      return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
    };
    const offset = wall(d.from) - Math.floor(d.from / MINUTE) * MINUTE; // the clinic's zone's offset at the period's start
    const wanted = (d.to - d.from) / Math.max(2, Math.floor(plotW / 80));
    const step = TIME_STEPS.find((s) => s >= wanted) || TIME_STEPS[TIME_STEPS.length - 1];
    let day = '';
    for (let t = Math.ceil((d.from + offset) / step) * step - offset; t <= d.to; t += step) {
      const label = d.when(t);
      grid.appendChild(node('line', {x1: x(t), x2: x(t), y1: top, y2: top + plotH}));
      const text = node('text', {x: x(t), y: top + plotH + 16, 'text-anchor': 'middle'});
      text.appendChild(node('tspan', {x: x(t)}, label.slice(11)));
      if (label.slice(0, 10) !== day) text.appendChild(node('tspan', {x: x(t), dy: 14}, label.slice(5, 10)));
      day = label.slice(0, 10);
      labels.appendChild(text);
    }

    svg.appendChild(node('rect', {class: 'band', x: left, width: plotW, y: y(d.maxC), height: round(y(d.minC) - y(d.maxC))}));
    for (const e of d.excursions) {
      const start = Math.max(d.from, e.start);
      const end = Math.min(d.to, e.end === null ? d.to : e.end);
      if (end < start) continue;
      svg.appendChild(node('rect', {class: 'excursion excursion-' + String(e.kind).toLowerCase(), 'data-kind': e.kind, x: x(start),
        width: Math.max(2, round(x(end) - x(start))), y: top, height: plotH}));
    }
    svg.appendChild(grid);
    svg.appendChild(node('line', {class: 'axis', x1: left, x2: left, y1: top, y2: top + plotH}));
    svg.appendChild(node('line', {class: 'axis', x1: left, x2: left + plotW, y1: top + plotH, y2: top + plotH}));
    svg.appendChild(labels);

    let path = '';
    let previous = null;
    for (const r of d.readings) {
      path += (previous === null || r.at - previous > d.maxGapMs ? 'M' : 'L') + x(r.at) + ' ' + y(r.celsius) + ' ';
      previous = r.at;
    }
    if (path) svg.appendChild(node('path', {class: 'line', d: path.trim()}));
    if (d.readings.length <= 60) {
      for (const r of d.readings) {
        const out = r.celsius < d.minC || r.celsius > d.maxC;
        svg.appendChild(node('circle', {class: out ? 'point out' : 'point', cx: x(r.at), cy: y(r.celsius), r: out ? 4 : 3}));
      }
    }
  }

  return {draw};
})();
