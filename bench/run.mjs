// Benchmark: the app against reference pages drawing the same chart with Chart.js, ECharts and
// Vega-Lite, and a static inline-SVG floor page (issue #9). Prints numbers and ratios, asserts nothing.
// Run it with `./x bench` (which installs bench/node_modules with `npm ci`, builds dist/ and the
// bench-only line page when missing). Environment: RUNS (cold loads per cell, default 7),
// LINE_RUNS (default 3), LINE_SIZES (default 10000,100000,1000000), PROFILES (default 1x,4x,3g),
// TARGETS (bar-chart pages whose name contains one of these words; default all),
// GD_DIST (the app's dist/), OUT (write the markdown tables to this file too).
//
// Everything is served by one small Node server on 127.0.0.1 with brotli (`content-encoding: br`):
// the app's precompressed `.br` files from tools/postbuild.py, everything else compressed once at
// quality 11. The browser is Debian's chromium driven by playwright-core; every load is cold (a new
// browser context: empty cache, no service worker).
import http from 'node:http';
import zlib from 'node:zlib';
import { createHash } from 'node:crypto';
import os from 'node:os';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const DIST = resolve(process.env.GD_DIST || join(ROOT, 'dist'));
const LINE_DIST = join(HERE, 'dist-line');
const RUNS = Number(process.env.RUNS || 7);
const LINE_RUNS = Number(process.env.LINE_RUNS || 3);
// LINE_SIZES=none skips the line charts (and needs no bench/dist-line/).
const LINE_SIZES = process.env.LINE_SIZES === 'none' ? [] : (process.env.LINE_SIZES || '10000,100000,1000000').split(',').map(Number);
const AREA = 'manufacturing'; // its first chart: 3 indicators × 2017/2020, the closest to a grouped 13 × 2
const HOVERS = 3; // hover → tooltip samples per load (1× and 4× profiles)

for (const [what, file] of [['dist/', join(DIST, 'index.html')], ...(LINE_SIZES.length ? [['bench/dist-line/', join(LINE_DIST, 'index.html')]] : [])]) {
  if (!existsSync(file)) throw new Error(`${what} is not built (${file}); run ./x bench`);
}

// ---------------------------------------------------------------------------------------------
// The server: /app/ → dist/, /line/app/ → bench/dist-line/, /ref/ → bench/pages/ with /ref/lib/
// (the npm packages' browser builds) and /ref/data/ (the same data/ files the app loads), and
// /ref/floor.html (generated below).
const LIBS = {
  'chart.umd.min.js': 'chart.js/dist/chart.umd.min.js',
  'echarts.min.js': 'echarts/dist/echarts.min.js',
  'vega.min.js': 'vega/build/vega.min.js',
  'vega-lite.min.js': 'vega-lite/build/vega-lite.min.js',
  'vega-embed.min.js': 'vega-embed/build/vega-embed.min.js',
};
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.geojson': 'application/geo+json', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.csv': 'text/csv', '.txt': 'text/plain',
};
const generated = new Map(); // url path → body (Buffer)
const brCache = new Map();

function resolveFile(urlPath) {
  const inside = (base, rest) => {
    const file = normalize(join(base, decodeURIComponent(rest)));
    return file === base || file.startsWith(base + sep) ? file : null;
  };
  if (urlPath.startsWith('/app/')) return inside(DIST, urlPath.slice(5) || 'index.html');
  if (urlPath.startsWith('/line/app/')) return inside(LINE_DIST, urlPath.slice(10) || 'index.html');
  if (urlPath.startsWith('/ref/lib/')) {
    const lib = LIBS[urlPath.slice(9)];
    return lib ? join(HERE, 'node_modules', lib) : null;
  }
  if (urlPath.startsWith('/ref/data/')) return inside(join(ROOT, 'data'), urlPath.slice(10));
  if (urlPath.startsWith('/ref/')) return inside(join(HERE, 'pages'), urlPath.slice(5));
  return null;
}

function body(urlPath) {
  if (generated.has(urlPath)) return { raw: generated.get(urlPath), key: urlPath };
  let file = resolveFile(urlPath.endsWith('/') ? urlPath + 'index.html' : urlPath);
  if (!file || !existsSync(file) || !statSync(file).isFile()) return null;
  return { file, key: file };
}

function brotli(b) {
  if (brCache.has(b.key)) return brCache.get(b.key);
  let out;
  if (b.file && existsSync(b.file + '.br') && statSync(b.file + '.br').mtimeMs >= statSync(b.file).mtimeMs) {
    out = readFileSync(b.file + '.br');
  } else {
    out = zlib.brotliCompressSync(b.raw ?? readFileSync(b.file), {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
    });
  }
  brCache.set(b.key, out);
  return out;
}

// Cache headers as deploy/nginx.conf sends them: Trunk's hashed files for a year (immutable),
// everything else "no-cache" with an ETag, answered 304 when the browser revalidates.
const HASHED = /\/(gd-plus-(explorer|view)-[0-9a-f]+(_bg\.wasm|\.js)|boot-[0-9a-f]+\.js|(style|favicon)-[0-9a-f]+\.(css|svg))$/;
const etags = new Map();
function etagOf(b) {
  if (!etags.has(b.key)) etags.set(b.key, `"${createHash('sha1').update(b.raw ?? readFileSync(b.file)).digest('hex').slice(0, 16)}"`);
  return etags.get(b.key);
}
// What crossed the network, for the return-visit table: { path, status, bytes }.
const served = [];

function startServer() {
  const server = http.createServer((req, res) => {
    const urlPath = new URL(req.url, 'http://x').pathname;
    const b = body(urlPath);
    if (!b) {
      served.push({ path: urlPath, status: 404, bytes: 9 });
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const name = b.file ?? urlPath;
    const etag = etagOf(b);
    const headers = {
      'content-type': TYPES[extname(name)] || 'application/octet-stream',
      'cache-control': HASHED.test(urlPath) ? 'public, max-age=31536000, immutable' : 'no-cache',
      etag,
    };
    if (req.headers['if-none-match'] === etag) {
      served.push({ path: urlPath, status: 304, bytes: 0 });
      res.writeHead(304, headers).end();
      return;
    }
    let data;
    if (/\bbr\b/.test(req.headers['accept-encoding'] || '')) {
      data = brotli(b);
      headers['content-encoding'] = 'br';
    } else {
      data = b.raw ?? readFileSync(b.file);
    }
    headers['content-length'] = data.length;
    served.push({ path: urlPath, status: 200, bytes: req.method === 'HEAD' ? 0 : data.length });
    res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : data);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

/**
 * A return visit: the page loaded once in a browser that keeps its HTTP cache and lets the
 * service worker install, then opened again. Counts what reached the server during the second
 * visit (and for two seconds after it: the worker's background revalidations).
 */
async function returnVisit(browser, server, target) {
  const context = await browser.newContext({ serviceWorkers: 'allow', viewport: { width: 1024, height: 800 }, locale: 'zh-CN' });
  await context.addInitScript(initScript(target));
  const page = await context.newPage();
  try {
    await page.goto(server + target.path, { waitUntil: 'commit', timeout: 120000 });
    await page.waitForFunction(() => window.__bench?.visibleAt !== null, null, { timeout: 120000, polling: 50 });
    // Let the worker install and take control (it precaches the shell on install).
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null || !('serviceWorker' in navigator), null, { timeout: 30000, polling: 100 })
      .catch(() => {});
    await sleep(1500);
    served.length = 0;
    await page.goto(server + target.path, { waitUntil: 'commit', timeout: 120000 });
    await page.waitForFunction(() => window.__bench?.visibleAt !== null, null, { timeout: 120000, polling: 50 });
    await sleep(2000);
    const hits = served.splice(0);
    const controlled = await page.evaluate(() => navigator.serviceWorker?.controller != null);
    return {
      requests: hits.length,
      revalidated: hits.filter((h) => h.status === 304).length,
      downloads: hits.filter((h) => h.status === 200),
      controlled,
    };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// The floor: the same chart as a static page, inline SVG, no script; the tooltip is CSS (:has + :hover).
function floorPage() {
  const area = JSON.parse(readFileSync(join(ROOT, 'data', 'areas', `${AREA}.json`), 'utf8'));
  const withTargets = area.indicators.filter((i) => i.targets.length);
  const unit = withTargets[0].unit;
  const rows = withTargets.filter((i) => i.unit.zh === unit.zh && i.unit.base === unit.base);
  const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const max = Math.max(...rows.flatMap((i) => i.targets.map((t) => t.value)));
  const W = 900, left = 8, right = 120, colors = { 2017: '#0b5cad', 2020: '#c0560c' };
  const px = (v) => left + (v / max) * (W - left - right);
  let y = 36, svg = '', tips = '', css = '', n = 0;
  svg += `<rect x="8" y="8" width="12" height="12" fill="${colors[2017]}"/><text x="24" y="18">2017</text>`;
  svg += `<rect x="72" y="8" width="12" height="12" fill="${colors[2020]}"/><text x="88" y="18">2020</text>`;
  for (const ind of rows) {
    svg += `<text x="${left}" y="${y + 14}">${esc(ind.name.zh)}</text>`;
    y += 22;
    for (const t of ind.targets) {
      const label = `${t.comparator === 'at_least' ? '≥ ' : t.comparator === 'at_most' ? '≤ ' : ''}${t.value}${unit.zh}`;
      svg += `<rect class="bar" id="b${n}" x="${left}" y="${y}" width="${(px(t.value) - left).toFixed(1)}" height="16" fill="${colors[t.year] || '#555'}"/>`;
      svg += `<text x="${(px(t.value) + 4).toFixed(1)}" y="${y + 12}">${esc(label)}</text>`;
      tips += `<p class="tip" id="t${n}">${esc(ind.name.zh)} · ${t.year} ${esc(label)}</p>`;
      css += `.plot:has(#b${n}:hover) #t${n}{visibility:visible}`;
      y += 19;
      n++;
    }
    y += 12;
  }
  return (
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>static SVG floor</title><link rel="icon" href="data:,"><style>body{margin:0;font-family:system-ui,sans-serif}` +
    `main{max-width:960px;margin:0 auto;padding:16px}svg{font-size:12px;display:block}.tips{position:relative;height:1.5em}` +
    `.tip{position:absolute;margin:0;visibility:hidden}${css}</style></head><body><main><h1>智能制造 · static SVG</h1>` +
    `<div class="plot" data-chart-ready="true"><svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${y + 8}" role="img" aria-label="targets">${svg}</svg>` +
    `<div class="tips">${tips}</div></div></main></body></html>`
  );
}

// ---------------------------------------------------------------------------------------------
// What each page is, where to hover and how to tell that its tooltip shows (run in the page).
// The app's pages (issue #15 budgets them against Chart.js: home, an area, a city and an embed).
// A bar of the target chart: a rect as tall as a bar (target_bars::BAR_H is 18 px; a band of
// heights, so that a small change of the chart does not silently leave the bench with nothing).
// TARGETS narrows the bar-chart pages to those whose name contains one of its comma-separated
// words (case-insensitive), e.g. TARGETS='area page,embed,floor' for the hover budget alone.
const ONLY = (process.env.TARGETS ?? '').split(',').map((w) => w.trim().toLowerCase()).filter(Boolean);
function chosen(targets) {
  return ONLY.length ? targets.filter((t) => ONLY.some((w) => t.name.toLowerCase().includes(w))) : targets;
}
const APP_BAR = `(sel) => {
  const rects = [...document.querySelectorAll(sel)].filter((r) => {
    const h = Number(r.getAttribute('height')), box = r.getBoundingClientRect();
    return h >= 12 && h <= 30 && box.width >= 4 && box.height > 0;
  });
  const r = rects[0]?.getBoundingClientRect();
  return r && { x: r.left + Math.min(r.width / 2, 40), y: r.top + r.height / 2 };
}`;
const APP_CHART = '.chart__plot[data-chart-ready], .chart__plot[data-prerendered]';
// The app's tooltip line has text, or a pre-rendered tooltip is painted (visible, in a shown drawing).
const APP_TIP = `() => (document.querySelector('#app:not(.app-pending) .chart__tooltip, body > main .chart__tooltip')?.textContent.trim() || '') !== ''
  || [...document.querySelectorAll('.prechart__tip')].some((t) => getComputedStyle(t).visibility === 'visible' && t.getBoundingClientRect().width > 0)`;
// Pages with no hover tooltip (home, a city): "interactive" is the first frame in which the app has
// started (Trunk's event) and shows the page itself (not only a pre-rendered copy behind which it waits).
const appInControl = (sel) =>
  `() => !!window.__wasmMemory && [...document.querySelectorAll(${JSON.stringify(sel)})].some((e) => !e.closest('.app-pending, #prerender'))`;
const APP_TARGETS = chosen([
  {
    // The area's own page (its canonical, shared address): the first chart is pre-rendered into the
    // HTML at build time with CSS tooltips, and the app takes its place when its chart is drawn.
    name: 'app: area page',
    path: `/app/area-${AREA}.html`,
    ready: APP_CHART,
    hover: `() => (${APP_BAR})('.chart__plot[data-chart-ready] svg rect, .chart__plot[data-prerendered] svg rect')`,
    tip: APP_TIP,
  },
  {
    // One figure alone, as a news site frames it: the same first chart of the same area, at the
    // address the Embed… dialog gives (its pre-rendered page: the chart drawn at build time with
    // CSS tooltips; the app takes its place when its chart is drawn).
    name: 'app: embed',
    path: `/app/embed-area-${AREA}-1.html`,
    ready: APP_CHART,
    hover: `() => (${APP_BAR})('.chart__plot[data-chart-ready] svg rect, .chart__plot[data-prerendered] svg rect')`,
    tip: APP_TIP,
  },
  {
    // Home has no chart: "visible" is the first frame with its area cards, "interactive" the app in control.
    name: 'app: home',
    path: '/app/index.html',
    ready: '.area-card',
    hover: '() => ({ x: 2, y: 2 })',
    tip: appInControl('.area-card'),
    noHover: true,
  },
  {
    // A city's own page (pre-rendered since issue #15): "visible" is its locator map.
    name: 'app: city page',
    path: '/app/city-440100.html',
    ready: '.locator__plot svg',
    hover: '() => ({ x: 2, y: 2 })',
    tip: appInControl('.locator__plot svg'),
    noHover: true,
  },
]);

const PEER_TARGETS = chosen([
  {
    name: 'Chart.js 4.6.1',
    path: '/ref/bars-chartjs.html',
    ready: '[data-chart-ready]',
    hover: `() => {
      const c = window.__chart, el = c.getDatasetMeta(0).data[0], r = c.canvas.getBoundingClientRect();
      return { x: r.left + (el.base + el.x) / 2, y: r.top + el.y };
    }`,
    tip: `() => window.__tipDrawn === true`,
  },
  {
    name: 'ECharts 6.1.0',
    path: '/ref/bars-echarts.html',
    ready: '[data-chart-ready]',
    hover: `() => {
      const c = window.__chart, l = c.getModel().getSeriesByIndex(0).getData().getItemLayout(0);
      const r = c.getDom().getBoundingClientRect();
      return { x: r.left + l.x + l.width / 2, y: r.top + l.y + l.height / 2 };
    }`,
    tip: `() => {
      const t = document.querySelector('.bench-tip');
      if (!t) return false;
      const s = getComputedStyle(t);
      return s.display !== 'none' && s.visibility !== 'hidden' && Number(s.opacity) > 0 && t.textContent !== '';
    }`,
  },
  {
    name: 'Vega-Lite 6.5.0',
    path: '/ref/bars-vegalite.html',
    ready: '[data-chart-ready]',
    hover: `() => {
      const v = window.__view, o = v.origin(), r = v.container().querySelector('canvas').getBoundingClientRect();
      let found = null;
      const walk = (mark, ox, oy) => {
        if (found) return;
        if (mark.marktype === 'rect' && mark.role === 'mark' && mark.items.length) {
          const it = mark.items[0];
          found = { x: r.left + o[0] + ox + it.x + it.width / 2, y: r.top + o[1] + oy + it.y + it.height / 2 };
          return;
        }
        for (const item of mark.items || []) for (const child of item.items || []) walk(child, ox + (item.x || 0), oy + (item.y || 0));
      };
      walk(v.scenegraph().root, 0, 0);
      return found;
    }`,
    tip: `() => !!document.querySelector('#vg-tooltip-element.visible')`,
  },
  {
    name: 'static SVG (floor)',
    path: '/ref/floor.html',
    ready: '[data-chart-ready]',
    hover: `() => {
      const r = document.querySelector('#b0').getBoundingClientRect();
      return { x: r.left + Math.min(r.width / 2, 40), y: r.top + r.height / 2 };
    }`,
    tip: `() => [...document.querySelectorAll('.tip')].some((t) => getComputedStyle(t).visibility === 'visible')`,
  },
]);
const BAR_TARGETS = [...APP_TARGETS, ...PEER_TARGETS];

const LINE_TARGETS = [
  { name: 'app (Rust/Wasm, min/max per column)', path: '/line/app/index.html' },
  { name: 'Chart.js 4.6.1 (min-max decimation)', path: '/ref/line-chartjs.html' },
  { name: 'ECharts 6.1.0 (minmax sampling)', path: '/ref/line-echarts.html' },
  { name: 'Vega-Lite 6.5.0 (no decimation)', path: '/ref/line-vegalite.html' },
];

// Chrome DevTools' classic "Fast 3G" preset (the one Lighthouse used): 562.5 ms RTT,
// 1.6 Mbit/s × 0.9 down, 750 kbit/s × 0.9 up.
const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8, uploadThroughput: (750 * 1024 * 0.9) / 8 };
const PROFILE = {
  '1x': { label: 'no throttling', cpu: 1 },
  '4x': { label: '4× CPU', cpu: 4 },
  '3g': { label: 'Fast 3G', cpu: 1, net: FAST_3G },
};
const PROFILES = (process.env.PROFILES ?? '1x,4x,3g').split(',').filter((p) => p in PROFILE);

// Runs in every page before its own scripts: records the frame in which the chart is first in the
// page (`ready` selector) and the frame in which its tooltip first shows after a pointer move.
function initScript({ ready, hover, tip }) {
  return `(() => {
    const b = window.__bench = { visibleAt: null, moveAt: null, tipAt: null, armed: false };
    window.__hoverPoint = ${hover};
    window.__tipShown = ${tip};
    addEventListener('TrunkApplicationStarted', (e) => { window.__wasmMemory = e.detail?.wasm?.memory; });
    addEventListener('mousemove', (e) => { if (b.armed && b.moveAt === null) b.moveAt = e.timeStamp; }, { capture: true, passive: true });
    const tick = () => {
      const now = performance.now();
      if (b.visibleAt === null && document.querySelector(${JSON.stringify(ready ?? '[data-chart-ready]')})) b.visibleAt = now;
      if (b.armed && b.tipAt === null && b.moveAt !== null) { try { if (window.__tipShown()) b.tipAt = now; } catch {} }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })();`;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const range = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x));
  return s.length ? [Math.min(...s), Math.max(...s)] : [NaN, NaN];
};

async function newPage(browser, target, profile) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1024, height: 800 }, locale: 'zh-CN' });
  await context.addInitScript(initScript(target));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (profile.net) await cdp.send('Network.emulateNetworkConditions', profile.net);
  return { context, page, cdp, errors };
}

async function memory(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__wasmMemory?.buffer?.byteLength ?? null);
  // usedSize is the V8 heap; ArrayBuffer backing stores (typed arrays, Wasm memory) are counted apart.
  return { heap: heap.usedSize, buffers: heap.backingStorageSize ?? NaN, wasm };
}

/** Bytes and requests of the page that had finished by `until` (ms from navigation), and every file it requested. */
function downloadedBy(page, until) {
  return page.evaluate((until) => {
    const nav = performance.getEntriesByType('navigation')[0];
    const res = performance.getEntriesByType('resource');
    const before = res.filter((r) => r.responseEnd <= until);
    return {
      bytes: (nav?.transferSize || 0) + before.reduce((s, r) => s + r.transferSize, 0),
      requests: 1 + before.length,
      files: res.map((r) => new URL(r.name).pathname),
    };
  }, until);
}

/**
 * One cold load. The pointer is parked on the first bar (where the warm-up load found it) from the
 * moment the navigation commits and wiggles by one pixel every few milliseconds, so "interactive"
 * is the first frame in which the page answers a hover with its tooltip, measured in the page.
 */
async function barLoad(browser, server, target, profileKey, point) {
  const profile = PROFILE[profileKey];
  const { context, page, cdp, errors } = await newPage(browser, target, profile);
  try {
    await page.goto(server + target.path, { waitUntil: 'commit', timeout: 120000 });
    if (!point) {
      await page.waitForFunction(() => window.__bench?.visibleAt !== null, null, { timeout: 120000, polling: 50 });
      point = await page.evaluate(() => window.__hoverPoint());
      if (!point) throw new Error(`${target.name}: no bar to hover`);
    }
    await page.evaluate(() => { window.__bench.armed = true; });
    const deadline = Date.now() + 120000;
    for (let k = 0; ; k++) {
      await page.mouse.move(point.x + (k % 2), point.y);
      const b = await page.evaluate(() => window.__bench);
      if (b.tipAt !== null && b.visibleAt !== null) break;
      if (Date.now() > deadline) throw new Error(`${target.name}: no tooltip within 120 s`);
      await sleep(5);
    }
    const { visibleAt, tipAt } = await page.evaluate(() => window.__bench);
    const net = await downloadedBy(page, visibleAt);
    const out = { visibleAt, tipAt, point, ...net, hovers: [] };
    if (profileKey !== '3g' && !target.noHover) {
      for (let h = 0; h < HOVERS; h++) {
        await page.mouse.move(2, 2);
        await page.waitForFunction(() => !window.__tipShown(), null, { timeout: 5000, polling: 50 });
        await sleep(150);
        await page.evaluate(() => Object.assign(window.__bench, { armed: true, moveAt: null, tipAt: null }));
        await page.mouse.move(point.x, point.y);
        await page.waitForFunction(() => window.__bench.tipAt !== null, null, { timeout: 5000, polling: 20 });
        const b = await page.evaluate(() => window.__bench);
        out.hovers.push(b.tipAt - b.moveAt);
      }
    }
    if (profileKey === '1x') Object.assign(out, await memory(page, cdp));
    if (errors.length) throw new Error(`${target.name}: page errors: ${errors.join('; ')}`);
    return out;
  } finally {
    await context.close();
  }
}

/**
 * What the first chart needs, as opposed to what happened to arrive before it: on localhost a
 * Wasm that nothing on screen waits for (a pre-rendered page's) can finish before the first frame
 * and be counted. So one more cold load (no throttling) holds every .wasm response back for
 * HOLD_WASM_MS: the bytes that finished before the chart showed are what it needed. A page whose
 * chart needs the Wasm shows it only after the hold, with the Wasm counted.
 */
const HOLD_WASM_MS = 3000;
async function neededBytes(browser, server, target) {
  const { context, page, errors } = await newPage(browser, target, PROFILE['1x']);
  try {
    await page.route('**/*.wasm', async (route) => { await sleep(HOLD_WASM_MS); await route.continue().catch(() => {}); });
    await page.goto(server + target.path, { waitUntil: 'commit', timeout: 120000 });
    await page.waitForFunction(() => window.__bench?.visibleAt !== null, null, { timeout: 120000, polling: 50 });
    const visibleAt = await page.evaluate(() => window.__bench.visibleAt);
    await sleep(HOLD_WASM_MS + 500); // let the held Wasm arrive, so that resource timing has every entry
    if (errors.length) throw new Error(`${target.name}: page errors: ${errors.join('; ')}`);
    return await downloadedBy(page, visibleAt);
  } finally {
    await context.close();
  }
}

async function lineLoad(browser, server, target, n) {
  const t = { ...target, ready: '[data-chart-ready]', hover: '() => null', tip: '() => false' };
  const { context, page, cdp, errors } = await newPage(browser, t, PROFILE['1x']);
  try {
    await page.goto(`${server}${target.path}?n=${n}`, { waitUntil: 'commit', timeout: 300000 });
    await page.waitForFunction(() => window.__bench?.visibleAt !== null || window.__benchError, null, { timeout: 300000, polling: 100 });
    if (errors.length) throw new Error(`${target.name}: page errors: ${errors.join('; ')}`);
    const { visibleAt, drawStart } = await page.evaluate(() => ({ visibleAt: window.__bench.visibleAt, drawStart: window.__drawStart }));
    return { draw: visibleAt - drawStart, nav: visibleAt, ...(await memory(page, cdp)) };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
const fmtMs = (x) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '–');
const fmtKiB = (x) => (Number.isFinite(x) ? (x / 1024).toFixed(1) : '–');
const fmtMB = (x) => (Number.isFinite(x) ? (x / 1e6).toFixed(1) : '–');
const cell = (xs) => {
  const [lo, hi] = range(xs);
  return `${fmtMs(median(xs))} (${fmtMs(lo)}–${fmtMs(hi)})`;
};
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? (a / b).toFixed(2) : '–');
const table = (head, rows) =>
  [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i ? '---:' : '---')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

async function main() {
  generated.set('/ref/floor.html', Buffer.from(floorPage()));
  const server = await startServer();
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_BIN || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--js-flags=--expose-gc'],
  });
  const version = browser.version();
  const started = new Date();
  const out = [];
  const log = (s) => { console.log(s); out.push(s); };
  try {
    // Bar chart: every profile, every page, RUNS cold loads, interleaved so drift hits all alike.
    // Warm-up (discarded): compresses every file once, and finds where each page's first bar is.
    const points = {};
    for (const t of PROFILES.length ? BAR_TARGETS : []) {
      points[t.name] = (await barLoad(browser, base, t, '1x', null)).point;
      if (LINE_SIZES.length) await lineLoad(browser, base, LINE_TARGETS[LINE_TARGETS.findIndex((l) => l.name.startsWith(t.name.split(' ')[0]))] ?? LINE_TARGETS[0], 1000);
    }
    const needed = {};
    for (let i = 0; i < 3 && PROFILES.length; i++) {
      for (const t of BAR_TARGETS) {
        (needed[t.name] ??= []).push(await neededBytes(browser, base, t));
        process.stderr.write(`needed run ${i + 1}/3 ${t.name}: ${fmtKiB(needed[t.name].at(-1).bytes)} KiB\n`);
      }
    }
    const neededOf = (name) => median((needed[name] ?? []).map((r) => r.bytes));
    const bars = {};
    for (const p of PROFILES) for (const t of BAR_TARGETS) bars[`${p}|${t.name}`] = [];
    for (const p of PROFILES) {
      for (let i = 0; i < RUNS; i++) {
        for (const t of BAR_TARGETS) {
          const r = await barLoad(browser, base, t, p, points[t.name]);
          bars[`${p}|${t.name}`].push(r);
          process.stderr.write(`bars ${p} run ${i + 1}/${RUNS} ${t.name}: visible ${fmtMs(r.visibleAt)} ms, interactive ${fmtMs(r.tipAt)} ms, ${fmtKiB(r.bytes)} KiB\n`);
        }
      }
    }
    // Line charts.
    const lines = {};
    for (const n of LINE_SIZES) {
      for (let i = 0; i < LINE_RUNS; i++) {
        for (const t of LINE_TARGETS) {
          const key = `${n}|${t.name}`;
          (lines[key] ??= []).push(await lineLoad(browser, base, t, n).catch((e) => ({ error: String(e).split('\n')[0] })));
          const r = lines[key].at(-1);
          process.stderr.write(`line ${n} run ${i + 1}/${LINE_RUNS} ${t.name}: ${r.error ?? `${fmtMs(r.draw)} ms, heap ${fmtMB(r.heap)} MB`}\n`);
        }
      }
    }

    const cpu = os.cpus()[0]?.model?.trim() ?? 'unknown CPU';
    log(`Benchmark ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC · ${os.cpus().length} × ${cpu} · ` +
      `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB · Chromium ${version} headless · Node ${process.version} · ` +
      `localhost, brotli · ${RUNS} cold loads per cell (${LINE_RUNS} for line charts) · area page \`area-${AREA}.html\` (pre-rendered first chart)`);
    log('');
    const get = (p, t, f) => bars[`${p}|${t}`]?.map(f) ?? [];
    if (PROFILES.length) {
    const head = ['page', 'KiB before the first chart (requests)', 'KiB the first chart needs (requests)'];
    for (const p of PROFILES) head.push(`visible, ${PROFILE[p].label}`, `interactive, ${PROFILE[p].label}`);
    log(table(head, BAR_TARGETS.map((t) => {
      const first = bars[`${PROFILES[0]}|${t.name}`];
      const row = [t.name, `${fmtKiB(median(first.map((r) => r.bytes)))} (${median(first.map((r) => r.requests))})`,
        `${fmtKiB(neededOf(t.name))} (${median((needed[t.name] ?? []).map((r) => r.requests))})`];
      for (const p of PROFILES) row.push(cell(get(p, t.name, (r) => r.visibleAt)), cell(get(p, t.name, (r) => r.tipAt)));
      return row;
    })));
    log('');
    log('"Before the first chart": every response that finished before the frame in which the chart showed (on localhost a ' +
      'Wasm that nothing on screen waits for can be among them); "needs": the same in a load that holds every .wasm response back ' +
      `${HOLD_WASM_MS / 1000} s (median of 3), so a chart that is in the HTML shows without it. ` +
      'Milliseconds from navigation: median (min–max). "Visible" is the frame in which the chart is in the page ' +
      '(`data-chart-ready` or the library\'s render-done hook); "interactive" is the frame in which a hover over the first bar shows its tooltip.');
    log('');
    const hasMem = PROFILES.includes('1x');
    log(table(['page', 'hover → tooltip, no throttling', 'hover → tooltip, 4× CPU', 'JS heap after load (MB)', 'ArrayBuffers (MB)', 'Wasm memory (MB)'],
      BAR_TARGETS.map((t) => [
        t.name,
        cell(get('1x', t.name, (r) => r.hovers).flat()),
        cell(get('4x', t.name, (r) => r.hovers).flat()),
        hasMem ? fmtMB(median(get('1x', t.name, (r) => r.heap))) : '–',
        hasMem ? fmtMB(median(get('1x', t.name, (r) => r.buffers))) : '–',
        hasMem ? fmtMB(median(get('1x', t.name, (r) => r.wasm ?? NaN))) : '–',
      ])));
    log('');
    log('Hover latency: from the mousemove event\'s timestamp to the animation frame in which the tooltip is shown, ' +
      `${HOVERS} per load. Memory: \`Runtime.getHeapUsage\` after a forced GC (V8 heap; ArrayBuffer backing stores), and the Wasm linear memory, which is not in either.`);
    log('');
    // Ratios app page / peer (median against median; < 1 means the app is smaller or faster).
    const m = (p, t, f) => median(get(p, t, f).flat());
    const rHead = ['app page / peer', 'bytes'];
    for (const p of PROFILES) rHead.push(`visible ${p}`, `interactive ${p}`);
    rHead.push('hover 1×', 'hover 4×');
    const rRows = [];
    for (const a of APP_TARGETS) {
      for (const t of PEER_TARGETS) {
        const row = [`${a.name} / ${t.name}`, ratio(m(PROFILES[0], a.name, (r) => r.bytes), m(PROFILES[0], t.name, (r) => r.bytes))];
        for (const p of PROFILES) {
          row.push(ratio(m(p, a.name, (r) => r.visibleAt), m(p, t.name, (r) => r.visibleAt)));
          row.push(ratio(m(p, a.name, (r) => r.tipAt), m(p, t.name, (r) => r.tipAt)));
        }
        row.push(a.noHover ? '–' : ratio(m('1x', a.name, (r) => r.hovers), m('1x', t.name, (r) => r.hovers)));
        row.push(a.noHover ? '–' : ratio(m('4x', a.name, (r) => r.hovers), m('4x', t.name, (r) => r.hovers)));
        rRows.push(row);
      }
    }
    log(table(rHead, rRows));
    log('');
    // Issue #15's budgets, printed (never asserted): against Chart.js, and hover against the floor.
    const chartJs = PEER_TARGETS.find((t) => t.name.startsWith('Chart.js'))?.name;
    const floor = PEER_TARGETS.find((t) => t.name.startsWith('static SVG'))?.name;
    const FRAME_MS = 1000 / 60;
    const verdict = (x, limit) => (Number.isFinite(x) ? `${x.toFixed(2)} ${x <= limit ? '✓' : '✗'}` : '–');
    const cpu4 = PROFILES.includes('4x') ? '4x' : null;
    log(table(['budget (issue #15)', 'bytes the first chart needs ≤ 1.0× Chart.js', 'visible at 4× CPU ≤ 1.0× Chart.js',
      'interactive at 4× CPU ≤ 1.5× Chart.js', 'hover → paint − static SVG\'s, ms (≤ one frame)'],
      APP_TARGETS.map((a) => {
        const bytes = neededOf(a.name) / neededOf(chartJs);
        const vis = cpu4 ? m(cpu4, a.name, (r) => r.visibleAt) / m(cpu4, chartJs, (r) => r.visibleAt) : NaN;
        const act = cpu4 ? m(cpu4, a.name, (r) => r.tipAt) / m(cpu4, chartJs, (r) => r.tipAt) : NaN;
        const hover = a.noHover || !cpu4 ? NaN : m(cpu4, a.name, (r) => r.hovers) - m(cpu4, floor, (r) => r.hovers);
        return [a.name, verdict(bytes, 1), verdict(vis, 1), verdict(act, 1.5),
          Number.isFinite(hover) ? `${hover.toFixed(1)} ${hover <= FRAME_MS ? '✓' : '✗'}` : a.noHover ? '– (no tooltip)' : '–'];
      })));
    log('');
    log('Home and the city page have no tooltip: "visible" is the first frame with the area cards / the drawn locator map, ' +
      '"interactive" the first frame in which the started app shows them itself (not a pre-rendered copy). ' +
      `Hover is measured at 4× CPU, against the static inline-SVG page; one frame is ${FRAME_MS.toFixed(1)} ms.`);
    log('');
    }
    if (PROFILES.length) {
      const rows = [];
      for (const a of APP_TARGETS) {
        const r = await returnVisit(browser, base, a);
        rows.push([a.name, r.controlled ? 'yes' : 'no', String(r.requests), String(r.revalidated), String(r.downloads.length),
          r.downloads.length ? `${fmtKiB(r.downloads.reduce((n, d) => n + d.bytes, 0))} (${r.downloads.map((d) => d.path.replace(/^\/app\//, '')).join(', ')})` : '0']);
      }
      log(table(['return visit', 'service worker in control', 'requests to the server', '304 (revalidated)', 'full downloads', 'KiB downloaded (files)'], rows));
      log('');
      log('Return visit: the page opened a second time in the same browser (HTTP cache kept, service worker installed), no throttling; ' +
        'counted at the server during the visit and the 2 s after it. The server sends deploy/nginx.conf\'s cache headers: ' +
        'hashed files immutable for a year, everything else no-cache with an ETag.');
      log('');
    }
    if (LINE_SIZES.length) {
    const lHead = ['line chart'];
    for (const n of LINE_SIZES) lHead.push(`${n.toLocaleString('en-US')} pts: draw ms`, 'MB heap + buffers (+ Wasm)');
    log(table(lHead, LINE_TARGETS.map((t) => {
      const row = [t.name];
      for (const n of LINE_SIZES) {
        const rs = lines[`${n}|${t.name}`] ?? [];
        const ok = rs.filter((r) => !r.error);
        if (!ok.length) {
          row.push(`failed: ${rs[0]?.error ?? '?'}`, '–');
          continue;
        }
        row.push(cell(ok.map((r) => r.draw)));
        const wasm = median(ok.map((r) => r.wasm ?? NaN));
        row.push(`${fmtMB(median(ok.map((r) => r.heap)))} + ${fmtMB(median(ok.map((r) => r.buffers)))}${Number.isFinite(wasm) ? ` (+ ${fmtMB(wasm)})` : ''}`);
      }
      return row;
    })));
    log('');
    log('Line charts: ms from the page\'s draw start (data generated, library or Wasm loaded) to the frame in which the chart is in the page; ' +
      'the conversion of the shared Float64Array into each library\'s input format is included. Memory after a forced GC: ' +
      'V8 heap + ArrayBuffer backing stores (the shared Float64Array, 8 MB per million points, is in every page\'s buffers) ' +
      '(+ the app\'s Wasm linear memory, which Chromium counts apart).');
    }
    if (PROFILES.length) {
      for (const a of APP_TARGETS) {
        const appFiles = [...new Set(get(PROFILES[0], a.name, (r) => r.files).flat())].filter((f) => f.includes('/data/'));
        log('');
        log(`Data files requested by ${a.name}: ${appFiles.map((f) => f.replace(/^.*\/data\//, '')).join(', ') || 'none'}`);
      }
    }
    if (process.env.OUT) writeFileSync(process.env.OUT, out.join('\n') + '\n');
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
