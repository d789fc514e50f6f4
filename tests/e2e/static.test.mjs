// End-to-end: build-time static rendering (render-static + tools/static_pages.py).
// (a) the browser's "Download SVG" equals the build-time SVG of the same chart, and the chart the
//     page draws at its container's width equals `render-static --only <id> --width <w>`;
// (b) every per-view page carries its Open Graph tags, and its images exist at the right size;
// (c) without JavaScript a page shows its static image; with JavaScript it opens its own view
//     (gd-route) under the strict CSP; (d) at the root and under a sub-path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startNginx, launch, openPage, appReady, readJson, DIST, ROOT, clickAction } from './harness.mjs';

let server, browser;
before(async () => {
  server = await startNginx({ prefix: '/static/sub/' });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const STATIC = join(DIST, 'static');

/** The render-static binary that `./x build` ran (debug profile), or GD_RENDER_STATIC. */
function renderStaticBin() {
  const target = process.env.CARGO_TARGET_DIR || join(ROOT, 'target');
  const candidates = [process.env.GD_RENDER_STATIC, join(target, 'debug', 'render-static'), join(target, 'release', 'render-static')];
  const found = candidates.find((p) => p && existsSync(p));
  assert.ok(found, `render-static not found (${candidates.filter(Boolean).join(', ')}); run ./x build`);
  return found;
}

async function download(page, scope, action) {
  const [dl] = await Promise.all([page.waitForEvent('download'), clickAction(page, scope, action)]);
  return readFileSync(await dl.path(), 'utf8');
}

/** Width, height of a PNG from its IHDR chunk (after checking the signature). */
function pngSize(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'PNG signature');
  assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/** Every view that has a page: each area with targets and each indicator with targets (from data/). */
function expectedPages() {
  const pages = [];
  for (const a of readJson('areas.json').areas) {
    const file = readJson(a.file);
    const withTargets = file.indicators.filter((i) => i.targets.length > 0);
    if (withTargets.length === 0) continue;
    pages.push({ kind: 'area', id: a.slug, name: a.name.zh, page: `area-${a.slug}.html` });
    for (const i of withTargets) pages.push({ kind: 'indicator', id: i.id, name: i.name.zh, page: `indicator-${i.id}.html` });
  }
  return pages;
}

test('"Download SVG" of a target chart, the heatmap and the map equals the build-time SVG byte for byte', async () => {
  const { context, page } = await openPage(browser, { acceptDownloads: true });
  try {
    const cases = [
      ['?view=area&id=logistics&lang=zh', 'figure.chart[data-chart^="logistics."]', (id) => `chart-${id}.zh.svg`],
      ['?view=area&id=overall&lang=en', 'figure.chart[data-chart^="overall."]', (id) => `chart-${id}.en.svg`],
      ['?view=indicator&id=overall.online-shopping-penetration&lang=zh', 'figure.chart', () => 'indicator-overall.online-shopping-penetration.zh.svg'],
      ['?view=departments&lang=zh', 'figure.chart[data-chart="departments-heatmap"]', () => 'departments-heatmap.zh.svg'],
      ['?view=map&lang=zh', 'figure.chart[data-chart="map"]', () => 'map.zh.svg'],
    ];
    for (const [query, figure, file] of cases) {
      await page.goto(server.url + query);
      await appReady(page, `${figure} .chart__plot[data-chart-ready] svg`);
      const id = await page.locator(figure).first().getAttribute('data-chart');
      const fig = `figure.chart[data-chart="${id}"]`;
      const browserSvg = await download(page, fig, 'svg');
      const built = readFileSync(join(STATIC, file(id)), 'utf8');
      // Text widths are estimated in pure code and plotters writes the same text on both sides,
      // so nothing needs normalising: the files are identical.
      assert.equal(browserSvg, built, `${query}: browser download vs static/${file(id)}`);
    }
  } finally {
    await context.close();
  }
});

test('the chart drawn in the page at its container width equals render-static --only <id> --width <w>', async () => {
  const bin = renderStaticBin();
  const out = mkdtempSync(join(tmpdir(), 'gd-static-'));
  const { context, page } = await openPage(browser, { viewport: { width: 700, height: 900 } });
  try {
    await page.goto(server.url + '?view=area&id=logistics&lang=zh');
    const plot = 'figure.chart[data-chart="logistics.targets-1"] .chart__plot[data-chart-ready]';
    await appReady(page, `${plot} svg`);
    const width = await page.evaluate((sel) => document.querySelector(sel).clientWidth, plot);
    assert.ok(width > 100 && width !== 800, `a container width other than the export width: ${width}`);
    const run = spawnSync(bin, ['--data', join(ROOT, 'data'), '--out', out, '--only', 'logistics.targets-1',
      '--width', String(width), '--lang', 'zh', '--no-png', '--bare'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const built = readFileSync(join(out, 'chart-logistics.targets-1.zh.svg'), 'utf8');
    // The page holds the SVG as parsed HTML (innerHTML); parse the build's file the same way
    // and serialise both with the same serialiser, so only the drawing can differ.
    const [shown, rebuilt] = await page.evaluate(([sel, text]) => {
      const ser = new XMLSerializer();
      const tmp = document.createElement('div');
      tmp.innerHTML = text;
      return [ser.serializeToString(document.querySelector(sel + ' svg')), ser.serializeToString(tmp.querySelector('svg'))];
    }, [plot, built]);
    assert.match(built, new RegExp(`<svg[^>]*width="${width}"`));
    assert.equal(shown, rebuilt);
  } finally {
    await context.close();
    rmSync(out, { recursive: true, force: true });
  }
});

test('every per-view page has its title, Open Graph tags and route; og:image is a 1200×630 PNG, the share card 1080×1350', async () => {
  const pages = expectedPages();
  assert.ok(pages.length > 50, `${pages.length} pages`);
  const { context, page } = await openPage(browser, { javaScriptEnabled: false });
  try {
    for (const p of pages) {
      const res = await page.goto(server.url + p.page);
      assert.equal(res.status(), 200, p.page);
      const meta = await page.evaluate(() => {
        const get = (sel, attr = 'content') => document.querySelector(sel)?.getAttribute(attr) ?? null;
        return {
          title: document.title,
          ogTitle: get('meta[property="og:title"]'),
          ogImage: get('meta[property="og:image"]'),
          ogW: get('meta[property="og:image:width"]'),
          ogH: get('meta[property="og:image:height"]'),
          twitter: get('meta[name="twitter:card"]'),
          route: get('meta[name="gd-route"]'),
          card: get('link[rel="gd-share-card"]', 'href'),
          description: get('meta[name="description"]'),
          img: get('noscript') !== null,
        };
      });
      assert.equal(meta.title, `${p.name} · 广东省“互联网+”行动计划数据浏览器`, p.page);
      assert.equal(meta.ogTitle, meta.title);
      assert.equal(meta.twitter, 'summary_large_image');
      assert.equal(meta.route, `view=${p.kind}&id=${p.id}`);
      assert.deepEqual([meta.ogW, meta.ogH], ['1200', '630']);
      assert.ok(meta.description && meta.description.length > 5, `${p.page}: description`);
      assert.equal(meta.ogImage, `static/og-${p.kind}-${p.id}.png`, 'relative without a site URL');
      const og = await fetch(new URL(meta.ogImage, server.url + p.page));
      assert.equal(og.status, 200);
      assert.equal(og.headers.get('content-type'), 'image/png');
      assert.deepEqual(pngSize(Buffer.from(await og.arrayBuffer())), [1200, 630], meta.ogImage);
      const card = await fetch(new URL(meta.card, server.url + p.page));
      assert.equal(card.status, 200, meta.card);
      assert.deepEqual(pngSize(Buffer.from(await card.arrayBuffer())), [1080, 1350], meta.card);
    }
  } finally {
    await context.close();
  }
});

test('without JavaScript a page shows its chart (pre-rendered, or a static image) and a link to the data', async () => {
  const { context, page } = await openPage(browser, { javaScriptEnabled: false });
  try {
    // Area and indicator pages show their pre-rendered first view instead of an image
    // (tests/e2e/prerender.test.mjs).
    for (const [path, chart] of [
      ['area-logistics.html', 'figure.chart[data-chart="logistics.targets-1"]'],
      ['indicator-overall.online-shopping-penetration.html', 'article.indicator-page[data-indicator="overall.online-shopping-penetration"] figure.chart'],
    ]) {
      await page.goto(server.url + path);
      assert.ok(await page.isVisible(`#prerender ${chart} .prechart__pic.is-wide.is-light`), path);
      assert.equal(await page.locator('.static-figure img').count(), 0, `${path}: no second picture of the chart`);
      assert.ok(await page.locator('a[href$=".csv"]').first().isVisible(), `${path}: a link to the CSV`);
    }
    for (const [path, svg] of [['', 'static/map.zh.svg']]) {
      await page.goto(server.url + path);
      const img = page.locator('.static-figure img');
      assert.ok(await img.isVisible(), `${path || 'index.html'}: the static image is shown`);
      assert.equal(await img.getAttribute('src'), svg);
      await page.waitForFunction(() => document.querySelector('.static-figure img').complete);
      const natural = await img.evaluate((el) => el.naturalWidth);
      assert.ok(natural >= 800, `${svg} loaded under the CSP (naturalWidth ${natural})`);
      assert.ok((await img.getAttribute('alt')).length > 3, 'alt text');
      assert.ok(await page.locator('noscript a[href$=".csv"]').first().isVisible(), 'a link to the CSV');
    }
    const ev = await page.evidence();
    assert.deepEqual(ev.csp, []);
  } finally {
    await context.close();
  }
});

test('with JavaScript a per-view page opens its own view under the strict CSP, at the root and under a sub-path', async () => {
  const root = await startNginx({ prefix: '/' });
  try {
    for (const base of [root.url, server.url]) {
      const { context, page } = await openPage(browser);
      await page.goto(base + 'area-logistics.html');
      await appReady(page, 'article.area[data-area="logistics"] .chart__plot[data-chart-ready] svg');
      await page.goto(base + 'indicator-overall.online-shopping-penetration.html');
      await appReady(page, 'article.indicator-page[data-indicator="overall.online-shopping-penetration"]');
      // Navigation inside the app wins over the page's route: the home link opens home.
      await page.click('a.site-title');
      await appReady(page, '[data-testid="area-list"]');
      assert.equal(await page.$('article.indicator-page'), null);
      // Back to the per-view page (no query): its own route again.
      await page.goBack();
      await appReady(page, 'article.indicator-page[data-indicator="overall.online-shopping-penetration"]');
      await page.goto(base);
      await appReady(page, '[data-testid="area-list"]');
      const ev = await page.evidence();
      assert.deepEqual(ev.csp, [], base);
      assert.deepEqual(ev.errors, [], base);
      await context.close();
    }
  } finally {
    await root.stop();
  }
});

test('printing a page prints the chart, not the navigation or the buttons', async () => {
  const { context, page } = await openPage(browser);
  try {
    await page.goto(server.url + 'area-logistics.html');
    const plot = 'figure.chart[data-chart="logistics.targets-1"] .chart__plot[data-chart-ready] svg';
    await appReady(page, plot);
    assert.ok(await page.isVisible('.site-nav') && await page.isVisible('.chart-actions'), 'on screen: nav and buttons');
    await page.emulateMedia({ media: 'print' });
    assert.ok(await page.isVisible(plot), 'the drawn chart prints');
    const box = await page.locator(plot).boundingBox();
    assert.ok(box.width > 100 && box.height > 50, JSON.stringify(box));
    for (const hidden of ['.site-nav', '.chart-actions', '.lang-switch']) {
      assert.equal(await page.isVisible(hidden), false, `${hidden} is not printed`);
    }
  } finally {
    await context.close();
  }
});

test('static_pages.py escapes data in every attribute and text it writes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gd-pages-'));
  try {
    mkdirSync(join(dir, 'static'));
    writeFileSync(join(dir, 'index.html'), readFileSync(join(DIST, 'index.html'), 'utf8'));
    const hostile = '"><script>alert(1)</script>&amp;';
    const page = (kind, id) => ({
      kind, id, page: kind === 'home' ? 'index.html' : `${kind}-${id}.html`, route: kind === 'home' ? '' : `view=${kind}&id=${id}`,
      title: `${hostile} · t`, description: hostile, svg: 'static/x.svg', alt: hostile,
      og_image: kind === 'home' ? '' : 'static/og.png', card: kind === 'home' ? '' : 'static/card.png',
      csv: 'data/csv/targets.csv', url: '', prerender: kind === 'area' ? 'static/pre-area-x.html' : '',
    });
    writeFileSync(join(dir, 'static', 'pre-area-x.html'), '<p id="pre-fragment">pre</p>');
    writeFileSync(join(dir, 'static', 'pages.json'), JSON.stringify([page('home', ''), page('area', 'x')]));
    const run = spawnSync('python3', [join(ROOT, 'tools', 'static_pages.py'), dir], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const html = readFileSync(join(dir, 'area-x.html'), 'utf8');
    assert.ok(!html.includes('<script>alert'), 'no markup from data');
    assert.ok(html.includes('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;amp;'));
    // The pre-rendered view opens the body; the no-script text is one <noscript> (they cannot nest).
    assert.match(html, /<body>\s*<!--gd-static--><div id="prerender">\s*<p id="pre-fragment">pre<\/p>/);
    assert.equal(html.match(/<noscript>/g).length, 1);
    assert.match(html, /<noscript><!--\/gd-static-->\s*<div id="fallback"[\s\S]*targets\.csv[\s\S]*<\/noscript>/);
    // A second run gives the same files (earlier insertions are replaced, not repeated).
    spawnSync('python3', [join(ROOT, 'tools', 'static_pages.py'), dir]);
    assert.equal(readFileSync(join(dir, 'area-x.html'), 'utf8'), html);
    // With a site URL: a canonical link, og:url and an absolute og:image.
    const site = (p) => ({ ...p, url: p.kind === 'home' ? 'https://example.org/gd/' : `https://example.org/gd/${p.page}` });
    writeFileSync(join(dir, 'static', 'pages.json'), JSON.stringify([site(page('home', '')), site(page('area', 'x'))]));
    spawnSync('python3', [join(ROOT, 'tools', 'static_pages.py'), dir]);
    const withSite = readFileSync(join(dir, 'area-x.html'), 'utf8');
    assert.ok(withSite.includes('<link rel="canonical" href="https://example.org/gd/area-x.html">'));
    assert.ok(withSite.includes('<meta property="og:image" content="https://example.org/gd/static/og.png">'));
    assert.equal(withSite.match(/rel="canonical"/g).length, 1);
    // An unsafe path in the manifest stops the build.
    writeFileSync(join(dir, 'static', 'pages.json'), JSON.stringify([page('home', ''), { ...page('area', 'x'), svg: 'javascript:alert(1)' }]));
    const bad = spawnSync('python3', [join(ROOT, 'tools', 'static_pages.py'), dir], { encoding: 'utf8' });
    assert.notEqual(bad.status, 0);
    assert.match(bad.stderr, /unsafe svg/);
    // The pre-rendered embeds: from embed.html and embeds.json, the title and route escaped, the
    // view first in the body, no no-Wasm text, the embed class; an unsafe name stops the build.
    writeFileSync(join(dir, 'static', 'pages.json'), JSON.stringify([page('home', ''), page('area', 'x')]));
    writeFileSync(join(dir, 'embed.html'), readFileSync(join(DIST, 'embed.html'), 'utf8'));
    writeFileSync(join(dir, 'static', 'pre-embed-area-x-1.html'), '<main id="pre-embed">pre</main>');
    const embed = { page: 'embed-area-x-1.html', route: `view=embed&fig=area&id=x&n=1&lang=zh${hostile}`, title: hostile, prerender: 'static/pre-embed-area-x-1.html' };
    writeFileSync(join(dir, 'static', 'embeds.json'), JSON.stringify([embed]));
    const withEmbed = spawnSync('python3', [join(ROOT, 'tools', 'static_pages.py'), dir], { encoding: 'utf8' });
    assert.equal(withEmbed.status, 0, withEmbed.stderr);
    const embedHtml = readFileSync(join(dir, 'embed-area-x-1.html'), 'utf8');
    assert.ok(!embedHtml.includes('<script>alert'), 'no markup from data in the embed page');
    assert.ok(embedHtml.includes('<title>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;amp;</title>'));
    assert.ok(embedHtml.includes('<meta name="gd-route" content="view=embed&amp;fig=area&amp;id=x&amp;n=1&amp;lang=zh&quot;&gt;&lt;script&gt;'));
    assert.match(embedHtml, /<html lang="zh-CN" class="embed">/);
    assert.match(embedHtml, /<body>\s*<!--gd-static--><div id="prerender">\s*<main id="pre-embed">pre<\/main>/);
    assert.ok(!embedHtml.includes('id="fallback"') && !/_bg\.wasm/.test(embedHtml), 'no no-Wasm text, no Wasm preload');
    spawnSync('python3', [join(ROOT, 'tools', 'static_pages.py'), dir]);
    assert.equal(readFileSync(join(dir, 'embed-area-x-1.html'), 'utf8'), embedHtml, 'a second run gives the same page');
    for (const unsafe of [{ ...embed, page: '../x.html' }, { ...embed, page: 'area-x.html' }, { ...embed, prerender: 'static/../../etc/passwd' }]) {
      writeFileSync(join(dir, 'static', 'embeds.json'), JSON.stringify([unsafe]));
      const refused = spawnSync('python3', [join(ROOT, 'tools', 'static_pages.py'), dir], { encoding: 'utf8' });
      assert.notEqual(refused.status, 0, JSON.stringify(unsafe));
      assert.match(refused.stderr, /embeds\.json: unsafe/);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('GD_SITE_URL (render-static --site-url): absolute og:image, a canonical link and og:url on every page', () => {
  // The build-time step alone, into a temporary folder: render-static (no PNG, to be quick) and
  // tools/static_pages.py over a copy of the built index.html; no full rebuild.
  const bin = renderStaticBin();
  const out = mkdtempSync(join(tmpdir(), 'gd-site-'));
  const site = 'https://example.org/gd-plus/';
  try {
    writeFileSync(join(out, 'index.html'), readFileSync(join(DIST, 'index.html')));
    const run = spawnSync(bin, ['--data', join(ROOT, 'data'), '--out', join(out, 'static'), '--site-url', site, '--no-png'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const pages = spawnSync('python3', [join(ROOT, 'tools', 'static_pages.py'), out], { encoding: 'utf8' });
    assert.equal(pages.status, 0, pages.stderr);
    const tag = (html, re) => html.match(re)?.[1] ?? null;
    const expected = [...expectedPages(), { kind: 'home', page: 'index.html' }];
    for (const p of expected) {
      const html = readFileSync(join(out, p.page), 'utf8');
      const url = p.kind === 'home' ? site : site + p.page;
      assert.equal(tag(html, /<link rel="canonical" href="([^"]+)">/), url, `${p.page}: canonical`);
      assert.equal(tag(html, /<meta property="og:url" content="([^"]+)">/), url, `${p.page}: og:url`);
      const og = tag(html, /<meta property="og:image" content="([^"]+)">/);
      if (p.kind !== 'home') assert.equal(og, `${site}static/og-${p.kind}-${p.id}.png`, `${p.page}: og:image`);
      else assert.ok(og === null || og.startsWith(site), `index.html: og:image ${og}`);
    }
    // A city's own page (no image of its own: the overall goals' stands in).
    for (const c of readJson('cities.json').cities) {
      const file = `city-${c.adcode}.html`;
      const html = readFileSync(join(out, file), 'utf8');
      assert.equal(tag(html, /<title>([^<]+)<\/title>/), `${c.name.zh} · 广东省“互联网+”行动计划数据浏览器`, file);
      assert.equal(tag(html, /<link rel="canonical" href="([^"]+)">/), site + file, `${file}: canonical`);
      assert.equal(tag(html, /<meta name="gd-route" content="([^"]+)">/), `view=city&amp;id=${c.adcode}`, `${file}: route`);
      assert.equal(tag(html, /<meta property="og:image" content="([^"]+)">/), `${site}static/og-area-overall.png`, `${file}: og:image`);
      assert.ok(html.includes(`<article class="city" data-adcode="${c.adcode}">`), `${file}: pre-rendered`);
    }
    // Only http(s) URLs without a query are accepted.
    const bad = spawnSync(bin, ['--data', join(ROOT, 'data'), '--out', join(out, 'bad'), '--site-url', 'https://example.org/?x=1', '--no-png'], { encoding: 'utf8' });
    assert.notEqual(bad.status, 0, 'a site URL with a query is refused');
    assert.match(bad.stderr, /not an http\(s\) URL without query/);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
