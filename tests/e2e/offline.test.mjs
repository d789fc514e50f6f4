// End-to-end: after one visit the service worker keeps the app and the data; offline it still works
// and says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, cpSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startNginx, launch, openPage, appReady, readJson, DIST } from './harness.mjs';

let server, browser;
before(async () => {
  server = await startNginx({ prefix: '/offline/' });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('load once, go offline, reload: the app and its data still show, with an offline notice', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(server.url + '?view=area&id=finance');
  await appReady(page, 'article.area[data-area=finance]');
  // Wait until the service worker controls the page and has finished caching.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await appReady(page, 'article.area[data-area=finance]');
  assert.ok(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), 'page is controlled');

  await context.setOffline(true);
  await page.reload();
  await appReady(page, 'article.area[data-area=finance] .indicator');
  await page.waitForSelector('.offline-banner');
  assert.match(await page.textContent('.offline-banner'), /离线/);
  // Another view that needs only shared files works too: they were cached at install.
  await page.goto(server.url + '?view=about');
  await appReady(page, 'dl.meta');
  // An area never opened is not on the device (its file is not precached): the offline message
  // with a retry, which works once the network is back.
  await page.goto(server.url + '?view=area&id=customs');
  await page.waitForSelector('.load-error[data-error="offline"]');
  await context.setOffline(false);
  await page.click('.load-error button');
  await appReady(page, 'article.area[data-area=customs] .indicator');
  await context.close();
});

test('a new deployment is picked up on the next visit', async () => {
  // Serve a copy of dist/ so that the test can "deploy" a new version into it.
  const copy = mkdtempSync(join(tmpdir(), 'gd-deploy-'));
  cpSync(DIST, copy, { recursive: true });
  const site = await startNginx({ prefix: '/deploy/', dist: copy });
  try {
    const { context, page } = await openPage(browser);
    await page.goto(site.url);
    await appReady(page, '[data-testid=area-list] > li');
    await page.evaluate(() => navigator.serviceWorker.ready);
    const caches1 = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('gd-plus-')));
    assert.equal(caches1.length, 1);

    // Deploy: a changed page and a service worker with a new version.
    const sw = readFileSync(join(copy, 'sw.js'), 'utf8').replace(/const VERSION = "([0-9a-f]+)"/, 'const VERSION = "0000deploy2"');
    writeFileSync(join(copy, 'sw.js'), sw);
    for (const f of ['index.html.gz', 'index.html.br', 'sw.js.gz', 'sw.js.br']) rmSync(join(copy, f), { force: true });
    const html = readFileSync(join(copy, 'index.html'), 'utf8').replace('<meta name="gd-data-base"', '<meta name="deployment" content="2"><meta name="gd-data-base"');
    writeFileSync(join(copy, 'index.html'), html);

    await page.goto(site.url);
    await appReady(page, '[data-testid=area-list] > li');
    assert.equal(await page.getAttribute('meta[name=deployment]', 'content'), '2', 'the new page is served');
    await page.waitForFunction(async () => (await caches.keys()).some((k) => k.startsWith('gd-plus-0000deploy2 ')), null, { timeout: 15000 });
    await page.waitForFunction(async () => (await caches.keys()).filter((k) => k.startsWith('gd-plus-')).length === 1, null, { timeout: 15000 });
    await context.close();
  } finally {
    await site.stop();
    rmSync(copy, { recursive: true, force: true });
  }
});

/** Our caches in this browser context (CacheStorage is per origin), with their entry counts. */
const ourCaches = (page) => page.evaluate(async () => {
  const out = {};
  for (const key of (await caches.keys()).filter((k) => k.startsWith('gd-plus-'))) {
    out[key] = (await (await caches.open(key)).keys()).length;
  }
  return out;
});

/** Writes a new deployment into `dir`: a service worker with another version (as a new build has). */
function redeploy(dir, version) {
  const sw = readFileSync(join(dir, 'sw.js'), 'utf8').replace(/const VERSION = "([0-9a-zA-Z]+)"/, `const VERSION = "${version}"`);
  for (const f of ['sw.js', 'sw.js.gz', 'sw.js.br']) rmSync(join(dir, f), { force: true });
  writeFileSync(join(dir, 'sw.js'), sw);
}

test('two deployments under /a/ and /b/ of one origin: updating one keeps the other\'s caches, and it opens offline', async () => {
  const root = mkdtempSync(join(tmpdir(), 'gd-two-'));
  // Two deployments of the same build (the worst case: the same version in both).
  for (const d of ['a', 'b']) cpSync(DIST, join(root, d), { recursive: true });
  const site = await startNginx({ prefix: '/a/', dist: join(root, 'a'), mounts: [{ prefix: '/b/', dist: join(root, 'b') }] });
  const origin = new URL(site.url).origin;
  try {
    const { context, page } = await openPage(browser);
    for (const d of ['a', 'b']) {
      await page.goto(`${origin}/${d}/`);
      await appReady(page, '[data-testid=area-list] > li');
      // Activated: its activate handler (the clean-up of old caches) has finished.
      await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated', null, { timeout: 15000 });
    }
    const before = await ourCaches(page);
    const ofA = Object.keys(before).find((k) => k.endsWith(` ${origin}/a/`));
    const ofB = Object.keys(before).find((k) => k.endsWith(` ${origin}/b/`));
    assert.ok(ofA && ofB && before[ofA] > 0 && before[ofB] > 0, `a cache per deployment, both kept: ${JSON.stringify(before)}`);

    // A new build is deployed under /a/ only; the reader comes back to /a/.
    redeploy(join(root, 'a'), '0000newa');
    await page.goto(`${origin}/a/`);
    await appReady(page, '[data-testid=area-list] > li');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await page.waitForFunction(async () => (await caches.keys()).some((k) => k.startsWith('gd-plus-0000newa ')), null, { timeout: 15000 });
    // The new worker of /a/ has activated and cleaned up: /a/'s old cache is gone.
    await page.waitForFunction((old) => caches.has(old).then((has) => !has), ofA, { timeout: 15000 });
    const after = await ourCaches(page);
    assert.equal(after[ofB], before[ofB], `/b/'s cache is untouched: before ${JSON.stringify(before)}, after ${JSON.stringify(after)}`);

    // And /b/ still opens offline from it.
    await context.setOffline(true);
    await page.goto(`${origin}/b/?view=about`);
    await appReady(page, 'dl.meta');
    await page.waitForSelector('.offline-banner');
    await context.close();
  } finally {
    await site.stop();
    rmSync(root, { recursive: true, force: true });
  }
});

test('a per-view page opened once (the first visit) opens offline with its chart and data; one never opened opens its own view, offline', async () => {
  const { context, page } = await openPage(browser);
  try {
    const url = server.url + 'area-logistics.html';
    await page.goto(url);
    await page.waitForSelector('#app:not(.app-pending) article.area[data-area=logistics] .chart__plot[data-chart-ready] svg', { timeout: 20000 });
    await page.evaluate(() => navigator.serviceWorker.ready);
    // The worker keeps the page and its area file when it activates (they were fetched before it).
    await page.waitForFunction(async (url) => Boolean(await caches.match(url)), url, { timeout: 15000 });
    await context.setOffline(true);
    const other = await context.newPage();
    await other.goto(url);
    // The pre-rendered view (from the kept HTML), then the app with the area's data.
    await other.waitForSelector('#app:not(.app-pending) article.area[data-area=logistics] .chart__plot[data-chart-ready] svg', { timeout: 20000 });
    await other.waitForSelector('.offline-banner');
    assert.equal(await other.locator('.load-error').count(), 0, 'no load error: the area file was kept');
    // A per-view page never opened: the worker answers with the app shell (index.html, no
    // gd-route meta); the app opens the view its file name gives and says that it is offline.
    await other.goto(server.url + 'area-finance.html');
    const error = other.locator('.load-error');
    await error.waitFor({ timeout: 20000 });
    assert.match(await error.textContent(), /areas\/finance\.json/, 'the error names the area file');
    assert.equal(await other.locator('[data-testid=area-list]').count(), 0, 'not the home page');
  } finally {
    await context.close();
  }
});

test('a city page opened once (the first visit) opens offline with its map and every area it reads', async () => {
  const { context, page } = await openPage(browser);
  const ready = '#app:not(.app-pending) article.city[data-adcode="440100"] .locator__plot[data-chart-ready] svg';
  try {
    const url = server.url + 'city-440100.html';
    await page.goto(url);
    await page.waitForSelector(ready, { timeout: 20000 });
    // Let this page finish reading what it reads after the map (the area files, the programmes):
    // going offline while the worker still streams one of them into its cache would test that cut.
    await page.waitForSelector('#app main .city__summary', { timeout: 20000 });
    await page.evaluate(() => navigator.serviceWorker.ready);
    // The worker keeps the page and every area file (a city page reads them all) when it activates:
    // wait for all of them, else going offline would cut off the ones still on their way.
    const kept = [url, ...readJson('areas.json').areas.map((a) => server.url + 'data/' + a.file)];
    await page.waitForFunction(async (urls) => (await Promise.all(urls.map((u) => caches.match(u)))).every(Boolean),
      kept, { timeout: 15000 });
    await context.setOffline(true);
    const other = await context.newPage();
    await other.goto(url);
    await other.waitForSelector(ready, { timeout: 20000 });
    await other.waitForSelector('.offline-banner');
    // The tasks come after the map, from every area file: wait for them or for an error.
    await other.waitForSelector('#app main .city__summary, #app main .load-error', { timeout: 20000 });
    const errors = await other.locator('.load-error').allTextContents();
    assert.deepEqual(errors, [], 'no load error: every area file was kept');
    assert.ok((await other.textContent('#app main .city__summary')).trim() !== '');
  } finally {
    await context.close();
  }
});
