// SVG bar charts drawn by hand: one series or stacked series over time
// buckets (day, week named by its Monday, or month).

import { h, s } from './dom.js';
import { num } from './format.js';

export const TYPE_COLORS = {
  ASSAULT: '#c0392b',
  COERCE: '#d35400',
  PROTEST: '#8e44ad',
  THREATEN: '#e67e22',
  MOBILIZE: '#7f8c8d',
  SANCTION: '#6d4c41',
  ACCUSE: '#b7950b',
  REJECT: '#a93226',
  REQUEST: '#2e86c1',
  RETREAT: '#16a085',
  CONSULT: '#2874a6',
  AGREE: '#1e8449',
  COOPERATE: '#117a65',
  AID: '#52be80',
  SUPPORT: '#5dade2',
  CONCEDE: '#48c9b0',
};

const DAY = 86400000;

function parseDay(key) {
  const [y, m, d] = key.split('-').map(Number);
  return Date.UTC(y, (m || 1) - 1, d || 1);
}

function fmtDay(t) {
  return new Date(t).toISOString().slice(0, 10);
}

export function bucketOf(day, interval) {
  if (interval === 'month') return day.slice(0, 7) + '-01';
  if (interval === 'week') {
    const t = parseDay(day);
    const dow = (new Date(t).getUTCDay() + 6) % 7; // Monday = 0
    return fmtDay(t - dow * DAY);
  }
  return day.slice(0, 10);
}

// The bucket key for a bucket name the API gave ("2015-07" for a month).
// Null for a bucket that is not a date.
export function apiBucket(name, interval) {
  if (!/^\d{4}(-\d{2}){0,2}$/.test(name || '')) return null;
  const day = name.length === 7 ? name + '-01' : name.length === 4 ? name + '-01-01' : name;
  return bucketOf(day, interval);
}

function nextBucket(key, interval) {
  const t = parseDay(key);
  if (interval === 'month') {
    const d = new Date(t);
    return fmtDay(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
  }
  return fmtDay(t + (interval === 'week' ? 7 : 1) * DAY);
}

// Every bucket from first to last (inclusive), so gaps show as gaps.
export function bucketRange(first, last, interval, max = 2000) {
  const out = [];
  let k = bucketOf(first, interval);
  const end = bucketOf(last, interval);
  while (k <= end && out.length < max) {
    out.push(k);
    k = nextBucket(k, interval);
  }
  return out;
}

export function daysBetween(a, b) {
  return Math.round((parseDay(b) - parseDay(a)) / DAY);
}

// The interval that gives a readable number of bars for a span of days.
export function autoInterval(first, last) {
  const span = daysBetween(first, last);
  if (span <= 92) return 'day';
  if (span <= 730) return 'week';
  return 'month';
}

export function bucketLabel(key, interval) {
  if (interval === 'month') return key.slice(0, 7);
  return key;
}

// A tick step of 1, 2 or 5 times a power of ten giving about four
// gridlines, never below 1 (the charts count things).
function niceStep(max) {
  const raw = Math.max(1, max / 4);
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return Math.max(1, m * p);
  return 10 * p;
}

// buckets: [{key, values: {series: n}}]; series: [{key, label, color}].
// Returns a <figure> with the SVG and a table of the same numbers. The SVG
// is drawn at the width of its box (and again when that changes), so its
// text is never stretched.
export function barChart({ buckets, series, interval, title, unit }) {
  const totals = buckets.map((b) => series.reduce((sum, sr) => sum + (b.values[sr.key] || 0), 0));
  const stepV = niceStep(Math.max(0, ...totals));
  const maxV = Math.max(stepV, Math.ceil(Math.max(0, ...totals) / stepV) * stepV);
  const n = Math.max(1, buckets.length);
  const box = h('div', { class: 'chart-box' });

  function draw(W) {
    const H = W < 560 ? 170 : 210;
    const padL = 44;
    const padR = 10;
    const padT = 10;
    const padB = 28;
    const innerW = W - padL - padR;
    const innerH = H - padT - padB;
    const step = innerW / n;
    const barW = Math.max(1, Math.min(44, step * 0.78));
    const y = (v) => padT + innerH - (v / maxV) * innerH;
    const svg = s('svg', {
      width: W, height: H, viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': title || 'رسم بياني',
    });
    svg.setAttribute('direction', 'ltr');
    const grid = s('g', { class: 'grid' });
    for (let v = 0; v <= maxV + 1e-9; v += stepV) {
      const yy = y(v);
      grid.appendChild(s('line', { x1: padL, x2: W - padR, y1: yy, y2: yy }));
      grid.appendChild(s('text', { x: padL - 6, y: yy + 4, 'text-anchor': 'end', class: 'tick' }, num(v)));
    }
    svg.appendChild(grid);
    const bars = s('g', { class: 'bars' });
    buckets.forEach((b, i) => {
      const x = padL + i * step + (step - barW) / 2;
      let acc = 0;
      const parts = [];
      for (const sr of series) {
        const v = b.values[sr.key] || 0;
        if (!v) continue;
        const y1 = y(acc + v);
        const y0 = y(acc);
        acc += v;
        parts.push(`${sr.label}: ${num(v)}`);
        const rect = s('rect', { x: x.toFixed(2), y: y1.toFixed(2), width: barW.toFixed(2), height: Math.max(0.5, y0 - y1).toFixed(2), class: 'bar', 'data-series': sr.key });
        rect.style.fill = sr.color;
        bars.appendChild(rect);
      }
      if (acc > 0) {
        // one transparent hit area per bucket carries the tooltip
        bars.appendChild(s('rect', { x: (padL + i * step).toFixed(2), y: padT, width: step.toFixed(2), height: innerH, class: 'hit' },
          s('title', null, `${bucketLabel(b.key, interval)} — ${num(acc)}${unit ? ' ' + unit : ''}${series.length > 1 ? '\n' + parts.join('\n') : ''}`)));
      }
    });
    svg.appendChild(bars);
    // x labels: as many as fit without touching
    const labels = s('g', { class: 'xlabels' });
    const labelW = interval === 'month' ? 64 : 84;
    const every = Math.max(1, Math.ceil((n * labelW) / innerW));
    const lastMultiple = Math.floor((n - 1) / every) * every;
    buckets.forEach((b, i) => {
      const show = i % every === 0 || (i === n - 1 && n - 1 - lastMultiple >= every * 0.7);
      if (!show) return;
      const x = padL + i * step + step / 2;
      labels.appendChild(s('text', { x: x.toFixed(2), y: H - padB + 16, 'text-anchor': 'middle', class: 'tick' }, bucketLabel(b.key, interval)));
    });
    svg.appendChild(labels);
    svg.appendChild(s('line', { x1: padL, x2: W - padR, y1: y(0), y2: y(0), class: 'axis' }));
    return svg;
  }

  let drawnW = 0;
  let frame = 0;
  const redraw = () => {
    frame = 0;
    const W = Math.floor(box.clientWidth);
    if (!W || W === drawnW) return;
    drawnW = W;
    box.replaceChildren(draw(Math.max(240, W)));
  };
  // the first drawing at a guessed width, so the chart is there at once
  box.appendChild(draw(900));
  if (typeof ResizeObserver === 'function') {
    const ro = new ResizeObserver(() => {
      if (!box.isConnected) {
        if (drawnW) ro.disconnect();
        return;
      }
      if (!frame) frame = requestAnimationFrame(redraw);
    });
    ro.observe(box);
  }

  const legend = series.length > 1
    ? h('ul', { class: 'chart-legend' }, series.map((sr) => {
      const sw = h('span', { class: 'swatch' });
      sw.style.background = sr.color;
      return h('li', null, sw, sr.label);
    }))
    : null;

  const table = h('details', { class: 'chart-data' },
    h('summary', null, 'البيانات جدولاً'),
    h('div', { class: 'table-scroll' },
      h('table', { class: 'data' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'الفترة'), series.map((sr) => h('th', { scope: 'col' }, sr.label)), series.length > 1 ? h('th', { scope: 'col' }, 'المجموع') : null)),
        h('tbody', null, buckets.filter((b, i) => totals[i] > 0).map((b) => h('tr', null,
          h('td', { dir: 'ltr' }, bucketLabel(b.key, interval)),
          series.map((sr) => h('td', null, num(b.values[sr.key] || 0))),
          series.length > 1 ? h('td', null, num(series.reduce((x, sr) => x + (b.values[sr.key] || 0), 0))) : null))))));

  return h('figure', { class: 'chart-figure' },
    title ? h('figcaption', null, title) : null,
    box,
    legend,
    table);
}
