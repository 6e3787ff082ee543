// Browser benchmark (issue 20): Playwright drives Debian's Chromium over
// "mopsdesk serve" on the benchmark workspace (bench/workspace: 5,000
// campaigns, 100,000 spend lines dated this year) and times what a
// marketer does:
//
//   - first load to first contentful paint (the paint entry of a fresh
//     page, its cache empty);
//   - open the Calendar (month view) from the campaign list;
//   - switch List → Month, then → Timeline;
//   - the first visit to Campaigns (from Settings, the lightest page).
//
// An action is timed in the page, from the click to the first frame
// painted after the view is on screen with its data: its selector is
// present, no request is in flight, and a frame has run since the last
// answer arrived. The longest task (PerformanceObserver "longtask") from
// the click to that frame is reported beside it. Each measure is the
// median of BENCH_ROUNDS (3) rounds, each in a fresh browser context. It
// ends with the frontend's bundle sizes read from frontend/dist.
//
// Output: one JSON object per line (bench/run.py gathers them).
//
//   node bench/ui.mjs [--data DIR] [--bin build/bin/mopsdesk]
//
// Without --data it writes a fresh workspace with bench/workspace first.

import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf('--' + name);
  return i >= 0 ? args[i + 1] : fallback;
};
const bin = resolve(flag('bin', process.env.MOPSDESK_BIN ?? join(root, 'build/bin/mopsdesk')));
const dist = resolve(flag('dist', join(root, 'frontend/dist')));
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const { chromium } = createRequire(join(root, 'frontend/package.json'))('@playwright/test');

/** emit prints one measure as a JSON line. */
function emit(what, value, unit, goal, extra = {}) {
  console.log(JSON.stringify({ what, value: Math.round(value * 10) / 10, unit, goal, ...extra }));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** workspace returns the data folder to serve: --data, or a fresh one. */
function workspace() {
  const given = flag('data');
  if (given) return { dir: resolve(given), cleanup: () => {} };
  const parent = mkdtempSync(join(tmpdir(), 'mopsdesk-bench-ui-'));
  const dir = join(parent, 'data');
  execFileSync('go', ['run', '-tags', 'sqlite_fts5', './bench/workspace', '--data', dir], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  return { dir, cleanup: () => rmSync(parent, { recursive: true, force: true }) };
}

/** serve starts mopsdesk serve on a free port and resolves with its URL. */
function serve(data) {
  const port = 19000 + Math.floor(Math.random() * 900);
  const child = spawn(bin, ['serve', '--addr', `127.0.0.1:${port}`, '--data', data], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((ok, fail) => {
    let out = '';
    child.stdout.on('data', (b) => {
      out += b;
      if (out.includes('serving on')) ok({ url: `http://127.0.0.1:${port}/`, child });
    });
    child.stderr.on('data', (b) => (out += b));
    child.on('exit', (code) => fail(new Error(`mopsdesk serve exited ${code}: ${out}`)));
  });
}

// Installed in every page before its scripts: long tasks, requests in
// flight, and the helper that times an action.
const probe = () => {
  const w = window;
  w.__long = [];
  new PerformanceObserver((l) => w.__long.push(...l.getEntries().map((e) => ({ start: e.startTime, duration: e.duration })))).observe({ type: 'longtask', buffered: true });
  w.__inflight = 0;
  w.__lastAnswer = 0;
  const fetch0 = w.fetch.bind(w);
  w.fetch = (...a) => {
    w.__inflight++;
    return fetch0(...a).finally(() => {
      w.__inflight--;
      w.__lastAnswer = performance.now();
    });
  };
  /** __act clicks what selector `click` finds and resolves when `ready` (one selector or a list) shows, settled and painted. */
  w.__act = (click, ready) =>
    new Promise((done, fail) => {
      const start = performance.now();
      const target = document.querySelector(click);
      if (!target) return fail(new Error('nothing to click: ' + click));
      target.click();
      const deadline = start + 30_000;
      const frame = (now) => {
        if (now > deadline) return fail(new Error('never ready: ' + ready));
        if ([ready].flat().every((r) => document.querySelector(r)) && w.__inflight === 0 && now > w.__lastAnswer && now > start) {
          // The frame this callback belongs to is painted before the next task runs.
          setTimeout(() => {
            const end = performance.now();
            const longest = Math.max(0, ...w.__long.filter((t) => t.start + t.duration > start && t.start < end).map((t) => t.duration));
            done({ ms: end - start, longest, nodes: document.getElementsByTagName('*').length });
          }, 0);
          return;
        }
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
};

/** settle waits until selectors (one or a list) show and no request is in flight. */
async function settle(page, selector) {
  for (const s of [selector].flat()) await page.waitForSelector(s, { state: 'attached', timeout: 60_000 });
  await page.waitForFunction(() => window.__inflight === 0, null, { timeout: 60_000 });
  await page.waitForTimeout(300);
}

const nav = (area) => `nav a[href="#/${area}"]`;
const tab = (view) => `#calendar-tab-${view}`;
const monthReady = '.grid .week .bar';
const timelineReady = '.timeline .row .bar';
const listReady = '.agenda .entry';
// The campaign list's rows and its chart, drawn.
const campaignsReady = ['main tr[data-campaign-id]', 'main .chart svg'];

async function round(browser, url) {
  const out = {};
  const context = await browser.newContext({ viewport: { width: 1280, height: 820 } });
  await context.addInitScript(probe);
  let page = await context.newPage();
  // First load: the paint entry and the longest task before it.
  await page.goto(url + '#/settings', { waitUntil: 'load' });
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
  const fcp = await page.evaluate(() => {
    const p = performance.getEntriesByName('first-contentful-paint')[0].startTime;
    return { ms: p, longest: Math.max(0, ...window.__long.filter((t) => t.start < p).map((t) => t.duration)) };
  });
  out.fcp = fcp;
  await settle(page, 'main h1');
  out.campaigns = await page.evaluate(([a, b]) => window.__act(a, b), [nav('campaigns'), campaignsReady]);
  await settle(page, campaignsReady);
  out.calendar = await page.evaluate(([a, b]) => window.__act(a, b), [nav('calendar'), monthReady]);
  await settle(page, monthReady);
  await page.evaluate(([a, b]) => window.__act(a, b), [tab('list'), listReady]);
  await settle(page, listReady);
  out.listToMonth = await page.evaluate(([a, b]) => window.__act(a, b), [tab('month'), monthReady]);
  await settle(page, monthReady);
  out.timeline = await page.evaluate(([a, b]) => window.__act(a, b), [tab('timeline'), timelineReady]);
  await page.close();
  await context.close();
  return out;
}

/** bundle reads the initial JS (the scripts index.html loads, gzipped) and the whole frontend. */
function bundle() {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]);
  const gz = initial.reduce((n, f) => n + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length, 0);
  let total = 0;
  let totalJs = 0;
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) {
        if (name !== 'report') walk(p);
      } else {
        total += st.size;
        if (name.endsWith('.js')) totalJs += st.size;
      }
    }
  };
  walk(dist);
  emit('initial JS (gzip)', gz / 1024, 'KB', '< 200 KB', { files: initial.join(' ') });
  emit('all JS (raw)', totalJs / 1024, 'KB', '');
  emit('frontend total (without report/)', total / 1024, 'KB', '');
}

const ws = workspace();
const server = await serve(ws.dir);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const load = loadavg()[0];
  const results = [];
  for (let i = 0; i < rounds; i++) results.push(await round(browser, server.url));
  const peer = `load ${load.toFixed(2)}`;
  const report = (key, what, goal) => {
    const ms = results.map((r) => r[key].ms);
    const longest = results.map((r) => r[key].longest);
    const nodes = results.map((r) => r[key].nodes).filter((n) => n !== undefined);
    emit(what, median(ms), 'ms', goal, { runs: ms.map(Math.round), peer });
    emit(what + ': longest task', median(longest), 'ms', '< 50 ms', { runs: longest.map(Math.round), ...(nodes.length ? { nodes: median(nodes) } : {}) });
  };
  report('fcp', 'first load to first contentful paint', '< 300 ms');
  report('calendar', 'open the Calendar (month view)', '< 150 ms');
  report('listToMonth', 'switch List → Month', '< 150 ms');
  report('timeline', 'switch to Timeline', '< 150 ms');
  report('campaigns', 'first visit to Campaigns', '< 150 ms');
  bundle();
} finally {
  await browser.close();
  server.child.kill('SIGTERM');
  ws.cleanup();
}
