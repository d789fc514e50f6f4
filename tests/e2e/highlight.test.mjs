// End-to-end: hovering or moving the keyboard focus over a drawn figure outlines the bar, cell or city
// in a small overlay SVG (src/view/highlight.rs) and never redraws the figure (issue #15: hover paints
// within one frame; redrawing the whole plotters SVG per hover took 20-86 ms at 4x CPU).
// For the target chart (app page and a pre-rendered area page after the take-over) and the heatmap:
// the figure's <svg> is the same node after several hovers and key presses (an expando survives), the
// outline sits on the drawn rect under it (± the outline's 2 or 1 px, within 3 px) and is hidden after
// mouseleave and Escape. For the map: the same node, and the outline encloses the hovered point.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startNginx, launch, openPage, appReady } from './harness.mjs';

let server, browser;
before(async () => {
  server = await startNginx({ prefix: '/hl/' });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Tags the figure's plotters <svg> so that a later `state` can tell whether it was replaced. */
async function tag(page, fig) {
  await page.$eval(`${fig} .chart__plot svg`, (svg) => { svg.__gdKept = true; });
}

/** The figure's state: is its <svg> the tagged node, the outline's box (null when hidden), and the
 * box of the drawn rect at the outline's centre (the overlay ignores the pointer, so
 * elementsFromPoint sees through it). */
async function state(page, fig) {
  return page.$eval(fig, (f) => {
    const svg = f.querySelector('.chart__plot svg');
    const paths = f.querySelectorAll('.chart__highlight path');
    const line = paths[paths.length - 1];
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, w: r.width, h: r.height };
    };
    const shown = line && line.getAttribute('d') && getComputedStyle(line).visibility === 'visible';
    const outline = shown ? box(line) : null;
    let under = null;
    if (outline) {
      const at = document.elementsFromPoint(outline.x + outline.w / 2, outline.y + outline.h / 2)
        .find((e) => e.tagName === 'rect' && svg.contains(e) && e.getAttribute('width') !== svg.getAttribute('width'));
      under = at ? box(at) : null;
    }
    return { kept: svg.__gdKept === true, overlays: f.querySelectorAll('.chart__highlight').length, outline, under };
  });
}

/** The outline is `rect` grown by `pad` on every side, within 3 px. */
function assertAround(outline, rect, pad, what) {
  assert.ok(outline, `${what}: an outline is shown`);
  assert.ok(rect, `${what}: a drawn rect is under the outline`);
  const want = { x: rect.x - pad, y: rect.y - pad, w: rect.w + 2 * pad, h: rect.h + 2 * pad };
  for (const k of ['x', 'y', 'w', 'h']) {
    assert.ok(Math.abs(outline[k] - want[k]) <= 3, `${what}: outline ${k} ${outline[k]} vs ${want[k]} (${JSON.stringify(outline)} / ${JSON.stringify(want)})`);
  }
}

/** Bars of the (first) target chart as drawn (18 px high rects, in layout order). */
async function bars(page, fig) {
  return page.$eval(fig, (f) => [...f.querySelectorAll('.chart__plot svg rect')]
    .filter((r) => r.getAttribute('height') === '18')
    .map((r) => { const b = r.getBoundingClientRect(); return { x: b.x, y: b.y, w: b.width, h: b.height }; }));
}

const centre = (r) => [r.x + r.w / 2, r.y + r.h / 2];

for (const [name, path, ready] of [
  ['the app\'s area page', '?view=area&id=finance', 'article.area .chart__plot[data-chart-ready] svg'],
  ['a pre-rendered area page after the take-over', 'area-manufacturing.html', '#app:not(.app-pending) main article .chart__plot[data-chart-ready] svg'],
]) {
  test(`target chart (${name}): hover and keys move an outline over the bar, the chart is never redrawn`, async () => {
    const { context, page } = await openPage(browser);
    try {
      await page.goto(server.url + path);
      await appReady(page, ready);
      const fig = '#app figure.chart:not(.map)';
      await page.$eval(fig, (f) => f.scrollIntoView({ block: 'start' }));
      await tag(page, fig);
      const drawn = await bars(page, fig);
      assert.ok(drawn.length >= 2, `at least two bars (${drawn.length})`);
      let s = await state(page, fig);
      assert.equal(s.overlays, 1, 'one overlay per chart');
      assert.equal(s.outline, null, 'no outline before a hover');

      for (const i of [0, 1, drawn.length - 1]) {
        await page.mouse.move(...centre(drawn[i]));
        await page.waitForFunction((f) => document.querySelector(`${f} .chart__tooltip`)?.textContent.trim(), fig);
        s = await state(page, fig);
        assert.ok(s.kept, `bar ${i}: the chart's svg is the same node`);
        assertAround(s.outline, drawn[i], 2, `hover bar ${i}`);
        assertAround(s.outline, s.under, 2, `hover bar ${i} (rect under the outline)`);
      }
      await page.mouse.move(1, 1);
      s = await state(page, fig);
      assert.equal(s.outline, null, 'mouseleave hides the outline');

      await page.focus(`${fig} .chart__plot`);
      assertAround((await state(page, fig)).outline, drawn[0], 2, 'focus: the first bar');
      await page.keyboard.press('ArrowDown');
      assertAround((await state(page, fig)).outline, drawn[1], 2, 'ArrowDown: the second bar');
      await page.keyboard.press('End');
      assertAround((await state(page, fig)).outline, drawn[drawn.length - 1], 2, 'End: the last bar');
      await page.keyboard.press('Escape');
      s = await state(page, fig);
      assert.equal(s.outline, null, 'Escape hides the outline');
      assert.ok(s.kept, 'after the keys: the chart\'s svg is the same node');
      assert.deepEqual((await page.evidence()).csp, [], 'no CSP violation');
    } finally {
      await context.close();
    }
  });
}

test('heatmap: hover and keys move an outline over the cell, the heatmap is never redrawn', async () => {
  const { context, page } = await openPage(browser);
  try {
    await page.goto(server.url + '?view=departments');
    const fig = '[data-chart="departments-heatmap"]';
    await appReady(page, `${fig} .chart__plot[data-chart-ready] svg`);
    await tag(page, fig);
    await page.focus(`${fig} .chart__plot`);
    let s = await state(page, fig);
    assertAround(s.outline, s.under, 1, 'focus: cell (0, 0)');
    const first = s.outline;
    await page.keyboard.press('ArrowRight');
    s = await state(page, fig);
    assertAround(s.outline, s.under, 1, 'ArrowRight: cell (0, 1)');
    assert.ok(s.outline.x > first.x + 5 && Math.abs(s.outline.y - first.y) < 1, 'ArrowRight moves one cell right');
    await page.keyboard.press('ArrowDown');
    s = await state(page, fig);
    assertAround(s.outline, s.under, 1, 'ArrowDown: cell (1, 1)');
    assert.ok(s.outline.y > first.y + 5, 'ArrowDown moves one row down');
    await page.keyboard.press('Escape');
    assert.equal((await state(page, fig)).outline, null, 'Escape hides the outline');

    // Hover two cells: the outline follows the pointer.
    for (const [dx, dy] of [[0, 0], [1, 2]]) {
      const [x, y] = [first.x + first.w * (dx + 0.5), first.y + first.h * (dy + 0.5)];
      await page.mouse.move(x, y);
      s = await state(page, fig);
      assertAround(s.outline, s.under, 1, `hover cell (${dy}, ${dx})`);
      assert.ok(s.outline.x < x && x < s.outline.x + s.outline.w && s.outline.y < y && y < s.outline.y + s.outline.h,
        `hover cell (${dy}, ${dx}): the outline is around the pointer`);
    }
    await page.mouse.move(1, 1);
    s = await state(page, fig);
    assert.equal(s.outline, null, 'mouseleave hides the outline');
    assert.ok(s.kept, 'the heatmap\'s svg is the same node');
  } finally {
    await context.close();
  }
});

test('map: hover and keys outline a city, the map is never redrawn', async () => {
  const { context, page } = await openPage(browser);
  try {
    await page.goto(server.url + '?view=map');
    const fig = 'figure.chart.map';
    await appReady(page, `${fig} .chart__plot[data-chart-ready] svg`);
    await tag(page, fig);
    // The pointer on a city's label is inside that city; the outline must enclose the point.
    const label = page.locator(`${fig} svg text`, { hasText: /^\s*深圳 \d+\s*$/ });
    const box = await label.boundingBox();
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.mouse.move(x, y);
    await page.waitForFunction((f) => document.querySelector(`${f} .chart__tooltip`)?.textContent.startsWith('深圳'), fig);
    const inside = () => page.$eval(fig, (f, [x, y]) => {
      const paths = [...f.querySelectorAll('.chart__highlight path')];
      const svg = f.querySelector('.chart__highlight');
      const r = svg.getBoundingClientRect();
      const vb = svg.viewBox.baseVal;
      const p = new DOMPoint((x - r.x) * vb.width / r.width, (y - r.y) * vb.height / r.height);
      return paths.map((l) => ({ d: l.getAttribute('d'), visible: getComputedStyle(l).visibility === 'visible', inside: l.isPointInFill(p) }));
    }, [x, y]);
    let lines = await inside();
    assert.ok(lines.length >= 1, 'an outline path');
    for (const l of lines) {
      assert.ok(l.visible && l.d, 'the outline is shown');
      assert.ok(l.inside, 'the outline encloses the hovered point');
    }
    const shenzhen = lines[0].d;
    await page.mouse.move(1, 1);
    assert.ok((await inside()).every((l) => !l.visible), 'mouseleave hides the outline');

    await page.focus(`${fig} .chart__plot`);
    await page.keyboard.press('ArrowRight');
    lines = await inside();
    assert.ok(lines.every((l) => l.visible && l.d && l.d !== shenzhen), 'ArrowRight outlines the first city');
    await page.keyboard.press('ArrowRight');
    const second = await inside();
    assert.ok(second.every((l) => l.visible && l.d !== lines[0].d), 'ArrowRight outlines the next city');
    await page.keyboard.press('Escape');
    assert.ok((await inside()).every((l) => !l.visible), 'Escape hides the outline');
    assert.ok(await page.$eval(`${fig} .chart__plot svg`, (s) => s.__gdKept === true), 'the map\'s svg is the same node');
  } finally {
    await context.close();
  }
});
