// End-to-end: the single-figure Wasm (issue #15, src/bin/view.rs). area-*.html, indicator-*.html
// and embed.html load the smaller gd-plus-view bundle, never the full app's gd-plus-explorer one,
// and work: the chart is drawn and answers hover, the language switch, links between areas and
// indicators navigate in place (back and forward), the Share & download menu, the data table and
// a number's source. A link to a view this bundle does not have (the map, also the area's own map,
// which this bundle leaves out) loads the full app (index.html?…), which works. embed.html takes
// the full app for the map and the heatmap.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startNginx, launch, openPage, readJson, clickAction } from './harness.mjs';

const AREA = 'logistics';
const APP_CHART = '#app:not(.app-pending) main article .chart__plot[data-chart-ready] svg';
const FULL = /\/gd-plus-explorer-[0-9a-f]+(_bg\.wasm|\.js)$/;
const SLIM_WASM = /\/gd-plus-view-[0-9a-f]+_bg\.wasm$/;
const FULL_WASM = /\/gd-plus-explorer-[0-9a-f]+_bg\.wasm$/;

let server, browser;
before(async () => {
  server = await startNginx({ prefix: '/fig/' });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Every URL the page requests, in order (the service worker's own fetches are not the page's). */
function recordRequests(page) {
  const urls = [];
  page.on('request', (r) => urls.push(new URL(r.url()).pathname));
  return urls;
}

/** Hovers the first bar of the first drawn chart under `root` and returns the tooltip's text. */
async function hoverTooltip(page, root) {
  const point = await page.evaluate((root) => {
    const bar = [...document.querySelector(root).querySelectorAll('.chart__plot svg rect')]
      .find((r) => r.getAttribute('height') === '18' && r.getBoundingClientRect().width > 0);
    const r = bar.getBoundingClientRect();
    return { x: r.left + Math.min(r.width / 2, 40), y: r.top + r.height / 2 };
  }, root);
  await page.mouse.move(point.x, point.y);
  await page.waitForFunction((root) => document.querySelector(`${root} .chart__tooltip`)?.textContent.trim(), root);
  return (await page.textContent(`${root} .chart__tooltip`)).trim();
}

test('an area page runs on the single-figure Wasm: chart, hover, menu, table, source, language, in-place links, back', async () => {
  const { context, page } = await openPage(browser);
  try {
    const urls = recordRequests(page);
    await page.goto(server.url + `area-${AREA}.html`);
    await page.waitForSelector(APP_CHART);
    assert.ok(urls.some((u) => SLIM_WASM.test(u)), `the single-figure Wasm is loaded: ${urls.join(' ')}`);
    assert.deepEqual(urls.filter((u) => FULL.test(u)), [], 'nothing of the full app is requested');

    const area = readJson('areas.json').areas.find((a) => a.slug === AREA);
    assert.equal((await page.textContent('#app article.area h1')).trim(), area.name.zh);
    assert.ok(await hoverTooltip(page, '#app figure.chart'), 'the app answers hover with a tooltip');
    // The data table and a number's source sentence.
    assert.ok(await page.locator('#app figure.chart table.data-table tr').count() > 1, 'a data table');
    const value = page.locator('#app .provenance__value').first();
    await value.click();
    assert.equal(await value.getAttribute('aria-expanded'), 'true');
    // The Share & download menu: Cite gives a citation naming the page.
    await clickAction(page, '#app figure.chart', 'cite');
    await page.waitForSelector('#app figure.chart [data-testid=citation]');

    // Links between areas and indicators navigate in place: same document, history entries.
    await page.evaluate(() => { window.__sameDocument = true; });
    const indicatorLink = page.locator('#app .indicator__name').first();
    const indicatorId = await indicatorLink.evaluate((a) => a.closest('[data-indicator]').dataset.indicator);
    await indicatorLink.click();
    await page.waitForSelector(`article.indicator-page[data-indicator="${indicatorId}"] .chart__plot[data-chart-ready] svg`);
    assert.match(page.url(), /area-logistics\.html\?view=indicator&id=/);
    await page.goBack();
    await page.waitForSelector('#app article.area .chart__plot[data-chart-ready] svg');
    await page.goForward();
    await page.waitForSelector(`article.indicator-page[data-indicator="${indicatorId}"]`);
    await page.goBack();
    await page.waitForSelector('#app article.area h1');
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no page load between area and indicator');

    // The language switch.
    await page.click('.lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal((await page.textContent('#app article.area h1')).trim(), area.name.en);
    assert.match(page.url(), /lang=en/);
    assert.deepEqual(urls.filter((u) => FULL.test(u)), [], 'still nothing of the full app');
    assert.deepEqual(await page.evaluate(() => window.__csp), []);

    // The map is not in this bundle: the area's map section links its layer of the map in the
    // full app (its boundaries file is not fetched here), and so does the header's Map.
    const areaMap = page.locator('#app section[aria-labelledby=map-h] a');
    assert.equal(await areaMap.getAttribute('href'), `index.html?view=map&layer=tasks&area=${AREA}&lang=en`);
    assert.deepEqual(urls.filter((u) => u.includes('/data/geo/')), [], 'no map boundaries fetched');
    const mapLink = page.locator('.site-nav a[href*="view=map"]');
    assert.match(await mapLink.getAttribute('href'), /^index\.html\?view=map&lang=en$/);
    await mapLink.click();
    await page.waitForURL(/\/fig\/index\.html\?view=map&lang=en$/);
    await page.waitForSelector('.map .chart__plot[data-chart-ready] svg');
    assert.ok(urls.some((u) => FULL_WASM.test(u)), 'the full app is loaded for the map');
    assert.equal(await page.evaluate(() => window.__sameDocument), undefined, 'a page load');
    const errors = (await page.evidence()).errors;
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('an area page opened on a view its Wasm does not have becomes that page of the full app', async () => {
  const { context, page } = await openPage(browser);
  try {
    await page.goto(server.url + `area-${AREA}.html?view=map&layer=regions&lang=en`);
    await page.waitForURL(/\/fig\/index\.html\?view=map&layer=regions&lang=en$/);
    await page.waitForSelector('.map .chart__plot[data-chart-ready] svg');
  } finally {
    await context.close();
  }
});

test('embed.html draws an area chart with the single-figure Wasm, the heatmap with the full one', async () => {
  const { context, page } = await openPage(browser, { viewport: { width: 640, height: 800 } });
  try {
    const urls = recordRequests(page);
    await page.goto(server.url + `embed.html?view=embed&fig=area&id=${AREA}&n=1&lang=zh`);
    await page.waitForSelector('.embed-view .chart__plot[data-chart-ready] svg');
    assert.ok(await hoverTooltip(page, '.embed-view figure.chart'), 'hover answers');
    assert.ok(urls.some((u) => SLIM_WASM.test(u)), `the single-figure Wasm: ${urls.join(' ')}`);
    assert.deepEqual(urls.filter((u) => FULL.test(u)), [], 'nothing of the full app');
    // Served as the full app's bundle is (deploy/nginx.conf): immutable, readable cross-origin.
    const wasm = await fetch(new URL(urls.find((u) => SLIM_WASM.test(u)), server.url));
    assert.equal(wasm.headers.get('content-type'), 'application/wasm');
    assert.match(wasm.headers.get('cache-control'), /immutable/);
    assert.equal(wasm.headers.get('access-control-allow-origin'), '*');

    urls.length = 0;
    await page.goto(server.url + 'embed.html?view=embed&fig=heatmap&lang=zh');
    await page.waitForSelector('.embed-view .chart__plot[data-chart-ready] svg');
    assert.ok(urls.some((u) => FULL_WASM.test(u)), `the heatmap takes the full app: ${urls.join(' ')}`);
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
  } finally {
    await context.close();
  }
});
