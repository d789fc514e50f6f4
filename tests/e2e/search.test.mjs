// End-to-end: search finds areas, targets, tasks, departments and cities as you type, zh and en.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startNginx, launch, openPage, appReady, readJson, DATA } from './harness.mjs';

/** Ids of the indicators (all areas) whose Chinese name contains `text`. */
function indicatorsNamed(text) {
  return readdirSync(join(DATA, 'areas'))
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => readJson(`areas/${f}`).indicators ?? [])
    .filter((i) => i.name.zh.includes(text))
    .map((i) => i.id);
}

let server, browser;
before(async () => {
  server = await startNginx({ prefix: '/s/' });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function results(page) {
  return page.$$eval('[data-testid=search-results] li[data-kind]', (l) => l.map((x) => `${x.dataset.kind}:${x.dataset.id}`));
}

test('typing finds 深圳, 电子商务 and "e-commerce", and the URL keeps the query', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(server.url + '?view=search');
  await appReady(page, '#search-box');
  await page.fill('#search-box', '深圳');
  await page.waitForSelector('[data-testid=search-results] li[data-kind]');
  let r = await results(page);
  assert.equal(r[0], 'City:440300');
  assert.ok(r.some((x) => x.startsWith('Task:')), 'tasks naming 深圳');
  assert.equal(new URL(page.url()).searchParams.get('q'), '深圳');

  await page.fill('#search-box', '电子商务');
  await page.waitForFunction(() => document.querySelector('[data-testid=search-results] li[data-kind]')?.dataset.kind === 'Indicator');
  r = await results(page);
  // Every indicator whose Chinese name contains the query (from data/), and one of them first.
  const named = indicatorsNamed('电子商务');
  assert.ok(named.length > 0, 'the data has an indicator named 电子商务…');
  for (const id of named) assert.ok(r.includes(`Indicator:${id}`), `${id} in ${r.join()}`);
  assert.ok(named.map((id) => `Indicator:${id}`).includes(r[0]), r.join());
  assert.ok(r.some((x) => x.startsWith('Task:commerce.')));

  await page.fill('#search-box', 'E-Commerce');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=search-results] li[data-kind]').length > 2);
  r = await results(page);
  assert.ok(r.some((x) => x.startsWith('Task:commerce.')), r.join());
  await page.fill('#search-box', 'zzzzqqq');
  await page.waitForFunction(() => document.querySelector('[data-testid=search-results]').textContent.includes('没有找到结果'));
  await context.close();
});

test('the home search box opens the results; a department is found by its English name', async () => {
  const { context, page } = await openPage(browser, { locale: 'en-US' });
  await page.goto(server.url);
  await appReady(page, '#home-search');
  await page.fill('#home-search', 'Development and Reform');
  await page.press('#home-search', 'Enter');
  await appReady(page, '[data-testid=search-results] li[data-kind]');
  assert.equal((await results(page))[0], 'Department:development-reform');
  await context.close();
});

test('the departments page draws the department × area heatmap', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(server.url + '?view=departments');
  await appReady(page, '[data-chart="departments-heatmap"] .chart__plot[data-chart-ready] svg');
  await page.focus('[data-chart="departments-heatmap"] .chart__plot');
  await page.keyboard.press('ArrowRight');
  assert.match(await page.textContent('[data-chart="departments-heatmap"] .chart__tooltip'), /项任务$/);
  await context.close();
});
