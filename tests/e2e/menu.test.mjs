// End-to-end: the "Share & download" menu of a figure (issue #16) follows the WAI-ARIA menu
// button pattern: one button per figure, a menu of the seven actions, keyboard and pointer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startNginx, launch, openPage, appReady, axe, clickAction } from './harness.mjs';

let server, browser;
before(async () => {
  server = await startNginx({ prefix: '/menu/' });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const FIGURE = 'figure.chart[data-chart="logistics.targets-1"]';
const focused = (page) => page.evaluate(() => document.activeElement?.getAttribute('data-action') ?? document.activeElement?.getAttribute('aria-haspopup'));

test('one Share & download button per figure opens a menu of the seven actions, by keyboard', async () => {
  const { context, page } = await openPage(browser, { acceptDownloads: true });
  await page.goto(server.url + '?view=area&id=logistics&lang=en');
  await appReady(page, `${FIGURE} .chart__plot[data-chart-ready] svg`);
  const figure = page.locator(FIGURE);
  const button = figure.locator('button[aria-haspopup=menu]');
  assert.equal(await button.count(), 1, 'one menu button per figure');
  const loose = await figure.evaluate((f) => [...f.querySelectorAll('.chart-actions button[data-action]')]
    .filter((b) => b.getAttribute('role') !== 'menuitem' && !b.closest('dialog')).length);
  assert.equal(loose, 0, 'no loose action buttons');
  assert.equal((await button.textContent()).trim(), 'Share & download▾');
  const menu = page.locator('#' + (await button.getAttribute('aria-controls')));
  assert.equal(await menu.getAttribute('role'), 'menu');
  assert.equal(await menu.getAttribute('aria-labelledby'), await button.getAttribute('id'));
  assert.deepEqual(
    await menu.locator('[role=menuitem]').evaluateAll((items) => items.map((i) => i.dataset.action)),
    ['svg', 'png', 'csv', 'json', 'link', 'embed', 'cite'],
  );
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  assert.equal(await menu.isVisible(), false, 'closed at first');

  await button.focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  assert.equal(await focused(page), 'svg', '↓ opens on the first item');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(page), 'png');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(page), 'cite', '↑ wraps to the last item');
  await page.keyboard.press('Home');
  assert.equal(await focused(page), 'svg');
  await page.keyboard.press('End');
  assert.equal(await focused(page), 'cite');
  assert.deepEqual(await axe(page), [], 'the open menu meets WCAG A/AA');
  await page.keyboard.press('Escape');
  assert.equal(await menu.isVisible(), false, 'Escape closes');
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  assert.equal(await focused(page), 'menu', 'Escape returns the focus to the button');

  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(page), 'cite', '↑ opens on the last item');
  await page.keyboard.press('Tab');
  assert.equal(await menu.isVisible(), false, 'Tab closes');

  // Enter on the button opens on the first item; Enter on an item runs it and closes the menu.
  await button.focus();
  await page.keyboard.press('Enter');
  assert.equal(await focused(page), 'svg');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(page), 'csv');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.equal(download.suggestedFilename(), 'gd-plus-logistics.targets-1.csv');
  assert.equal(await menu.isVisible(), false, 'choosing closes the menu');
  assert.equal(await focused(page), 'menu', 'and returns to the button');
  assert.match(await figure.locator('.chart-actions__status').textContent(), /Download started/);

  // Pointer: a click opens, a click elsewhere closes; clickAction runs an item.
  await button.click();
  assert.equal(await menu.isVisible(), true);
  await page.click('h1');
  assert.equal(await menu.isVisible(), false, 'a click outside closes');
  await clickAction(page, FIGURE, 'cite');
  assert.match(await figure.locator('[data-testid=citation]').textContent(), /Guangdong/);
  assert.equal(await menu.isVisible(), false);

  const ev = await page.evidence();
  assert.deepEqual(ev.csp, [], 'no CSP violations (no inline styles)');
  assert.deepEqual(ev.errors, []);
  await context.close();
});

test('two menus on a page are independent (dark scheme, axe with a menu open), and the embed view has none', async () => {
  const { context, page } = await openPage(browser, { colorScheme: 'dark' });
  await page.goto(server.url + '?view=area&id=logistics&lang=zh');
  await appReady(page, '.chart__plot[data-chart-ready] svg');
  const buttons = page.locator('button[aria-haspopup=menu]');
  assert.ok((await buttons.count()) >= 2, 'the area has at least two figures');
  const ids = await buttons.evaluateAll((b) => b.map((x) => x.getAttribute('aria-controls')));
  assert.equal(new Set(ids).size, ids.length, 'unique menu ids');
  assert.equal((await buttons.first().textContent()).trim(), '分享与下载▾');
  await buttons.nth(0).click();
  // The open menu can cover the next figure's button (compact charts): reach it by keyboard.
  await buttons.nth(1).focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator(`#${ids[0]}`).isVisible(), false, 'opening one closes the other (focus left it)');
  assert.equal(await page.locator(`#${ids[1]}`).isVisible(), true);
  assert.deepEqual(await axe(page), [], 'the open menu meets WCAG A/AA in the dark scheme');
  await page.goto(server.url + 'embed.html?view=embed&fig=area&id=logistics&n=1');
  await appReady(page, '.embed-view .chart__plot[data-chart-ready] svg');
  assert.equal(await page.locator('button[aria-haspopup=menu], [role=menu]').count(), 0);
  await context.close();
});
