// End-to-end: opening one area page downloads that area's dataset and nothing of the other areas
// (issue #9). Counted from the browser's own requests, with the service worker blocked: its install
// step precaches every dataset for offline use on purpose, which is a separate, background cost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startNginx, launch, openPage, readJson } from './harness.mjs';

const index = readJson('areas.json');
let server, browser;

before(async () => {
  server = await startNginx({ prefix: '/gd/' });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('an area page requests its own data/areas file and no other area file', async () => {
  assert.equal(index.areas.length, 14, 'the overall goals and the 13 areas');
  for (const summary of index.areas) {
    const { context, page } = await openPage(browser, { serviceWorkers: 'block' });
    const areaFiles = [];
    page.on('request', (r) => {
      const m = new URL(r.url()).pathname.match(/\/data\/areas\/([^/]+)\.json$/);
      if (m) areaFiles.push(m[1]);
    });
    await page.goto(`${server.url}?view=area&id=${summary.slug}&lang=zh`);
    await page.waitForSelector(`article.area[data-area="${summary.slug}"]`, { timeout: 20000 });
    if (summary.counts.targets > 0) await page.waitForSelector('.chart__plot[data-chart-ready] svg');
    // Let anything the page starts after its first render (the area's map, lazy parts) finish.
    await page.waitForLoadState('networkidle');
    assert.deepEqual(areaFiles, [summary.slug], `${summary.slug} requested ${areaFiles.join(', ')}`);
    assert.deepEqual((await page.evidence()).errors, []);
    await context.close();
  }
});

// The parts of one page that need the same file at the same time (an area page's charts and their
// source lines read meta.json; a city page's shell and its tasks both start from the shared files)
// share one download (view/fetch.rs IN_FLIGHT): no data file is requested twice in a page load.
for (const [name, path, ready] of [
  ['an area page (its own file: the single-figure app)', 'area-manufacturing.html', '#app:not(.app-pending) .chart__plot[data-chart-ready] svg'],
  ['an area view in the full app', '?view=area&id=manufacturing', '.chart__plot[data-chart-ready] svg'],
  ['a city page', 'city-440100.html', '#app:not(.app-pending) article.city .city__summary'],
]) {
  test(`${name} requests each data file once`, async () => {
    const { context, page } = await openPage(browser, { serviceWorkers: 'block' });
    try {
      const files = [];
      page.on('request', (r) => {
        const m = new URL(r.url()).pathname.match(/\/data\/(.+)$/);
        if (m) files.push(m[1]);
      });
      await page.goto(server.url + path);
      await page.waitForSelector(ready, { timeout: 20000 });
      await page.waitForLoadState('networkidle');
      const twice = files.filter((f, i) => files.indexOf(f) !== i);
      assert.ok(files.includes('meta.json') || !path.includes('area'), `meta.json is read: ${files}`);
      assert.deepEqual(twice, [], `requested more than once: ${twice.join(', ')}`);
    } finally {
      await context.close();
    }
  });
}
