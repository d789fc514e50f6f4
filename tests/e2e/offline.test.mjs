// End-to-end: after one visit the service worker keeps the app and the data; offline it still works
// and says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, cpSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startNginx, launch, openPage, appReady, DIST } from './harness.mjs';

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
    await page.waitForFunction(async () => (await caches.keys()).includes('gd-plus-0000deploy2'), null, { timeout: 15000 });
    await page.waitForFunction(async () => (await caches.keys()).filter((k) => k.startsWith('gd-plus-')).length === 1, null, { timeout: 15000 });
    await context.close();
  } finally {
    await site.stop();
    rmSync(copy, { recursive: true, force: true });
  }
});
