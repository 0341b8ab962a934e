// End-to-end test of rasd's web page: ingests the fixture corpus, serves it,
// and walks through the page in headless Chromium (search, article with
// highlights, entity, events with CSV download, story, hostile article).
//
//   node e2e.mjs            (tests/browser/run installs playwright-core first)
//
// Environment: RASD_BIN (default ../../build/src/cli/rasd), RASD_WEB_DIR
// (serve the page from this folder instead of the copy built into the
// binary), CHROMIUM (default /usr/bin/chromium), KEEP_TMP=1.
// Screenshots go to artifacts/. Exit status 0 only if every check passed.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const bin = path.resolve(process.env.RASD_BIN || path.join(here, '../../build/src/cli/rasd'));
const webDir = process.env.RASD_WEB_DIR ? path.resolve(process.env.RASD_WEB_DIR) : null;
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const fixture = path.join(here, 'fixture');
const artifacts = path.join(here, 'artifacts');
const TOTAL_TIMEOUT_MS = 110_000;

const HOSTILE_SCRIPT = '<script>alert(1)</script>';
const HOSTILE_IMG = '"><img src=x onerror=alert(1)>';

let server = null;
let browser = null;
let tmp = null;
let passed = 0;
let failed = 0;
const problems = []; // dialogs, console errors, page errors: each fails the run
let expectHttpError = false; // set while a step asks for a 400 on purpose

function log(msg) {
  process.stdout.write(msg + '\n');
}

function cleanup() {
  if (server && server.exitCode === null) {
    try {
      server.kill('SIGTERM');
    } catch {
      /* already gone */
    }
  }
  if (tmp && !process.env.KEEP_TMP) fs.rmSync(tmp, { recursive: true, force: true });
}

process.on('exit', cleanup);
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    log(`interrupted (${sig})`);
    cleanup();
    process.exit(2);
  });
}

const watchdog = setTimeout(() => {
  log(`FAIL: the test took longer than ${TOTAL_TIMEOUT_MS / 1000} s`);
  cleanup();
  process.exit(3);
}, TOTAL_TIMEOUT_MS);
watchdog.unref();

function fail(msg) {
  throw new Error(msg);
}

function check(cond, msg) {
  if (!cond) fail(msg);
}

// ---------------------------------------------------------------------------
// the server

function ingest(db) {
  const r = spawnSync(bin, ['ingest', fixture, '--db', db, '-q'], { encoding: 'utf8', timeout: 60_000 });
  if (r.error) fail(`cannot run ${bin}: ${r.error.message} (build it, or set RASD_BIN)`);
  if (r.status !== 0) fail(`rasd ingest exited with ${r.status}: ${r.stderr}`);
}

function startServer(db) {
  const args = ['serve', '--db', db, '--port', '0'];
  if (webDir) args.push('--web-dir', webDir);
  server = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`rasd serve did not say where it listens within 15 s: ${err}`)), 15_000);
    server.stderr.setEncoding('utf8');
    server.stderr.on('data', (chunk) => {
      err += chunk;
      const m = err.match(/on (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    server.stdout.resume();
    server.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`rasd serve exited with ${code}: ${err}`));
    });
  });
}

// The page the server sends must be the one in web/ (else the binary is
// older than the page: rebuild it, or set RASD_WEB_DIR).
async function checkServedPage(base) {
  const dir = webDir || path.join(repo, 'web');
  const files = [];
  const walk = (d, rel) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith('.') || e.name.endsWith('.md')) continue;
      if (e.isDirectory()) walk(path.join(d, e.name), rel + e.name + '/');
      else files.push(rel + e.name);
    }
  };
  walk(dir, '');
  for (const f of files) {
    const res = await fetch(base + f);
    check(res.ok, `the server does not serve web/${f} (${res.status}); rebuild rasd (cmake --build build --target rasd) or set RASD_WEB_DIR`);
    const served = Buffer.from(await res.arrayBuffer());
    const disk = fs.readFileSync(path.join(dir, f));
    check(served.equals(disk), `the server's web/${f} differs from the file on disk; rebuild rasd (cmake --build build --target rasd) or set RASD_WEB_DIR`);
  }
  const index = await fetch(base);
  const csp = index.headers.get('content-security-policy') || '';
  check(/script-src 'self'/.test(csp), `index.html is served without the Content-Security-Policy (got "${csp}")`);
  return files.length;
}

// ---------------------------------------------------------------------------
// steps

let page = null;
let shot = 0;

async function screenshot(name) {
  shot++;
  const file = path.join(artifacts, `${String(shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

async function step(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    passed++;
    log(`ok   ${name} (${Date.now() - t0} ms)`);
  } catch (err) {
    failed++;
    log(`FAIL ${name}: ${err.message.split('\n')[0]}`);
    try {
      await page.screenshot({ path: path.join(artifacts, `FAIL-${name.replace(/[^a-z0-9]+/gi, '-')}.png`) });
    } catch {
      /* no page */
    }
  }
}

async function go(base, hash) {
  await page.goto(base + hash);
  await page.waitForLoadState('domcontentloaded');
}

async function text(selector) {
  return (await page.locator(selector).first().textContent()) || '';
}

async function main() {
  fs.mkdirSync(artifacts, { recursive: true });
  for (const f of fs.readdirSync(artifacts)) if (f.endsWith('.png') || f.endsWith('.csv')) fs.rmSync(path.join(artifacts, f));
  check(fs.existsSync(bin), `no rasd binary at ${bin}: build the project first (cmake --build build --target rasd) or set RASD_BIN`);
  check(fs.existsSync(chromiumPath), `no Chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM)`);

  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rasd-e2e-'));
  const db = path.join(tmp, 'tmp.db');
  ingest(db);
  const base = await startServer(db);
  log(`serving the fixture at ${base}${webDir ? ' (page from ' + webDir + ')' : ''}`);
  const nfiles = await checkServedPage(base);
  log(`the server sends the ${nfiles} files of web/ unchanged`);

  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true, locale: 'ar' });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('dialog', async (d) => {
    problems.push(`a dialog opened (${d.type()}: ${d.message()})`);
    await d.dismiss().catch(() => {});
  });
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    // Chromium logs every HTTP error status as a console error; only the
    // malformed query's 400 is expected.
    if (expectHttpError && /status of 400/.test(m.text()) && (m.location().url || '').includes('/api/search')) return;
    problems.push(`console error: ${m.text()} (${m.location().url || ''})`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // the page must never leave the machine
  await context.route((u) => !u.href.startsWith(base), (route) => {
    problems.push(`request outside the server: ${route.request().url()}`);
    route.abort();
  });

  let shellingId = null;

  await step('home page renders in Arabic, right to left', async () => {
    await go(base, '#/');
    await page.locator('h1', { hasText: 'البحث في الأخبار' }).waitFor();
    const dir = await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang]);
    check(dir[0] === 'rtl' && dir[1] === 'ar', `html should be lang=ar dir=rtl, is ${dir}`);
    await page.locator('.stat-cards .stat-num').first().waitFor();
    const docs = await text('.stat-cards .stat-num');
    const expected = fs.readFileSync(path.join(fixture, 'news.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).length;
    check(docs.trim() === String(expected), `the home page should count ${expected} documents (the fixture's articles), says "${docs}"`);
    await screenshot('home');
  });

  await step('"/" focuses the search box; search shows highlighted snippets and copies', async () => {
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('/');
    const focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
    check(focused === 'q', `"/" should focus the search box, focus is on "${focused}"`);
    await page.keyboard.type('سرمين');
    await page.keyboard.press('Enter');
    await page.locator('.results .result').first().waitFor();
    const n = await page.locator('.results .result').count();
    check(n >= 2, `expected at least 2 results for سرمين, got ${n}`);
    const marks = await page.locator('.results .snippet mark').allTextContents();
    check(marks.some((m) => m.includes('سرمين')), `no snippet highlight of سرمين (marks: ${JSON.stringify(marks)})`);
    const copies = page.locator('.result .copies summary');
    check((await copies.count()) >= 1, 'no result shows its copies');
    const label = await copies.first().textContent();
    check(/نسخ/.test(label), `the copies label should say how many copies, says "${label}"`);
    check(page.url().includes('#/search?q='), `the URL should hold the query, is ${page.url()}`);
    await copies.first().click();
    await page.locator('.result .copies[open] a').first().waitFor();
    await screenshot('search');
  });

  await step('a malformed query shows the API error message', async () => {
    expectHttpError = true;
    await go(base, '#/search?q=' + encodeURIComponent('"سرمين'));
    const err = page.locator('.search-status .error');
    await err.waitFor();
    await page.waitForTimeout(100);
    expectHttpError = false;
    const msg = await err.textContent();
    check(/quote|تنصيص|\(400\)/.test(msg), `the error box should carry the server's message, says "${msg}"`);
    check((await err.getAttribute('role')) === 'alert', 'the error box should be role=alert');
    await screenshot('search-error');
  });

  await step('filters: outlet and has-quotes narrow the search', async () => {
    await go(base, '#/search?q=' + encodeURIComponent('إدلب'));
    await page.locator('.results .result').first().waitFor();
    const all = await page.locator('.results .result').count();
    await page.locator('#f-outlet').fill('موقع الفرات');
    await page.locator('#f-outlet').press('Enter');
    await page.waitForFunction(() => location.hash.includes('outlet='));
    await page.waitForFunction((n) => document.querySelectorAll('.results .result').length < n && !document.querySelector('.results-wrap[aria-busy]'), all);
    const outlets = await page.locator('.results .result .outlet').allTextContents();
    check(outlets.length >= 1 && outlets.every((o) => o === 'موقع الفرات'), `outlet filter not applied: ${JSON.stringify(outlets)}`);
    await page.locator('#f-has_quotes').check();
    await page.waitForFunction(() => location.hash.includes('has_quotes=1'));
  });

  await step('article: facts highlighted in place, details on click, entity page with variants and chart', async () => {
    await go(base, '#/search?q=' + encodeURIComponent('سرمين'));
    const link = page.locator('.result', { has: page.locator('.copies') }).locator('.r-title a');
    await link.first().click();
    await page.locator('.doc-text p').first().waitFor();
    shellingId = decodeURIComponent(page.url().split('#/doc/')[1] || '');
    check(shellingId, `the URL should name the document: ${page.url()}`);
    const title = await text('h1.doc-title');
    check(title.includes('سرمين'), `unexpected article title "${title}"`);
    const counts = await page.evaluate(() => ({
      mention: document.querySelectorAll('.doc-text .hl-mention[tabindex="0"]').length,
      event: document.querySelectorAll('.doc-text .hl-event').length,
      quote: document.querySelectorAll('.doc-text .hl-quote').length,
      date: document.querySelectorAll('.doc-text .hl-date').length,
      count: document.querySelectorAll('.doc-text .hl-count').length,
    }));
    check(counts.mention >= 3, `expected highlighted mentions, got ${JSON.stringify(counts)}`);
    check(counts.event >= 1 && counts.quote >= 1, `expected an event trigger and a quote highlighted, got ${JSON.stringify(counts)}`);
    // the highlights reproduce the text exactly
    const same = await page.evaluate(() => {
      const paras = [...document.querySelectorAll('.doc-text > p')].map((p) => p.textContent);
      return paras.join('\n');
    });
    const api = await page.evaluate(async (id) => (await (await fetch('/api/documents/' + encodeURIComponent(id))).json()).text, shellingId);
    check(same === api.split('\n').filter((p) => p.length).join('\n'), 'the highlighted text differs from the document text');
    const copyLinks = await page.locator('.corpus-links a').count();
    check(copyLinks >= 1, 'the article should link to its copy or story');
    await screenshot('article');

    const mention = page.locator('.doc-text .hl-mention[tabindex="0"]', { hasText: 'الدفاع المدني' }).first();
    check(await mention.count(), 'no highlighted mention of الدفاع المدني السوري');
    check((await mention.getAttribute('role')) === 'button', 'highlights should have role=button');
    await mention.focus();
    await page.keyboard.press('Enter');
    const card = page.locator('.detail-card');
    await card.waitFor();
    const cardText = await card.textContent();
    check(cardText.includes('منظمة'), `the details card should give the type, says "${cardText.slice(0, 120)}"`);
    await screenshot('mention-details');
    await card.locator('a.entity-link').first().click();
    await page.locator('article.entity h1').waitFor();
    const name = await text('article.entity h1');
    check(name.includes('الدفاع المدني'), `the entity page is about "${name}"`);
    const variants = await page.locator('.variants li').count();
    check(variants >= 1, 'the entity page lists no variants');
    const bars = await page.locator('svg.chart rect.bar').count();
    check(bars >= 1, 'the entity page has no timeline bars');
    const docs = await page.locator('.doc-list li').count();
    check(docs >= 2, `the entity should have recent documents, has ${docs}`);
    await screenshot('entity');
  });

  await step('event trigger details and removed boilerplate', async () => {
    check(shellingId, 'needs the article from the previous step');
    await go(base, '#/doc/' + encodeURIComponent(shellingId));
    const trig = page.locator('.doc-text .hl-event[tabindex="0"]').first();
    await trig.click();
    const card = page.locator('.detail-card.k-event');
    await card.waitFor();
    const t = await card.textContent();
    check(/ASSAULT|اعتداء/.test(t), `the event card should name the type: "${t.slice(0, 200)}"`);
    check(await card.locator('blockquote.sentence').count() === 1, 'the event card should quote its sentence');
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
    const removed = page.locator('.removed button.toggle');
    if (await removed.isEnabled()) {
      await removed.click();
      check(await page.locator('#removed-list').isVisible(), 'the removed boilerplate list does not open');
    }
    await screenshot('event-details');
  });

  await step('events table: sort, expand evidence, timeline, CSV download', async () => {
    await page.locator('.top-nav a[data-nav="events"]').click();
    await page.locator('tr.event-row').first().waitFor();
    const rows = await page.locator('tr.event-row').count();
    check(rows >= 3, `expected at least 3 events, got ${rows}`);
    await page.locator('svg.chart rect.bar').first().waitFor();
    // sort by the killed column
    const th = page.locator('th[data-col="killed"]');
    await th.locator('button').click();
    const sort = await th.getAttribute('aria-sort');
    check(sort === 'descending' || sort === 'ascending', `clicking the header should sort, aria-sort=${sort}`);
    const killed = await page.locator('tr.event-row').evaluateAll((rs) => rs.map((r) => Number(r.querySelector('td.num').textContent.replace(/[^0-9]/g, '') || -1)));
    const sorted = killed.slice().sort((a, b) => b - a);
    check(killed.join() === sorted.join() && killed[0] >= 1, `sorted by killed (descending), the column reads ${JSON.stringify(killed)}`);
    // expand evidence
    await page.locator('tr.event-row').first().locator('button.expand').click();
    const ev = page.locator('tr.evidence-row');
    await ev.waitFor();
    check(await ev.locator('a.doc-link').count() >= 1, 'the evidence has no document link');
    check(await ev.locator('mark.trigger').count() >= 1, 'the evidence sentence has no trigger mark');
    await screenshot('events');
    // download the CSV of the shown filters
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a.dl-csv').click()]);
    const file = path.join(artifacts, 'events.csv');
    await download.saveAs(file);
    const buf = fs.readFileSync(file);
    check(buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf, 'the CSV does not start with the UTF-8 byte-order mark');
    const lines = buf.toString('utf8').slice(1).split(/\r?\n/).filter(Boolean);
    check(/^id,type,/.test(lines[0]), `unexpected CSV header "${lines[0]}"`);
    check(lines.length >= 2 && lines.slice(1).some((l) => /[\u0600-\u06FF]/.test(l)), 'the CSV has no row with Arabic text');
    // filter by type: the table and the download links follow
    await page.locator('#ef-type').selectOption('ASSAULT');
    await page.waitForFunction(() => location.hash.includes('type=ASSAULT'));
    await page.waitForFunction(() => !document.querySelector('.events-table[aria-busy]') && document.querySelectorAll('tr.event-row').length > 0);
    const types = await page.locator('tr.event-row .type-badge').allTextContents();
    check(types.length >= 1 && types.every((t) => t === 'ASSAULT'), `type filter not applied: ${JSON.stringify(types)}`);
    const href = await page.locator('a.dl-csv').getAttribute('href');
    check(href.startsWith('/api/events.csv') && href.includes('type=ASSAULT'), `the CSV link does not carry the filter: ${href}`);
    check(await page.locator('a.dl-geojson').count() === 1 && await page.locator('a.dl-acled').count() === 1, 'GeoJSON/ACLED links missing');
    // a place filter (applied on Enter) keeps events located in or under it
    await page.locator('#ef-type').selectOption('');
    await page.locator('#ef-place').fill('إدلب');
    await page.locator('#ef-place').press('Enter');
    await page.waitForFunction(() => location.hash.includes('place=') && !location.hash.includes('type='));
    await page.waitForFunction(() => !document.querySelector('.events-table[aria-busy]') && document.querySelectorAll('tr.event-row').length > 0);
    const placeRows = await page.locator('tr.event-row').evaluateAll((rows) => rows.map((r) => r.textContent));
    check(placeRows.length >= 1 && placeRows.every((p) => /إدلب|ادلب|سرمين/.test(p)), `place filter not applied: ${JSON.stringify(placeRows)}`);
  });

  await step('hostile article: markup shows as text, nothing runs', async () => {
    await go(base, '#/search?q=alert');
    await page.locator('.results .result').first().waitFor();
    const t = await text('.results .r-title');
    check(t.includes(HOSTILE_SCRIPT) && t.includes(HOSTILE_IMG), `the hostile title is not shown literally: "${t}"`);
    const snip = await text('.results .snippet');
    check(snip.includes(HOSTILE_SCRIPT), `the hostile snippet is not shown literally: "${snip}"`);
    await page.locator('.results .r-title a').first().click();
    await page.locator('.doc-text p').first().waitFor();
    const h1 = await text('h1.doc-title');
    check(h1.includes(HOSTILE_SCRIPT) && h1.includes(HOSTILE_IMG), `the hostile article title is not literal: "${h1}"`);
    const body = await text('.doc-text');
    check(body.includes(HOSTILE_SCRIPT) && body.includes(HOSTILE_IMG), 'the hostile article body is not literal');
    const injected = await page.evaluate(() => ({
      imgs: document.querySelectorAll('main img, img[src="x"]').length,
      scripts: [...document.scripts].filter((s) => !s.src.endsWith('/app.js')).length,
      b: document.querySelectorAll('main b').length,
    }));
    check(injected.imgs === 0 && injected.scripts === 0 && injected.b === 0, `markup from the article became elements: ${JSON.stringify(injected)}`);
    await page.waitForTimeout(300);
    await screenshot('hostile');
  });

  await step('story, entities and stats pages', async () => {
    check(shellingId, 'needs the article from an earlier step');
    await go(base, '#/doc/' + encodeURIComponent(shellingId));
    const storyLink = page.locator('.corpus-links a[href^="#/story/"]');
    await storyLink.waitFor();
    await storyLink.click();
    await page.locator('.story-docs li').first().waitFor();
    const n = await page.locator('.story-docs li').count();
    check(n >= 2, `the story should list its documents, lists ${n}`);
    await screenshot('story');
    await page.locator('.top-nav a[data-nav="entities"]').click();
    await page.locator('table.data tbody tr').first().waitFor();
    await page.locator('.seg button[data-type="ORG"]').click();
    await page.waitForFunction(() => location.hash.includes('type=ORG'));
    await page.waitForFunction(() => !document.querySelector('.entity-table[aria-busy]'));
    const orgs = await page.locator('table.data tbody .type-badge').allTextContents();
    check(orgs.length >= 1 && orgs.every((t) => t === 'ORG'), `entity type filter not applied: ${JSON.stringify(orgs)}`);
    await screenshot('entities');
    await page.locator('.top-nav a[data-nav="stats"]').click();
    await page.locator('.stats-page svg.chart').waitFor();
    await screenshot('stats');
  });

  await step('keyboard: Tab reaches highlights with a visible focus outline', async () => {
    await go(base, '#/doc/' + encodeURIComponent(shellingId));
    await page.locator('.doc-text p').first().waitFor();
    await page.locator('.doc-text').evaluate((el) => el.closest('.doc-main').querySelector('.layers input').focus());
    let reached = null;
    for (let i = 0; i < 30 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => {
        const a = document.activeElement;
        if (!a || !a.closest('.doc-text') || !a.classList.contains('hl')) return null;
        const cs = getComputedStyle(a);
        return { style: cs.outlineStyle, width: cs.outlineWidth };
      });
    }
    check(reached, 'Tab never reached a highlight in the text');
    check(reached.style !== 'none' && parseFloat(reached.width) >= 2, `the focused highlight has no visible outline: ${JSON.stringify(reached)}`);
    await page.keyboard.press('Enter');
    await page.locator('.detail-card').waitFor();
  });

  await step('narrow window', async () => {
    await page.setViewportSize({ width: 400, height: 860 });
    await go(base, '#/doc/' + encodeURIComponent(shellingId));
    await page.locator('.doc-text p').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    check(overflow <= 1, `the page scrolls sideways by ${overflow}px at 400px wide`);
    await screenshot('narrow-article');
    await go(base, '#/events');
    await page.locator('tr.event-row').first().waitFor();
    await screenshot('narrow-events');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  await step('no dialog, console error, page error or outside request', async () => {
    check(problems.length === 0, problems.join('; '));
  });
}

let code = 0;
try {
  await main();
} catch (err) {
  log(`FAIL setup: ${err.message}`);
  failed++;
} finally {
  if (browser) await browser.close().catch(() => {});
  cleanup();
}
if (failed) code = 1;
log(`screenshots in ${path.relative(process.cwd(), artifacts) || artifacts}`);
log(`${passed} passed, ${failed} failed`);
process.exit(code);
