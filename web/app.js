// rasd's web page: a hash router over the views in js/.
//
//   #/                 home: search help and corpus summary
//   #/search?q=...     search with filters
//   #/doc/ID           one article, facts highlighted in place
//   #/entity/ID        one entity
//   #/entities?type=   the most mentioned entities
//   #/events?...       the events table and timeline
//   #/story/N          one story across outlets
//   #/stats            what the corpus holds

import * as search from './js/search.js';
import * as article from './js/article.js';
import * as entity from './js/entity.js';
import * as events from './js/events.js';
import * as story from './js/story.js';
import * as stats from './js/stats.js';
import { h, replace } from './js/dom.js';
import { setTitle } from './js/ui.js';

const ROUTES = [
  { re: /^\/?$/, view: search, nav: 'search' },
  { re: /^\/search$/, view: search, nav: 'search' },
  { re: /^\/doc\/([^/]+)$/, view: article, nav: 'search' },
  { re: /^\/entity\/(.+)$/, view: entity, factory: 'createEntity', nav: 'entities' },
  { re: /^\/entities$/, view: entity, factory: 'createList', nav: 'entities' },
  { re: /^\/events$/, view: events, nav: 'events' },
  { re: /^\/story\/([^/]+)$/, view: story, nav: 'search' },
  { re: /^\/stats$/, view: stats, nav: 'stats' },
];

const main = document.getElementById('main');
let current = null; // {route, instance}

export function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const qi = raw.indexOf('?');
  const path = qi < 0 ? raw : raw.slice(0, qi);
  const params = {};
  if (qi >= 0) for (const [k, v] of new URLSearchParams(raw.slice(qi + 1))) params[k] = v;
  return { path, params };
}

function buildHash(path, params) {
  const usp = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    usp.set(k, v === true ? '1' : String(v));
  }
  const q = usp.toString();
  return '#' + path + (q ? '?' + q : '');
}

// Goes to a route. With replace, the history entry is replaced (used while
// filters are typed, so Back leaves the page instead of undoing keystrokes).
export function go(path, params, { replace: rep = false } = {}) {
  const hash = buildHash(path, params);
  if (hash === location.hash) return;
  if (rep) {
    history.replaceState(null, '', hash);
    route();
  } else {
    location.hash = hash;
  }
}

function route() {
  const { path, params } = parseHash();
  let match = null;
  let r = null;
  for (const candidate of ROUTES) {
    match = path.match(candidate.re);
    if (match) {
      r = candidate;
      break;
    }
  }
  for (const a of document.querySelectorAll('.top-nav a')) {
    if (r && a.dataset.nav === r.nav) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const q = document.getElementById('q');
  if (r && r.view === search && document.activeElement !== q) q.value = params.q || '';
  if (!r) {
    if (current) current.instance.destroy();
    current = null;
    setTitle('غير موجود');
    replace(main, h('div', { class: 'error', role: 'alert' }, 'لا توجد صفحة بهذا العنوان. ', h('a', { href: '#/' }, 'العودة إلى البداية')));
    return;
  }
  const factory = r.factory || 'create';
  const same = current && current.route.view === r.view && (current.route.factory || 'create') === factory;
  if (!same) {
    if (current) current.instance.destroy();
    replace(main);
    window.scrollTo(0, 0);
    current = { route: r, instance: r.view[factory](main, { go }) };
  } else {
    current.route = r;
  }
  // path parts arrive percent-encoded; views get them decoded
  const parts = match.map((m) => {
    try {
      return decodeURIComponent(m);
    } catch {
      return m;
    }
  });
  current.instance.update(params, parts, path);
}

function isTyping(el) {
  if (!el) return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable;
}

document.addEventListener('keydown', (ev) => {
  if (ev.key === '/' && !ev.ctrlKey && !ev.metaKey && !ev.altKey && !isTyping(ev.target)) {
    ev.preventDefault();
    const q = document.getElementById('q');
    q.focus();
    q.select();
  }
});

document.getElementById('search-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const q = document.getElementById('q').value.trim();
  const { path, params } = parseHash();
  // keep the filters when searching again from the search page
  const keep = path === '/search' || path === '/' ? { ...params } : {};
  delete keep.offset;
  go('/search', { ...keep, q });
});

document.getElementById('skip-link').addEventListener('click', (ev) => {
  ev.preventDefault();
  const target = main.querySelector('h1') || main;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
});

window.addEventListener('hashchange', route);
route();
