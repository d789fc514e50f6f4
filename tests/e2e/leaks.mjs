// Leak check (issue #8), a script rather than a test: `./x leaks` (or `node tests/e2e/leaks.mjs`).
// Navigates in the app 1,000 times through every view (the way a reader clicks: history.pushState +
// the app's router, no reloads) and reads, after a forced garbage collection, the JS heap, the DOM
// node count and the Wasm linear memory. Prints the numbers and whether they stay within the
// budgets: JS heap within +10% and DOM nodes within ±5% of their level after the first 100 route
// changes, and Wasm memory not growing over the last 500. Not part of ./x test (about 5 minutes).
import { startNginx, launch, openPage, appReady, navigateInApp, keepWasmMemory } from './harness.mjs';

const ROUTES = Number(process.env.ROUTES || 1000);
const ALL_VIEWS = [
  ['', '[data-testid=area-list] > li'],
  ['?view=area&id=finance', 'article.area[data-area=finance] .chart__plot[data-chart-ready] svg'],
  ['?view=indicator&id=overall.online-shopping-penetration', 'article.indicator-page .chart__plot[data-chart-ready] svg'],
  ['?view=departments', '[data-chart="departments-heatmap"] .chart__plot[data-chart-ready] svg'],
  ['?view=department&id=commerce', 'article.department article.task'],
  ['?view=plan', '.plan-text a.hl'],
  ['?view=map', '.map .chart__plot[data-chart-ready] svg'],
  ['?view=map&layer=regions', '.map .chart__plot[data-chart-ready] svg'],
  ['?view=city&id=440100', 'article.city[data-adcode="440100"] article.task'],
  ['?view=search&q=%E6%B7%B1%E5%9C%B3', '[data-testid=search-results] li[data-kind]'],
  ['?view=about', 'dl.meta'],
  ['?view=area&id=manufacturing&lang=en', 'article.area[data-area=manufacturing] .chart__plot[data-chart-ready] svg'],
];
// ONLY=about,map keeps the views whose query contains one of the words (and home), to find a leak.
const only = (process.env.ONLY || '').split(',').filter(Boolean);
const VIEWS = only.length ? ALL_VIEWS.filter(([q], i) => (i === 0 && !process.env.NOHOME) || only.some((w) => q.includes(w))) : ALL_VIEWS;

const server = await startNginx({ prefix: '/leaks/' });
const browser = await launch();
try {
  const { context, page } = await openPage(browser, { serviceWorkers: 'block' });
  await keepWasmMemory(context);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.enable');
  const measure = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
    const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    const wasm = await page.evaluate(() => window.__wasmMemory?.buffer.byteLength ?? -1);
    return { heap: m.JSHeapUsedSize, domNodes: nodes, wasm };
  };
  await page.goto(server.url + VIEWS[0][0]);
  await appReady(page, VIEWS[0][1]);
  const samples = [];
  const started = Date.now();
  for (let i = 1; i <= ROUTES; i++) {
    const [query, ready] = VIEWS[i % VIEWS.length];
    await navigateInApp(page, query);
    await appReady(page, ready, 15000);
    // Compare like with like: measure on the home view, every full cycle through the views.
    if (i % VIEWS.length === 0) {
      const m = await measure();
      samples.push({ route: i, ...m });
      if (samples.length % 10 === 0) console.log(`route ${i}: heap ${(m.heap / 1e6).toFixed(2)} MB, ${m.domNodes} elements, Wasm ${m.wasm / 1048576} MiB`);
    }
  }
  const at = (n) => samples.reduce((best, s) => (Math.abs(s.route - n) < Math.abs(best.route - n) ? s : best));
  const base = at(100);
  const mid = at(ROUTES - 500);
  const last = samples[samples.length - 1];
  const heapGrowth = (last.heap - base.heap) / base.heap;
  const nodeChange = (last.domNodes - base.domNodes) / base.domNodes;
  const wasmGrowth = last.wasm - mid.wasm;
  const ok = (b) => (b ? 'ok' : 'OVER BUDGET');
  console.log(`\n${ROUTES} route changes in ${((Date.now() - started) / 1000).toFixed(0)} s (${new Date().toISOString()})`);
  console.log(`| measure | after ~100 | after ~${mid.route} | after ${last.route} | budget | result |`);
  console.log('|---|---:|---:|---:|---|---|');
  console.log(`| JS heap (MB) | ${(base.heap / 1e6).toFixed(2)} | ${(mid.heap / 1e6).toFixed(2)} | ${(last.heap / 1e6).toFixed(2)} | ≤ +10% of ~100 | ${(heapGrowth * 100).toFixed(1)}% ${ok(heapGrowth <= 0.1)} |`);
  console.log(`| DOM elements | ${base.domNodes} | ${mid.domNodes} | ${last.domNodes} | ±5% of ~100 | ${(nodeChange * 100).toFixed(1)}% ${ok(Math.abs(nodeChange) <= 0.05)} |`);
  console.log(`| Wasm memory (MiB) | ${base.wasm / 1048576} | ${mid.wasm / 1048576} | ${last.wasm / 1048576} | no growth over the last 500 | ${wasmGrowth} bytes ${ok(wasmGrowth <= 0)} |`);
  await context.close();
  process.exitCode = heapGrowth <= 0.1 && Math.abs(nodeChange) <= 0.05 && wasmGrowth <= 0 ? 0 : 1;
} finally {
  await browser.close();
  await server.stop();
}
