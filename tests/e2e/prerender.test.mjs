// End-to-end: the pre-rendered first view of an area or indicator page (issue #9: visible and
// interactive before the Wasm arrives). area-<slug>.html (and indicator-<id>.html) carries the app's
// page above its first chart and that chart,
// drawn at build time (src/static_render/prerender.rs), with CSS tooltips; the app mounts hidden
// behind it and takes its place (src/view/prerender.rs). Checked here:
// (a) without JavaScript: the chart, the variant for the screen (wide/narrow, light/dark), a tooltip
//     on hover with the app's own words, the CSV link, no CSP violation;
// (b) with the Wasm held back: the same and no axe violation; then the app takes over — the chart, its title and its
//     first bar stay where they were (±1 px), no layout shift is recorded, the pre-rendered view
//     is gone, the app's tooltip at the same point says the same, under the strict CSP;
// (c) a query (another language) lets the app take over at once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startNginx, launch, openPage, axe, readJson, clickAction, recordLayoutShifts, layoutShift } from './harness.mjs';

const AREA = 'manufacturing';
const PAGE = `area-${AREA}.html`;
const APP_CHART = '#app:not(.app-pending) main article .chart__plot[data-chart-ready] svg';
// An indicator's page is pre-rendered the same way (its area link, name, note and chart).
const INDICATOR = readJson(`areas/${AREA}.json`).indicators.find((i) => i.targets.length && i.note) ??
  readJson(`areas/${AREA}.json`).indicators.find((i) => i.targets.length);

let server, browser;
before(async () => {
  server = await startNginx({ prefix: '/pre/' });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** The first bar's tooltip as the app words it (chart::target_bars::tooltip), from data/: the
 * area's first indicator with targets, or the given indicator. */
function firstTooltip(indicator) {
  const area = readJson(`areas/${AREA}.json`);
  const first = indicator ?? area.indicators.find((i) => i.targets.length);
  const t = first.targets[0];
  return { name: first.name.zh, year: String(t.year) };
}

/** Boxes of what must not move: the plot, its caption, the first drawn bar, the page title. */
async function boxes(page, root) {
  return page.evaluate((root) => {
    const scope = document.querySelector(root);
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return { x: Math.round(r.x), y: Math.round(r.y + scrollY), w: Math.round(r.width), h: Math.round(r.height) };
    };
    const bar = [...scope.querySelectorAll('.chart__plot svg rect')]
      .find((r) => r.getAttribute('height') === '18' && r.getBoundingClientRect().width > 0);
    return {
      h1: box(scope.querySelector('main article h1')),
      caption: box(scope.querySelector('figure.chart .chart__title')),
      plot: box([...scope.querySelectorAll('figure.chart .chart__plot svg')].find((s) => s.getBoundingClientRect().width > 0)),
      bar: bar && box(bar),
    };
  }, root);
}

/** Hovers the middle of the first bar's left part; returns the point. */
async function hoverFirstBar(page, root) {
  const point = await page.evaluate((root) => {
    const bar = [...document.querySelector(root).querySelectorAll('.chart__plot svg rect')]
      .find((r) => r.getAttribute('height') === '18' && r.getBoundingClientRect().width > 0);
    const r = bar.getBoundingClientRect();
    return { x: r.left + Math.min(r.width / 2, 40), y: r.top + r.height / 2 };
  }, root);
  await page.mouse.move(point.x, point.y);
  return point;
}

const shownTip = (page) =>
  page.evaluate(() => [...document.querySelectorAll('.prechart__tip')]
    .filter((t) => getComputedStyle(t).visibility === 'visible' && t.getBoundingClientRect().width > 0)
    .map((t) => t.textContent));

for (const { name, viewport, colorScheme, variant, path = PAGE } of [
  { name: 'desktop, light', viewport: { width: 1024, height: 800 }, colorScheme: 'light', variant: 'is-wide.is-light' },
  { name: 'phone, dark', viewport: { width: 375, height: 740 }, colorScheme: 'dark', variant: 'is-narrow.is-dark' },
  { name: 'indicator page, desktop', viewport: { width: 1024, height: 800 }, colorScheme: 'light', variant: 'is-wide.is-light', path: `indicator-${INDICATOR.id}.html` },
]) {
  test(`without JavaScript the page shows its first chart with tooltips (${name})`, async () => {
    const { context, page } = await openPage(browser, { javaScriptEnabled: false, viewport, colorScheme });
    try {
      await page.goto(server.url + path);
      const shown = await page.evaluate(() => [...document.querySelectorAll('.prechart__pic')]
        .filter((s) => getComputedStyle(s).display !== 'none').map((s) => s.getAttribute('class')));
      assert.deepEqual(shown, [`prechart__pic ${variant.replace('.', ' ')}`], 'exactly one variant is shown');
      assert.deepEqual(await shownTip(page), [], 'no tooltip before a hover');
      await hoverFirstBar(page, '#prerender');
      const tips = await shownTip(page);
      const want = firstTooltip(path === PAGE ? null : INDICATOR);
      assert.equal(tips.length, 1, JSON.stringify(tips));
      assert.ok(tips[0].startsWith(`${want.name} · ${want.year} `), tips[0]);
      assert.ok(await page.locator('a[href$=".csv"]').first().isVisible(), 'a link to the CSV (no-script text)');
      const label = await page.getAttribute('#prerender .chart__plot', 'aria-label');
      assert.ok(label.includes(want.name), 'the drawing has an accessible name with its summary');
      assert.deepEqual((await page.evidence()).csp, []);
    } finally {
      await context.close();
    }
  });

  test(`the app takes the pre-rendered view's place without moving the chart (${name})`, async () => {
    // First the page as it is before the Wasm arrives (Wasm requests held back).
    const held = await openPage(browser, { viewport, colorScheme });
    let before;
    try {
      await held.page.route('**/*.wasm', (route) => route.abort());
      await held.page.goto(server.url + path);
      await held.page.waitForSelector('#prerender .chart__plot[data-prerendered]');
      before = await boxes(held.page, '#prerender');
      // axe needs script (it cannot run with JavaScript off): the page as it is before the Wasm.
      assert.deepEqual(await axe(held.page), [], 'the pre-rendered view passes axe');
      await hoverFirstBar(held.page, '#prerender');
      before.tip = (await shownTip(held.page))[0];
      assert.ok(before.tip, 'a pre-rendered tooltip shows with the Wasm held back');
    } finally {
      await held.context.close();
    }
    // Then the whole load, recording layout shifts from the first paint on.
    const { context, page } = await openPage(browser, { viewport, colorScheme });
    try {
      await recordLayoutShifts(context);
      await page.goto(server.url + path);
      await page.waitForSelector(APP_CHART, { timeout: 20000 });
      assert.equal(await page.$('#prerender'), null, 'the pre-rendered view is gone');
      assert.equal(await page.$('.app-pending'), null, 'the app is shown');
      const after = await boxes(page, '#app');
      for (const key of ['h1', 'caption', 'plot', 'bar']) {
        for (const k of ['x', 'y', 'w', 'h']) {
          assert.ok(Math.abs(after[key][k] - before[key][k]) <= 1, `${key}.${k}: ${JSON.stringify(before[key])} → ${JSON.stringify(after[key])}`);
        }
      }
      const shift = await layoutShift(page);
      assert.ok(shift < 0.01, `layout shift ${shift}`);
      // The app's tooltip at the same point says what the pre-rendered one said.
      await hoverFirstBar(page, '#app');
      await page.waitForFunction(() => document.querySelector('#app .chart__tooltip')?.textContent.trim());
      assert.equal((await page.textContent('#app .chart__tooltip')).trim(), before.tip);
      const ev = await page.evidence();
      assert.deepEqual(ev.csp, []);
      assert.deepEqual(ev.errors.filter((e) => !e.includes('favicon')), []);
    } finally {
      await context.close();
    }
  });
}

test('with a query the app takes over at once (another language than the pre-rendered one)', async () => {
  const { context, page } = await openPage(browser);
  try {
    // What the pre-rendered language link opens (a query replaces the page's own route).
    const href = await (async () => {
      const { context: c, page: p } = await openPage(browser, { javaScriptEnabled: false });
      try {
        await p.goto(server.url + PAGE);
        return await p.getAttribute('#prerender a.lang-switch', 'href');
      } finally {
        await c.close();
      }
    })();
    assert.equal(href, `index.html?view=area&id=${AREA}&lang=en`);
    await page.goto(server.url + PAGE + `?view=area&id=${AREA}&lang=en`);
    await page.waitForSelector(APP_CHART, { timeout: 20000 });
    assert.equal(await page.$('#prerender'), null);
    const area = readJson('areas.json').areas.find((a) => a.slug === AREA);
    assert.equal((await page.textContent('#app article.area h1')).trim(), area.name.en);
  } finally {
    await context.close();
  }
});

test('"Copy link" and "Cite" on an area or indicator give its own page, which opens that view', async () => {
  const { context, page } = await openPage(browser);
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    const copied = async (chart) => {
      await clickAction(page, chart, 'link');
      await page.waitForFunction((c) => document.querySelector(`${c} .chart-actions__status`)?.textContent.includes('http'), chart);
      return page.evaluate(() => navigator.clipboard.readText());
    };
    // From the query address of index.html, as in-app links open it.
    await page.goto(server.url + `?view=area&id=${AREA}`);
    const chart = `figure.chart[data-chart="${AREA}.targets-1"]`;
    await page.waitForSelector(`${chart} .chart__plot[data-chart-ready] svg`);
    assert.equal(await copied(chart), server.url + PAGE);
    // The citation is made on click, once meta.json is in (until then it says "loading").
    let citation = '';
    for (let i = 0; i < 25 && !citation.includes('http'); i++) {
      await clickAction(page, chart, 'cite');
      citation = (await page.textContent(`${chart} [data-testid=citation]`)) ?? '';
      if (!citation.includes('http')) {
        await clickAction(page, chart, 'cite');
        await page.waitForTimeout(200);
      }
    }
    assert.ok(citation.includes(server.url + PAGE), `the citation names the page: ${citation}`);
    // In English the link carries the view and the language (the page is pre-rendered in Chinese).
    await page.click('.lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const en = await copied(chart);
    assert.equal(en, server.url + `${PAGE}?view=area&id=${AREA}&lang=en`);
    await page.goto(en);
    await page.waitForSelector(APP_CHART);
    const area = readJson('areas.json').areas.find((a) => a.slug === AREA);
    assert.equal((await page.textContent('#app article.area h1')).trim(), area.name.en);
    // An indicator's chart links its indicator page.
    await page.goto(server.url + `?view=indicator&id=${INDICATOR.id}&lang=zh`);
    const indChart = 'article.indicator-page figure.chart';
    await page.waitForSelector(`${indChart} .chart__plot[data-chart-ready] svg`);
    const link = await copied(indChart);
    assert.equal(link, server.url + `indicator-${INDICATOR.id}.html`);
    await page.goto(link);
    await page.waitForSelector(`#app:not(.app-pending) article.indicator-page[data-indicator="${INDICATOR.id}"] .chart__plot[data-chart-ready] svg`);
  } finally {
    await context.close();
  }
});

test('a link focused in the pre-rendered view keeps the focus when the app takes over', async () => {
  const { context, page } = await openPage(browser);
  try {
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
    await page.goto(server.url + PAGE);
    await page.waitForSelector('#prerender .site-nav a');
    const text = (await page.textContent('#prerender .site-nav li:nth-child(2) a')).trim();
    await page.focus('#prerender .site-nav li:nth-child(2) a');
    release();
    await page.waitForSelector(APP_CHART, { timeout: 20000 });
    const focused = await page.evaluate(() => ({
      text: document.activeElement?.textContent.trim(),
      inApp: Boolean(document.activeElement?.closest('#app')),
    }));
    assert.deepEqual(focused, { text, inApp: true });
  } finally {
    await context.close();
  }
});
