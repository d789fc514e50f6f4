// End-to-end: the strict CSP of deploy/nginx.conf holds on every route, and the check can fail.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startNginx, launch, openPage, appReady, DIST } from './harness.mjs';

/** A raw GET (no automatic decompression): status, headers and body bytes. */
function get(url, headers = {}) {
  return new Promise((ok, fail) => {
    request(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', fail).end();
  });
}

// [path, selector that says the route is drawn]: the app's views on index.html, then the pages
// with their own HTML (a per-view page with its pre-rendered view, the embed page and a pre-rendered embed).
const APP = 'main#main > *:not(.loading)';
const ROUTES = [
  ...['', '?view=area&id=finance', '?view=indicator&id=overall.online-shopping-penetration',
    '?view=departments', '?view=department&id=commerce', '?view=map', '?view=city&id=440300', '?view=plan',
    '?view=search&q=%E6%B7%B1%E5%9C%B3', '?view=about'].map((q) => [q, APP]),
  ['area-logistics.html', '#app:not(.app-pending) main article .chart__plot[data-chart-ready] svg'],
  ['indicator-overall.online-shopping-penetration.html', '#app:not(.app-pending) main article .chart__plot[data-chart-ready] svg'],
  ['embed.html?view=embed&fig=map', '.chart__plot[data-chart-ready] svg'],
  ['embed-area-logistics-1.html', '#app:not(.app-pending) main.embed-view .chart__plot[data-chart-ready] svg'],
];
let browser;

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('every route and page boots under the strict CSP with 0 violations each and 0 requests to other hosts', async () => {
  const server = await startNginx({ prefix: '/sub/dir/' });
  try {
    const head = await fetch(server.url);
    const csp = head.headers.get('content-security-policy');
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/);
    assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/);
    const wasmName = (await head.text()).match(/gd-plus-explorer-[0-9a-f]+_bg\.wasm/)[0];
    const wasm = await fetch(server.url + wasmName);
    assert.equal(wasm.headers.get('content-type'), 'application/wasm');
    assert.match(wasm.headers.get('cache-control'), /immutable/);
    const data = await fetch(server.url + 'data/areas.json', { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(data.headers.get('cache-control'), 'no-cache');
    assert.ok(data.headers.get('etag'), 'datasets carry an ETag');

    const { context, page } = await openPage(browser);
    for (const [q, ready] of ROUTES) {
      await page.goto(server.url + q);
      await appReady(page, ready);
      await page.waitForLoadState('networkidle');
    }
    const ev = await page.evidence();
    // One record per document, in visiting order: each route is checked, not only the last one.
    const byRoute = ROUTES.map(([q]) => {
      const doc = ev.cspByDocument.find((d) => d.url === server.url + q);
      return [q, doc ? doc.csp : 'never visited'];
    });
    assert.deepEqual(byRoute, ROUTES.map(([q]) => [q, []]));
    assert.deepEqual(ev.csp, [], 'no violation in any document');
    assert.deepEqual(ev.hosts, [new URL(server.url).host]);
    assert.deepEqual(ev.errors, []);
    await context.close();
  } finally {
    await server.stop();
  }
});

test("negative control: without 'wasm-unsafe-eval' the Wasm is blocked, a violation is seen and the fallback text stays", async () => {
  const strict = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'";
  const server = await startNginx({ prefix: '/sub/dir/', csp: strict });
  try {
    const { context, page } = await openPage(browser);
    await page.goto(server.url);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    const ev = await page.evidence();
    assert.ok(ev.csp.some((v) => v.startsWith('script-src')), `expected a script-src violation, got ${JSON.stringify(ev.csp)}`);
    assert.ok(await page.isVisible('#fallback'), 'the no-Wasm fallback text is visible');
    assert.match(await page.textContent('#fallback'), /data\/datapackage\.json/);
    assert.equal(await page.$('main#main'), null, 'the app did not mount');
    await context.close();
  } finally {
    await server.stop();
  }
});

test('with JavaScript off the page shows what the site is and links to the data', async () => {
  const server = await startNginx({ prefix: '/' });
  try {
    const { context, page } = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(server.url);
    assert.match(await page.textContent('#fallback h1'), /数据浏览器/);
    const href = await page.getAttribute('#fallback a', 'href');
    const r = await fetch(new URL(href, server.url));
    assert.equal(r.status, 200);
    await context.close();
  } finally {
    await server.stop();
  }
});

test('negative control with JavaScript off: a violation of a page without script is recorded', async () => {
  // The CSP checks of pages opened with JavaScript off (static.test.mjs, prerender.test.mjs) read
  // DevTools issues, since no page script can listen; this shows that record is not always empty.
  const server = await startNginx({ prefix: '/', csp: "default-src 'self'; style-src 'none'; img-src 'none'" });
  try {
    const { context, page } = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(server.url + 'area-logistics.html');
    await page.goto(server.url);
    await page.waitForTimeout(300);
    const ev = await page.evidence();
    for (const url of [server.url + 'area-logistics.html', server.url]) {
      const doc = ev.cspByDocument.find((d) => d.url === url);
      assert.ok(doc?.csp.some((v) => v.startsWith('style-src')), `${url}: ${JSON.stringify(ev.cspByDocument)}`);
    }
    await context.close();
  } finally {
    await server.stop();
  }
});

test('nginx: pages no-cache with an ETag (304 on revalidation), gzip_static, CORS on the data only', async () => {
  const server = await startNginx({ prefix: '/n/' });
  try {
    for (const page of ['', 'index.html', 'area-logistics.html', 'indicator-overall.online-shopping-penetration.html', 'embed.html', 'embed-area-logistics-1.html']) {
      const r = await get(server.url + page);
      assert.equal(r.status, 200, page);
      assert.equal(r.headers['cache-control'], 'no-cache', `${page || '/'}: revalidate every time`);
      assert.ok(r.headers.etag, `${page || '/'}: an ETag`);
      const again = await get(server.url + page, { 'if-none-match': r.headers.etag });
      assert.equal(again.status, 304, `${page || '/'}: unchanged → 304`);
      assert.equal(r.headers['access-control-allow-origin'], undefined, `${page || '/'}: no CORS on pages`);
    }
    // gzip_static: with Accept-Encoding gzip, the precompressed .gz file itself is sent.
    for (const file of ['index.html', 'data/areas.json', readFileSync(join(DIST, 'index.html'), 'utf8').match(/gd-plus-explorer-[0-9a-f]+_bg\.wasm/)[0]]) {
      const gz = await get(server.url + file, { 'accept-encoding': 'gzip' });
      assert.equal(gz.headers['content-encoding'], 'gzip', file);
      assert.deepEqual(gz.body, readFileSync(join(DIST, file + '.gz')), `${file}: the bytes of ${file}.gz`);
      const plain = await get(server.url + file);
      assert.equal(plain.headers['content-encoding'], undefined, `${file}: not compressed unless accepted`);
      assert.deepEqual(plain.body, readFileSync(join(DIST, file)));
    }
    // Open data: readable from any origin.
    const data = await get(server.url + 'data/areas/finance.json', { origin: 'https://news.example' });
    assert.equal(data.headers['access-control-allow-origin'], '*');
    assert.equal(data.headers['cache-control'], 'no-cache');
    assert.ok(data.headers.etag);
  } finally {
    await server.stop();
  }
});

test('gd-data-base pointing at another origin: the data comes from there, with that origin in connect-src', async () => {
  // The data host: another nginx (another origin) serving the same files. The app: a copy of dist/
  // whose <meta name="gd-data-base"> is that host's data/ URL, with the CSP's connect-src widened.
  const dataHost = await startNginx({ prefix: '/files/' });
  const dataOrigin = new URL(dataHost.url).origin;
  const copy = join(mkdtempSync(join(tmpdir(), 'gd-database-')), 'dist');
  assert.equal(spawnSync('cp', ['-al', DIST, copy]).status, 0, 'hard-linked copy of dist/');
  for (const f of ['index.html.gz', 'index.html.br']) rmSync(join(copy, f), { force: true });
  const html = readFileSync(join(copy, 'index.html'), 'utf8');
  const edited = html.replace('<meta name="gd-data-base" content="data/">', `<meta name="gd-data-base" content="${dataHost.url}data/">`);
  assert.notEqual(edited, html, 'index.html has the gd-data-base meta');
  rmSync(join(copy, 'index.html')); // a new file, not the hard-linked original
  writeFileSync(join(copy, 'index.html'), edited);
  const policy = readFileSync(new URL('../../deploy/nginx.conf', import.meta.url), 'utf8').match(/set \$csp "([^"]+)";/)[1];
  const app = await startNginx({ prefix: '/app/', dist: copy, csp: policy.replace("connect-src 'self'", `connect-src 'self' ${dataOrigin}`) });
  try {
    const { context, page } = await openPage(browser, { serviceWorkers: 'block' });
    const dataFrom = new Set();
    page.on('request', (r) => r.url().includes('/data/') && dataFrom.add(new URL(r.url()).origin));
    await page.goto(app.url + '?view=area&id=finance');
    await appReady(page, 'article.area[data-area=finance] .chart__plot[data-chart-ready] svg');
    assert.deepEqual([...dataFrom], [dataOrigin], 'every dataset from the data host');
    const ev = await page.evidence();
    assert.deepEqual(ev.csp, []);
    assert.deepEqual(ev.errors, []);
    await context.close();
  } finally {
    await app.stop();
    await dataHost.stop();
    rmSync(join(copy, '..'), { recursive: true, force: true });
  }
});
