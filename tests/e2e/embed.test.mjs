// End-to-end: a journalist takes the snippet from the Embed… dialog and puts it in an article on
// another origin. The iframe follows its content's height at every width, with no inner scrollbar,
// and messages from anyone else (a third-origin frame) change nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { startNginx, launch, openPage, appReady, axe, freePort } from './harness.mjs';

const TYPE = 'gd-plus:embed-height';
let app, host, evil, browser, snippet, fixedSnippet;

/** A tiny web server on 127.0.0.1:port serving one page per path. */
async function pageServer(pages) {
  const port = await freePort();
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const page = pages[path];
    if (!page) {
      res.writeHead(404).end();
      return;
    }
    const extra = typeof page.headers === 'function' ? page.headers() : page.headers ?? {};
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...extra });
    res.end(typeof page.body === 'function' ? page.body() : page.body);
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  return { port, pages, stop: () => new Promise((ok) => server.close(ok)) };
}

before(async () => {
  app = await startNginx({ prefix: '/gd/' }); // http://127.0.0.1:<port>/gd/
  browser = await launch();
  // The third origin: a page that only tries to mislead the host.
  evil = await pageServer({ '/evil.html': { body: '<!doctype html><title>evil</title><p>ad</p>' } });
  // The article: served as http://localhost:<port> (another origin than the app's 127.0.0.1).
  host = await pageServer({
    '/article.html': {
      body: () => `<!doctype html><html><head><meta charset="utf-8"><title>Article</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <style>body{margin:0;font:16px sans-serif}main{padding:0 8px}</style></head>
        <body><main><h1>News</h1><p>Before the chart.</p>
        ${snippet}
        <p id="after">After the chart.</p>
        <iframe id="evil" src="http://127.0.0.1:${evil.port}/evil.html" title="advert" style="width:300px;height:120px"></iframe>
        </main></body></html>`,
    },
  });
});
after(async () => {
  await browser?.close();
  await Promise.all([app?.stop(), host?.stop(), evil?.stop()]);
});

function appOrigin() {
  return new URL(app.url).origin;
}

test('Embed… gives a responsive and a fixed snippet of the embed view, with a title', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(app.url + '?view=area&id=logistics&lang=zh');
  await appReady(page, '.chart .chart__plot[data-chart-ready] svg');
  const figure = page.locator('figure.chart').first();
  // By keyboard: the Share & download menu opens on its first item; End, then ↑, reach Embed….
  await figure.locator('button[aria-haspopup=menu]').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-action')), 'embed');
  await page.keyboard.press('Enter');
  const dialog = figure.locator('dialog.embed-dialog');
  await dialog.waitFor({ state: 'visible' });
  assert.equal(await dialog.evaluate((d) => d.open && d.matches(':modal')), true, 'a modal dialog');
  snippet = await dialog.locator('[data-snippet=responsive] textarea').inputValue();
  fixedSnippet = await dialog.locator('[data-snippet=fixed] textarea').inputValue();
  // In Chinese the snippet points at the chart's pre-rendered embed page (tests/e2e/embed-prerender.test.mjs).
  const src = `${app.url}embed-area-logistics-1.html`;
  assert.ok(snippet.startsWith(`<iframe src="${src}" title="互联网+现代物流：`), snippet);
  assert.ok(snippet.includes('data-gd-plus-embed'), snippet);
  assert.ok(snippet.endsWith(`<script src="${app.url}embed-host.js" async></script>`), snippet);
  assert.match(fixedSnippet, /^<iframe src="[^"]+" title="[^"]+" data-gd-plus-embed width="640" height="\d+"/);
  assert.ok(!fixedSnippet.includes('<script'), 'the fixed snippet needs no script');
  const preview = await dialog.locator('a[target=_blank]').getAttribute('href');
  assert.equal(preview, src.replaceAll('&amp;', '&'));
  assert.deepEqual(await axe(page), [], 'the open dialog meets WCAG A/AA');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(
    await page.evaluate(() => document.activeElement?.getAttribute('aria-haspopup')),
    'menu',
    'closing the dialog returns focus to the menu button',
  );
  const ev = await page.evidence();
  assert.deepEqual(ev.csp, []);
  assert.deepEqual(ev.errors, []);
  await context.close();
});

async function settledFrame(page) {
  const frame = await (await page.waitForSelector('iframe[data-gd-plus-embed]')).contentFrame();
  await frame.waitForSelector('.chart__plot[data-chart-ready] svg', { timeout: 20000 });
  const iframe = page.locator('iframe[data-gd-plus-embed]');
  // Wait until the host applied the reported height and it stopped changing.
  let last = -1;
  let stable = 0;
  for (let i = 0; i < 100 && stable < 3; i++) {
    await page.waitForTimeout(100);
    const [outer, inner] = await Promise.all([
      iframe.evaluate((f) => f.getBoundingClientRect().height),
      frame.evaluate(() => document.body.getBoundingClientRect().height),
    ]);
    stable = Math.abs(outer - inner) <= 2 && outer === last ? stable + 1 : 0;
    last = outer;
  }
  return { frame, iframe };
}

for (const width of [320, 768, 1280]) {
  test(`at ${width} px the iframe on another origin is as tall as its content, with no inner scrollbar`, async () => {
    assert.ok(snippet, 'the snippet comes from the dialog test');
    const { context, page } = await openPage(browser, { viewport: { width, height: 900 } });
    await page.goto(`http://localhost:${host.port}/article.html`);
    assert.notEqual(new URL(page.url()).origin, appOrigin(), 'host and app are different origins');
    const { frame, iframe } = await settledFrame(page);
    const outer = await iframe.evaluate((f) => f.getBoundingClientRect().height);
    const inner = await frame.evaluate(() => ({
      body: document.body.getBoundingClientRect().height,
      scrollH: document.documentElement.scrollHeight,
      clientH: document.documentElement.clientHeight,
      scrollW: document.documentElement.scrollWidth,
      clientW: document.documentElement.clientWidth,
    }));
    assert.ok(Math.abs(outer - inner.body) <= 2, `iframe ${outer}px vs content ${inner.body}px`);
    assert.ok(outer !== 480, 'the starting height was replaced');
    assert.ok(inner.scrollH <= inner.clientH, `no vertical scrollbar: ${JSON.stringify(inner)}`);
    assert.ok(inner.scrollW <= inner.clientW, `no horizontal scrollbar: ${JSON.stringify(inner)}`);
    // The chart is drawn at the frame's width.
    const svgWidth = await frame.evaluate(() => Number(document.querySelector('.chart__plot svg').getAttribute('width')));
    assert.ok(svgWidth <= inner.clientW && svgWidth > inner.clientW - 40, `svg ${svgWidth} in ${inner.clientW}`);
    // Figure only: title, source line, link back; no app chrome and no action bar.
    assert.equal(await frame.locator('.site-header, .site-footer, .chart-actions').count(), 0);
    assert.match(await frame.textContent('.chart__title'), /^互联网\+现代物流：/);
    assert.equal(await frame.textContent('.embed__source span'), '来源：广东省“互联网+”行动计划（2015—2020年）');
    const back = frame.locator('.embed__source a');
    assert.equal(await back.getAttribute('target'), '_blank');
    assert.equal(
      await back.evaluate((a) => a.href),
      `${app.url}?view=area&id=logistics&lang=zh`,
      'the link back opens the full view',
    );
    assert.deepEqual(await frame.evaluate(() => window.__csp), [], 'no CSP violation in the embed');
    await context.close();
  });
}

test('hostile messages from a third-origin frame, and malformed ones from our frame, change nothing; a valid one does', async () => {
  const { context, page } = await openPage(browser, { viewport: { width: 768, height: 900 } });
  await page.goto(`http://localhost:${host.port}/article.html`);
  const { frame, iframe } = await settledFrame(page);
  const before = await iframe.evaluate((f) => f.style.height);
  const hostUrl = page.url();
  const evilFrame = await (await page.waitForSelector('#evil')).contentFrame();
  await evilFrame.waitForLoadState();
  await evilFrame.evaluate((TYPE) => {
    const send = (m) => parent.postMessage(m, '*');
    send({ type: TYPE, height: 1e9 });
    send({ type: TYPE, height: -50 });
    send({ type: TYPE, height: 0 });
    send({ type: TYPE, height: NaN });
    send({ type: TYPE, height: Infinity });
    send({ type: TYPE, height: '300' });
    send({ type: TYPE, height: '300px; background:url(javascript:alert(1))' });
    send(JSON.stringify({ type: TYPE, height: 300 }));
    send(TYPE);
    send(JSON.parse(`{"__proto__": {"type": "${TYPE}", "height": 300}}`));
    send(JSON.parse(`{"type": "${TYPE}", "height": 300, "__proto__": {"polluted": 1}}`));
    send({ type: 'navigate', url: 'javascript:parent.__pwned = 1' });
    send({ type: TYPE, height: 300, url: 'https://evil.example/' });
    send({ type: TYPE, height: 300 }); // the right shape, from the wrong window
    send([TYPE, 300]);
    send(null);
    // A message sent into our frame: the embed listens to nothing.
    parent.frames[0].postMessage({ type: TYPE, height: 300 }, '*');
  }, TYPE);
  // From OUR frame (right window, right origin): only the content is wrong. Each must be refused by
  // the host's own checks (shape, type, range), since the window and origin checks pass here.
  await frame.evaluate((TYPE) => {
    const send = (m) => parent.postMessage(m, '*');
    for (const height of [1e9, 6001, 99, 0, -50, NaN, Infinity, '300', '300px']) send({ type: TYPE, height });
    send({ type: 'other', height: 300 });
    send({ type: TYPE, height: 300, extra: 1 });
    send(JSON.stringify({ type: TYPE, height: 300 }));
    send([TYPE, 300]);
  }, TYPE);
  await page.waitForTimeout(500);
  assert.equal(await iframe.evaluate((f) => f.style.height), before, 'height unchanged');
  assert.equal(page.url(), hostUrl, 'no navigation');
  assert.equal(await page.evaluate(() => window.__pwned ?? Object.prototype.polluted ?? null), null);

  // Control: the same well-formed message from our own frame is applied, so the listener was live.
  await frame.evaluate((TYPE) => parent.postMessage({ type: TYPE, height: 777 }, '*'), TYPE);
  await page.waitForFunction(() => document.querySelector('iframe[data-gd-plus-embed]').style.height === '777px');
  await context.close();
});

test('in an iframe sandboxed with "allow-scripts allow-popups" (an opaque origin) the embed renders and the host sizes it', async () => {
  // Some publishing platforms sandbox every iframe so: no allow-same-origin, so the embed's
  // document has an opaque origin — localStorage and navigator.serviceWorker throw, its script,
  // Wasm and data are cross-origin loads, and its messages arrive with origin "null".
  host.pages['/sandboxed.html'] = {
    body: () => host.pages['/article.html'].body().replace('<iframe src=', '<iframe sandbox="allow-scripts allow-popups" src='),
  };
  const { context, page } = await openPage(browser, { viewport: { width: 768, height: 900 } });
  try {
    await page.goto(`http://localhost:${host.port}/sandboxed.html`);
    assert.equal(await page.getAttribute('iframe[data-gd-plus-embed]', 'sandbox'), 'allow-scripts allow-popups');
    const { frame, iframe } = await settledFrame(page);
    assert.equal(await frame.evaluate(() => self.origin), 'null', 'the embed runs in an opaque origin');
    const outer = await iframe.evaluate((f) => f.getBoundingClientRect().height);
    const inner = await frame.evaluate(() => document.body.getBoundingClientRect().height);
    assert.ok(Math.abs(outer - inner) <= 2 && outer !== 480, `the host applied the height: iframe ${outer} vs content ${inner}`);
    assert.match(await frame.textContent('.chart__title'), /^互联网\+现代物流：/);
    assert.equal(await frame.locator('.embed__source a').getAttribute('target'), '_blank');
    assert.deepEqual(await frame.evaluate(() => window.__csp), [], 'no CSP violation in the embed');
    // Only "null" from the sandboxed frame's own window counts: the third-origin frame's right-shaped
    // message still changes nothing.
    const before = await iframe.evaluate((f) => f.style.height);
    const evilFrame = await (await page.waitForSelector('#evil')).contentFrame();
    await evilFrame.evaluate((TYPE) => parent.postMessage({ type: TYPE, height: 300 }, '*'), TYPE);
    await page.waitForTimeout(300);
    assert.equal(await iframe.evaluate((f) => f.style.height), before);
    // Without lang= in its URL the embed reads the reader's stored language, and localStorage
    // throws in an opaque origin: it must fall back to the browser's language, not fail.
    // (The snippet's pre-rendered page names its language in its route: embed.html without lang= here.)
    await page.evaluate(() => {
      const f = document.querySelector('iframe[data-gd-plus-embed]');
      f.src = f.src.replace(/embed-area-logistics-1\.html$/, 'embed.html?view=embed&fig=area&id=logistics&n=1');
    });
    await page.waitForFunction(() => /embed\.html\?view=embed&fig=area&id=logistics&n=1$/.test(document.querySelector('iframe[data-gd-plus-embed]').src));
    const noLang = await (await page.waitForSelector('iframe[data-gd-plus-embed]')).contentFrame();
    await noLang.waitForSelector('.chart__plot[data-chart-ready] svg', { timeout: 20000 });
    assert.match(await noLang.textContent('.chart__title'), /^互联网\+现代物流：/);
    const errors = (await page.evidence()).errors.filter((e) => !/Failed to load resource: .*404/.test(e));
    assert.deepEqual(errors, [], 'no error in the host or the embed');
  } finally {
    await context.close();
  }
});

test('the fixed-size snippet (no script): a 640-px iframe whose height fits the figure', async () => {
  assert.ok(fixedSnippet, 'the snippet comes from the dialog test');
  host.pages['/fixed.html'] = {
    body: () => `<!doctype html><html><head><meta charset="utf-8"><title>Fixed</title>
      <style>body{margin:0}</style></head><body>${fixedSnippet}</body></html>`,
  };
  const { context, page } = await openPage(browser, { viewport: { width: 1024, height: 900 } });
  try {
    await page.goto(`http://localhost:${host.port}/fixed.html`);
    const frame = await (await page.waitForSelector('iframe[data-gd-plus-embed]')).contentFrame();
    await frame.waitForSelector('.chart__plot[data-chart-ready] svg', { timeout: 20000 });
    await page.waitForTimeout(300);
    const box = await page.locator('iframe[data-gd-plus-embed]').evaluate((f) => ({
      width: f.getBoundingClientRect().width,
      height: f.getBoundingClientRect().height,
      styled: f.style.height,
    }));
    assert.equal(box.width, 640);
    assert.equal(box.styled, '', 'no script set its height');
    const inner = await frame.evaluate(() => ({
      body: document.body.getBoundingClientRect().height,
      scrollH: document.documentElement.scrollHeight,
      clientH: document.documentElement.clientHeight,
      scrollW: document.documentElement.scrollWidth,
      clientW: document.documentElement.clientWidth,
    }));
    assert.ok(inner.scrollH <= inner.clientH, `the figure fits: no vertical scrollbar ${JSON.stringify(inner)}`);
    assert.ok(inner.scrollW <= inner.clientW, `no horizontal scrollbar ${JSON.stringify(inner)}`);
    assert.ok(box.height - inner.body <= box.height * 0.25, `not much empty space: frame ${box.height}, figure ${inner.body}`);
  } finally {
    await context.close();
  }
});

test("without lang and theme in its URL the embed follows the reader's language and colour scheme", async () => {
  for (const { locale, colorScheme, lang, dark } of [
    { locale: 'en-US', colorScheme: 'dark', lang: /^en/, dark: true },
    { locale: 'zh-CN', colorScheme: 'light', lang: /^zh/, dark: false },
  ]) {
    const { context, page } = await openPage(browser, { locale, colorScheme, viewport: { width: 700, height: 900 } });
    try {
      await page.goto(app.url + 'embed.html?view=embed&fig=area&id=logistics&n=1');
      await appReady(page, '.chart__plot[data-chart-ready] svg');
      assert.match(await page.getAttribute('html', 'lang'), lang, locale);
      const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      assert.equal(bg === 'rgb(20, 23, 26)', dark, `${colorScheme}: background ${bg}`);
      const source = await page.textContent('.embed__source span');
      assert.ok(lang.source === '^en' ? source.startsWith('Source:') : source.startsWith('来源：'), source);
    } finally {
      await context.close();
    }
  }
});

test('the host script works under a host policy that allows only our script origin', async () => {
  host.pages['/strict.html'] = {
    body: host.pages['/article.html'].body,
    headers: () => ({
      'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; script-src ${appOrigin()}; frame-src ${appOrigin()} http://127.0.0.1:${evil.port}`,
    }),
  };
  const { context, page } = await openPage(browser, { viewport: { width: 768, height: 900 } });
  await page.goto(`http://localhost:${host.port}/strict.html`);
  const { frame, iframe } = await settledFrame(page);
  const outer = await iframe.evaluate((f) => f.getBoundingClientRect().height);
  const inner = await frame.evaluate(() => document.body.getBoundingClientRect().height);
  assert.ok(Math.abs(outer - inner) <= 2 && outer !== 480, `${outer} vs ${inner}`);
  await context.close();
});

test('every figure has an embed view: chart, indicator, heatmap, map; language and scheme by URL', async () => {
  const { context, page } = await openPage(browser, { viewport: { width: 700, height: 900 } });
  const dataRequests = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.includes('/data/')) dataRequests.push(path.replace(/^.*\/data\//, ''));
  });
  await page.goto(app.url + 'embed.html?view=embed&fig=area&id=logistics&n=1&lang=en&theme=dark');
  await appReady(page, '.chart__plot[data-chart-ready] svg');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor), 'rgb(20, 23, 26)');
  assert.equal(await page.textContent('.embed__source span'), 'Source: Guangdong Province “Internet+” Action Plan (2015–2020)');
  assert.equal(await page.title(), await page.textContent('.chart__title'));
  assert.deepEqual(
    [...new Set(dataRequests)].sort(),
    ['areas.json', 'areas/logistics.json', 'cities.json', 'departments.json'],
    'an area chart loads the index files and its own area only',
  );
  assert.deepEqual(await axe(page), [], 'no WCAG A/AA violation in the dark English embed');

  for (const [query, ready] of [
    ['fig=indicator&id=overall.online-shopping-penetration&theme=light', '.chart__plot[data-chart-ready] svg'],
    ['fig=heatmap', '.chart__plot[data-chart-ready] svg'],
    ['fig=map&layer=regions', '.map .chart__plot[data-chart-ready] svg'],
  ]) {
    await page.goto(`${app.url}embed.html?view=embed&${query}&lang=zh`);
    await appReady(page, ready);
    assert.equal(await page.locator('.site-header, .chart-actions').count(), 0, query);
    assert.equal(await page.locator('.embed__source a[target=_blank]').count(), 1, query);
    assert.deepEqual(await page.evaluate(() => window.__csp), [], query);
  }
  // Links inside an embedded figure (the map's city table) open the full app in a new tab.
  const city = page.locator('[data-testid=map-table] a').first();
  assert.equal(await city.getAttribute('target'), '_blank');
  assert.match(await city.evaluate((a) => a.href), new RegExp(`^${app.url.replace(/[.?]/g, '\\$&')}\\?view=city&id=\\d+`));
  await context.close();
});

test('only embed.html may be framed by other sites', async () => {
  const embed = await fetch(app.url + 'embed.html');
  const index = await fetch(app.url);
  assert.match(embed.headers.get('content-security-policy'), /frame-ancestors \*$/);
  assert.match(index.headers.get('content-security-policy'), /frame-ancestors 'none'$/);
  const hostScript = await fetch(app.url + 'embed-host.js');
  assert.equal(hostScript.status, 200);
  assert.match(hostScript.headers.get('content-type'), /javascript/);
});
