// #/entity/ID: one entity; #/entities?type=: the most mentioned entities.

import { get } from './api.js';
import { h, replace } from './dom.js';
import { ENTITY_TYPES, short, num, isoDate, plural } from './format.js';
import { errorBox, loading, setTitle, entityLink, docLink, pager, typeBadge } from './ui.js';
import { barChart, autoInterval, bucketOf, bucketRange } from './charts.js';

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

function mentionsChart(timeline, metric) {
  // the timeline puts documents without a publication date under a day
  // that is not a date ("(unknown)"): counted apart, not drawn
  const dated = (timeline || []).filter((t) => DAY_RE.test(t.day || ''));
  const undated = (timeline || []).filter((t) => !DAY_RE.test(t.day || '')).reduce((n, t) => n + (t[metric] || 0), 0);
  const what = metric === 'mentions' ? 'الورود' : 'المقالات';
  const note = undated ? h('p', { class: 'muted small' }, `${what} في مقالات بلا تاريخ نشر: ${num(undated)}`) : null;
  if (!dated.length) return [h('p', { class: 'muted' }, 'لا توجد بيانات زمنية.'), note];
  const days = dated.map((t) => t.day).sort();
  const first = days[0];
  const last = days[days.length - 1];
  const interval = autoInterval(first, last);
  const sums = new Map();
  for (const t of dated) {
    const k = bucketOf(t.day, interval);
    sums.set(k, (sums.get(k) || 0) + (t[metric] || 0));
  }
  const buckets = bucketRange(first, last, interval).map((key) => ({ key, values: { v: sums.get(key) || 0 } }));
  const per = { day: 'يوم', week: 'أسبوع', month: 'شهر' }[interval];
  return [barChart({
    buckets,
    series: [{ key: 'v', label: what, color: metric === 'mentions' ? '#2b6cb0' : '#2f855a' }],
    interval,
    title: `${what} في كل ${per} (${first} – ${last})`,
    unit: what,
  }), note];
}

// A search query matching any written form of the entity: "a" OR "b" ...
// kept under the API's 1,000-byte limit.
function variantsQuery(e) {
  const forms = [...new Set([e.name, ...(e.variants || [])])]
    .map((v) => v.replace(/["()*]/g, ' ').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const enc = new TextEncoder();
  let q = '';
  for (const f of forms) {
    const next = q ? `${q} OR "${f}"` : `"${f}"`;
    if (enc.encode(next).length > 900) break;
    q = next;
  }
  return q;
}

export function createEntity(root) {
  let seq = 0;
  let ctrl = null;

  function render(e) {
    setTitle(e.name);
    let metric = 'mentions';
    const chartBox = h('div', { class: 'chart-slot' }, mentionsChart(e.timeline, metric));
    const metricSel = h('select', { id: 'metric', 'aria-label': 'ما يُعدّ في الرسم' },
      h('option', { value: 'mentions' }, 'عدد الورود'),
      h('option', { value: 'documents' }, 'عدد المقالات'));
    metricSel.addEventListener('change', () => {
      metric = metricSel.value;
      replace(chartBox, mentionsChart(e.timeline, metric));
    });
    const place = e.type === 'GPE' || e.type === 'LOC';
    const links = h('p', { class: 'actions' },
      h('a', { href: '#/events?actor=' + encodeURIComponent(e.id) }, 'أحداث هو طرف فيها'),
      place ? h('a', { href: '#/events?place=' + encodeURIComponent(e.id) }, 'أحداث في هذا المكان') : null,
      h('a', { href: '#/search?' + new URLSearchParams({ q: variantsQuery(e), entity: e.id, sort: 'date' }) }, 'ابحث في مقالاته'));
    return h('article', { class: 'entity' },
      h('header', { class: 'entity-head' },
        h('p', { class: 'kicker' }, typeBadge(e.type), ' ', short(ENTITY_TYPES, e.type), e.kind ? ` · ${e.kind}` : '', e.country ? ` · ${e.country}` : ''),
        h('h1', { tabindex: '-1' }, e.name),
        h('p', { class: 'muted small' }, 'المعرّف: ', h('code', { dir: 'ltr' }, e.id)),
        h('ul', { class: 'stat-cards small' },
          h('li', null, h('span', { class: 'stat-num' }, num(e.mentions)), h('span', { class: 'stat-label' }, 'ورود')),
          h('li', null, h('span', { class: 'stat-num' }, num(e.documents)), h('span', { class: 'stat-label' }, 'مقال')),
          h('li', null, h('span', { class: 'stat-num small' }, e.first_seen || '—'), h('span', { class: 'stat-label' }, 'أول ظهور')),
          h('li', null, h('span', { class: 'stat-num small' }, e.last_seen || '—'), h('span', { class: 'stat-label' }, 'آخر ظهور'))),
        Number.isFinite(e.lat) ? h('p', { class: 'muted' }, 'الإحداثيات: ', h('span', { dir: 'ltr' }, `${e.lat.toFixed(4)}, ${e.lon.toFixed(4)}`)) : null,
        e.ambiguous ? h('p', { class: 'warn' }, `اسم ملتبس: قد يعني ${num(e.candidates || 0)} أشخاص معروفين.`) : null,
        links),
      h('section', { class: 'card' },
        h('h2', null, 'الصيغ', h('span', { class: 'badge' }, num((e.variants || []).length))),
        h('ul', { class: 'chips variants' }, (e.variants || []).map((v) => h('li', null, v))),
        e.roles && e.roles.length ? [h('h3', null, 'الصفات والألقاب'), h('ul', { class: 'chips roles' }, e.roles.map((r) => h('li', null, typeof r === 'string' ? r : r.role || r.text || JSON.stringify(r))))] : null,
        e.same_name && e.same_name.length ? [h('h3', null, 'كيانات أخرى بالاسم نفسه'),
          h('ul', { class: 'chips' }, e.same_name.map((o) => h('li', null, entityLink(o.id, o.name || o.id), o.type ? ' ' : null, o.type ? typeBadge(o.type) : null)))] : null),
      h('section', { class: 'card' },
        h('div', { class: 'card-head' }, h('h2', null, 'الظهور عبر الزمن'), h('label', { for: 'metric', class: 'inline-label' }, 'يُعدّ: ', metricSel)),
        chartBox),
      h('div', { class: 'two-col' },
        h('section', { class: 'card' },
          h('h2', null, 'الاقتباسات', h('span', { class: 'badge' }, num((e.quotes || []).length))),
          e.quotes && e.quotes.length
            ? h('ol', { class: 'quote-list' }, e.quotes.map((q) => h('li', null,
              h('blockquote', { class: q.direct ? 'direct' : 'indirect' }, '«', q.text, '»'),
              h('p', { class: 'small muted' },
                q.direct ? 'مباشر' : 'غير مباشر', q.cue ? ` · ${q.cue}` : '', ' · ',
                docLink(q.document, q.title || q.document, { b: q.begin, e: q.end }),
                q.published ? ` · ${isoDate(q.published)}` : ''))))
            : h('p', { class: 'muted' }, 'لم يُنسب إليه اقتباس.')),
        h('div', null,
          h('section', { class: 'card' },
            h('h2', null, 'يُذكر معه'),
            e.co_occurring && e.co_occurring.length
              ? h('ul', { class: 'co-list' }, e.co_occurring.map((c) => h('li', { class: 't-' + c.type },
                entityLink(c.id, c.name), ' ', typeBadge(c.type), h('span', { class: 'count', title: 'مقالات مشتركة' }, num(c.documents)))))
              : h('p', { class: 'muted' }, 'لا شيء.')),
          h('section', { class: 'card' },
            h('h2', null, 'أحدث المقالات'),
            e.recent_documents && e.recent_documents.length
              ? h('ol', { class: 'doc-list' }, e.recent_documents.map((d) => h('li', null,
                docLink(d.id, d.title || d.id),
                h('div', { class: 'small muted' }, d.outlet || '', d.published ? ` · ${isoDate(d.published)}` : '', d.mentions ? ` · ${num(d.mentions)} ورود` : ''))))
              : h('p', { class: 'muted' }, 'لا شيء.')))));
  }

  async function load(id) {
    const my = ++seq;
    if (ctrl) ctrl.abort();
    ctrl = new AbortController();
    replace(root, loading('جارٍ تحميل الكيان…'));
    try {
      const e = await get('entities/' + encodeURIComponent(id), null, { signal: ctrl.signal });
      if (my !== seq) return;
      replace(root, render(e));
      const t = root.querySelector('h1');
      if (t) t.focus({ preventScroll: true });
      window.scrollTo(0, 0);
    } catch (err) {
      if (err.name === 'AbortError' || my !== seq) return;
      setTitle('كيان غير موجود');
      replace(root, errorBox(err, 'تعذّر تحميل الكيان'));
    }
  }

  return {
    update(p, match) {
      load(match[1]);
    },
    destroy() {
      seq++;
      if (ctrl) ctrl.abort();
    },
  };
}

const LIST_LIMIT = 50;

export function createList(root, { go }) {
  let seq = 0;
  let ctrl = null;
  let params = {};

  const typeButtons = h('div', { class: 'seg', role: 'group', 'aria-label': 'نوع الكيان' });
  const types = [['', 'الكل'], ...Object.entries(ENTITY_TYPES)];
  for (const [code, ar] of types) {
    const b = h('button', { type: 'button', dataset: { type: code }, 'aria-pressed': 'false' }, code ? `${ar} (${code})` : ar);
    b.addEventListener('click', () => go('/entities', { type: code, ambiguous: params.ambiguous }));
    typeButtons.appendChild(b);
  }
  const ambiguous = h('input', { type: 'checkbox', id: 'ambiguous' });
  ambiguous.addEventListener('change', () => go('/entities', { type: params.type, ambiguous: ambiguous.checked ? '1' : '' }));
  const nameInput = h('input', { type: 'text', id: 'entity-name', placeholder: 'اسم بأي صيغة أو معرّف', autocomplete: 'off' });
  const goForm = h('form', { class: 'inline-form', 'aria-label': 'فتح كيان بالاسم' },
    h('label', { for: 'entity-name' }, 'افتح كياناً بالاسم:'), nameInput, h('button', { type: 'submit' }, 'افتح'));
  goForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const v = nameInput.value.trim();
    if (v) go('/entity/' + encodeURIComponent(v), {});
  });
  const body = h('div', { class: 'entity-table' });
  replace(root,
    h('section', { class: 'entities-page' },
      h('h1', { tabindex: '-1' }, 'الكيانات الأكثر ذكراً'),
      h('div', { class: 'toolbar' }, typeButtons, h('label', { class: 'check', for: 'ambiguous' }, ambiguous, 'الأسماء الملتبسة فقط'), goForm),
      body));

  async function load() {
    const my = ++seq;
    if (ctrl) ctrl.abort();
    ctrl = new AbortController();
    const offset = Math.max(0, Number(params.offset) || 0);
    body.setAttribute('aria-busy', 'true');
    try {
      const data = await get('entities', { type: params.type, ambiguous: params.ambiguous, limit: LIST_LIMIT, offset }, { signal: ctrl.signal });
      if (my !== seq) return;
      body.removeAttribute('aria-busy');
      replace(body,
        h('p', { class: 'count' }, data.total ? plural(data.total, 'كيان واحد', 'كيانان', 'كيانات', 'كياناً') : 'لا كيانات.'),
        h('div', { class: 'table-scroll' },
          h('table', { class: 'data' },
            h('thead', null, h('tr', null,
              ['#', 'الاسم', 'النوع', 'الورود', 'المقالات', 'الصيغ', 'أول ظهور', 'آخر ظهور'].map((t) => h('th', { scope: 'col' }, t)))),
            h('tbody', null, data.entities.map((e, i) => h('tr', null,
              h('td', { class: 'num' }, num(offset + i + 1)),
              h('td', null, entityLink(e.id, e.name), e.ambiguous ? h('span', { class: 'warn small', title: 'اسم ملتبس' }, ' ⚠') : null),
              h('td', null, typeBadge(e.type), ' ', short(ENTITY_TYPES, e.type)),
              h('td', { class: 'num' }, num(e.mentions)),
              h('td', { class: 'num' }, num(e.documents)),
              h('td', { class: 'num' }, num(e.variant_count)),
              h('td', { dir: 'ltr' }, e.first_seen || ''),
              h('td', { dir: 'ltr' }, e.last_seen || '')))))),
        data.total <= LIST_LIMIT && offset === 0 ? null : pager({ offset, limit: LIST_LIMIT, total: data.total, shown: data.entities.length, onPage: (o) => { go('/entities', { ...params, offset: o || '' }); window.scrollTo(0, 0); } }));
    } catch (err) {
      if (err.name === 'AbortError' || my !== seq) return;
      body.removeAttribute('aria-busy');
      replace(body, errorBox(err, 'تعذّر تحميل الكيانات'));
    }
  }

  return {
    update(p) {
      params = p;
      setTitle('الكيانات');
      for (const b of typeButtons.querySelectorAll('button')) b.setAttribute('aria-pressed', String((p.type || '') === b.dataset.type));
      ambiguous.checked = p.ambiguous === '1';
      load();
    },
    destroy() {
      seq++;
      if (ctrl) ctrl.abort();
    },
  };
}

