// #/stats: what the corpus holds.

import { get, stats, denseRange } from './api.js';
import { h, replace } from './dom.js';
import { ENTITY_TYPES, EVENT_TYPES, num, bytes, short } from './format.js';
import { errorBox, loading, setTitle, hashHref, typeBadge } from './ui.js';
import { barChart, autoInterval, bucketRange, apiBucket } from './charts.js';

const CARDS = [
  ['documents', 'مقالات'],
  ['originals', 'مقالات أصلية'],
  ['exact_duplicates', 'نسخ مطابقة'],
  ['near_duplicates', 'نسخ شبه مطابقة'],
  ['appended_articles', 'مقالات ملحقة مفصولة'],
  ['sources', 'ملفات مصدر'],
  ['stories', 'قصص'],
  ['documents_in_stories', 'مقالات في قصص'],
  ['mentions', 'ورود كيانات'],
  ['entities', 'كيانات'],
  ['ambiguous_entities', 'أسماء ملتبسة'],
  ['quotes', 'اقتباسات'],
  ['dates', 'تواريخ'],
  ['counts', 'أعداد'],
  ['event_reports', 'تقارير أحداث'],
  ['events', 'أحداث مدمجة'],
];

function bars(map, linkOf, labelOf) {
  const entries = Object.entries(map || {}).sort((a, b) => b[1] - a[1]);
  const max = Math.max(1, ...entries.map((e) => e[1]));
  return h('ul', { class: 'bars-list' }, entries.map(([k, n]) => {
    const bar = h('span', { class: 'bar' });
    bar.style.width = `${(100 * n) / max}%`;
    const label = labelOf ? labelOf(k) : k;
    return h('li', null,
      h('span', { class: 'bl-label' }, linkOf ? h('a', { href: linkOf(k) }, label) : label),
      h('span', { class: 'bl-track' }, bar),
      h('span', { class: 'bl-num' }, num(n)));
  }));
}

export function create(root) {
  let seq = 0;
  let ctrl = null;

  async function docsChart(st, slot, my) {
    if (!st.days || !st.days.first) return;
    try {
      const range = await denseRange();
      const interval = autoInterval(range.first, range.last);
      const tl = await get('timeline', { interval }, { signal: ctrl.signal });
      if (my !== seq) return;
      const m = new Map((tl.documents || []).map((d) => [apiBucket(d.bucket, interval), d]));
      const buckets = bucketRange(range.first, range.last, interval).map((key) => {
        const d = m.get(key);
        return { key, values: d ? { originals: d.originals, copies: Math.max(0, d.documents - d.originals) } : {} };
      });
      const per = { day: 'يوم', week: 'أسبوع', month: 'شهر' }[interval];
      replace(slot, barChart({
        buckets, interval, unit: 'مقال',
        series: [{ key: 'originals', label: 'أصلية', color: '#2b6cb0' }, { key: 'copies', label: 'نسخ', color: '#a0aec0' }],
        title: `المقالات المنشورة في كل ${per} (${range.first} – ${range.last})`,
      }), range.first !== range.full.first || range.last !== range.full.last
        ? h('p', { class: 'muted small' }, `الرسم يقتصر على الفترة التي تضم 98٪ من المقالات؛ المدوّنة كلها من ${range.full.first} إلى ${range.full.last}.`) : null);
    } catch (err) {
      if (err.name === 'AbortError' || my !== seq) return;
      replace(slot, errorBox(err));
    }
  }

  return {
    async update() {
      setTitle('الإحصاءات');
      const my = ++seq;
      if (ctrl) ctrl.abort();
      ctrl = new AbortController();
      replace(root, loading());
      try {
        const st = await stats();
        if (my !== seq) return;
        const chartSlot = h('div', { class: 'chart-slot' }, loading());
        replace(root, h('section', { class: 'stats-page' },
          h('h1', { tabindex: '-1' }, 'إحصاءات المدوّنة'),
          h('p', { class: 'muted' },
            st.days ? `المقالات منشورة بين ${st.days.first || '—'} و${st.days.last || '—'}. ` : '',
            `حجم المصادر ${bytes(st.raw_bytes)}، وقاعدة البيانات ${bytes(st.database_bytes)}.`),
          h('ul', { class: 'stat-cards' }, CARDS.map(([k, label]) => h('li', null, h('span', { class: 'stat-num' }, num(st[k])), h('span', { class: 'stat-label' }, label)))),
          h('section', { class: 'card' }, h('h2', null, 'المقالات عبر الزمن'), chartSlot),
          h('div', { class: 'three-col' },
            h('section', { class: 'card' }, h('h2', null, 'أكثر الوسائل'), bars(st.outlets, (k) => hashHref('/events', { outlet: k }))),
            h('section', { class: 'card' }, h('h2', null, 'أنواع الكيانات'),
              bars(st.entity_types, (k) => hashHref('/entities', { type: k }), (k) => [typeBadge(k), ' ', short(ENTITY_TYPES, k)])),
            h('section', { class: 'card' }, h('h2', null, 'أنواع الأحداث'),
              bars(st.event_types, (k) => hashHref('/events', { type: k }), (k) => [typeBadge(k), ' ', short(EVENT_TYPES, k)])))));
        docsChart(st, chartSlot, my);
      } catch (err) {
        if (err.name === 'AbortError' || my !== seq) return;
        replace(root, errorBox(err, 'تعذّر تحميل الإحصاءات'));
      }
    },
    destroy() {
      seq++;
      if (ctrl) ctrl.abort();
    },
  };
}
