// #/events?...: merged events as a sortable table with their evidence, a
// timeline of events by type, and download links for the same filters.

import { get, stats, url, denseRange } from './api.js';
import { h, replace, debounce, byteMapper } from './dom.js';
import { EVENT_TYPES, EVENT_MODES, MODALITIES, short, num, isoDate, percent, plural } from './format.js';
import { errorBox, loading, setTitle, pager, entityLink, docLink, typeBadge } from './ui.js';
import { barChart, autoInterval, bucketRange, apiBucket, TYPE_COLORS } from './charts.js';

const LIMIT = 50;
const FILTERS = ['type', 'place', 'actor', 'from', 'to', 'outlet', 'all_modalities'];
const DOWNLOADS = [
  ['events.csv', 'تنزيل CSV', 'csv'],
  ['events.geojson', 'GeoJSON', 'geojson'],
  ['events.acled.csv', 'ACLED CSV', 'acled'],
  ['events.plover.json', 'PLOVER JSON', 'plover'],
];

const COLUMNS = [
  { key: 'date', label: 'التاريخ', value: (e) => e.date || '' },
  { key: 'type', label: 'النوع', value: (e) => e.type || '' },
  { key: 'mode', label: 'النمط', value: (e) => short(EVENT_MODES, e.mode) },
  { key: 'place', label: 'المكان', value: (e) => (e.place ? e.place.name || '' : '') },
  { key: 'agents', label: 'الفاعلون', value: (e) => (e.agents || []).map((a) => a.name).join('، ') },
  { key: 'targets', label: 'المستهدفون', value: (e) => (e.targets || []).map((a) => a.name).join('، ') },
  { key: 'killed', label: 'قتلى', num: true, value: (e) => (e.counts && e.counts.killed) ?? -1 },
  { key: 'injured', label: 'جرحى', num: true, value: (e) => (e.counts && e.counts.injured) ?? -1 },
  { key: 'reports', label: 'التقارير', num: true, value: (e) => e.reports || 0 },
];

const collator = new Intl.Collator('ar');

// The evidence sentence with its trigger marked (offsets are bytes into
// the document; the sentence text is the document's text from sentence.begin).
function evidenceSentence(ev) {
  const text = ev.text || '';
  const sb = ev.sentence && ev.sentence.begin;
  const se = ev.sentence && ev.sentence.end;
  const tb = ev.trigger && ev.trigger.begin;
  const te = ev.trigger && ev.trigger.end;
  if (![sb, se, tb, te].every(Number.isFinite) || new TextEncoder().encode(text).length !== se - sb || tb < sb || te > se) {
    return [text];
  }
  const map = byteMapper(text);
  const b = map(tb - sb);
  const e = map(te - sb);
  return [text.slice(0, b), h('mark', { class: 'trigger' }, text.slice(b, e)), text.slice(e)];
}

export function create(root, { go }) {
  let seq = 0;
  let chartSeq = 0;
  let ctrl = null;
  let chartCtrl = null;
  let params = {};
  let rows = [];
  let sortKey = null;
  let sortDir = 1;
  let lastChartKey = null;
  const expanded = new Set();
  const fields = {};

  function currentFilters() {
    const out = {};
    for (const f of FILTERS) {
      const el = fields[f];
      if (el.type === 'checkbox') out[f] = el.checked ? '1' : '';
      else out[f] = el.value.trim();
    }
    return out;
  }
  function apply() {
    go('/events', { ...currentFilters(), interval: params.interval, range: params.range }, { replace: true });
  }
  const applySoon = debounce(apply, 450);

  // Lists, dates and checkboxes apply at once, the outlet as it is typed
  // (debounced), names that must be resolved (place, actor) on Enter or on
  // leaving the field.
  function field(name, label, control, { onChange = false } = {}) {
    fields[name] = control;
    control.id = 'ef-' + name;
    const immediate = control.type === 'checkbox' || control.tagName === 'SELECT' || control.type === 'date';
    if (immediate || onChange) control.addEventListener('change', () => {
      applySoon.cancel();
      apply();
    });
    else control.addEventListener('input', applySoon);
    if (control.type === 'checkbox') return h('label', { class: 'field check', for: control.id }, control, label);
    return h('div', { class: 'field' }, h('label', { for: control.id }, label), control);
  }

  const typeSelect = h('select', null, h('option', { value: '' }, 'كل الأنواع'),
    Object.entries(EVENT_TYPES).map(([code, ar]) => h('option', { value: code }, `${ar} (${code})`)));
  const outletList = h('datalist', { id: 'event-outlets' });
  const form = h('form', { class: 'filters', 'aria-label': 'مرشحات الأحداث' },
    field('type', 'النوع (PLOVER)', typeSelect),
    field('place', 'المكان', h('input', { type: 'text', placeholder: 'مثل: سوريا، ثم Enter', autocomplete: 'off' }), { onChange: true }),
    field('actor', 'الطرف (فاعل أو مستهدف)', h('input', { type: 'text', placeholder: 'اسم أو معرّف، ثم Enter', autocomplete: 'off' }), { onChange: true }),
    field('from', 'نُشر من', h('input', { type: 'date' })),
    field('to', 'إلى', h('input', { type: 'date' })),
    field('outlet', 'الوسيلة', h('input', { type: 'text', list: 'event-outlets', autocomplete: 'off' })),
    outletList,
    h('div', { class: 'checks' }, field('all_modalities', 'أظهر المنفي والمستقبلي والافتراضي', h('input', { type: 'checkbox' }))));
  const resetBtn = h('button', { type: 'button', class: 'secondary' }, 'مسح المرشحات');
  resetBtn.addEventListener('click', () => {
    applySoon.cancel();
    go('/events', {}, { replace: true });
  });
  form.appendChild(h('div', { class: 'form-buttons' }, h('button', { type: 'submit' }, 'تطبيق'), resetBtn));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    applySoon.cancel();
    apply();
  });

  const downloads = h('div', { class: 'downloads', role: 'group', 'aria-label': 'تنزيل الأحداث المطابقة' });
  const chartSlot = h('div', { class: 'chart-slot' });
  const intervalSel = h('select', { id: 'interval', 'aria-label': 'الفترة' },
    h('option', { value: '' }, 'تلقائي'), h('option', { value: 'day' }, 'يوم'), h('option', { value: 'week' }, 'أسبوع'), h('option', { value: 'month' }, 'شهر'));
  intervalSel.addEventListener('change', () => go('/events', { ...params, interval: intervalSel.value }, { replace: true }));
  const status = h('div', { class: 'search-status' });
  const tableBox = h('div', { class: 'events-table' });

  replace(root,
    h('section', { class: 'events-page' },
      h('h1', { tabindex: '-1' }, 'الأحداث'),
      h('p', { class: 'muted' }, 'أحداث مدمجة من تقارير عدة مقالات عن الحدث نفسه. اضغط على صف لرؤية جمل الأدلة وروابط مقالاتها.'),
      form,
      downloads,
      h('section', { class: 'card' },
        h('div', { class: 'card-head' }, h('h2', null, 'الأحداث عبر الزمن حسب النوع'), h('label', { for: 'interval', class: 'inline-label' }, 'الفترة: ', intervalSel)),
        chartSlot),
      status,
      tableBox));

  stats().then((st) => {
    for (const name of Object.keys(st.outlets || {})) outletList.appendChild(h('option', { value: name }));
    for (const opt of typeSelect.options) {
      const n = st.event_types && st.event_types[opt.value];
      if (n) opt.textContent = `${EVENT_TYPES[opt.value] || opt.value} (${opt.value}) — ${num(n)}`;
    }
  }).catch(() => {});

  function syncForm() {
    for (const f of FILTERS) {
      const el = fields[f];
      if (el === document.activeElement) continue;
      const v = params[f] || '';
      if (el.type === 'checkbox') el.checked = v === '1';
      else if (el.value !== v) el.value = v;
    }
    intervalSel.value = params.interval || '';
  }

  function apiFilters() {
    const out = {};
    for (const f of FILTERS) if (params[f]) out[f] = params[f];
    return out;
  }

  function renderDownloads() {
    const f = apiFilters();
    replace(downloads,
      h('span', { class: 'dl-label' }, 'تنزيل كل الأحداث المطابقة:'),
      DOWNLOADS.map(([path, label, cls]) => h('a', { href: url(path, f), download: '', class: ['button', 'dl-' + cls], rel: 'nofollow' }, label)));
  }

  // ----- the chart ------------------------------------------------------------------

  async function loadChart() {
    const f = {};
    if (params.outlet) f.outlet = params.outlet;
    if (params.from) f.from = params.from;
    if (params.to) f.to = params.to;
    if (params.type) f.event_type = params.type;
    const key = JSON.stringify([f, params.interval || '', params.type || '', params.range || '']);
    if (key === lastChartKey) return;
    lastChartKey = key;
    const my = ++chartSeq;
    if (chartCtrl) chartCtrl.abort();
    chartCtrl = new AbortController();
    replace(chartSlot, loading('جارٍ رسم الخط الزمني…'));
    try {
      const range = await denseRange();
      const whole = params.range === 'all';
      const first = params.from || (whole ? range.full.first : range.first);
      const last = params.to || (whole ? range.full.last : range.last);
      if (!first || !last) {
        replace(chartSlot, h('p', { class: 'muted' }, 'لا توجد تواريخ.'));
        return;
      }
      const interval = params.interval || autoInterval(first, last);
      const data = await get('timeline', { ...f, interval }, { signal: chartCtrl.signal });
      if (my !== chartSeq) return;
      const keys = bucketRange(first, last, interval);
      const lo = keys[0];
      const hi = keys[keys.length - 1];
      const byKey = new Map(keys.map((k) => [k, { key: k, values: {} }]));
      const typesSeen = new Map();
      let outside = 0;
      for (const ev of data.events || []) {
        if (params.type && ev.type !== params.type) continue;
        const k = apiBucket(ev.bucket, interval);
        if (!k) continue;
        const b = byKey.get(k);
        if (!b) {
          if (k < lo || k > hi) outside += ev.events;
          continue;
        }
        b.values[ev.type] = (b.values[ev.type] || 0) + ev.events;
        typesSeen.set(ev.type, (typesSeen.get(ev.type) || 0) + ev.events);
      }
      const series = [...typesSeen.entries()].sort((a, b) => b[1] - a[1]).map(([t]) => ({
        key: t, label: `${short(EVENT_TYPES, t)} (${t})`, color: TYPE_COLORS[t] || '#888',
      }));
      const per = { day: 'يوم', week: 'أسبوع', month: 'شهر' }[interval];
      if (!series.length) {
        replace(chartSlot, h('p', { class: 'muted' }, `لا أحداث في الفترة ${first} – ${last}. `,
          outside ? `(${plural(outside, 'حدث واحد', 'حدثان', 'أحداث', 'حدثاً')} خارجها) ` : '', !params.from && !params.to ? rangeToggle(whole) : ''));
        return;
      }
      replace(chartSlot,
        barChart({
          buckets: [...byKey.values()], series, interval,
          title: `عدد الأحداث في كل ${per} حسب يوم وقوعها (${first} – ${last})`,
          unit: 'حدث',
        }),
        h('p', { class: 'muted small' },
          outside ? `${plural(outside, 'حدث واحد', 'حدثان', 'أحداث', 'حدثاً')} خارج هذه الفترة لم تُرسم. ` : '',
          !params.from && !params.to ? rangeToggle(whole) : '',
          params.place || params.actor ? ' الخط الزمني لا يأخذ بمرشحي المكان والطرف.' : ''));
    } catch (err) {
      if (err.name === 'AbortError' || my !== chartSeq) return;
      lastChartKey = null;
      replace(chartSlot, errorBox(err, 'تعذّر رسم الخط الزمني'));
    }
  }

  function rangeToggle(whole) {
    const b = h('button', { type: 'button', class: 'linklike' }, whole ? 'اعرض الفترة التي تضم معظم المقالات' : 'اعرض كامل مدة المدوّنة');
    b.addEventListener('click', () => go('/events', { ...params, range: whole ? '' : 'all' }, { replace: true }));
    return b;
  }

  // ----- the table ------------------------------------------------------------------

  function sortedRows() {
    if (!sortKey) return rows;
    const col = COLUMNS.find((c) => c.key === sortKey);
    return rows.slice().sort((a, b) => {
      const va = col.value(a);
      const vb = col.value(b);
      const d = col.num ? va - vb : collator.compare(String(va), String(vb));
      return d * sortDir || (a.id - b.id);
    });
  }

  function countCell(v) {
    return v === undefined || v === null ? '' : num(v);
  }

  function people(list) {
    if (!list || !list.length) return '';
    return list.map((a, i) => [i ? '، ' : '', a.id ? entityLink(a.id, a.name) : a.name]);
  }

  function evidenceRow(ev, id) {
    return h('tr', { class: 'evidence-row', id },
      h('td', { colspan: String(COLUMNS.length + 1) },
        h('div', { class: 'evidence' },
          h('p', { class: 'small muted' },
            `الصيغة: ${short(MODALITIES, ev.modality)} · ${num(ev.reports)} تقرير من ${num(ev.outlets)} وسيلة`,
            ev.last_date && ev.last_date !== ev.date ? ` · حتى ${ev.last_date}` : '',
            ev.place && ev.place.within ? [' · ضمن ', ev.place.within.id ? entityLink(ev.place.within.id, ev.place.within.name) : ev.place.within.name] : '',
            ev.counts && ev.counts.arrested ? ` · معتقلون: ${num(ev.counts.arrested)}` : '',
            ` · رقم الحدث ${ev.id}`),
          h('ol', { class: 'evidence-list' }, (ev.evidence || []).map((x) => h('li', { class: x.copy ? 'copy' : null },
            h('blockquote', null, evidenceSentence(x)),
            h('p', { class: 'small' },
              docLink(x.document, x.title || x.document, { ev: x.event }),
              h('span', { class: 'muted' }, ` · ${x.outlet || ''}${x.published ? ' · ' + isoDate(x.published) : ''}${x.date_from ? ' · التاريخ من: ' + x.date_from : ''} · الثقة ${percent(x.confidence)}${x.copy ? ' · نسخة' : ''}`))))))));
  }

  function renderTable() {
    const thead = h('thead', null, h('tr', null,
      h('th', { scope: 'col', class: 'expander-col' }, h('span', { class: 'sr-only' }, 'الأدلة')),
      COLUMNS.map((c) => {
        const active = sortKey === c.key;
        const btn = h('button', { type: 'button', class: 'sort' }, c.label,
          h('span', { class: 'sort-arrow', 'aria-hidden': 'true' }, active ? (sortDir > 0 ? ' ▲' : ' ▼') : ' ↕'));
        btn.addEventListener('click', () => {
          if (sortKey === c.key) sortDir = -sortDir;
          else {
            sortKey = c.key;
            sortDir = c.num ? -1 : 1;
          }
          renderTable();
          const again = tableBox.querySelector(`th[data-col="${c.key}"] button`);
          if (again) again.focus();
        });
        return h('th', { scope: 'col', 'data-col': c.key, 'aria-sort': active ? (sortDir > 0 ? 'ascending' : 'descending') : 'none', class: c.num ? 'num' : null }, btn);
      })));
    const tbody = h('tbody');
    for (const ev of sortedRows()) {
      const rowId = 'ev-' + ev.id;
      const open = expanded.has(ev.id);
      const toggle = h('button', {
        type: 'button', class: 'expand', 'aria-expanded': String(open), 'aria-controls': rowId + '-evidence',
        'aria-label': `أدلة الحدث ${ev.type} ${ev.date || ''}`,
      }, open ? '−' : '+');
      const tr = h('tr', { class: ['event-row', open ? 'open' : null], id: rowId },
        h('td', { class: 'expander-col' }, toggle),
        h('td', { dir: 'ltr', class: 'date' }, ev.date || '—'),
        h('td', null, typeBadge(ev.type), h('span', { class: 'small muted' }, ' ' + short(EVENT_TYPES, ev.type)),
          ev.modality && ev.modality !== 'asserted' ? h('span', { class: 'small warn' }, ` (${short(MODALITIES, ev.modality)})`) : null),
        h('td', null, short(EVENT_MODES, ev.mode)),
        h('td', null, ev.place ? [ev.place.id ? entityLink(ev.place.id, ev.place.name) : ev.place.name,
          ev.place.within && ev.place.within.name ? h('span', { class: 'small muted' }, ` (${ev.place.within.name})`) : null] : ''),
        h('td', null, people(ev.agents)),
        h('td', null, people(ev.targets)),
        h('td', { class: 'num' }, countCell(ev.counts && ev.counts.killed)),
        h('td', { class: 'num' }, countCell(ev.counts && ev.counts.injured)),
        h('td', { class: 'num' }, num(ev.reports)));
      const flip = () => {
        if (expanded.has(ev.id)) expanded.delete(ev.id);
        else expanded.add(ev.id);
        const nowOpen = expanded.has(ev.id);
        toggle.setAttribute('aria-expanded', String(nowOpen));
        toggle.textContent = nowOpen ? '−' : '+';
        tr.classList.toggle('open', nowOpen);
        const existing = document.getElementById(rowId + '-evidence');
        if (nowOpen && !existing) tr.after(evidenceRow(ev, rowId + '-evidence'));
        if (!nowOpen && existing) existing.remove();
      };
      toggle.addEventListener('click', (e) => {
        e.stopPropagation();
        flip();
      });
      tr.addEventListener('click', (e) => {
        if (e.target.closest('a, button')) return;
        flip();
      });
      tbody.appendChild(tr);
      if (open) tbody.appendChild(evidenceRow(ev, rowId + '-evidence'));
    }
    const offset = Math.max(0, Number(params.offset) || 0);
    replace(tableBox,
      rows.length
        ? h('div', { class: 'table-scroll' }, h('table', { class: 'data events', 'aria-label': 'جدول الأحداث' }, thead, tbody))
        : h('p', { class: 'muted' }, 'لا أحداث تطابق المرشحات.'),
      pager({ offset, limit: LIMIT, total: null, shown: rows.length, onPage: (o) => { go('/events', { ...params, offset: o || '' }); window.scrollTo(0, 0); } }));
  }

  async function loadTable() {
    const my = ++seq;
    if (ctrl) ctrl.abort();
    ctrl = new AbortController();
    const offset = Math.max(0, Number(params.offset) || 0);
    replace(status, loading('جارٍ تحميل الأحداث…'));
    tableBox.setAttribute('aria-busy', 'true');
    try {
      const data = await get('events', { ...apiFilters(), limit: LIMIT, offset }, { signal: ctrl.signal });
      if (my !== seq) return;
      tableBox.removeAttribute('aria-busy');
      rows = data.events || [];
      expanded.clear();
      replace(status, h('p', { class: 'count', role: 'status' },
        rows.length ? `الأحداث ${num(offset + 1)}–${num(offset + rows.length)}${rows.length < LIMIT ? ' (الأخيرة)' : ''}، الأحدث أولاً؛ الترتيب بالنقر على رأس العمود يرتّب هذه الصفحة.` : ''));
      renderTable();
    } catch (err) {
      if (err.name === 'AbortError' || my !== seq) return;
      tableBox.removeAttribute('aria-busy');
      rows = [];
      replace(status, errorBox(err, 'تعذّر تحميل الأحداث'));
      replace(tableBox);
    }
  }

  return {
    update(p) {
      params = p;
      setTitle('الأحداث');
      syncForm();
      renderDownloads();
      loadTable();
      loadChart();
    },
    destroy() {
      seq++;
      chartSeq++;
      if (ctrl) ctrl.abort();
      if (chartCtrl) chartCtrl.abort();
      applySoon.cancel();
    },
  };
}
