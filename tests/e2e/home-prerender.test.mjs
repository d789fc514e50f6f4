// End-to-end: the pre-rendered home (issue #15). dist/index.html opens with the home page drawn at
// build time (src/static_render/prerender.rs: home_view); index.html answers every view, so
// public/first-view.js hides it before the first paint when the app will show another view or
// language; the app mounts hidden behind it and takes its place (src/view/prerender.rs). Checked:
// (a) without JavaScript: the header with the totals of data/ and every area's card, no CSP violation;
// (b) before the Wasm, the page passes axe; the take-over moves nothing at 375 and 1280 px: the boxes of the header, the totals, the
//     forms and every card are where the pre-rendered ones were (±1 px) and no layout shift is
//     recorded over the whole load (meta.json held back, so the app's lead arrives last);
// (c) ?view=map, ?lang=en, a stored English choice and an English browser never show it
//     (sampled with the Wasm held back), while the plain Chinese home does;
// (d) the home's load fetches each of its four data files once, and no other.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startNginx, launch, openPage, readJson, axe, recordLayoutShifts, layoutShift } from './harness.mjs';

const APP_HOME = '#app:not(.app-pending) main [data-testid=area-list] > li';
const areas = readJson('areas.json').areas;
const departments = readJson('departments.json').departments;
const cities = readJson('cities.json').cities;
// data::glance, counted again from the files.
const totals = {
  areas: areas.filter((a) => a.number > 0).length,
  targets: areas.reduce((n, a) => n + a.counts.targets, 0),
  tasks: areas.reduce((n, a) => n + a.counts.tasks, 0),
  departments: departments.length,
  cities: cities.length,
};
// The cards in the page's order: the action areas, then the overall goals.
const cardOrder = [...areas.filter((a) => a.number > 0), ...areas.filter((a) => a.number === 0)].map((a) => a.slug);

let server, browser;
before(async () => {
  server = await startNginx({ prefix: '/home/' });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** What the home shows in `root`: its heading, totals and cards, as seen on screen. */
function readHome(page, root) {
  return page.evaluate((root) => {
    const scope = document.querySelector(root);
    const visible = (e) => e && e.getBoundingClientRect().height > 0 && getComputedStyle(e).visibility === 'visible';
    return {
      h1: visible(scope.querySelector('header.glance h1')) ? scope.querySelector('header.glance h1').textContent : null,
      counts: [...scope.querySelectorAll('.glance__counts li')].filter(visible)
        .map((li) => [li.dataset.count, Number(li.querySelector('.glance__n').textContent)]),
      cards: [...scope.querySelectorAll('article.area-card')].filter(visible).map((a) => a.dataset.area),
    };
  }, root);
}

/** Boxes (page coordinates) of what must not move when the app takes over. */
function boxes(page, root) {
  return page.evaluate((root) => {
    const scope = document.querySelector(root);
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return [Math.round(r.x), Math.round(r.y + scrollY), Math.round(r.width), Math.round(r.height)];
    };
    const out = {};
    const add = (name, el) => { if (el) out[name] = box(el); };
    add('site-header', scope.querySelector('header.site-header'));
    add('h1', scope.querySelector('main header.glance h1'));
    add('lead', scope.querySelector('main .glance__lead'));
    scope.querySelectorAll('main .glance__counts li').forEach((li) => add(`count ${li.dataset.count}`, li));
    add('city-finder', scope.querySelector('main form.city-finder select'));
    add('search', scope.querySelector('main form.home-search input[type=search]'));
    scope.querySelectorAll('main article.area-card').forEach((a) => {
      add(`card ${a.dataset.area}`, a);
      add(`card ${a.dataset.area} counts`, a.querySelector('.counts'));
    });
    add('footer', scope.querySelector('footer.site-footer'));
    return out;
  }, root);
}

test('without JavaScript the home shows its header with the totals and every area card', async () => {
  const { context, page } = await openPage(browser, { javaScriptEnabled: false, viewport: { width: 375, height: 740 } });
  try {
    await page.goto(server.url);
    const home = await readHome(page, '#prerender');
    assert.equal(home.h1, '广东省“互联网+”行动计划数据浏览器');
    assert.deepEqual(home.counts, Object.entries(totals));
    assert.deepEqual(home.cards, cardOrder, 'every area, in order');
    const finance = areas.find((a) => a.slug === 'finance');
    assert.match(await page.textContent('#prerender [data-area=finance] .counts'),
      new RegExp(`${finance.counts.targets} 量化目标.*${finance.counts.tasks} 重点任务`));
    assert.ok(await page.locator('#prerender a[href="area-finance.html"]').isVisible(), 'a card links to its area page');
    assert.equal(await page.locator('#prerender #pre-city-finder option').count(), cities.length + 1);
    assert.deepEqual((await page.evidence()).csp, []);
  } finally {
    await context.close();
  }
});

for (const viewport of [{ width: 375, height: 740 }, { width: 1280, height: 900 }]) {
  test(`the app takes the pre-rendered home's place without moving anything (${viewport.width} px)`, async () => {
    // The page before the Wasm arrives.
    const held = await openPage(browser, { viewport });
    let before;
    try {
      await held.page.route('**/*.wasm', (route) => route.abort());
      await held.page.goto(server.url);
      await held.page.waitForSelector('#prerender[data-view=home] article.area-card');
      before = await boxes(held.page, '#prerender');
      // axe needs script (it cannot run with JavaScript off): the page as it is before the Wasm.
      assert.deepEqual(await axe(held.page), [], 'the pre-rendered home passes axe');
    } finally {
      await held.context.close();
    }
    // The whole load, layout shifts recorded from the first paint on; meta.json (the lead
    // sentence) held back so that it is the app's last file to arrive.
    const { context, page } = await openPage(browser, { viewport });
    try {
      await recordLayoutShifts(context);
      await page.route('**/data/meta.json', async (route) => {
        await new Promise((r) => setTimeout(r, 1500));
        await route.continue();
      });
      await page.goto(server.url);
      await page.waitForSelector(APP_HOME, { timeout: 20000 });
      assert.equal(await page.$('#prerender'), null, 'the pre-rendered home is gone');
      // Everything in (the lead last), so that a late arrival that moves the page is recorded.
      await page.waitForSelector('#main [data-testid=plan-lead]');
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const after = await boxes(page, '#app');
      assert.deepEqual(Object.keys(after), Object.keys(before), 'the same parts');
      for (const [name, box] of Object.entries(before)) {
        assert.ok(box.every((v, i) => Math.abs(v - after[name][i]) <= 1), `${name}: ${box} → ${after[name]}`);
      }
      const shift = await layoutShift(page);
      assert.equal(shift, 0, 'cumulative layout shift');
      const ev = await page.evidence();
      assert.deepEqual(ev.csp, []);
      assert.deepEqual(ev.errors, []);
    } finally {
      await context.close();
    }
  });
}

// Before the Wasm runs (held back until the sample is taken), what does the reader see?
for (const { name, path = '', locale = 'zh-CN', stored, shows, ready } of [
  { name: 'the plain Chinese home', shows: true, ready: '#main [data-testid=area-list] > li' },
  { name: '?view=map', path: '?view=map', shows: false, ready: '.map .chart__plot[data-chart-ready] svg' },
  { name: '?lang=en', path: '?lang=en', shows: false, ready: '#main [data-testid=area-list] > li' },
  { name: 'an English browser', locale: 'en-GB', shows: false, ready: '#main [data-testid=area-list] > li' },
  { name: 'a stored English choice', stored: 'en', shows: false, ready: '#main [data-testid=area-list] > li' },
  { name: 'a stored Chinese choice in an English browser', locale: 'en-US', stored: 'zh', shows: true, ready: '#main [data-testid=area-list] > li' },
]) {
  test(`before the Wasm runs, ${name} ${shows ? 'shows' : 'never shows'} the pre-rendered home`, async () => {
    const { context, page } = await openPage(browser, { locale });
    try {
      if (stored) {
        await context.addInitScript((lang) => {
          if (!localStorage.getItem('gd-plus-lang')) localStorage.setItem('gd-plus-lang', JSON.stringify(lang));
        }, stored);
      }
      let release;
      const held = new Promise((r) => (release = r));
      await page.route('**/*.wasm', async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(server.url + path, { waitUntil: 'domcontentloaded' });
      // The stylesheet is render-blocking: once it is in, this is what the first paint shows.
      await page.waitForFunction(() => [...document.styleSheets].some((s) => s.href?.includes('/style-')));
      const home = await readHome(page, 'body');
      if (shows) {
        assert.equal(home.cards.length, areas.length, 'the cards are on screen');
        assert.equal(home.h1, '广东省“互联网+”行动计划数据浏览器');
      } else {
        assert.deepEqual(home, { h1: null, counts: [], cards: [] }, 'nothing of the home is on screen');
      }
      assert.equal(await page.$('#app'), null, 'the app had not started');
      release();
      await page.waitForSelector(ready, { timeout: 20000 });
      assert.equal(await page.$('#prerender'), null, 'the app has taken over');
      if (path === '?lang=en' || (locale !== 'zh-CN' && stored !== 'zh') || stored === 'en') {
        assert.equal((await page.textContent('#main h1')).trim(), 'Guangdong “Internet+” Plan Explorer');
      }
      assert.deepEqual((await page.evidence()).csp, []);
    } finally {
      await context.close();
    }
  });
}

test('the home fetches each of its data files once, with the page pre-rendered', async () => {
  const { context, page } = await openPage(browser);
  try {
    const fetched = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.includes('/data/')) fetched.push(path.slice(path.indexOf('/data/') + 1));
    });
    await page.goto(server.url);
    await page.waitForSelector(APP_HOME, { timeout: 20000 });
    await page.waitForSelector('#main [data-testid=plan-lead]');
    // Whatever the app would still fetch after the take-over has had time to start.
    await page.waitForTimeout(1500);
    assert.deepEqual(fetched.sort(), ['data/areas.json', 'data/cities.json', 'data/departments.json', 'data/meta.json']);
  } finally {
    await context.close();
  }
});
