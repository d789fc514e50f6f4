// End-to-end: layout at phone width (issue #16): no horizontal overflow at 320 px — with the
// Share & download menu open, the Embed and Cite panels open, a number's source panel and a data
// table open and the map's city panel open —
// and every interactive element at least 24 × 24 CSS px (WCAG 2.2 2.5.8; links inside a
// sentence are the criterion's inline exception), in every main view, zh and en.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startNginx, launch, openPage, appReady, navigateInApp, clickAction } from './harness.mjs';

let server, browser;
before(async () => {
  server = await startNginx({ prefix: '/layout/' });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const VIEWS = [
  ['home', '', '[data-testid=glance-counts] li'],
  ['area', '?view=area&id=finance', 'article.area .chart__plot[data-chart-ready] svg'],
  ['indicator', '?view=indicator&id=overall.online-shopping-penetration', '.chart__plot[data-chart-ready] svg'],
  ['departments', '?view=departments', '[data-chart="departments-heatmap"] .chart__plot[data-chart-ready] svg'],
  ['department', '?view=department&id=commerce', 'article.department article.task'],
  ['map', '?view=map', '.map .chart__plot[data-chart-ready] svg'],
  ['city', '?view=city&id=440100', 'article.city:has([data-testid=locator-map] [data-chart-ready] svg) .city__summary'],
  ['plan', '?view=plan', '.plan-text p'],
  ['search', '?view=search&q=%E6%B7%B1%E5%9C%B3', '[data-testid=search-results] li'],
  ['about', '?view=about', 'dl.meta'],
];

/** What sticks out of the viewport horizontally (the page scrolls sideways), with the culprits. */
function overflow() {
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= width) return null;
  const wide = [...document.querySelectorAll('body *')]
    .filter((e) => e.getBoundingClientRect().right > width + 1 && !e.closest('.table-scroll'))
    .slice(0, 5)
    .map((e) => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)} px)`);
  return `scrollWidth ${document.documentElement.scrollWidth} > ${width}: ${wide.join(', ')}`;
}

/** Interactive elements smaller than 24 × 24 CSS px (visible ones; inline links in a sentence excepted). */
function smallTargets() {
  const out = [];
  for (const el of document.querySelectorAll('a[href], button, select, input, textarea, summary, [tabindex="0"]')) {
    const r = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    if (r.width <= 1 || r.height <= 1 || cs.visibility === 'hidden' || r.right <= 0 || r.bottom <= 0) continue;
    if (el.closest('[hidden], dialog:not([open])')) continue;
    if (el.tagName === 'A' && cs.display === 'inline') {
      const own = el.textContent.trim().length;
      const around = el.parentElement.textContent.trim().length;
      if (around > own + 2) continue; // a link inside a sentence: WCAG 2.5.8's inline exception
    }
    if (r.width < 24 || r.height < 24) {
      out.push(`${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''} "${el.textContent.trim().slice(0, 20)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
  }
  return [...new Set(out)];
}

for (const lang of ['zh', 'en']) {
  test(`320 px (${lang}): no view overflows, every target is at least 24 × 24 px`, async () => {
    const { context, page } = await openPage(browser, { viewport: { width: 320, height: 640 } });
    const problems = [];
    await page.goto(server.url + `?lang=${lang}`);
    await appReady(page, VIEWS[0][2]);
    for (const [name, query, ready] of VIEWS) {
      if (query) await navigateInApp(page, query + `&lang=${lang}`);
      await page.waitForSelector(ready, { timeout: 20000 });
      await page.waitForTimeout(100);
      const o = await page.evaluate(overflow);
      if (o) problems.push(`${name}: ${o}`);
      for (const t of await page.evaluate(smallTargets)) problems.push(`${name}: small target ${t}`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`320 px (${lang}): the menu, the Embed dialog, the citation, a source panel, a data table and the map's city panel fit`, async () => {
    const { context, page } = await openPage(browser, { viewport: { width: 320, height: 640 } });
    const problems = [];
    const check = async (what) => {
      const o = await page.evaluate(overflow);
      if (o) problems.push(`${what}: ${o}`);
      for (const t of await page.evaluate(smallTargets)) problems.push(`${what}: small target ${t}`);
    };
    await page.goto(server.url + `?view=area&id=finance&lang=${lang}`);
    const fig = 'figure.chart[data-chart="finance.targets-1"]';
    await appReady(page, `${fig} .chart__plot[data-chart-ready] svg`);
    await page.click(`${fig} button[aria-haspopup=menu]`);
    await page.waitForSelector(`${fig} [role=menu]:not([hidden])`);
    const menu = await page.locator(`${fig} [role=menu]`).boundingBox();
    if (menu.x < 0 || menu.x + menu.width > 320) problems.push(`menu from ${menu.x} to ${menu.x + menu.width}`);
    await check('menu open');
    await page.keyboard.press('Escape');
    await clickAction(page, fig, 'cite');
    await page.waitForSelector(`${fig} [data-testid=citation]`);
    await check('citation shown');
    await clickAction(page, fig, 'embed');
    const dialog = page.locator(`${fig} dialog[open]`);
    await dialog.waitFor();
    const box = await dialog.boundingBox();
    if (box.x < 0 || box.x + box.width > 320) problems.push(`embed dialog from ${box.x} to ${box.x + box.width}`);
    const inner = await dialog.evaluate((d) => d.scrollWidth - d.clientWidth);
    if (inner > 0) problems.push(`embed dialog scrolls sideways by ${inner} px`);
    await check('embed dialog open');
    await page.keyboard.press('Escape');
    // A number's source panel (the plan's sentence in its paragraph) and a chart's data table.
    await page.click(`${fig} .provenance__value, article.area .provenance__value`);
    await page.waitForSelector('.provenance__panel');
    await check('source panel open');
    await page.click(`${fig} details.chart__table > summary`);
    await page.waitForSelector(`${fig} details.chart__table[open] table`);
    await check('data table open');
    await navigateInApp(page, `?view=map&lang=${lang}`);
    await page.waitForSelector('.map .chart__plot[data-chart-ready] svg');
    await page.focus('.map .chart__plot');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.city-selection article.task, .city-selection .programmes li');
    await check('map city panel open');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('on a touch phone, taps work: a bar shows its tooltip, the menu button opens the menu, a city opens its panel', async () => {
  // A phone: touch events, the page's viewport meta, no hover. Taps are touch events; the browser
  // makes the compatibility mouse events from them, as on a real phone.
  const { context, page } = await openPage(browser, { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  try {
    assert.equal(await page.evaluate(() => matchMedia('(hover: none)').matches || navigator.maxTouchPoints > 0), true);
    await page.goto(server.url + '?view=area&id=finance');
    const fig = 'figure.chart[data-chart="finance.targets-1"]';
    await appReady(page, `${fig} .chart__plot[data-chart-ready] svg`);
    const bars = page.locator(`${fig} .chart__plot svg rect[height="18"]`);
    assert.ok((await bars.count()) >= 2, 'at least two bars');
    const tip = () => page.textContent(`${fig} .chart__tooltip`).then((t) => t.trim());
    const tipAfterTap = async (bar) => {
      const before = await tip();
      await bar.scrollIntoViewIfNeeded();
      const box = await bar.boundingBox();
      await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
      await page.waitForFunction(([sel, before]) => {
        const t = document.querySelector(sel).textContent.trim();
        return t && t !== before;
      }, [`${fig} .chart__tooltip`, before]);
      return tip();
    };
    const first = await tipAfterTap(bars.first());
    const last = await tipAfterTap(bars.last());
    assert.match(first, /20(17|20)/, first);
    assert.match(last, /20(17|20)/, last);
    assert.notEqual(first, last, 'each tapped bar shows its own tooltip');

    await page.locator(`${fig} button[aria-haspopup=menu]`).tap();
    await page.waitForSelector(`${fig} [role=menu]:not([hidden])`);
    assert.equal(await page.getAttribute(`${fig} button[aria-haspopup=menu]`, 'aria-expanded'), 'true');
    await page.locator(`${fig} [role=menu] [data-action=cite]`).tap();
    await page.waitForSelector(`${fig} [data-testid=citation]`);

    await navigateInApp(page, '?view=map');
    await page.waitForSelector('.map .chart__plot[data-chart-ready] svg');
    await page.locator('.map svg text', { hasText: /^\s*深圳 \d+\s*$/ }).tap();
    await page.waitForSelector('.city-selection[data-selected="440300"]');
    assert.deepEqual((await page.evidence()).errors, []);
  } finally {
    await context.close();
  }
});
