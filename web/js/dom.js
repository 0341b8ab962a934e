// Safe DOM building. Every piece of data goes in as a text node or an
// attribute value set with setAttribute; nothing is ever parsed as HTML.

const SVG_NS = 'http://www.w3.org/2000/svg';

// Links may only point inside the page, to the API, or to an http(s) page.
export function safeHref(href) {
  const s = String(href);
  if (s.startsWith('#') || s.startsWith('/')) return s;
  if (/^https?:\/\//i.test(s)) return s;
  return null;
}

function append(parent, child) {
  if (child === null || child === undefined || child === false || child === true) return;
  if (Array.isArray(child)) {
    for (const c of child) append(parent, c);
  } else if (child instanceof Node) {
    parent.appendChild(child);
  } else {
    parent.appendChild(document.createTextNode(String(child)));
  }
}

function setProps(el, props) {
  if (!props) return;
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') {
      const names = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
      if (names) el.setAttribute('class', names);
    } else if (key === 'on') {
      for (const [type, fn] of Object.entries(value)) el.addEventListener(type, fn);
    } else if (key === 'dataset') {
      for (const [k, v] of Object.entries(value)) if (v !== undefined && v !== null) el.dataset[k] = String(v);
    } else if (key === 'style') {
      for (const [k, v] of Object.entries(value)) el.style.setProperty(k, String(v));
    } else if (key === 'value' || key === 'checked' || key === 'selected' || key === 'indeterminate') {
      el[key] = value;
    } else if (key === 'href') {
      const href = safeHref(value);
      if (href !== null) el.setAttribute('href', href);
    } else if (key === 'innerHTML' || key === 'outerHTML' || key.startsWith('on')) {
      throw new Error('refusing to set ' + key);
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
}

// h('a', {href: '#/x', class: 'y'}, 'text', child, [more]) builds an element.
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  setProps(el, props);
  append(el, children);
  return el;
}

// The same for SVG elements.
export function s(tag, props, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setProps(el, props);
  append(el, children);
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export function replace(el, ...children) {
  clear(el);
  append(el, children);
  return el;
}

export function frag(...children) {
  const f = document.createDocumentFragment();
  append(f, children);
  return f;
}

// Text with UTF-16 ranges wrapped in <mark>. Ranges outside the text or
// overlapping an earlier one are clipped.
export function marked(text, marks) {
  const out = [];
  let pos = 0;
  const sorted = (marks || [])
    .filter((m) => Array.isArray(m) && m.length >= 2)
    .map(([b, e]) => [Math.max(0, b | 0), Math.min(text.length, e | 0)])
    .sort((a, b) => a[0] - b[0]);
  for (const [b0, e] of sorted) {
    const b = Math.max(b0, pos);
    if (e <= b) continue;
    if (b > pos) out.push(text.slice(pos, b));
    out.push(h('mark', null, text.slice(b, e)));
    pos = e;
  }
  if (pos < text.length) out.push(text.slice(pos));
  return out;
}

export function debounce(fn, ms) {
  let timer = 0;
  const wrapped = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  wrapped.cancel = () => clearTimeout(timer);
  return wrapped;
}

// Makes a non-button element act like a button for the keyboard.
export function activateOnKeys(el, fn) {
  el.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      fn(ev);
    }
  });
}

// Reads the UTF-8 byte offsets the API gives for some spans as UTF-16
// offsets into the same JavaScript string.
export function byteMapper(text) {
  let table = null;
  return (byteOffset) => {
    if (!table) {
      table = [];
      let bytes = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        table.push([bytes, i]);
        if (c < 0x80) bytes += 1;
        else if (c < 0x800) bytes += 2;
        else if (c >= 0xd800 && c <= 0xdbff) {
          bytes += 4;
          i++;
        } else bytes += 3;
      }
      table.push([bytes, text.length]);
    }
    let lo = 0;
    let hi = table.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (table[mid][0] <= byteOffset) lo = mid;
      else hi = mid - 1;
    }
    return table[lo][1];
  };
}
