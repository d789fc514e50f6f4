// End-to-end: the strict CSP of deploy/nginx.conf holds on every route, and the check can fail.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startNginx, launch, openPage, appReady } from './harness.mjs';

const ROUTES = ['', '?view=area&id=finance', '?view=indicator&id=overall.online-shopping-penetration',
  '?view=departments', '?view=department&id=commerce', '?view=plan', '?view=about'];
let browser;

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('every route boots under the strict CSP with 0 violations and 0 requests to other hosts', async () => {
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
    for (const q of ROUTES) {
      await page.goto(server.url + q);
      await appReady(page, 'main#main > *:not(.loading)');
      await page.waitForLoadState('networkidle');
    }
    const ev = await page.evidence();
    assert.deepEqual(ev.csp, []);
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
