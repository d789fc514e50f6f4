// End-to-end: the pre-rendered embed pages (issue #15, the embed row of the bench).
// embed-area-<slug>-<n>.html and embed-indicator-<id>.html are embed.html with the figure drawn at
// build time (src/static_render/prerender.rs embed_view, tools/static_pages.py): the chart in four
// variants (the fixed snippet's 640-px frame and a phone's 343-px column × light/dark), CSS
// tooltips, the summary, the data table, the source and the link back. The app mounts hidden behind
// it and takes its place once its own chart is drawn (src/view/prerender.rs). Checked here:
// (a) without JavaScript: one variant for the frame, a tooltip on hover with the app's words, the
//     source and link back, no CSP violation;
// (b) in an iframe of an article on another origin: with the Wasm held back the same, and a
//     tooltip on hover; then the whole load: the chart, its caption, its first bar and the source
//     line stay where they were (±1 px), no layout shift, the frame's height reaches the host
//     (public/embed-host.js), the app's tooltip at the same point says the same;
// (c) hosting: the embed pages may be framed by any site, the area pages by none (nginx, as
//     deployed), and an area page in the same article is refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { startNginx, launch, openPage, readJson, freePort, axe, recordLayoutShifts, layoutShift } from './harness.mjs';

const AREA = 'manufacturing';
const PAGE = `embed-area-${AREA}-1.html`;
const FRAME_APP_CHART = '#app:not(.app-pending) main.embed-view .chart__plot[data-chart-ready] svg';

let app, host, browser;

/** The article on another origin: one iframe of `src` as the responsive snippet has it, `width` wide. */
function article(src, width) {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Article</title>
    <style>body{margin:0;font:16px sans-serif}</style></head>
    <body><p>Before the chart.</p>
    <iframe src="${src}" title="chart" data-gd-plus-embed loading="lazy" referrerpolicy="no-referrer"
      style="width:${width}px;height:480px;border:0"></iframe>
    <script src="${app.url}embed-host.js" async></script>
    <p>After the chart.</p></body></html>`;
}

before(async () => {
  app = await startNginx({ prefix: '/gd/' });
  browser = await launch();
  const port = await freePort();
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const src = url.searchParams.get('src') ?? PAGE;
    const width = Number(url.searchParams.get('w') ?? 640);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(article(app.url + src, width));
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  // localhost vs the app's 127.0.0.1: another origin.
  host = { url: `http://localhost:${port}/`, stop: () => new Promise((ok) => server.close(ok)) };
});
after(async () => {
  await browser?.close();
  await Promise.all([app?.stop(), host?.stop()]);
});

/** The first target of the area's first indicator with targets: the first bar's tooltip starts so. */
function firstTooltip() {
  const first = readJson(`areas/${AREA}.json`).indicators.find((i) => i.targets.length);
  return `${first.name.zh} · ${first.targets[0].year} `;
}

/** Boxes (in the frame's document) of what must not move, within `root`. */
function boxes(frame, root) {
  return frame.evaluate((root) => {
    const scope = document.querySelector(root);
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return { x: Math.round(r.x), y: Math.round(r.y + scrollY), w: Math.round(r.width), h: Math.round(r.height) };
    };
    const bar = [...scope.querySelectorAll('.chart__plot svg rect')]
      .find((r) => r.getAttribute('height') === '18' && r.getBoundingClientRect().width > 0);
    return {
      caption: box(scope.querySelector('figure.chart .chart__title')),
      plot: box([...scope.querySelectorAll('figure.chart .chart__plot svg')].find((s) => s.getBoundingClientRect().width > 0)),
      bar: bar && box(bar),
      source: box(scope.querySelector('.embed__source')),
    };
  }, root);
}

/** Hovers the first bar in `root` of `frame` (the mouse moves in the top page's coordinates). */
async function hoverFirstBar(page, frame, root) {
  const offset = frame === page.mainFrame()
    ? { x: 0, y: 0 }
    : await (await frame.frameElement()).evaluate((f) => {
      const r = f.getBoundingClientRect();
      return { x: r.x, y: r.y };
    });
  const point = await frame.evaluate((root) => {
    const bar = [...document.querySelector(root).querySelectorAll('.chart__plot svg rect')]
      .find((r) => r.getAttribute('height') === '18' && r.getBoundingClientRect().width > 0);
    const r = bar.getBoundingClientRect();
    return { x: r.left + Math.min(r.width / 2, 40), y: r.top + r.height / 2 };
  }, root);
  await page.mouse.move(offset.x + point.x, offset.y + point.y);
}

const shownTip = (frame) =>
  frame.evaluate(() => [...document.querySelectorAll('.prechart__tip')]
    .filter((t) => getComputedStyle(t).visibility === 'visible' && t.getBoundingClientRect().width > 0)
    .map((t) => t.textContent));

const shownVariants = (frame) =>
  frame.evaluate(() => [...document.querySelectorAll('.prechart__pic')]
    .filter((s) => getComputedStyle(s).display !== 'none').map((s) => s.getAttribute('class')));

const embedFrame = async (page) => (await page.waitForSelector('iframe[data-gd-plus-embed]')).contentFrame();

const CASES = [
  { name: 'the fixed snippet\'s 640-px frame, light', width: 640, colorScheme: 'light', variant: 'is-wide is-light' },
  { name: 'a phone\'s 343-px column, dark', width: 343, colorScheme: 'dark', variant: 'is-narrow is-dark' },
];

for (const { name, width, colorScheme, variant } of CASES) {
  test(`without JavaScript the embed page shows its chart, tooltips, source and link back (${name})`, async () => {
    const { context, page } = await openPage(browser, { javaScriptEnabled: false, viewport: { width, height: 700 }, colorScheme });
    try {
      await page.goto(app.url + PAGE);
      assert.deepEqual(await shownVariants(page), [`prechart__pic ${variant}`], 'exactly one variant is shown');
      assert.equal(await page.getAttribute('html', 'class'), 'embed', 'laid out as an embed from the first paint');
      assert.deepEqual(await shownTip(page), [], 'no tooltip before a hover');
      await hoverFirstBar(page, page.mainFrame(), '#prerender');
      const tips = await shownTip(page);
      assert.equal(tips.length, 1, JSON.stringify(tips));
      assert.ok(tips[0].startsWith(firstTooltip()), tips[0]);
      const area = readJson('areas.json').areas.find((a) => a.slug === AREA);
      assert.ok((await page.textContent('#prerender .chart__title')).startsWith(`${area.name.zh}：`));
      assert.equal(await page.getAttribute('#prerender .embed__source a', 'href'), `area-${AREA}.html`);
      assert.equal(await page.getAttribute('#prerender .embed__source a', 'target'), '_blank');
      assert.ok(await page.locator('#prerender details.chart__table').isVisible(), 'the data table (closed)');
      assert.equal(await page.$('#fallback'), null, 'no no-Wasm text in the frame');
      assert.deepEqual((await page.evidence()).csp, []);
    } finally {
      await context.close();
    }
  });

  test(`in an article's iframe the app takes over without moving anything and the height reaches the host (${name})`, async () => {
    const hostPage = `${host.url}article.html?w=${width}`;
    // First the frame as it is before the Wasm arrives (Wasm requests held back).
    const held = await openPage(browser, { viewport: { width: 1024, height: 900 }, colorScheme });
    let before;
    try {
      await held.page.route('**/*.wasm', (route) => route.abort());
      await held.page.goto(hostPage);
      const frame = await embedFrame(held.page);
      await frame.waitForSelector('#prerender .chart__plot[data-prerendered]');
      assert.deepEqual(await shownVariants(frame), [`prechart__pic ${variant}`]);
      before = await boxes(frame, '#prerender');
      // axe needs script (it cannot run with JavaScript off): the frame as it is before the Wasm.
      assert.deepEqual(await axe(frame), [], 'the pre-rendered embed passes axe');
      await hoverFirstBar(held.page, frame, '#prerender');
      before.tip = (await shownTip(frame))[0];
      assert.ok(before.tip?.startsWith(firstTooltip()), `a CSS tooltip answers before the app: ${before.tip}`);
    } finally {
      await held.context.close();
    }
    // Then the whole load, recording layout shifts in the frame from its first paint on.
    const { context, page } = await openPage(browser, { viewport: { width: 1024, height: 900 }, colorScheme });
    try {
      await context.addInitScript(() => {
        window.__shifts = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            window.__shifts.push({
              value: e.value,
              sources: e.sources.map((s) => `${s.node?.nodeName}.${s.node?.getAttribute?.('class')} ${JSON.stringify(s.previousRect)} → ${JSON.stringify(s.currentRect)}`),
            });
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(hostPage);
      const frame = await embedFrame(page);
      await frame.waitForSelector(FRAME_APP_CHART, { timeout: 20000 });
      assert.equal(await frame.$('#prerender'), null, 'the pre-rendered view is gone');
      const after = await boxes(frame, '#app');
      for (const key of ['caption', 'plot', 'bar', 'source']) {
        for (const k of ['x', 'y', 'w', 'h']) {
          assert.ok(Math.abs(after[key][k] - before[key][k]) <= 1, `${key}.${k}: ${JSON.stringify(before[key])} → ${JSON.stringify(after[key])}`);
        }
      }
      const shifts = await frame.evaluate(() => window.__shifts);
      const shift = shifts.reduce((a, b) => a + b.value, 0);
      assert.equal(shift, 0, `layout shift ${shift} in the frame: ${JSON.stringify(shifts)}`);
      // embed-host.js applied the height the embed reported: the frame is as tall as its content.
      const iframe = page.locator('iframe[data-gd-plus-embed]');
      await page.waitForFunction(() => document.querySelector('iframe[data-gd-plus-embed]').style.height !== '480px');
      const outer = await iframe.evaluate((f) => f.getBoundingClientRect().height);
      const inner = await frame.evaluate(() => document.body.getBoundingClientRect().height);
      assert.ok(Math.abs(outer - inner) <= 2, `iframe ${outer}px vs content ${inner}px`);
      // The app's tooltip at the same point says what the pre-rendered one said.
      await hoverFirstBar(page, frame, '#app');
      await frame.waitForFunction(() => document.querySelector('#app .chart__tooltip')?.textContent.trim());
      assert.equal((await frame.textContent('#app .chart__tooltip')).trim(), before.tip);
      assert.deepEqual(await frame.evaluate(() => window.__csp), [], 'no CSP violation in the embed');
    } finally {
      await context.close();
    }
  });
}

/** The host's iframe height and, in the frame, its body's height and its document's scroll height. */
async function heights(page, frame) {
  const outer = await page.evaluate(() => document.querySelector('iframe[data-gd-plus-embed]').getBoundingClientRect().height);
  const inner = await frame.evaluate(() => ({
    body: document.body.getBoundingClientRect().height,
    scroll: document.documentElement.scrollHeight,
  }));
  return { outer, ...inner };
}

const fits = ({ outer, body, scroll }) => Math.abs(outer - body) <= 2 && Math.abs(outer - scroll) <= 2;

/** Records, in the host page, every height embed-host.js gives the iframe (call before `goto`). */
async function recordFrameHeights(context) {
  await context.addInitScript(() => {
    if (window.top !== window) return;
    window.__frameHeights = [];
    new MutationObserver(() => {
      const frame = document.querySelector('iframe[data-gd-plus-embed]');
      if (frame?.style.height) window.__frameHeights.push(frame.style.height);
    }).observe(document, { attributes: true, attributeFilter: ['style'], subtree: true });
  });
}

// public/embed-frame.js, which only the pre-rendered embed pages load, posts the app's height
// message before the Wasm: the host's iframe is as tall as the figure while the app is still coming.
test('with the Wasm held back the host\'s iframe reaches the pre-rendered embed\'s content height', async () => {
  const { context, page } = await openPage(browser, { viewport: { width: 1024, height: 900 } });
  try {
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto(`${host.url}article.html?w=640`);
    const frame = await embedFrame(page);
    await frame.waitForSelector('#prerender .chart__plot[data-prerendered]');
    await page.waitForFunction(() => document.querySelector('iframe[data-gd-plus-embed]').style.height !== '480px', null, { timeout: 10000 })
      .catch(() => {});
    const h = await heights(page, frame);
    assert.ok(fits(h), `iframe ${h.outer}px vs the frame's body ${h.body}px and scroll height ${h.scroll}px`);
    assert.notEqual(h.outer, 480, 'the snippet\'s starting height was replaced');
    assert.equal(await frame.$('#app:not(.app-pending) main.embed-view'), null, 'the app never ran');
    // Resizing the host's column resizes the frame's content: the new height reaches the host too.
    await page.evaluate(() => { document.querySelector('iframe[data-gd-plus-embed]').style.width = '343px'; });
    await page.waitForFunction((before) => document.querySelector('iframe[data-gd-plus-embed]').style.height !== before,
      `${Math.ceil(h.body)}px`, { timeout: 10000 }).catch(() => {});
    const narrow = await heights(page, frame);
    assert.ok(fits(narrow), `at 343 px: iframe ${narrow.outer}px vs body ${narrow.body}px, scroll height ${narrow.scroll}px`);
    assert.notEqual(narrow.outer, h.outer, 'the narrow chart is laid out at another height');
  } finally {
    await context.close();
  }
});

test('with the whole load the iframe\'s height does not change at the app\'s take-over: no layout shift in the article', async () => {
  const { context, page } = await openPage(browser, { viewport: { width: 1024, height: 900 } });
  try {
    await recordLayoutShifts(context);
    await recordFrameHeights(context);
    // The Wasm is held until the pre-rendered embed's height has reached the host, then let through.
    let release;
    const released = new Promise((ok) => { release = ok; });
    await page.route('**/*.wasm', async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(`${host.url}article.html?w=640`);
    const frame = await embedFrame(page);
    await frame.waitForSelector('#prerender .chart__plot[data-prerendered]');
    await page.waitForFunction(() => window.__frameHeights.length > 0, null, { timeout: 10000 }).catch(() => {});
    const held = await heights(page, frame);
    assert.ok(fits(held), `before the Wasm: iframe ${held.outer}px vs body ${held.body}px, scroll height ${held.scroll}px`);
    const shiftBefore = await layoutShift(page);
    const applied = await page.evaluate(() => window.__frameHeights.length);
    release();
    await frame.waitForSelector(FRAME_APP_CHART, { timeout: 20000 });
    assert.equal(await frame.$('#prerender'), null, 'the app took over');
    // The app's own ResizeObserver reports at once; give it and embed-host.js a few frames.
    await frame.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    const after = await heights(page, frame);
    assert.equal(after.outer, held.outer, 'the iframe kept its height');
    const changes = await page.evaluate((n) => window.__frameHeights.slice(n), applied);
    assert.deepEqual([...new Set(changes)].filter((v) => v !== `${held.outer}px`), [],
      `heights applied at the take-over: ${changes}`);
    assert.equal(await layoutShift(page), shiftBefore, 'no layout shift in the article at the take-over');
  } finally {
    await context.close();
  }
});

test('the embed pages may be framed by any site, the area pages by none', async () => {
  const policy = async (path) => (await fetch(app.url + path)).headers.get('content-security-policy');
  const indicator = readJson(`areas/${AREA}.json`).indicators.find((i) => i.targets.length);
  assert.match(await policy(PAGE), /frame-ancestors \*$/);
  assert.match(await policy(`embed-indicator-${indicator.id}.html`), /frame-ancestors \*$/);
  assert.match(await policy(`area-${AREA}.html`), /frame-ancestors 'none'$/);
  // In a browser: the same article framing the area page gets nothing from it.
  const { context, page } = await openPage(browser);
  try {
    await page.goto(`${host.url}article.html?src=area-${AREA}.html`);
    const frame = await embedFrame(page);
    await page.waitForTimeout(500);
    assert.equal(await frame.$('#prerender'), null, 'the area page is refused in a frame');
    // And the indicator's embed page is framed and drawn.
    await page.goto(`${host.url}article.html?src=embed-indicator-${indicator.id}.html`);
    const shown = await embedFrame(page);
    await shown.waitForSelector('.chart__plot[data-prerendered], .chart__plot[data-chart-ready]');
    assert.ok((await shown.textContent('main.embed-view .chart__title')).startsWith(indicator.name.zh));
  } finally {
    await context.close();
  }
});

test('under the service worker an embed page opened is kept as itself and opens offline; the app shell stays the app', async () => {
  const { context, page } = await openPage(browser);
  try {
    // The worker comes from a visit to the app (an embed registers none).
    await page.goto(app.url + '?view=about');
    await page.waitForSelector('main#main dl.meta', { timeout: 20000 });
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await page.waitForSelector('main#main dl.meta', { timeout: 20000 });
    assert.ok(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), 'the app is controlled');
    // A navigation to the embed page, online: the worker keeps it under its own path.
    await page.goto(app.url + PAGE);
    await page.waitForSelector(FRAME_APP_CHART, { timeout: 20000 });
    const kept = await page.evaluate(async (page) => {
      const keys = [];
      for (const name of await caches.keys()) {
        for (const r of await (await caches.open(name)).keys()) keys.push(new URL(r.url).pathname);
      }
      return keys.filter((k) => k.endsWith(page) || k.endsWith('/gd/'));
    }, PAGE);
    assert.ok(kept.some((k) => k.endsWith(PAGE)), `kept under its own path: ${kept}`);
    // Offline: the embed page opens with its chart, and the app shell is still the app, not the embed.
    await context.setOffline(true);
    await page.goto(app.url + PAGE);
    await page.waitForSelector(FRAME_APP_CHART, { timeout: 20000 });
    await page.goto(app.url + '?view=about');
    await page.waitForSelector('main#main dl.meta', { timeout: 20000 });
    assert.equal(await page.$('main.embed-view'), null, 'the shell is the app');
  } finally {
    await context.setOffline(false);
    await context.close();
  }
});
