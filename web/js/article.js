// #/doc/ID: one article with every fact highlighted where it was found.

import { get } from './api.js';
import { h, replace, clear, byteMapper } from './dom.js';
import { renderText } from './highlight.js';
import {
  ENTITY_TYPES, EVENT_TYPES, EVENT_MODES, MODALITIES, REMOVED_REASONS, SPEAKER_KINDS, COUNT_ROLES,
  labelled, short, num, percent, isoDate, countValue, bytes, when,
} from './format.js';
import { errorBox, loading, setTitle, entityLink, docLink, announce, findIcon } from './ui.js';

const LAYERS = [
  ['mention', 'الكيانات'],
  ['date', 'التواريخ'],
  ['count', 'الأعداد'],
  ['event', 'الأحداث'],
  ['quote', 'الاقتباسات'],
];

const KIND_NAMES = {
  mention: 'كيان',
  date: 'تاريخ',
  count: 'عدد',
  event: 'حدث',
  quote: 'اقتباس',
  target: 'المقطع المطلوب',
};

function slice16(text, span) {
  return span && Number.isFinite(span.begin16) ? text.slice(span.begin16, span.end16) : '';
}

function row(label, ...value) {
  const parts = value.flat().filter((v) => v !== null && v !== undefined && v !== '');
  if (!parts.length) return null;
  return [h('dt', null, label), h('dd', null, parts)];
}

function offsets(span) {
  if (!span || !Number.isFinite(span.begin16)) return null;
  return h('span', { class: 'offsets', dir: 'ltr' }, `${span.begin16}–${span.end16} (UTF-16) · ${span.begin}–${span.end} (bytes)`);
}

export function create(root) {
  let seq = 0;
  let ctrl = null;
  let doc = null;
  let docId = null;
  let textEl = null;
  let card = null;
  let selectedEl = null;
  let params = {};
  let cycle = new Map();

  function entityOf(index) {
    return doc && Number.isInteger(index) ? doc.entities.find((e) => e.index === index) || doc.entities[index] : null;
  }

  function entityRef(entityId, index, fallback) {
    const ent = entityOf(index);
    const name = (ent && ent.name) || fallback || entityId;
    if (entityId) return entityLink(entityId, name);
    return h('span', null, name || '—');
  }

  // ----- details of one span -----------------------------------------------------

  function mentionDetails(m) {
    const ent = entityOf(m.entity);
    const gaz = ent && ent.gazetteer;
    const actions = [];
    if (m.entity_id) {
      actions.push(h('a', { href: '#/entity/' + encodeURIComponent(m.entity_id) }, 'صفحة الكيان'));
      actions.push(h('a', { href: '#/events?actor=' + encodeURIComponent(m.entity_id) }, 'أحداث هو طرف فيها'));
      if (m.type === 'GPE' || m.type === 'LOC')
        actions.push(h('a', { href: '#/events?place=' + encodeURIComponent(m.entity_id) }, 'أحداث في هذا المكان'));
    }
    return [
      h('dl', null,
        row('النوع', labelled(ENTITY_TYPES, m.type)),
        row('النص', m.text),
        row('الصفة', m.role),
        row('الكيان', m.entity_id ? entityRef(m.entity_id, m.entity, m.text) : 'غير مربوط بكيان في المدوّنة'),
        row('صيغه في المقال', ent && ent.variants ? ent.variants.join('، ') : null),
        row('ورود في المقال', ent ? num(ent.mentions) : null),
        row('المعجم الجغرافي', gaz ? [gaz.kind || '', gaz.country ? ` · ${gaz.country}` : '',
          Number.isFinite(gaz.lat) ? h('span', { dir: 'ltr' }, ` · ${gaz.lat.toFixed(3)}, ${gaz.lon.toFixed(3)}`) : ''] : null),
        row('الثقة', percent(m.confidence)),
        row('الموضع', offsets(m))),
      actions.length ? h('p', { class: 'actions' }, actions) : null,
    ];
  }

  function dateDetails(d) {
    return h('dl', null,
      row('النص', d.text),
      row('القيمة', d.value ? h('span', { dir: 'ltr' }, when(d.value)) : 'لم تُحدَّد', d.value && d.value !== when(d.value) ? h('code', { dir: 'ltr', class: 'muted' }, ` ${d.value}`) : null),
      row('الدقة', d.granularity),
      row('التحديد', d.resolution),
      row('صيغة نسبية', d.relative ? h('code', { dir: 'ltr' }, d.relative) : null),
      row('التقويم', d.calendar),
      row('تعارض اليوم', d.weekday_mismatch ? 'اسم اليوم لا يطابق التاريخ' : null),
      row('الشرح (explanation)', d.explanation ? h('span', { dir: 'ltr', class: 'ltr-text' }, d.explanation) : null),
      row('الموضع', offsets(d)));
  }

  function countDetails(c) {
    return h('dl', null,
      row('النص', c.text),
      row('القيمة', countValue(c)),
      row('تقريبي', c.approximate ? 'نعم' : null),
      row('غامض (vague)', c.vague ? 'نعم — عدد غير محدد مثل «عشرات»' : null),
      row('قيد', c.qualifier),
      row('المعدود', c.noun ? [c.noun, c.noun_key ? h('span', { class: 'muted' }, ` (${c.noun_key})`) : ''] : null),
      row('الموضع', offsets(c)));
  }

  function argList(args) {
    if (!args || !args.length) return null;
    return h('ul', { class: 'inline-list' }, args.map((a) => {
      if (!a.entity_id) return h('li', null, a.text);
      const index = entityIndexOfMention(a.mention);
      const ent = entityOf(index);
      return h('li', null, entityRef(a.entity_id, index, a.text),
        ent && ent.name !== a.text ? h('span', { class: 'muted' }, ` («${a.text}»)`) : null);
    }));
  }

  function entityIndexOfMention(mi) {
    const m = Number.isInteger(mi) ? doc.mentions[mi] : null;
    return m ? m.entity : null;
  }

  function eventDetails(ev) {
    const loc = ev.location;
    let place = null;
    if (loc) {
      const name = loc.name || loc.text;
      place = [loc.id ? entityLink(loc.id, name) : name];
      if (loc.name && loc.text && loc.name !== loc.text) place.push(h('span', { class: 'muted' }, ` («${loc.text}»)`));
      if (loc.within) place.push(' ضمن ', loc.within.id ? entityLink(loc.within.id, loc.within.name) : loc.within.name);
      if (loc.country) place.push(h('span', { class: 'muted' }, ` · ${loc.country}`));
    }
    const counts = (ev.counts || []).map((c) => h('li', null, `${short(COUNT_ROLES, c.role)}: ${countValue(c)}`, c.text ? h('span', { class: 'muted' }, ` («${c.text}»)`) : null));
    const sentence = slice16(doc.text, ev.sentence);
    return [
      h('dl', null,
        row('النوع', labelled(EVENT_TYPES, ev.type)),
        row('النمط', ev.mode ? labelled(EVENT_MODES, ev.mode) : null),
        row('الصيغة', labelled(MODALITIES, ev.modality)),
        row('الكلمة الدالة', ev.trigger_text),
        row('المكان', place),
        row('التاريخ', ev.date ? h('span', { dir: 'ltr' }, when(ev.date)) : null, ev.date_text ? ` «${ev.date_text}»` : null,
          ev.date_from ? h('span', { class: 'muted' }, ` (${ev.date_from})`) : null),
        row('الفاعل', argList(ev.agents)),
        row('المستهدف', argList(ev.targets)),
        row('الأعداد', counts.length ? h('ul', { class: 'inline-list' }, counts) : null),
        row('بحسب', ev.reported_by),
        row('ادعاء', ev.claimed ? 'نعم (تبنّي/ادعاء)' : null),
        row('الثقة', percent(ev.confidence)),
        row('الحدث المدمج', ev.cluster !== undefined && ev.cluster !== null ? `رقم ${ev.cluster}` : null),
        row('الموضع', offsets(ev.trigger))),
      sentence ? h('blockquote', { class: 'sentence' }, sentence) : null,
      h('p', { class: 'actions' },
        h('a', { href: '#/events' + (ev.type ? '?type=' + encodeURIComponent(ev.type) : '') }, 'أحداث من النوع نفسه'),
        loc && loc.id ? h('a', { href: '#/events?place=' + encodeURIComponent(loc.id) }, 'أحداث في المكان نفسه') : null),
    ];
  }

  function quoteDetails(q) {
    const cue = slice16(doc.text, q.cue);
    return h('dl', null,
      row('النوع', q.direct ? 'اقتباس مباشر' : 'اقتباس غير مباشر'),
      row('المتحدث', q.speaker_entity_id ? entityRef(q.speaker_entity_id, q.speaker_entity, q.speaker_text) : q.speaker_text || 'غير معروف',
        q.speaker_entity_id && q.speaker_text ? h('span', { class: 'muted' }, ` («${q.speaker_text}»)`) : null),
      row('نوع المتحدث', q.speaker_kind ? labelled(SPEAKER_KINDS, q.speaker_kind) : null),
      row('فعل القول', cue || null, q.cue_lemma ? h('span', { class: 'muted' }, ` (${q.cue_lemma})`) : null),
      row('متابعة', q.continuation ? 'يكمل اقتباساً سابقاً للمتحدث نفسه' : null),
      row('النص', q.text),
      row('الموضع', offsets(q.span)));
  }

  function details(key) {
    const [kind, idx] = key.split(':');
    const i = Number(idx);
    switch (kind) {
      case 'mention': return mentionDetails(doc.mentions[i]);
      case 'date': return dateDetails(doc.dates[i]);
      case 'count': return countDetails(doc.counts[i]);
      case 'event': return eventDetails(doc.events[i]);
      case 'quote': return quoteDetails(doc.quotes[i]);
      case 'target': return h('p', null, 'المقطع الذي أحالت إليه الصفحة السابقة.');
      default: return null;
    }
  }

  function titleOf(key) {
    const [kind, idx] = key.split(':');
    const i = Number(idx);
    if (kind === 'mention') return `${KIND_NAMES.mention}: ${short(ENTITY_TYPES, doc.mentions[i].type)}`;
    if (kind === 'event') return `${KIND_NAMES.event}: ${doc.events[i].type}${doc.events[i].mode ? ' · ' + short(EVENT_MODES, doc.events[i].mode) : ''}`;
    return KIND_NAMES[kind] || kind;
  }

  // ----- selection -------------------------------------------------------------------

  function clearSelection() {
    if (!textEl) return;
    for (const el of textEl.querySelectorAll('.related, .selected, .same-entity')) el.classList.remove('related', 'selected', 'same-entity');
    selectedEl = null;
  }

  function closeCard(restoreFocus) {
    const back = selectedEl;
    clearSelection();
    if (card) {
      card.remove();
      card = null;
    }
    if (restoreFocus && back) back.focus();
  }

  function select(key, el) {
    clearSelection();
    const first = textEl.querySelector(`[data-k="${key}"]`);
    selectedEl = first && first.hasAttribute('tabindex') ? first : el;
    for (const piece of textEl.querySelectorAll(`[data-k="${key}"]`)) piece.classList.add('selected');
    for (const rel of textEl.querySelectorAll(`[data-rel~="${key.replace(':', '-')}"]`)) rel.classList.add('related');
    const [kind, idx] = key.split(':');
    if (kind === 'mention') {
      const m = doc.mentions[Number(idx)];
      if (Number.isInteger(m.entity)) {
        for (const same of textEl.querySelectorAll(`[data-ent="${m.entity}"]`)) if (same.dataset.k !== key) same.classList.add('same-entity');
      }
    }
    if (card) card.remove();
    const close = h('button', { type: 'button', class: 'card-close', 'aria-label': 'إغلاق التفاصيل' }, '×');
    close.addEventListener('click', () => closeCard(true));
    card = h('section', { class: ['detail-card', 'k-' + kind], 'aria-label': 'تفاصيل ' + titleOf(key), tabindex: '-1' },
      h('header', null, h('h2', null, titleOf(key)), close),
      details(key));
    card.addEventListener('keydown', (ev) => {
      if (ev.key === 'Escape') closeCard(true);
    });
    const para = el.closest('p');
    if (para && para.parentNode === textEl) para.after(card);
    else textEl.appendChild(card);
    announce(titleOf(key));
  }

  function jumpTo(key, { open = true } = {}) {
    if (!textEl) return;
    const el = textEl.querySelector(`[data-k="${key}"][tabindex]`) || textEl.querySelector(`[data-k="${key}"]`);
    if (!el) return;
    if (open) select(key, el);
    el.scrollIntoView({ block: 'center', behavior: 'auto' });
    el.focus({ preventScroll: true });
    el.classList.remove('flash');
    void el.offsetWidth;
    el.classList.add('flash');
  }

  // ----- the text ----------------------------------------------------------------------

  function buildSpans(target) {
    const spans = [];
    const roles = new Map(); // "b:e" -> Set of role keys
    const addRole = (span, key) => {
      if (!span || !Number.isFinite(span.begin16) || span.end16 <= span.begin16) return;
      const k = span.begin16 + ':' + span.end16;
      if (!roles.has(k)) roles.set(k, new Set());
      roles.get(k).add(key);
    };
    doc.quotes.forEach((q, i) => {
      if (q.span) spans.push({ b: q.span.begin16, e: q.span.end16, kind: 'quote', key: 'quote:' + i, q });
      addRole(q.speaker, 'quote-' + i);
      addRole(q.cue, 'quote-' + i);
    });
    doc.events.forEach((ev, i) => {
      if (ev.trigger) spans.push({ b: ev.trigger.begin16, e: ev.trigger.end16, kind: 'event', key: 'event:' + i, ev });
      for (const a of ev.agents || []) addRole(a, 'event-' + i);
      for (const a of ev.targets || []) addRole(a, 'event-' + i);
      if (ev.location) addRole(ev.location, 'event-' + i);
      for (const c of ev.counts || []) {
        const match = doc.counts.find((x) => x.text === c.text && x.value === c.value);
        if (match) addRole(match, 'event-' + i);
      }
    });
    doc.mentions.forEach((m, i) => spans.push({ b: m.begin16, e: m.end16, kind: 'mention', key: 'mention:' + i, m }));
    doc.dates.forEach((d, i) => spans.push({ b: d.begin16, e: d.end16, kind: 'date', key: 'date:' + i, d }));
    doc.counts.forEach((c, i) => spans.push({ b: c.begin16, e: c.end16, kind: 'count', key: 'count:' + i, c }));
    for (const [k, set] of roles) {
      const [b, e] = k.split(':').map(Number);
      spans.push({ b, e, kind: 'role', rel: [...set].join(' ') });
    }
    if (target) spans.push({ b: target.b, e: target.e, kind: 'target', key: 'target:0' });
    return spans;
  }

  function makeEl(span, first) {
    if (span.kind === 'role') return h('span', { class: 'rs', 'data-rel': span.rel });
    const props = { class: ['hl', 'hl-' + span.kind], dataset: { k: span.key } };
    let label = '';
    const text = doc.text.slice(span.b, span.e);
    if (span.kind === 'mention') {
      props.class.push('t-' + span.m.type);
      if (Number.isInteger(span.m.entity)) props.dataset.ent = span.m.entity;
      label = `${short(ENTITY_TYPES, span.m.type)}: ${span.m.text}`;
    } else if (span.kind === 'event') {
      props['data-type'] = span.ev.type;
      if (span.ev.modality && span.ev.modality !== 'asserted') props.class.push('not-asserted');
      label = `حدث ${span.ev.type}${span.ev.mode ? ' ' + span.ev.mode : ''}: ${span.ev.trigger_text || text}`;
    } else if (span.kind === 'date') {
      label = `تاريخ: ${span.d.text}${span.d.value ? ' = ' + span.d.value : ''}`;
    } else if (span.kind === 'count') {
      label = `عدد: ${span.c.text}`;
    } else if (span.kind === 'quote') {
      props.class.push(span.q.direct ? 'direct' : 'indirect');
      label = `اقتباس ${span.q.direct ? 'مباشر' : 'غير مباشر'}${span.q.speaker_text ? ' — ' + span.q.speaker_text : ''}`;
    } else if (span.kind === 'target') {
      label = 'المقطع المطلوب';
    }
    if (first) {
      props.tabindex = '0';
      props.role = 'button';
      props['aria-label'] = label;
      props.title = label;
    } else {
      props.class.push('cont');
    }
    return h('span', props);
  }

  function renderBody(target) {
    const t0 = performance.now();
    closeCard(false);
    const frag = renderText(doc.text, buildSpans(target), makeEl);
    clear(textEl).appendChild(frag);
    const dt = performance.now() - t0;
    textEl.dataset.renderMs = dt.toFixed(1);
  }

  // ----- the side panel ----------------------------------------------------------------

  function jumpButton(key, ...label) {
    const b = h('button', { type: 'button', class: 'linklike' }, label);
    b.addEventListener('click', () => jumpTo(key));
    return b;
  }

  function sideEntities() {
    const byType = new Map();
    for (const ent of doc.entities) {
      if (!byType.has(ent.type)) byType.set(ent.type, []);
      byType.get(ent.type).push(ent);
    }
    const order = ['PER', 'ORG', 'GPE', 'LOC', 'NORP', 'MISC'];
    const groups = [...byType.keys()].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    return groups.map((type) => {
      const ents = byType.get(type).slice().sort((a, b) => b.mentions - a.mentions);
      return h('div', { class: 'side-group' },
        h('h3', null, labelled(ENTITY_TYPES, type), h('span', { class: 'badge' }, num(ents.length))),
        h('ul', { class: 'side-list' }, ents.map((ent) => {
          const find = h('button', { type: 'button', class: 'find', 'aria-label': `أظهر «${ent.name}» في النص`, title: 'في النص' }, findIcon());
          find.addEventListener('click', () => {
            const idxs = doc.mentions.map((m, i) => (m.entity === ent.index ? i : -1)).filter((i) => i >= 0);
            if (!idxs.length) return;
            const n = (cycle.get(ent.index) || 0) % idxs.length;
            cycle.set(ent.index, n + 1);
            jumpTo('mention:' + idxs[n]);
          });
          return h('li', { class: 't-' + ent.type },
            ent.id ? entityLink(ent.id, ent.name) : h('span', null, ent.name),
            h('span', { class: 'count', title: 'عدد الورود' }, num(ent.mentions)),
            find);
        })));
    });
  }

  function sideEvents() {
    return doc.events.map((ev, i) => h('li', { class: ev.modality !== 'asserted' ? 'not-asserted' : null },
      jumpButton('event:' + i, h('span', { class: 'ev-type', dir: 'ltr' }, ev.type), ' ',
        ev.mode ? short(EVENT_MODES, ev.mode) : '', ' — «', ev.trigger_text || '', '»'),
      h('div', { class: 'muted small' },
        ev.location ? (ev.location.name || ev.location.text) : '',
        ev.date ? [' · ', h('span', { dir: 'ltr' }, when(ev.date))] : '',
        (ev.counts || []).filter((c) => ['killed', 'injured', 'arrested'].includes(c.role)).map((c) => ` · ${short(COUNT_ROLES, c.role)} ${countValue(c)}`),
        ev.modality && ev.modality !== 'asserted' ? ` · ${short(MODALITIES, ev.modality)}` : '')));
  }

  function sideQuotes() {
    return doc.quotes.map((q, i) => h('li', null,
      jumpButton('quote:' + i, h('strong', null, q.speaker_text || 'متحدث غير معروف'), ': «',
        q.text.length > 90 ? q.text.slice(0, 90) + '…' : q.text, '»'),
      q.direct ? null : h('span', { class: 'muted small' }, ' (غير مباشر)')));
  }

  function sideDates() {
    return doc.dates.map((d, i) => h('li', null,
      jumpButton('date:' + i, d.text), ' ← ',
      d.value ? h('span', { dir: 'ltr' }, when(d.value)) : h('span', { class: 'muted' }, 'غير محدد')));
  }

  function sideCounts() {
    return doc.counts.map((c, i) => h('li', null, jumpButton('count:' + i, c.text), ' ← ', countValue(c)));
  }

  function sideSection(title, count, items, { open = true, list = true } = {}) {
    return h('details', { class: 'side-section', open: open ? true : null },
      h('summary', null, h('h2', null, title, h('span', { class: 'badge' }, num(count)))),
      count ? (list ? h('ol', { class: 'side-list' }, items) : items) : h('p', { class: 'muted' }, 'لا شيء.'));
  }

  // ----- header, metadata, corpus links -------------------------------------------

  function metadata() {
    const pub = doc.published;
    const uri = doc.uri || '';
    const isHttp = /^https?:\/\//i.test(uri);
    return h('dl', { class: 'meta-grid' },
      row('الوسيلة', doc.outlet || '—', doc.outlet_from ? h('span', { class: 'from' }, ` (من: ${doc.outlet_from})`) : null),
      row('النشر', pub ? [h('time', { datetime: pub.value }, isoDate(pub.value)),
        h('span', { class: 'from' }, ` (الدقة: ${pub.precision || '—'}، من: ${pub.from || '—'})`)] : 'غير معروف'),
      row('العنوان من', doc.title_from ? h('span', { class: 'from' }, doc.title_from) : null),
      row('الكاتب', doc.author),
      row('الوصف', doc.description),
      row('المصدر', isHttp ? h('a', { href: uri, rel: 'noopener noreferrer nofollow', target: '_blank', dir: 'ltr', class: 'uri' }, uri)
        : h('span', { dir: 'ltr', class: 'uri' }, uri), doc.record !== undefined && doc.record !== null ? h('span', { class: 'from' }, ` (السجل ${doc.record})`) : null),
      row('المعرّف', h('code', { dir: 'ltr' }, doc.id)),
      row('الحجم', `${num(doc.token_count)} كلمة، ${num(doc.sentence_count)} جملة`,
        doc.corpus && doc.corpus.raw_bytes ? ` · الأصل ${bytes(doc.corpus.raw_bytes)}` : null,
        doc.content_type ? h('span', { class: 'from' }, ` · ${doc.content_type}${doc.encoding ? ' / ' + doc.encoding : ''}`) : null));
  }

  function corpusLinks() {
    const c = doc.corpus || {};
    const items = [];
    if (c.duplicate_of) items.push(h('li', { class: 'dup' }, 'نسخة مطابقة من: ', docLink(c.duplicate_of)));
    if (c.near_duplicate_of)
      items.push(h('li', { class: 'dup' }, 'نسخة شبه مطابقة', c.similarity ? ` (تشابه ${percent(c.similarity)})` : '', ' من: ', docLink(c.near_duplicate_of)));
    if (c.story !== null && c.story !== undefined)
      items.push(h('li', null, 'ضمن قصة: ', h('a', { href: '#/story/' + encodeURIComponent(c.story) }, `القصة رقم ${c.story}`)));
    if (c.copies && c.copies.length)
      items.push(h('li', null, `نُشرت نسخه أيضاً (${num(c.copies.length)}): `,
        h('ul', { class: 'inline-list' }, c.copies.map((cp) => h('li', null, docLink(cp.id),
          h('span', { class: 'muted' }, ` (${cp.kind === 'exact' ? 'مطابقة' : 'شبه مطابقة'}${cp.similarity ? ' ' + percent(cp.similarity) : ''})`))))));
    if (doc.split_from) items.push(h('li', null, 'فُصل هذا المقال عن الصفحة: ', docLink(doc.split_from)));
    if (doc.appended && doc.appended.length)
      items.push(h('li', null, 'مقالات ملحقة فُصلت عن هذه الصفحة: ',
        h('ul', { class: 'inline-list' }, doc.appended.map((a) => h('li', null, docLink(typeof a === 'string' ? a : a.id))))));
    return items.length ? h('ul', { class: 'corpus-links' }, items) : null;
  }

  function removedSection() {
    const removed = doc.removed || [];
    const list = h('ol', { class: 'removed-list', id: 'removed-list', hidden: true },
      removed.map((r) => h('li', null,
        h('span', { class: 'reason' }, labelled(REMOVED_REASONS, r.reason)),
        h('span', { class: 'offsets', dir: 'ltr' }, ` ${r.source_begin}–${r.source_end}`),
        h('div', { class: 'removed-text' }, r.text))));
    const btn = h('button', { type: 'button', class: 'toggle', 'aria-expanded': 'false', 'aria-controls': 'removed-list', disabled: removed.length ? null : true },
      removed.length ? `أظهر النص المحذوف (${num(removed.length)})` : 'لم يُحذف شيء من الصفحة');
    btn.addEventListener('click', () => {
      const show = list.hidden;
      list.hidden = !show;
      btn.setAttribute('aria-expanded', String(show));
      btn.textContent = show ? `أخفِ النص المحذوف (${num(removed.length)})` : `أظهر النص المحذوف (${num(removed.length)})`;
    });
    return h('section', { class: 'removed', 'aria-label': 'النص المحذوف (boilerplate)' },
      btn, h('p', { class: 'muted small' }, 'ما حذفه التنظيف من الصفحة الأصلية (مشاركة، توقيع، عناوين مكررة…) مع السبب وموضعه في المصدر.'), list);
  }

  function layerToggles() {
    const box = h('div', { class: 'layers', role: 'group', 'aria-label': 'طبقات الإبراز' },
      h('span', { class: 'layers-label' }, 'إبراز:'));
    for (const [kind, label] of LAYERS) {
      const id = 'layer-' + kind;
      const cb = h('input', { type: 'checkbox', id, checked: true });
      cb.addEventListener('change', () => {
        textEl.classList.toggle('hide-' + kind, !cb.checked);
        for (const el of textEl.querySelectorAll(`.hl-${kind}[tabindex]`)) el.setAttribute('tabindex', cb.checked ? '0' : '-1');
      });
      box.appendChild(h('label', { class: 'layer layer-' + kind, for: id }, cb, h('span', { class: 'swatch' }), label));
    }
    return box;
  }

  function legend() {
    return h('ul', { class: 'legend', 'aria-label': 'دليل الألوان' },
      ['PER', 'ORG', 'GPE', 'LOC', 'NORP', 'MISC'].map((t) => h('li', null, h('span', { class: 'legend-chip t-' + t }, short(ENTITY_TYPES, t)))));
  }

  // ----- the page -----------------------------------------------------------------------

  function targetFromParams(p) {
    if (p.b === undefined || p.e === undefined) return null;
    const toU16 = byteMapper(doc.text);
    const b = toU16(Number(p.b));
    const e = toU16(Number(p.e));
    return e > b ? { b, e } : null;
  }

  function focusFromParams(p) {
    if (p.ev !== undefined && doc.events[Number(p.ev)]) jumpTo('event:' + Number(p.ev));
    else if (p.quote !== undefined && doc.quotes[Number(p.quote)]) jumpTo('quote:' + Number(p.quote));
    else if (p.mention !== undefined && doc.mentions[Number(p.mention)]) jumpTo('mention:' + Number(p.mention));
    else if (p.b !== undefined) jumpTo('target:0', { open: false });
    else return false;
    return true;
  }

  function render() {
    setTitle(doc.title || doc.id);
    textEl = h('div', { class: 'doc-text', lang: 'ar', 'aria-label': 'نص المقال مع الإبراز' });
    textEl.addEventListener('click', (ev) => {
      if (ev.target.closest('.detail-card')) return;
      const el = ev.target.closest('[data-k]');
      if (el && textEl.contains(el)) select(el.dataset.k, el);
    });
    textEl.addEventListener('keydown', (ev) => {
      if (ev.target.closest('.detail-card')) return;
      const el = ev.target.closest('[data-k]');
      if (!el) return;
      if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        select(el.dataset.k, el);
        if (card) card.focus({ preventScroll: true });
      } else if (ev.key === 'Escape') {
        closeCard(true);
      }
    });
    renderBody(targetFromParams(params));

    const side = h('aside', { class: 'doc-side', 'aria-label': 'ما وُجد في المقال' },
      sideSection('الكيانات', doc.entities.length, sideEntities(), { list: false }),
      sideSection('الأحداث', doc.events.length, sideEvents()),
      sideSection('الاقتباسات', doc.quotes.length, sideQuotes()),
      sideSection('التواريخ', doc.dates.length, sideDates(), { open: false }),
      sideSection('الأعداد', doc.counts.length, sideCounts(), { open: false }));

    replace(root,
      h('article', { class: 'doc' },
        h('header', { class: 'doc-head' },
          h('p', { class: 'kicker' }, doc.outlet || '', doc.published ? ' · ' + isoDate(doc.published.value) : ''),
          h('h1', { tabindex: '-1', class: 'doc-title' }, doc.title || '(بلا عنوان)'),
          corpusLinks(),
          h('details', { class: 'meta' }, h('summary', null, 'البيانات الوصفية ومصدرها'), metadata())),
        h('div', { class: 'doc-body' },
          h('div', { class: 'doc-main' },
            h('div', { class: 'doc-tools' }, layerToggles(), legend()),
            textEl,
            removedSection()),
          side)));
  }

  async function load(id) {
    const my = ++seq;
    if (ctrl) ctrl.abort();
    ctrl = new AbortController();
    replace(root, loading('جارٍ تحميل المقال…'));
    try {
      const d = await get('documents/' + encodeURIComponent(id), null, { signal: ctrl.signal });
      if (my !== seq) return;
      doc = d;
      docId = id;
      cycle = new Map();
      render();
      window.scrollTo(0, 0);
      if (!focusFromParams(params)) {
        const t = root.querySelector('h1');
        if (t) t.focus({ preventScroll: true });
      }
    } catch (err) {
      if (err.name === 'AbortError' || my !== seq) return;
      doc = null;
      docId = null;
      replace(root, errorBox(err, 'تعذّر تحميل المقال'));
    }
  }

  return {
    update(p, match) {
      const id = match[1];
      const old = params;
      params = p;
      if (doc && id === docId) {
        if (old.b !== p.b || old.e !== p.e) renderBody(targetFromParams(p));
        focusFromParams(p);
        return;
      }
      load(id);
    },
    destroy() {
      seq++;
      if (ctrl) ctrl.abort();
    },
  };
}
