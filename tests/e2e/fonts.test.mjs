// End-to-end: chart text is legible as rendered (issue #16). At 320, 768 and 1280 px, zh and en,
// on an area page (its target charts and its map), the departments heatmap, the map and a city's
// locator map: every visible SVG <text> of a drawn figure is at least 12 CSS px — its computed
// font size times the SVG's scale on screen (getScreenCTM: a drawing shrunk by max-width: 100%
// shrinks its text), and its rendered box (getBoundingClientRect) is at least 12 px tall — and it
// lies inside its drawing horizontally (not clipped); the page does not scroll sideways.
// The native twin is tests/chart_fonts.rs (every figure, every width, from the SVG strings).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startNginx, launch, openPage, appReady, navigateInApp } from './harness.mjs';

let server, browser;
before(async () => {
  server = await startNginx({ prefix: '/fonts/' });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const MIN_PX = 12;
const VIEWS = [
  // name, query, ready when, fewest texts expected (the locator map: its city and the Dongsha caption)
  ['area', '?view=area&id=overall', 'article.area .chart__plot[data-chart-ready] svg', 20],
  ['departments', '?view=departments', '[data-chart="departments-heatmap"] .chart__plot[data-chart-ready] svg', 50],
  ['map', '?view=map', '.map .chart__plot[data-chart-ready] svg', 20],
  ['city', '?view=city&id=440300', '[data-testid=locator-map] [data-chart-ready] svg', 2],
];

/** Rendered size and extent of every visible text of every drawn figure in the page. */
function measure() {
  const out = { texts: [], overflow: null };
  const plots = document.querySelectorAll('.chart__plot svg, .locator__plot svg');
  for (const svg of plots) {
    const box = svg.getBoundingClientRect();
    if (box.width === 0) continue;
    const scale = svg.getScreenCTM()?.a ?? 1;
    for (const t of svg.querySelectorAll('text')) {
      const r = t.getBoundingClientRect();
      if (r.width === 0 || getComputedStyle(t).visibility === 'hidden' || !t.textContent.trim()) continue;
      out.texts.push({
        text: t.textContent.trim(),
        px: parseFloat(getComputedStyle(t).fontSize) * scale,
        height: r.height,
        left: r.left - box.left,
        right: r.right - box.right,
      });
    }
  }
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width) {
    out.overflow = `scrollWidth ${document.documentElement.scrollWidth} > ${width}`;
  }
  return out;
}

for (const lang of ['zh', 'en']) {
  for (const width of [320, 768, 1280]) {
    test(`${width} px (${lang}): chart, heatmap and map text is at least ${MIN_PX} px and inside its drawing`, async () => {
      const { context, page } = await openPage(browser, { viewport: { width, height: 900 } });
      try {
        const problems = [];
        let first = true;
        for (const [name, query, ready, fewest] of VIEWS) {
          if (first) await page.goto(server.url + query + `&lang=${lang}`);
          else await navigateInApp(page, query + `&lang=${lang}`);
          first = false;
          await appReady(page, ready);
          const { texts, overflow } = await page.evaluate(measure);
          assert.ok(texts.length >= fewest, `${name}: ${texts.length} texts measured`);
          if (overflow) problems.push(`${name}: ${overflow}`);
          for (const t of texts) {
            if (t.px < MIN_PX - 0.01) problems.push(`${name}: "${t.text}" is ${t.px.toFixed(2)} px`);
            if (t.height < MIN_PX) problems.push(`${name}: "${t.text}" renders ${t.height.toFixed(1)} px tall`);
            if (t.left < -1 || t.right > 1) problems.push(`${name}: "${t.text}" sticks out of its drawing (${t.left.toFixed(0)}, ${t.right.toFixed(0)})`);
          }
        }
        assert.deepEqual(problems.slice(0, 20), [], problems.join('\n'));
      } finally {
        await context.close();
      }
    });
  }
}
