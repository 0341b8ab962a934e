// The JSON API (docs/api.md): one GET helper with a small cache, errors as
// ApiError carrying the server's message.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

// A query string from an object, leaving out empty values.
export function query(params) {
  const usp = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    usp.set(k, v === true ? '1' : String(v));
  }
  const s = usp.toString();
  return s ? '?' + s : '';
}

export function url(path, params) {
  return '/api/' + path + query(params);
}

const cache = new Map();
const CACHE_SIZE = 80;

export async function get(path, params, { signal } = {}) {
  const u = url(path, params);
  if (cache.has(u)) {
    const v = cache.get(u);
    cache.delete(u);
    cache.set(u, v);
    return v;
  }
  let res;
  try {
    res = await fetch(u, { signal, headers: { Accept: 'application/json' } });
  } catch (err) {
    if (err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', 'تعذّر الاتصال بالخادم (network error)');
  }
  let body = null;
  try {
    body = await res.json();
  } catch (err) {
    if (err.name === 'AbortError') throw err;
    body = null;
  }
  if (!res.ok) {
    const e = body && body.error;
    throw new ApiError(res.status, e ? e.code : 'http', e ? e.message : 'HTTP ' + res.status);
  }
  if (body === null) throw new ApiError(res.status, 'bad_json', 'ردّ غير مفهوم من الخادم');
  cache.set(u, body);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value);
  return body;
}

let statsPromise = null;
// The corpus statistics, asked once per page load (used for filter choices).
export function stats() {
  if (!statsPromise) {
    statsPromise = get('stats').catch((err) => {
      statsPromise = null;
      throw err;
    });
  }
  return statsPromise;
}

let rangePromise = null;
// The span of publication days holding 98% of the documents (the corpus's
// first and last days are often stray pages from other years), with a week
// before it for events reported late. {first, last, full: {first, last}}.
export function denseRange() {
  if (!rangePromise) {
    rangePromise = Promise.all([stats(), get('timeline', { interval: 'day' })]).then(([st, tl]) => {
      const full = st.days || {};
      const docs = (tl.documents || []).filter((d) => d.bucket).sort((a, b) => (a.bucket < b.bucket ? -1 : 1));
      const total = docs.reduce((n, d) => n + d.documents, 0);
      if (!docs.length || !total) return { first: full.first, last: full.last, full };
      let acc = 0;
      let first = docs[0].bucket;
      let last = docs[docs.length - 1].bucket;
      let seenFirst = false;
      for (const d of docs) {
        acc += d.documents;
        if (!seenFirst && acc >= total * 0.01) {
          first = d.bucket;
          seenFirst = true;
        }
        if (acc >= total * 0.99) {
          last = d.bucket;
          break;
        }
      }
      const t = Date.parse(first + 'T00:00:00Z') - 7 * 86400000;
      const padded = new Date(t).toISOString().slice(0, 10);
      return { first: full.first && padded < full.first ? full.first : padded, last, full };
    }).catch((err) => {
      rangePromise = null;
      throw err;
    });
  }
  return rangePromise;
}
