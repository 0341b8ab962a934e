// Readability.js (Mozilla, over jsdom) on one HTML page, for bench/run:
//   node readability.mjs --html page.html --out text.txt [--section S] [--row R]
//                        [--reps 5] [--seconds 0.5]
// Each page is a new JSDOM parse plus Readability.parse(), as a user would
// run it; wall time per page, repeated until each repetition has lasted
// --seconds, after three untimed warm-up pages. Prints V records like the C++
// drivers and writes the extracted textContent to --out.
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';

function flag(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const htmlPath = flag('--html');
const outPath = flag('--out');
if (!htmlPath || !outPath) {
  console.error('usage: node readability.mjs --html FILE --out TEXT [--section S] [--row R]');
  process.exit(1);
}
const section = flag('--section', 'html');
const row = flag('--row', 'Readability.js');
const reps = Number(flag('--reps', '5'));
const minSeconds = Number(flag('--seconds', '0.5'));
const html = readFileSync(htmlPath, 'utf8');
// The pages' own CSS and script errors are noise here.
const virtualConsole = new VirtualConsole();

function extract() {
  const dom = new JSDOM(html, { url: 'https://example.invalid/', virtualConsole });
  const article = new Readability(dom.window.document).parse();
  dom.window.close();
  return article ? article.textContent : '';
}

function emit(metric, value) {
  process.stdout.write(`V\t${section}\t${row}\t${metric}\t${value}\n`);
}

writeFileSync(outPath, extract());
// Measured after one page: garbage from later pages is collected lazily, so
// the peak after a long loop depends on the loop's length.
emit('peak RSS MB (one page)', process.resourceUsage().maxRSS / 1024);
// JIT warm-up: a batch user parses many pages with one warm process.
for (let i = 0; i < 2; ++i) extract();
for (let r = 0; r < reps; ++r) {
  let pages = 0;
  let elapsed = 0;
  const t0 = performance.now();
  do {
    extract();
    ++pages;
    elapsed = (performance.now() - t0) / 1000;
  } while (elapsed < minSeconds || pages < 3);
  emit('ms/page', (elapsed * 1000) / pages);
}
