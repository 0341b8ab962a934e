// Renders a document's clean text with its spans highlighted in place.
//
// Spans come from several layers (quotes, event triggers, mentions, dates,
// counts, and invisible "role" spans for event arguments and quote
// speakers). They may nest or overlap partially; each paragraph is rendered
// with a stack: a span that runs past the end of the span it opened in is
// cut there and continues as a second piece. Pieces of one span share its
// data-k key, and only the first piece is a tab stop.

import { h } from './dom.js';

// Lower prio opens first (outside) when two spans start at the same place
// and have the same length.
const PRIO = { target: 0, quote: 1, event: 2, mention: 3, date: 4, count: 5, role: 6 };

function compare(a, b) {
  return a.b - b.b || b.e - a.e || PRIO[a.kind] - PRIO[b.kind];
}

function insertSorted(queue, item, from) {
  let lo = from;
  let hi = queue.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compare(queue[mid], item) <= 0) lo = mid + 1;
    else hi = mid;
  }
  queue.splice(lo, 0, item);
}

// spans: [{b, e, kind, key, cls, label, attrs}] with UTF-16 offsets.
// makeEl(span, first) returns the element for one piece.
function renderParagraph(p, text, from, to, spans, makeEl) {
  const queue = spans.slice().sort(compare);
  const stack = [{ el: p, e: to }];
  let pos = from;
  const top = () => stack[stack.length - 1];
  const emit = (upto) => {
    if (upto > pos) {
      top().el.appendChild(document.createTextNode(text.slice(pos, upto)));
      pos = upto;
    }
  };
  for (let qi = 0; qi < queue.length; qi++) {
    const span = queue[qi];
    while (stack.length > 1 && top().e <= span.b) {
      emit(top().e);
      stack.pop();
    }
    emit(span.b);
    const limit = top().e;
    let e = span.e;
    if (e > limit) {
      insertSorted(queue, { ...span, b: limit, cont: true }, qi + 1);
      e = limit;
    }
    if (e <= span.b) continue;
    const el = makeEl(span, !span.cont);
    top().el.appendChild(el);
    stack.push({ el, e });
  }
  while (stack.length > 1) {
    emit(top().e);
    stack.pop();
  }
  emit(to);
}

// Builds the whole text as one fragment of <p> elements; spans crossing a
// paragraph break are cut at it.
export function renderText(text, spans, makeEl) {
  const frag = document.createDocumentFragment();
  const clean = spans
    .filter((s) => Number.isFinite(s.b) && Number.isFinite(s.e))
    .map((s) => ({ ...s, b: Math.max(0, s.b), e: Math.min(text.length, s.e) }))
    .filter((s) => s.e > s.b)
    .sort(compare);
  let start = 0;
  let si = 0;
  const open = []; // spans that started in an earlier paragraph
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const mine = [];
    for (const s of open) if (s.e > start) mine.push({ ...s, b: start, cont: !s.fresh, fresh: false });
    open.length = 0;
    while (si < clean.length && clean[si].b < end) {
      mine.push(clean[si]);
      si++;
    }
    for (const s of mine) if (s.e > end + 1) open.push(s);
    const clipped = mine.map((s) => (s.e > end ? { ...s, e: end } : s)).filter((s) => s.e > s.b);
    // skip spans that begin on the newline itself
    while (si < clean.length && clean[si].b <= end) {
      if (clean[si].e > end + 1) open.push({ ...clean[si], b: end + 1, fresh: true });
      si++;
    }
    if (end > start) {
      const p = h('p', { dataset: { b: start } });
      renderParagraph(p, text, start, end, clipped, makeEl);
      frag.appendChild(p);
    }
    start = end + 1;
  }
  return frag;
}
