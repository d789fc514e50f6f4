// End-to-end: the home page's at-a-glance header (issue #16) — what the plan is, totals read
// from data/, a city finder — and the city page's locator map, programmes and tasks by area.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startNginx, launch, openPage, appReady, axe, readJson } from './harness.mjs';

let server, browser;
before(async () => {
  server = await startNginx({ prefix: '/pages/' });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** The totals, counted here from the files themselves (not from the app's code). */
function totals() {
  const index = readJson('areas.json').areas;
  const files = index.map((a) => readJson(a.file));
  return {
    areas: index.filter((a) => a.number > 0).length,
    targets: files.reduce((n, f) => n + f.indicators.reduce((m, i) => m + i.targets.length, 0), 0),
    tasks: files.reduce((n, f) => n + f.tasks.length, 0),
    departments: readJson('departments.json').departments.length,
    cities: readJson('cities.json').cities.length,
  };
}

for (const lang of ['zh', 'en']) {
  test(`home (${lang}): the header says what the plan is and shows the totals of data/`, async () => {
    const { context, page } = await openPage(browser);
    await page.goto(server.url + `?lang=${lang}`);
    await appReady(page, '[data-testid=glance-counts] li');
    const shown = Object.fromEntries(
      await page.$$eval('[data-testid=glance-counts] li', (lis) =>
        lis.map((li) => [li.dataset.count, Number(li.querySelector('.glance__n').textContent)])),
    );
    assert.deepEqual(shown, totals());
    const meta = readJson('meta.json');
    await page.waitForSelector('[data-testid=plan-lead]');
    const lead = await page.textContent('[data-testid=plan-lead]');
    assert.ok(lead.includes(meta.title[lang]) && lead.includes(meta.issuer[lang]), lead);
    if (lang === 'en') {
      const labels = await page.$$eval('[data-testid=glance-counts] .glance__label', (l) => l.map((x) => x.textContent));
      assert.deepEqual(labels, ['action areas', 'numeric targets', 'key tasks', 'responsible departments', 'cities']);
    }
    // Short: no chart, no map on home; the cards lead to the area pages.
    assert.equal(await page.locator('figure.chart').count(), 0);
    assert.equal(await page.locator('[data-testid=area-list] > li').count(), totals().areas);
    assert.deepEqual(await axe(page), []);
    const ev = await page.evidence();
    assert.deepEqual(ev.csp, []);
    assert.deepEqual(ev.errors, []);
    await context.close();
  });
}

test('home: the city finder goes to a city page by keyboard', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(server.url + '?lang=en');
  await page.waitForSelector('#city-finder option[value="440300"]', { state: 'attached', timeout: 20000 });
  const options = await page.$$eval('#city-finder option', (o) => o.map((x) => x.value).filter(Boolean));
  assert.deepEqual(options, readJson('cities.json').cities.map((c) => c.adcode));
  await page.focus('#city-finder');
  await page.selectOption('#city-finder', '440300');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await appReady(page, 'article.city[data-adcode="440300"]');
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('view'), 'city');
  assert.equal(url.searchParams.get('id'), '440300');
  assert.equal(await page.textContent('h1'), 'Shenzhen');
  await context.close();
});

for (const [adcode, lang] of [['440500', 'zh'], ['440100', 'en']]) {
  test(`city ${adcode} (${lang}): a locator map with the city highlighted, programmes, tasks by area`, async () => {
    const cities = readJson('cities.json');
    const city = cities.cities.find((c) => c.adcode === adcode);
    const { context, page } = await openPage(browser, { colorScheme: lang === 'en' ? 'dark' : 'light' });
    await page.goto(server.url + `?view=city&id=${adcode}&lang=${lang}`);
    await appReady(page, '[data-testid=locator-map] .locator__plot[data-chart-ready] svg');
    const map = page.locator('[data-testid=locator-map]');
    assert.equal(await map.getAttribute('data-adcode'), adcode);
    const plot = map.locator('[role=img]');
    const name = await plot.getAttribute('aria-label');
    assert.ok(name.includes(city.name[lang]), `accessible name names the city: ${name}`);
    const region = cities.regions.find((r) => r.id === city.region).name[lang];
    assert.ok((await map.locator('figcaption').textContent()).includes(region), 'the text names the region');
    // Only this city is labelled, and it is filled in the highlight colour (the 2020 series).
    const label = lang === 'zh' ? city.short_zh : city.name.en;
    const texts = await plot.locator('svg text').evaluateAll((t) => t.map((x) => x.textContent.trim()));
    assert.ok(texts.includes(label), `${label} in ${texts}`);
    for (const other of cities.cities.filter((c) => c.adcode !== adcode)) {
      assert.ok(!texts.includes(lang === 'zh' ? other.short_zh : other.name.en), `${other.adcode} is not labelled`);
    }
    // The page's token for the 2020 series, which the chart themes match (public/style.css).
    const highlight = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--series-2020').trim().toUpperCase());
    const fills = await plot.locator('svg polygon, svg path').evaluateAll((els) => els.map((e) => (e.getAttribute('fill') ?? '').toUpperCase()));
    assert.ok(fills.includes(highlight), `the city is filled ${highlight}`);
    const box = await plot.boundingBox();
    assert.ok(box.width <= 361, `a small map (${box.width} px)`);
    // Programmes that name the city, and its tasks grouped by area.
    const programmes = readJson('programmes.json').programmes.filter((p) => p.cities.includes(adcode)).map((p) => p.id);
    assert.deepEqual(await page.$$eval('.programmes li', (l) => l.map((x) => x.dataset.programme)), programmes);
    const index = readJson('areas.json').areas;
    const expected = index
      .map((a) => [a.slug, readJson(a.file).tasks.filter((t) => t.cities.some((m) => m.adcode === adcode)).map((t) => t.id)])
      .filter(([, ids]) => ids.length);
    const shown = await page.$$eval('section.city__area', (s) => s.map((x) => [x.dataset.area, [...x.querySelectorAll('article.task')].map((t) => t.dataset.task)]));
    assert.deepEqual(shown, expected);
    assert.deepEqual(await axe(page), []);
    const ev = await page.evidence();
    assert.deepEqual(ev.csp, []);
    assert.deepEqual(ev.errors, []);
    await context.close();
  });
}
