// Small shared pieces of the interface.

import { h, s } from './dom.js';
import { num } from './format.js';

export function setTitle(title) {
  document.title = title ? `${title} — رصد` : 'رصد';
}

export function announce(message) {
  const live = document.getElementById('status');
  if (!live) return;
  live.textContent = '';
  // a fresh text node so screen readers read the same message twice
  setTimeout(() => {
    live.textContent = message;
  }, 30);
}

export function loading(message) {
  return h('p', { class: 'loading', role: 'status' }, message || 'جارٍ التحميل…');
}

export function errorBox(err, heading) {
  const status = err && err.status ? ` (${err.status})` : '';
  return h('div', { class: 'error', role: 'alert' },
    heading ? h('strong', null, heading + status + ': ') : null,
    (err && err.message) || String(err));
}

export function entityLink(id, name, extraClass) {
  return h('a', { href: '#/entity/' + encodeURIComponent(id), class: ['entity-link', extraClass] }, name || id);
}

export function docLink(id, title, params) {
  const q = params ? '?' + new URLSearchParams(params).toString() : '';
  return h('a', { href: '#/doc/' + encodeURIComponent(id) + q, class: 'doc-link' }, title || id);
}

// Builds a hash link: hashLink('/search', {q: 'x'}).
export function hashHref(path, params) {
  const usp = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    usp.set(k, v === true ? '1' : String(v));
  }
  const q = usp.toString();
  return '#' + path + (q ? '?' + q : '');
}

// Previous/next paging. total may be null (unknown): then "next" is
// offered while a page came back full.
export function pager({ offset, limit, total, shown, onPage, label }) {
  const nav = h('nav', { class: 'pager', 'aria-label': label || 'الصفحات' });
  const page = Math.floor(offset / limit) + 1;
  const pages = total === null || total === undefined ? null : Math.max(1, Math.ceil(total / limit));
  const hasNext = pages === null ? shown >= limit : page < pages;
  const prev = h('button', { type: 'button', class: 'page-prev', disabled: offset <= 0 ? true : null }, '→ السابق');
  const next = h('button', { type: 'button', class: 'page-next', disabled: hasNext ? null : true }, 'التالي ←');
  prev.addEventListener('click', () => onPage(Math.max(0, offset - limit)));
  next.addEventListener('click', () => onPage(offset + limit));
  const info = pages === null
    ? `الصفحة ${num(page)}`
    : `الصفحة ${num(page)} من ${num(pages)}`;
  nav.append(prev, h('span', { class: 'page-info' }, info), next);
  return nav;
}

export function typeBadge(type, cls) {
  return h('span', { class: ['type-badge', 't-' + type, cls], dir: 'ltr' }, type);
}

// A small magnifier icon (drawn, so it needs no font glyph).
export function findIcon() {
  return s('svg', { viewBox: '0 0 16 16', width: '14', height: '14', 'aria-hidden': 'true', class: 'icon' },
    s('circle', { cx: '6.5', cy: '6.5', r: '4.5', fill: 'none', stroke: 'currentColor', 'stroke-width': '2' }),
    s('line', { x1: '10', y1: '10', x2: '14.5', y2: '14.5', stroke: 'currentColor', 'stroke-width': '2', 'stroke-linecap': 'round' }));
}
