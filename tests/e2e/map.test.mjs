// End-to-end: the map of the 21 cities — hover, keyboard, selection, layers, city page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startNginx, launch, openPage, appReady, readJson, clickAction, comparePngWithSvg } from './harness.mjs';

const index = readJson('areas.json');
const areas = index.areas.map((a) => readJson(a.file));
const cities = readJson('cities.json').cities;
const SHENZHEN = '440300';
const tasksNaming = (code, slug) =>
  areas.filter((a) => !slug || a.slug === slug).flatMap((a) => a.tasks).filter((t) => t.cities.some((c) => c.adcode === code));

let server, browser;
before(async () => {
  server = await startNginx({ prefix: '/map/' });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the map shows 21 cities; hovering and focusing 深圳 show its value; Enter lists its tasks', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(server.url + '?view=map');
  await appReady(page, '.map .chart__plot[data-chart-ready] svg');
  assert.equal(await page.$$eval('[data-testid=map-table] tbody tr', (r) => r.length), 21);
  const expected = `深圳市：${tasksNaming(SHENZHEN).length} 项任务`;

  // Hover: the label "深圳 n" sits inside the city's polygon (in the Pearl River Delta inset).
  const label = page.locator('.map svg text', { hasText: /^\s*深圳 \d+\s*$/ });
  await label.hover();
  await page.waitForFunction((t) => document.querySelector('.map .chart__tooltip')?.textContent === t, expected);
  await page.mouse.move(0, 0);

  // Keyboard: focus the map, arrow keys move through the cities in adcode order.
  await page.focus('.map .chart__plot');
  const order = cities.map((c) => c.adcode);
  for (let i = 0; i <= order.indexOf(SHENZHEN); i++) await page.keyboard.press('ArrowRight');
  assert.equal(await page.textContent('.map .chart__tooltip'), expected);
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.city-selection[data-selected="${SHENZHEN}"]`);
  const listed = await page.$$eval('.city-selection article.task', (a) => a.map((x) => x.dataset.task));
  assert.deepEqual(listed, tasksNaming(SHENZHEN).map((t) => t.id));
  const programmes = await page.$$eval('.city-selection [data-programme]', (l) => l.length);
  assert.equal(programmes, readJson('programmes.json').programmes.filter((p) => p.cities.includes(SHENZHEN)).length);
  await context.close();
});

test('the area filter changes the colours and the values', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(server.url + '?view=map');
  await appReady(page, '.map .chart__plot[data-chart-ready] svg');
  const all = await page.innerHTML('.map .chart__plot');
  await page.click('a.chip[href*="area=finance"]');
  await appReady(page, '.map .chart__plot[data-chart-ready] svg');
  await page.waitForFunction((before) => document.querySelector('.map .chart__plot').innerHTML !== before, all);
  const row = await page.textContent(`[data-testid=map-table] tr[data-adcode="${SHENZHEN}"] td:last-child`);
  assert.equal(row, `${tasksNaming(SHENZHEN, 'finance').length} 项任务`);
  assert.equal(new URL(page.url()).searchParams.get('area'), 'finance');
  await context.close();
});

test('a click on a city selects it, and its city page has its own URL with every task naming it', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(server.url + '?view=map');
  await appReady(page, '.map .chart__plot[data-chart-ready] svg');
  await page.locator('.map svg text', { hasText: /^\s*广州 \d+\s*$/ }).click();
  await page.waitForSelector('.city-selection[data-selected="440100"]');
  await page.click('.city-selection a[href*="view=city"]');
  await appReady(page, 'article.city[data-adcode="440100"] .city__summary');
  assert.equal(await page.textContent('h1'), '广州市');
  assert.equal(await page.$$eval('article.city article.task', (a) => a.length), tasksNaming('440100').length);
  await page.reload();
  await appReady(page, 'article.city[data-adcode="440100"] article.task');
  await context.close();
});

test('each area page shows the map of its own cities', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(server.url + '?view=area&id=commerce');
  await appReady(page, '.map .chart__plot[data-chart-ready] svg');
  const row = await page.textContent(`[data-testid=map-table] tr[data-adcode="${SHENZHEN}"] td:last-child`);
  assert.equal(row, `${tasksNaming(SHENZHEN, 'commerce').length} 项任务`);
  await context.close();
});

test('the map downloads as SVG, 2× PNG, CSV and JSON of exactly the layer it shows', async () => {
  const { readFileSync } = await import('node:fs');
  const { context, page } = await openPage(browser, { acceptDownloads: true });
  await page.goto(server.url + '?view=map&layer=tasks&area=commerce');
  await appReady(page, '.map .chart__plot[data-chart-ready] svg');
  const save = async (action) => {
    const [d] = await Promise.all([page.waitForEvent('download'), clickAction(page, '.map', action)]);
    return readFileSync(await d.path());
  };
  const csv = (await save('csv')).toString('utf8').replace(/^\ufeff/, '').trim().split('\r\n');
  assert.equal(csv[0], 'adcode,city_name,region,value,value_text');
  assert.equal(csv.length, 22, 'a header and 21 cities');
  const sz = csv.find((l) => l.startsWith(`${SHENZHEN},`)).split(',');
  assert.equal(Number(sz[3]), tasksNaming(SHENZHEN, 'commerce').length);
  const json = JSON.parse((await save('json')).toString('utf8'));
  assert.equal(json.chart, 'map');
  assert.equal(json.rows.length, 21);
  assert.deepEqual(
    json.rows.map((r) => [r.adcode, r.value ?? '', r.value_text ?? '']),
    csv.slice(1).map((l) => l.split(',')).map((f) => [f[0], f[3] === '' ? '' : Number(f[3]), f[4]]),
    'the JSON holds the CSV records',
  );
  assert.equal(json.source.issuer, '广东省人民政府');
  assert.equal(json.unit, await page.textContent('.map .chart__title'), 'the unit says what the value counts');
  const svg = (await save('svg')).toString('utf8');
  assert.match(svg, /^<svg[^>]*width="800"/);
  assert.ok(svg.includes(json.unit), 'the SVG carries the map title');
  assert.ok(svg.includes('来源：广东省“互联网+”行动计划（2015—2020年）'), 'and the source line');
  const png = await save('png');
  assert.equal(png.readUInt32BE(16), 1600);
  assert.equal(png.readUInt32BE(20), Number(svg.match(/height="(\d+)"/)[1]) * 2);
  const px = await comparePngWithSvg(browser, png, svg);
  assert.ok(px.opaque, 'a PNG for publication has no transparent pixels');
  assert.ok(px.meanDiff < 2, `the PNG is the SVG drawn at 2× (mean difference ${px.meanDiff})`);
  assert.ok(px.ink > 0.1, `the PNG shows the map (ink ${px.ink})`);
  await context.close();
});

test('every task listed for a city links to its source paragraph in the plan text', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(server.url + `?view=city&id=${SHENZHEN}`);
  await appReady(page, 'article.city article.task');
  const tasks = tasksNaming(SHENZHEN);
  const links = await page.$$eval('article.city article.task .task__source a', (a) => a.map((x) => new URL(x.href).searchParams.get('p')));
  assert.deepEqual(links, tasks.map((t) => t.paragraph));
  await page.click('article.city article.task .task__source a');
  await appReady(page, `#${tasks[0].paragraph}.para--selected`);
  await context.close();
});
