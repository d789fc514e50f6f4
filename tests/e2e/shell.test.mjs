// End-to-end: the app shell, routing, language and error handling, on nginx under a sub-path
// with the shipped strict CSP, and on a plain static server at the root.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startNginx, startPlainServer, launch, openPage, appReady, readJson } from './harness.mjs';

const index = readJson('areas.json');
const actionAreas = index.areas.filter((a) => a.number > 0);
let server, browser;

before(async () => {
  server = await startNginx({ prefix: '/some/path/' });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function noViolations(page) {
  const ev = await page.evidence();
  assert.deepEqual(ev.csp, [], 'no CSP violations');
  assert.deepEqual(ev.hosts.filter((h) => h !== new URL(server.url).host), [], 'no request to another host');
  assert.deepEqual(ev.errors, [], 'no console or page errors');
}

test('home lists the 13 action areas read from data/, and the fallback text is gone', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(server.url);
  await appReady(page, '[data-testid=area-list] > li');
  const names = await page.$$eval('[data-testid=area-list] > li h3', (hs) => hs.map((h) => h.textContent));
  assert.deepEqual(names, actionAreas.map((a) => `${a.number}. ${a.name.zh}`));
  assert.equal(await page.$('#fallback'), null);
  const counts = await page.$eval('[data-area=finance] .counts', (e) => e.textContent);
  const f = actionAreas.find((a) => a.slug === 'finance').counts;
  assert.match(counts, new RegExp(`${f.targets} 量化目标.*${f.tasks} 重点任务`));
  await noViolations(page);
  await context.close();
});

test('clicking an area changes the URL, shows its page, and a reload shows the same page', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(server.url);
  await appReady(page, '[data-testid=area-list] > li');
  await page.click('[data-area=logistics] h3 a');
  await page.waitForSelector('article.area[data-area=logistics]');
  const url = new URL(page.url());
  assert.equal(url.pathname, '/some/path/');
  assert.equal(url.searchParams.get('view'), 'area');
  assert.equal(url.searchParams.get('id'), 'logistics');
  assert.equal(await page.textContent('h1'), '互联网+现代物流');
  await page.reload();
  await appReady(page, 'article.area[data-area=logistics]');
  assert.equal(await page.textContent('h1'), '互联网+现代物流');
  // A pasted link in a fresh tab works too.
  const { context: c2, page: p2 } = await openPage(browser);
  await p2.goto(url.toString());
  await appReady(p2, 'article.area[data-area=logistics]');
  await page.goBack();
  await appReady(page, '[data-testid=area-list] > li');
  await noViolations(page);
  await c2.close();
  await context.close();
});

test('the language switch changes the texts and is remembered across visits', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(server.url);
  await appReady(page, '[data-testid=area-list] > li');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  await page.click('button.lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.textContent('h1'), 'Guangdong “Internet+” Plan Explorer');
  assert.equal(await page.textContent('[data-area=finance] h3'), '4. Internet+ modern finance');
  assert.equal(new URL(page.url()).searchParams.get('lang'), 'en');
  // A new visit without ?lang= remembers English.
  await page.goto(server.url);
  await appReady(page, '[data-testid=area-list] > li');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await noViolations(page);
  await context.close();
});

test('the default language follows the browser', async () => {
  const { context, page } = await openPage(browser, { locale: 'en-US' });
  await page.goto(server.url);
  await appReady(page, '[data-testid=area-list] > li');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await context.close();
});

test('with the data unreachable the error names the file, and retry works once data is back', async () => {
  const { context, page } = await openPage(browser);
  await page.route('**/data/areas.json', (route) => route.abort('connectionrefused'));
  await page.goto(server.url);
  await page.waitForSelector('.load-error');
  // Each section that needs the file says so (the header's totals and the area list), each with its own retry.
  const details = await page.$$eval('.load-error__detail', (d) => d.map((x) => x.textContent));
  assert.ok(details.length >= 1 && details.every((d) => /^areas\.json: network error/.test(d)), details.join());
  assert.equal(await page.textContent('.load-error button'), '重试');
  await page.unroute('**/data/areas.json');
  // The header and the area list share one load: one retry may bring back both.
  for (let i = 0; i < 5; i++) {
    const retry = await page.$('.load-error button');
    if (!retry) break;
    await retry.click().catch(() => {}); // detached when another retry already brought the data
    await retry.dispose();
    await page.waitForTimeout(200);
  }
  await appReady(page, '[data-testid=area-list] > li');
  await page.waitForSelector('[data-testid=glance-counts] li');
  assert.equal(await page.$('.load-error'), null);
  await context.close();
});

test('an invalid URL parameter falls back to home with a quiet notice', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(server.url + '?view=nowhere&lang=xx');
  await appReady(page, '[data-testid=area-list] > li');
  assert.match(await page.textContent('.notice'), /unknown view `nowhere`/);
  await context.close();
});

test('an id that is not in the data shows "not found" with a way home', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(server.url + '?view=area&id=no-such-area');
  await page.waitForSelector('.notice h1');
  assert.equal(await page.textContent('.notice h1'), '找不到这个页面');
  await context.close();
});

test('a plain static file server at the root serves every view with no rewrite rules', async () => {
  const plain = await startPlainServer();
  try {
    const { context, page } = await openPage(browser);
    await page.goto(plain.url + '?view=area&id=customs&lang=zh');
    await appReady(page, 'article.area[data-area=customs]');
    assert.equal(await page.textContent('h1'), '互联网+便捷通关');
    await page.goto(plain.url + '?view=plan&p=p010');
    await appReady(page, '#p010');
    await context.close();
  } finally {
    await plain.stop();
  }
});
