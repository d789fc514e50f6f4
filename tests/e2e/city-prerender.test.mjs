// End-to-end: a city's own page, city-<adcode>.html (issue #15): it opens with the app's city page
// drawn at build time down to the locator map (src/static_render/prerender.rs: city_view), so a
// shared city link paints at once; the app mounts hidden behind it and takes its place once its
// own locator map is drawn (src/view/prerender.rs). Checked:
// (a) without JavaScript: the city's name, breadcrumb, lead, the locator map in the variant for the
//     screen (wide/narrow, light/dark) and its sentence, the page's own title, no CSP violation;
// (b) with the Wasm held back the page passes axe; then the take-over moves nothing at 375 and
//     1280 px: heading, breadcrumb, map, its sentence and the lead stay where they were (±1 px),
//     no layout shift is recorded, and the app's map is the pre-rendered one's size;
// (c) a query (another language) lets the app take over at once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startNginx, launch, openPage, axe, readJson, recordLayoutShifts, layoutShift } from './harness.mjs';

const { cities, regions } = readJson('cities.json');
const CITY = cities.find((c) => c.adcode === '440100');
const REGION = regions.find((r) => r.id === CITY.region);
const PAGE = `city-${CITY.adcode}.html`;
const APP_MAP = '#app:not(.app-pending) main .locator__plot[data-chart-ready] svg';

let server, browser;
before(async () => {
  server = await startNginx({ prefix: '/city/' });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** What the reader sees of the city page in `root` (only what is on screen). */
function read(page, root) {
  return page.evaluate((root) => {
    const scope = document.querySelector(root);
    const shown = (e) => e && e.getBoundingClientRect().height > 0 && getComputedStyle(e).visibility === 'visible';
    const text = (sel) => { const e = scope.querySelector(sel); return shown(e) ? e.textContent.trim() : null; };
    return {
      h1: text('main article.city h1'),
      breadcrumb: text('main .breadcrumb a'),
      lead: text('main .city__intro .lead'),
      sentence: text('main .locator__text'),
      pictures: [...scope.querySelectorAll('main .locator__plot svg')].filter(shown).map((s) => s.getAttribute('class')),
    };
  }, root);
}

/** Boxes (page coordinates) of what must not move when the app takes over. */
function boxes(page, root) {
  return page.evaluate((root) => {
    const scope = document.querySelector(root);
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return [Math.round(r.x), Math.round(r.y + scrollY), Math.round(r.width), Math.round(r.height)];
    };
    const map = [...scope.querySelectorAll('main .locator__plot svg')].find((s) => s.getBoundingClientRect().height > 0);
    return {
      'site-header': box(scope.querySelector('header.site-header')),
      breadcrumb: box(scope.querySelector('main .breadcrumb')),
      h1: box(scope.querySelector('main article.city h1')),
      map: map ? box(map) : null,
      sentence: box(scope.querySelector('main .locator__text')),
      lead: box(scope.querySelector('main .city__intro .lead')),
    };
  }, root);
}

for (const { name, viewport, colorScheme, variant } of [
  { name: 'phone, dark', viewport: { width: 375, height: 740 }, colorScheme: 'dark', variant: 'is-narrow is-dark' },
  { name: 'desktop, light', viewport: { width: 1280, height: 900 }, colorScheme: 'light', variant: 'is-wide is-light' },
]) {
  test(`without JavaScript a city page shows its name, lead and locator map (${name})`, async () => {
    const { context, page } = await openPage(browser, { javaScriptEnabled: false, viewport, colorScheme });
    try {
      await page.goto(server.url + PAGE);
      assert.equal(await page.title(), `${CITY.name.zh} · 广东省“互联网+”行动计划数据浏览器`);
      assert.equal(await page.getAttribute('meta[name=gd-route]', 'content'), `view=city&id=${CITY.adcode}`);
      const seen = await read(page, '#prerender');
      assert.deepEqual(seen, {
        h1: CITY.name.zh,
        breadcrumb: '地图',
        lead: `区域：${REGION.name.zh} · GB/T 2260 ${CITY.adcode}`,
        sentence: `${CITY.name.zh}位于广东省${REGION.name.zh}。`,
        pictures: [`prelocator__pic ${variant}`],
      });
      const label = await page.getAttribute('#prerender .locator__plot', 'aria-label');
      assert.equal(label, `位置: ${seen.sentence}`, 'the map has the app\'s accessible name');
      assert.deepEqual((await page.evidence()).csp, []);
    } finally {
      await context.close();
    }
  });
}

// 广州 has the most tasks; 梅州 none (a short page: the footer would be on screen). The app takes
// over when its locator map is drawn; the tasks come after it from the 13 area files, and the
// footer waits for them (style.css) so that they push nothing down.
for (const [city, viewport] of [
  [CITY, { width: 375, height: 740 }],
  [CITY, { width: 1280, height: 900 }],
  [cities.find((c) => c.adcode === '441400'), { width: 1280, height: 900 }],
]) {
  const PAGE = `city-${city.adcode}.html`;
  test(`the app takes the pre-rendered city page's place without moving anything (${city.adcode}, ${viewport.width} px)`, async () => {
    const held = await openPage(browser, { viewport });
    let before;
    try {
      await held.page.route('**/*.wasm', (route) => route.abort());
      await held.page.goto(server.url + PAGE);
      await held.page.waitForSelector('#prerender .locator__plot[data-prerendered]');
      before = await boxes(held.page, '#prerender');
      assert.ok(before.map && before.map[3] > 100, `the map is drawn: ${before.map}`);
      assert.deepEqual(await axe(held.page), [], 'the pre-rendered city page passes axe');
    } finally {
      await held.context.close();
    }
    const { context, page } = await openPage(browser, { viewport });
    try {
      await recordLayoutShifts(context);
      await page.goto(server.url + PAGE);
      await page.waitForSelector(APP_MAP, { timeout: 20000 });
      assert.equal(await page.$('#prerender'), null, 'the pre-rendered view is gone');
      await page.waitForSelector('#app main .city__summary', { timeout: 20000 });
      await page.waitForSelector('#app footer.site-footer', { state: 'visible' });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const after = await boxes(page, '#app');
      for (const [part, box] of Object.entries(before)) {
        assert.ok(box.every((v, i) => Math.abs(v - after[part][i]) <= 1), `${part}: ${box} → ${after[part]}`);
      }
      assert.equal((await read(page, '#app')).h1, city.name.zh);
      const shift = await layoutShift(page);
      assert.equal(shift, 0, 'cumulative layout shift');
      const ev = await page.evidence();
      assert.deepEqual(ev.csp, []);
      assert.deepEqual(ev.errors, []);
    } finally {
      await context.close();
    }
  });
}

test('with a query in another language the app takes over at once', async () => {
  const { context, page } = await openPage(browser);
  try {
    await page.goto(`${server.url}${PAGE}?view=city&id=${CITY.adcode}&lang=en`);
    await page.waitForSelector(APP_MAP, { timeout: 20000 });
    assert.equal(await page.$('#prerender'), null);
    assert.equal((await page.textContent('#main article.city h1')).trim(), CITY.name.en);
  } finally {
    await context.close();
  }
});
