// #/story/N: one story followed across outlets.

import { get } from './api.js';
import { h, replace } from './dom.js';
import { ENTITY_TYPES, num, isoDate, short } from './format.js';
import { errorBox, loading, setTitle, entityLink, docLink, typeBadge } from './ui.js';

export function create(root) {
  let seq = 0;
  let ctrl = null;

  function render(st) {
    setTitle(st.title || `القصة ${st.id}`);
    const docs = st.documents || [];
    const outlets = new Map();
    for (const d of docs) {
      const o = d.outlet || 'غير معروفة';
      outlets.set(o, (outlets.get(o) || 0) + 1);
    }
    const copies = docs.reduce((n, d) => n + (d.copies || 0), 0);
    const maxEnt = Math.max(1, ...(st.entities || []).map((e) => e.documents || 0));
    return h('article', { class: 'story' },
      h('header', null,
        h('p', { class: 'kicker' }, `القصة رقم ${st.id}`),
        h('h1', { tabindex: '-1' }, st.title || `القصة ${st.id}`),
        h('ul', { class: 'stat-cards small' },
          h('li', null, h('span', { class: 'stat-num' }, num(st.size)), h('span', { class: 'stat-label' }, 'مقال')),
          h('li', null, h('span', { class: 'stat-num' }, num(outlets.size)), h('span', { class: 'stat-label' }, 'وسيلة')),
          h('li', null, h('span', { class: 'stat-num' }, num(copies)), h('span', { class: 'stat-label' }, 'نسخة مكررة')),
          h('li', null, h('span', { class: 'stat-num small' }, st.first_day || '—'), h('span', { class: 'stat-label' }, 'من')),
          h('li', null, h('span', { class: 'stat-num small' }, st.last_day || '—'), h('span', { class: 'stat-label' }, 'إلى')))),
      h('div', { class: 'two-col wide-first' },
        h('section', { class: 'card' },
          h('h2', null, 'المقالات بترتيب النشر'),
          h('ol', { class: 'story-docs' }, docs.map((d) => h('li', null,
            h('span', { class: 'story-date', dir: 'ltr' }, isoDate(d.published)), ' ',
            h('span', { class: 'outlet' }, d.outlet || '—'), ' — ',
            docLink(d.id, d.title || d.id),
            d.copies ? h('span', { class: 'copies-badge' }, `+${num(d.copies)} نسخ`) : null)))),
        h('div', null,
          h('section', { class: 'card' },
            h('h2', null, 'الوسائل'),
            h('ul', { class: 'bars-list' }, [...outlets.entries()].sort((a, b) => b[1] - a[1]).map(([o, n]) => {
              const bar = h('span', { class: 'bar' });
              bar.style.width = `${(100 * n) / Math.max(1, docs.length)}%`;
              return h('li', null, h('span', { class: 'bl-label' }, o), h('span', { class: 'bl-track' }, bar), h('span', { class: 'bl-num' }, num(n)));
            }))),
          h('section', { class: 'card' },
            h('h2', null, 'الكيانات الرئيسية'),
            (st.entities || []).length
              ? h('ul', { class: 'bars-list' }, st.entities.map((e) => {
                const bar = h('span', { class: 'bar t-' + e.type });
                bar.style.width = `${(100 * (e.documents || 0)) / maxEnt}%`;
                return h('li', null, h('span', { class: 'bl-label' }, entityLink(e.id, e.name), ' ', typeBadge(e.type, 'small'), h('span', { class: 'sr-only' }, short(ENTITY_TYPES, e.type))),
                  h('span', { class: 'bl-track' }, bar), h('span', { class: 'bl-num', title: 'مقالات' }, num(e.documents)));
              }))
              : h('p', { class: 'muted' }, 'لا شيء.')))));
  }

  return {
    async update(p, match) {
      const id = match[1];
      const my = ++seq;
      if (ctrl) ctrl.abort();
      ctrl = new AbortController();
      replace(root, loading('جارٍ تحميل القصة…'));
      try {
        const st = await get('stories/' + encodeURIComponent(id), null, { signal: ctrl.signal });
        if (my !== seq) return;
        replace(root, render(st));
        root.querySelector('h1').focus({ preventScroll: true });
      } catch (err) {
        if (err.name === 'AbortError' || my !== seq) return;
        replace(root, errorBox(err, 'تعذّر تحميل القصة'));
      }
    },
    destroy() {
      seq++;
      if (ctrl) ctrl.abort();
    },
  };
}
