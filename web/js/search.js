// #/search?q=...: the search page with its filters; #/ shows it empty with
// help and a summary of the corpus.

import { get, stats } from './api.js';
import { h, replace, marked, debounce } from './dom.js';
import { EVENT_TYPES, num, isoDate, plural } from './format.js';
import { errorBox, loading, setTitle, pager, docLink, hashHref } from './ui.js';

const LIMIT = 20;
const FILTERS = ['outlet', 'from', 'to', 'entity', 'event_type', 'has_quotes', 'sort', 'copies'];

function copiesLabel(n) {
  if (n === 1) return 'ونسخة أخرى';
  if (n === 2) return 'ونسختان أخريان';
  return `و ${num(n)} ${n <= 10 ? 'نسخ' : 'نسخة'}`;
}

function helpBox(open) {
  const ex = (q, what) => h('li', null, h('a', { href: hashHref('/search', { q }), class: 'q-example' }, h('code', null, q)), ' — ', what);
  return h('details', { class: 'help', open: open ? true : null },
    h('summary', null, 'صيغة البحث'),
    h('ul', null,
      ex('الحوثي صنعاء', 'كل الكلمات، بأي صيغة كُتبت (مع «ال» وبلا تشكيل)'),
      ex('"مجلس الأمن"', 'عبارة كما هي بين علامتي تنصيص'),
      ex('اعتقا*', 'كلمات تبدأ بهذه البادئة'),
      ex('التحالف -العراق', 'استثناء كلمة بعلامة ناقص أو NOT'),
      ex('غارة OR قصف', 'إحدى الكلمتين (OR أو «أو»)'),
      ex('(غارة أو قصف) اليمن', 'تجميع بالأقواس')),
    h('p', { class: 'muted small' }, 'اضغط «/» في أي صفحة للانتقال إلى مربع البحث. القوائم والتواريخ تنطبق فوراً، والوسيلة بعد التوقف عن الكتابة، والكيان عند Enter.'));
}

export function create(root, { go }) {
  let seq = 0;
  let ctrl = null;
  let params = {};
  const fields = {};

  const status = h('div', { class: 'search-status' });
  const results = h('div', { class: 'results-wrap' });

  function currentFilters() {
    const out = {};
    for (const f of FILTERS) {
      const el = fields[f];
      if (!el) continue;
      if (el.type === 'checkbox') out[f] = el.checked ? '1' : '';
      else out[f] = el.value.trim();
    }
    if (out.sort === 'relevance') out.sort = '';
    return out;
  }

  function apply() {
    go('/search', { q: params.q || '', ...currentFilters() }, { replace: true });
  }
  const applySoon = debounce(apply, 450);

  // Lists, dates and checkboxes apply at once; the outlet as it is typed
  // (debounced); a name that must be resolved (entity) on Enter or on
  // leaving the field, so half-typed names do not flash "not found".
  function field(name, label, control, { hint, onChange = false } = {}) {
    fields[name] = control;
    control.id = 'f-' + name;
    control.name = name;
    const isCheck = control.type === 'checkbox';
    const immediate = isCheck || control.tagName === 'SELECT' || control.type === 'date';
    if (immediate || onChange) control.addEventListener('change', () => {
      applySoon.cancel();
      apply();
    });
    else control.addEventListener('input', applySoon);
    if (isCheck) return h('label', { class: 'field check', for: control.id }, control, label);
    return h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hint ? h('span', { class: 'hint' }, hint) : null);
  }

  const outletList = h('datalist', { id: 'outlet-options' });
  const typeSelect = h('select', { 'aria-label': 'نوع الحدث' },
    h('option', { value: '' }, 'الكل'),
    Object.entries(EVENT_TYPES).map(([code, ar]) => h('option', { value: code }, `${ar} (${code})`)));
  const reset = h('button', { type: 'button', class: 'secondary' }, 'مسح المرشحات');
  reset.addEventListener('click', () => {
    applySoon.cancel();
    go('/search', { q: params.q || '' }, { replace: true });
  });

  const form = h('form', { class: 'filters', 'aria-label': 'مرشحات البحث' },
    field('outlet', 'الوسيلة', h('input', { type: 'text', list: 'outlet-options', placeholder: 'مثل: الرياض', autocomplete: 'off' })),
    outletList,
    field('from', 'من تاريخ', h('input', { type: 'date' })),
    field('to', 'إلى تاريخ', h('input', { type: 'date' })),
    field('entity', 'كيان', h('input', { type: 'text', placeholder: 'اسم أو معرّف، ثم Enter', autocomplete: 'off' }), { onChange: true }),
    field('event_type', 'نوع الحدث', typeSelect),
    field('sort', 'الترتيب', h('select', null,
      h('option', { value: 'relevance' }, 'الأكثر صلة'),
      h('option', { value: 'date' }, 'الأحدث أولاً'))),
    h('div', { class: 'checks' },
      field('has_quotes', 'فيها اقتباسات', h('input', { type: 'checkbox' })),
      field('copies', 'أظهر النسخ منفصلة', h('input', { type: 'checkbox' }))),
    h('div', { class: 'form-buttons' }, h('button', { type: 'submit' }, 'تطبيق'), reset));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    applySoon.cancel();
    apply();
  });

  const intro = h('div', { class: 'intro' });

  replace(root,
    h('section', { class: 'search-page' },
      h('h1', { class: 'page-title', tabindex: '-1' }, 'البحث في الأخبار'),
      form,
      status,
      results,
      intro));

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
      if (!el || el === document.activeElement) continue;
      const v = params[f] || '';
      if (el.type === 'checkbox') el.checked = v === '1';
      else if (f === 'sort') el.value = v || 'relevance';
      else if (el.value !== v) el.value = v;
    }
  }

  function showIntro() {
    replace(status);
    replace(results);
    replace(intro,
      h('p', { class: 'lead' }, 'اكتب في مربع البحث أعلاه كلمات أو عبارة، ثم استعمل المرشحات لتضييق النتائج حسب الوسيلة والتاريخ والكيان ونوع الحدث.'),
      helpBox(true),
      h('div', { class: 'home-stats' }, loading('')));
    stats().then((st) => {
      const box = intro.querySelector('.home-stats');
      if (!box) return;
      replace(box,
        h('h2', null, 'في هذه المدوّنة'),
        h('ul', { class: 'stat-cards' },
          [['documents', 'مقال'], ['sources', 'مصدر'], ['entities', 'كيان'], ['quotes', 'اقتباس'], ['events', 'حدث'], ['stories', 'قصة']]
            .map(([k, label]) => h('li', null, h('span', { class: 'stat-num' }, num(st[k])), h('span', { class: 'stat-label' }, label)))),
        st.days ? h('p', { class: 'muted' }, `من ${st.days.first || '—'} إلى ${st.days.last || '—'}`) : null,
        h('p', null, h('a', { href: '#/events' }, 'تصفّح الأحداث'), ' · ', h('a', { href: '#/entities' }, 'أكثر الكيانات ذكراً'), ' · ', h('a', { href: '#/stats' }, 'كل الإحصاءات')));
    }).catch((err) => {
      const box = intro.querySelector('.home-stats');
      if (box) replace(box, errorBox(err));
    });
  }

  function resultItem(r) {
    const meta = [h('span', { class: 'outlet' }, r.outlet || 'وسيلة غير معروفة')];
    if (r.published) meta.push(h('time', { datetime: r.published }, isoDate(r.published)));
    if (r.story !== null && r.story !== undefined) meta.push(h('a', { href: '#/story/' + encodeURIComponent(r.story), class: 'story-link' }, `القصة ${r.story}`));
    let copies = null;
    if (r.copies > 0) {
      copies = h('details', { class: 'copies' },
        h('summary', null, copiesLabel(r.copies)),
        h('ul', { class: 'inline-list' }, (r.copy_list || []).map((c) =>
          h('li', null, docLink(c.id, `${c.outlet || 'وسيلة غير معروفة'}${c.published ? ' · ' + isoDate(c.published) : ''}`)))));
    }
    const sn = r.snippet || { text: '', marks: [] };
    const title = r.title || '(بلا عنوان)';
    return h('li', { class: 'result' },
      h('h2', { class: 'r-title' }, h('a', { href: '#/doc/' + encodeURIComponent(r.id) }, marked(title, r.title_marks))),
      h('div', { class: 'r-meta' }, meta, copies),
      h('p', { class: 'snippet' }, sn.before ? '… ' : '', marked(sn.text || '', sn.marks), sn.after ? ' …' : ''));
  }

  async function runSearch() {
    const my = ++seq;
    if (ctrl) ctrl.abort();
    ctrl = new AbortController();
    replace(intro);
    const offset = Math.max(0, Number(params.offset) || 0);
    const req = { q: params.q, limit: LIMIT, offset };
    for (const f of FILTERS) if (params[f]) req[f] = params[f];
    replace(status, loading('جارٍ البحث…'));
    results.setAttribute('aria-busy', 'true');
    try {
      const data = await get('search', req, { signal: ctrl.signal });
      if (my !== seq) return;
      results.removeAttribute('aria-busy');
      replace(status, h('p', { class: 'count', role: 'status' },
        data.total === 0 ? 'لا نتائج.' : plural(data.total, 'نتيجة واحدة', 'نتيجتان', 'نتائج', 'نتيجة'),
        data.total > 0 ? ` · ${num(offset + 1)}–${num(offset + data.results.length)}` : ''));
      const onPage = (o) => {
        go('/search', { ...params, offset: o || '' });
        window.scrollTo(0, 0);
      };
      replace(results,
        h('ol', { class: 'results', start: String(offset + 1) }, data.results.map(resultItem)),
        data.total > LIMIT ? pager({ offset, limit: LIMIT, total: data.total, shown: data.results.length, onPage }) : null,
        data.total === 0 ? helpBox(false) : null);
    } catch (err) {
      if (err.name === 'AbortError' || my !== seq) return;
      results.removeAttribute('aria-busy');
      replace(status, errorBox(err, err.status === 400 ? 'صيغة البحث غير صحيحة' : 'تعذّر البحث'));
      replace(results, helpBox(true));
    }
  }

  return {
    update(p) {
      params = p;
      syncForm();
      setTitle(p.q ? `بحث: ${p.q}` : 'البحث');
      if (p.q && p.q.trim()) runSearch();
      else {
        seq++;
        showIntro();
      }
    },
    destroy() {
      seq++;
      if (ctrl) ctrl.abort();
      applySoon.cancel();
    },
  };
}
