// End-to-end: every area's targets against data/, provenance, departments, keyboard, accessibility.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startNginx, launch, openPage, appReady, readJson, axe } from './harness.mjs';

const index = readJson('areas.json');
let server, browser;

before(async () => {
  server = await startNginx({ prefix: '/gd/' });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** What the app must show for a target, computed here from data/ independently of the Rust code. */
function expectedLabel(t, unit) {
  const n = String(Math.round(t.value * 100) / 100);
  const v = `${n}${unit.zh}`;
  return { at_least: `≥ ${v}`, at_most: `≤ ${v}`, reduction_vs_2014: `比2014年 −${v}`, as_stated: v }[t.comparator];
}

test('each of the 13 area pages (and the overall goals) shows every target with its value and unit', async () => {
  const { context, page } = await openPage(browser);
  for (const summary of index.areas) {
    const area = readJson(summary.file);
    await page.goto(`${server.url}?view=area&id=${summary.slug}&lang=zh`);
    await appReady(page, `article.area[data-area="${summary.slug}"]`);
    assert.equal(await page.textContent('h1'), summary.name.zh);
    let n = 0;
    for (const ind of area.indicators) {
      for (const t of ind.targets) {
        const shown = await page.textContent(`[data-target="${t.id}"] .provenance__value`);
        assert.equal(shown, expectedLabel(t, ind.unit), `${t.id}`);
        n++;
      }
    }
    assert.equal(n, summary.counts.targets, summary.slug);
    assert.equal(await page.$$eval('article.task', (a) => a.length), summary.counts.tasks, summary.slug);
    if (summary.counts.targets > 0) {
      await page.waitForSelector('.chart__plot[data-chart-ready] svg');
    }
  }
  const ev = await page.evidence();
  assert.deepEqual(ev.csp, []);
  assert.deepEqual(ev.errors, []);
  await context.close();
});

test('a number opens its exact quote, highlighted in its paragraph, with a link to the plan text', async () => {
  const { context, page } = await openPage(browser);
  const overall = readJson('areas/overall.json');
  const ind = overall.indicators.find((i) => i.id === 'overall.online-shopping-penetration');
  const t = ind.targets.find((x) => x.year === 2020);
  await page.goto(`${server.url}?view=area&id=overall`);
  await appReady(page, `[data-target="${t.id}"]`);
  await page.click(`[data-target="${t.id}"] .provenance__value`);
  await page.waitForSelector(`[data-target="${t.id}"] mark`);
  assert.equal(await page.textContent(`[data-target="${t.id}"] mark`), t.quote);
  // The whole paragraph around the quote, with our unofficial English beside it.
  const para = readJson('document.json').paragraphs.find((p) => p.id === t.paragraph);
  await page.waitForFunction((s) => document.querySelector(s)?.textContent.length > 0, `[data-target="${t.id}"] .provenance__en`);
  assert.equal(await page.textContent(`[data-target="${t.id}"] .quote`), para.text);
  assert.ok((await page.textContent(`[data-target="${t.id}"] .provenance__en`)).includes(para.text_en));
  await page.click(`[data-target="${t.id}"] .provenance__link`);
  await appReady(page, `#${t.paragraph}.para--selected`);
  assert.equal(new URL(page.url()).searchParams.get('p'), t.paragraph);
  assert.ok((await page.textContent(`#${t.paragraph}`)).includes(t.quote));
  await context.close();
});

test('a department page lists every task it is responsible for, grouped by area', async () => {
  const { context, page } = await openPage(browser);
  const dept = 'development-reform';
  const expected = [];
  for (const s of index.areas) {
    for (const task of readJson(s.file).tasks) if (task.departments.includes(dept)) expected.push(task.id);
  }
  await page.goto(`${server.url}?view=departments`);
  await appReady(page, '[data-testid=departments] tbody tr');
  await page.click(`a[href*="id=${dept}"]`);
  await appReady(page, `article.department[data-department=${dept}] article.task`);
  const shown = await page.$$eval('article.task', (a) => a.map((x) => x.dataset.task));
  assert.deepEqual(shown, expected);
  await context.close();
});

test('keyboard only: home → area → indicator → quote → department', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(server.url);
  await appReady(page, '[data-testid=area-list] > li');
  // Tab until the "finance" card link has focus, then Enter.
  const focusOn = async (selector, max = 80) => {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
    }
    throw new Error(`could not reach ${selector} by Tab`);
  };
  await focusOn('[data-area=finance] h3 a');
  await page.keyboard.press('Enter');
  await appReady(page, 'article.area[data-area=finance]');
  await focusOn('a.indicator__name');
  await page.keyboard.press('Enter');
  await appReady(page, 'article.indicator-page');
  await focusOn('.provenance__value');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.indicator-page mark');
  await page.goto(`${server.url}?view=area&id=finance`);
  await appReady(page, 'article.area[data-area=finance]');
  await focusOn('a.chip[href*="view=department"]');
  await page.keyboard.press('Enter');
  await appReady(page, 'article.department');
  await context.close();
});

const ROUTES = [
  ['home', ''],
  ['area', '?view=area&id=manufacturing'],
  ['overall', '?view=area&id=overall&lang=en'],
  ['indicator', '?view=indicator&id=overall.online-shopping-penetration'],
  ['departments', '?view=departments'],
  ['department', '?view=department&id=development-reform&lang=en'],
  ['plan', '?view=plan&p=p020'],
  ['about', '?view=about'],
  ['map', '?view=map'],
  ['map-regions', '?view=map&layer=regions&lang=en'],
  ['city', '?view=city&id=440300'],
  ['search', '?view=search&q=%E6%B7%B1%E5%9C%B3'],
];

test('axe-core reports no WCAG 2.2 A/AA violations on any route, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    // bypassCSP only so that axe itself can be injected; CSP is tested in csp.test.mjs.
    const { context, page } = await openPage(browser, { bypassCSP: true, colorScheme });
    for (const [name, query] of ROUTES) {
      await page.goto(server.url + query);
      await appReady(page, 'main#main > *:not(.loading)');
      await page.waitForLoadState('networkidle');
      const violations = await axe(page);
      assert.deepEqual(violations, [], `${name} (${colorScheme})`);
    }
    await context.close();
  }
});

test('nothing overflows horizontally at 320 px', async () => {
  const { context, page } = await openPage(browser, { viewport: { width: 320, height: 640 } });
  for (const [name, query] of ROUTES) {
    await page.goto(server.url + query);
    await appReady(page, 'main#main > *:not(.loading)');
    await page.waitForLoadState('networkidle');
    const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(over <= 0, `${name}: page is ${over}px wider than the viewport`);
  }
  await context.close();
});

test('the plan text highlights every target and links it to its indicator page, which draws its chart', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(`${server.url}?view=plan`);
  await appReady(page, '.plan-text a.hl');
  const marked = await page.$$eval('.plan-text a.hl', (a) => a.length);
  const targets = index.areas.reduce((n, a) => n + a.counts.targets + a.counts.milestones, 0);
  // Quotes that overlap (覆盖率、联网率均达100% is two targets) share one mark.
  assert.ok(marked >= targets - 10 && marked <= targets, `${marked} marks for ${targets} quotes`);
  assert.equal(await page.$$eval('.plan-text a.para__task', (a) => a.length), 41);
  await page.click('.plan-text a.hl[href*="id=logistics."]');
  await appReady(page, 'article.indicator-page .chart__plot[data-chart-ready] svg');
  assert.ok((await page.$$eval('.related-tasks li', (l) => l.length)) > 0);
  await context.close();
});
