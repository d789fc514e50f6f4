// End-to-end canary matrix (issue #8): for each of the payloads of tools/hostile_corpus.py (each
// sets window.__canary if a browser ever executes it), a complete copy of data/ whose every text
// slot carries that payload is served in place of data/ (ids, numbers and quotes kept, so the data
// stays valid). Every view is opened and every slot the data feeds is read back: the payload must be
// there literally as text, with 0 executions, 0 dialogs, 0 CSP violations, no element or attribute
// made from it, and no javascript:/data: link. Tooltips (keyboard and pointer), the provenance
// panel, the citation and the downloads (file names and contents) are exercised too.
//
// Adding a view is one entry in VIEWS: its query, what shows it is rendered, and its slots
// (`load: true` for a page of its own, such as embed.html).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startNginx, launch, openPage, appReady, hostileCorpus, navigateInApp, clickAction } from './harness.mjs';

const INDICATOR = 'overall.online-shopping-penetration';

// Slots: CSS selectors of elements whose text comes from the data; at least one element of each
// must show the payload literally. `svg` slots are plotters' <text> inside the drawn figure.
const CHART_SLOTS = ['figure.chart:not(.map) figcaption.chart__title', 'figure.chart:not(.map) .chart__plot svg text',
  'figure.chart:not(.map) ul.chart__summary li', 'figure.chart:not(.map) table.data-table th',
  'figure.chart:not(.map) table.data-table td'];
const MAP_SLOTS = ['figure.chart.map .chart__plot svg text', '[data-testid=map-table] th', '[data-testid=map-table] td'];
const TASK_SLOTS = ['article.task h3', 'article.task p', 'article.task .task__meta .chip'];

/** The matrix's columns; `url` gets the payload (the search view searches for it). */
const VIEWS = [
  // Home is short (issue #16): its header and the area cards; the charts and the map are on their pages.
  { name: 'home', url: () => '', ready: '[data-testid=area-list] > li',
    slots: ['article.area-card h3', 'article.area-card p', '#city-finder option'] },
  { name: 'area', url: () => '?view=area&id=finance', ready: 'article.area[data-area=finance] .chart__plot[data-chart-ready] svg',
    slots: ['article.area h1', 'article.area p.lead', ...CHART_SLOTS, 'a.indicator__name', 'button.provenance__value',
      'p.indicator__note', 'ul.milestones li', ...TASK_SLOTS, ...MAP_SLOTS],
    // The area's map loads the boundaries after the first chart is drawn: wait for it too.
    also: 'figure.chart.map .chart__plot[data-chart-ready] svg',
    figures: ['figure.chart:not(.map) .chart__plot', 'figure.chart.map .chart__plot'], provenance: true, downloads: true },
  { name: 'indicator', url: () => `?view=indicator&id=${INDICATOR}`,
    ready: 'article.indicator-page .chart__plot[data-chart-ready] svg',
    slots: ['article.indicator-page h1', 'article.indicator-page p.indicator__note', ...CHART_SLOTS, 'article.indicator-page table.data-table td'],
    figures: ['figure.chart .chart__plot'], downloads: true },
  { name: 'departments', url: () => '?view=departments', ready: '[data-chart="departments-heatmap"] .chart__plot[data-chart-ready] svg',
    slots: ['[data-chart="departments-heatmap"] svg text', '[data-testid=departments] th'],
    figures: ['[data-chart="departments-heatmap"] .chart__plot'], downloads: true },
  { name: 'department', url: () => '?view=department&id=commerce', ready: 'article.department article.task',
    slots: ['article.department h1', 'article.department p.lead', 'article.department section h2', ...TASK_SLOTS] },
  { name: 'plan', url: () => '?view=plan', ready: '.plan-text a.hl',
    slots: ['.plan-text h2', '.plan-text h3', '.plan-text p'] },
  { name: 'map', url: () => '?view=map', ready: '.map .chart__plot[data-chart-ready] svg',
    slots: ['.layer-picker .chip', ...MAP_SLOTS], figures: ['figure.chart.map .chart__plot'], downloads: true },
  { name: 'city', url: () => '?view=city&id=440100', ready: 'article.city[data-adcode="440100"] article.task',
    slots: ['article.city h1', 'article.city p.lead', 'article.city .programmes li', 'article.city section h4',
      '[data-testid=locator-map] svg text', '[data-testid=locator-map] figcaption', ...TASK_SLOTS] },
  { name: 'search', url: (p) => `?view=search&q=${encodeURIComponent(p.trim())}`, ready: '[data-testid=search-results] li[data-kind]',
    slots: ['[data-testid=search-results] li a', '[data-testid=search-results] .result__context'] },
  { name: 'about', url: () => '?view=about', ready: 'dl.meta', slots: ['dl.meta dd'] },
  // Embed views are their own page (embed.html), loaded rather than navigated to.
  { name: 'embed chart', load: true, url: () => 'embed.html?view=embed&fig=area&id=finance&n=1',
    ready: '.embed-view .chart__plot[data-chart-ready] svg', slots: CHART_SLOTS, figures: ['figure.chart:not(.map) .chart__plot'] },
  { name: 'embed map', load: true, url: () => 'embed.html?view=embed&fig=map&layer=tasks&area=finance',
    ready: '.embed-view .map .chart__plot[data-chart-ready] svg', slots: MAP_SLOTS, figures: ['figure.chart.map .chart__plot'] },
];

let server, browser, corpus;

before(async () => {
  corpus = hostileCorpus();
  server = await startNginx({ prefix: '/gd/' });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  if (corpus) rmSync(corpus.dir, { recursive: true, force: true });
});

/** Everything in the page that would mean a payload became markup or a link. */
function markupFromData() {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (a.name.startsWith('on')) found.push(`${el.tagName} has ${a.name}`);
      const v = a.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
      if (/^(href|src|xlink:href|action|formaction|data|srcdoc)$/.test(a.name) && /^(javascript|data|vbscript):/.test(v)) {
        found.push(`${el.tagName} ${a.name}=${a.value}`);
      }
    }
  }
  const foreign = 'script, iframe, object, embed, img, video, audio, source, math, xss, template, base, style, meta, ' +
    'details:not(.chart__table), input:not(.search-box), body body, a text';
  for (const el of document.querySelectorAll('body ' + foreign.split(', ').join(', body '))) {
    if (el.tagName === 'SCRIPT' && el.closest('head')) continue;
    found.push(`element <${el.tagName.toLowerCase()}> in the page`);
  }
  return found;
}

/** The slots that do not show `p` literally (whitespace at the ends may be trimmed). */
function slotsMissing([slots, p]) {
  const missing = [];
  for (const sel of slots) {
    const texts = [...document.querySelectorAll(sel)].map((e) => e.textContent);
    if (!texts.some((t) => t.includes(p) || t.includes(p.trim()))) {
      missing.push(`${sel} (${texts.length} elements${texts.length ? `, e.g. ${JSON.stringify(texts[0].slice(0, 80))}` : ''})`);
    }
  }
  return missing;
}

/** Serves data/ from the canary copy `dir`. */
async function serveCanary(page, dir) {
  await page.unrouteAll();
  await page.route('**/data/**', (route) => {
    const rel = decodeURIComponent(new URL(route.request().url()).pathname.split('/data/')[1]);
    const file = join(dir, rel);
    if (!existsSync(file)) return route.continue();
    return route.fulfill({ status: 200, contentType: 'application/json', body: readFileSync(file) });
  });
}

async function checkTooltip(page, figure, p) {
  const plot = await page.$(figure);
  if (!plot) return `${figure}: missing`;
  await plot.focus();
  await page.keyboard.press('ArrowRight');
  const box = await plot.boundingBox();
  for (const [fx, fy] of [[0.3, 0.3], [0.5, 0.5], [0.7, 0.4]]) {
    await page.mouse.move(box.x + box.width * fx, box.y + Math.min(box.height, 600) * fy);
  }
  await plot.focus();
  await page.keyboard.press('ArrowLeft');
  const tip = await plot.evaluate((el) => el.closest('figure.chart').querySelector('.chart__tooltip')?.textContent ?? '');
  return tip.includes(p) ? null : `${figure} tooltip ${JSON.stringify(tip.slice(0, 80))}`;
}

async function checkDownloads(page, p, view) {
  const problems = [];
  const actions = await page.$$('.chart-actions');
  if (!actions.length) return ['no download buttons'];
  for (const kind of ['svg', 'csv']) {
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 5000 }),
      clickAction(page, 'figure.chart', kind),
    ]);
    const name = download.suggestedFilename();
    if (!name.endsWith(`.${kind}`) || /[\/\\]/.test(name) || name.startsWith('.')) problems.push(`file name ${JSON.stringify(name)}`);
    const body = readFileSync(await download.path(), 'utf8');
    if (kind === 'svg' && p.includes('<') && body.includes(p)) problems.push('payload raw in the SVG download');
    if (kind === 'csv' && !body.includes(p.replaceAll('"', '""').trim())) problems.push('payload not in the CSV download');
  }
  await clickAction(page, 'figure.chart', 'cite');
  const cite = await page.textContent('[data-testid=citation]');
  if (!cite.includes(p.trim())) problems.push(`citation ${JSON.stringify(cite.slice(0, 80))}`);
  // The embed snippet: pasted into a page, it is one iframe (and our script) whose title is the
  // payload as text. Parsed inertly (DOMParser runs nothing), in a blank page: in the app's page
  // the parse would report the snippet's own style="" attributes to the app's CSP.
  await clickAction(page, 'figure.chart', 'embed');
  const blank = await page.context().newPage();
  for (const kind of ['responsive', 'fixed']) {
    const snippet = await page.inputValue(`dialog[open] [data-snippet=${kind}] textarea`);
    const parsed = await blank.evaluate((html) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      return { tags: [...doc.body.querySelectorAll('*')].map((e) => e.tagName), title: doc.querySelector('iframe')?.title ?? '' };
    }, snippet);
    const want = kind === 'responsive' ? 'IFRAME,SCRIPT' : 'IFRAME';
    if (parsed.tags.join() !== want) problems.push(`${kind} snippet parses to ${parsed.tags.join()}`);
    // Target charts carry the area's or indicator's name in their title; the heatmap and map have fixed titles.
    const titled = ['area', 'indicator'].includes(view.name);
    if (titled && !parsed.title.includes(p.trim())) problems.push(`${kind} snippet title ${JSON.stringify(parsed.title.slice(0, 80))}`);
  }
  await blank.close();
  await page.keyboard.press('Escape');
  return problems;
}

test('every payload in every text slot of every view is shown as text and never executes', async () => {
  const payloads = corpus.payloads;
  assert.ok(payloads.length >= 25, `${payloads.length} payloads`);
  const failures = [];
  let checkedSlots = 0;
  const downloadViews = VIEWS.filter((v) => v.downloads);
  for (const [i, p] of payloads.entries()) {
    const { context, page } = await openPage(browser, { serviceWorkers: 'block', acceptDownloads: true });
    const dialogs = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      d.dismiss().catch(() => {});
    });
    await serveCanary(page, join(corpus.dir, 'canary', String(i).padStart(2, '0')));
    await page.goto(server.url);
    await appReady(page);
    for (const view of VIEWS) {
      const at = `payload ${i + 1} ${JSON.stringify(p)} × ${view.name}`;
      if (view.load) await page.goto(server.url + view.url(p));
      else await navigateInApp(page, view.url(p));
      try {
        await page.waitForSelector(view.ready, { timeout: 10000 });
        if (view.also) await page.waitForSelector(view.also, { timeout: 10000 });
      } catch {
        const err = await page.$eval('main#main', (m) => m.textContent.slice(0, 200)).catch(() => '');
        failures.push(`${at}: did not render (${err})`);
        continue;
      }
      await page.waitForTimeout(50); // let late parts (map, charts) finish drawing
      for (const m of await page.evaluate(slotsMissing, [view.slots, p])) failures.push(`${at}: not literal in ${m}`);
      checkedSlots += view.slots.length;
      for (const figure of view.figures ?? []) {
        const problem = await checkTooltip(page, figure, p);
        if (problem) failures.push(`${at}: ${problem}`);
      }
      if (view.provenance) {
        await page.click('button.provenance__value >> nth=0');
        // The quote shows at once; its paragraph (which carries the payload) when document.json is in.
        const panel = await page.waitForSelector('.provenance__panel mark', { timeout: 5000 }).catch(() => null);
        if (panel) {
          await page.waitForFunction((want) => document.querySelector('.provenance__panel')?.textContent.includes(want), p, { timeout: 5000 }).catch(() => {});
        }
        const text = panel ? await page.textContent('.provenance__panel') : '';
        if (!text.includes(p)) failures.push(`${at}: provenance panel ${JSON.stringify(text.slice(0, 80))}`);
      }
      // Downloads take a second each: payload i downloads from one of the views that offer them, in turn.
      if (view === downloadViews[i % downloadViews.length]) {
        for (const d of await checkDownloads(page, p, view)) failures.push(`${at}: ${d}`);
      }
      for (const m of await page.evaluate(markupFromData)) failures.push(`${at}: ${m}`);
      const state = await page.evaluate(() => ({ canary: window.__canary ?? null, csp: window.__csp }));
      if (state.canary !== null) failures.push(`${at}: EXECUTED (window.__canary = ${state.canary})`);
      if (state.csp.length) failures.push(`${at}: CSP violations ${state.csp.join(', ')}`);
    }
    if (dialogs.length) failures.push(`payload ${i + 1}: dialogs ${dialogs.join(', ')}`);
    const ev = await page.evidence();
    const crashes = ev.errors.filter((e) => /panicked|unreachable|RuntimeError/.test(e));
    if (crashes.length) failures.push(`payload ${i + 1}: ${crashes.join(' | ')}`);
    await context.close();
  }
  console.log(`canary matrix: ${payloads.length} payloads × ${VIEWS.length} views, ${checkedSlots} slot checks`);
  assert.deepEqual(failures, []);
});

test('control: spliced into HTML on a page without our CSP, the payloads do execute and are seen', async () => {
  const { context, page } = await openPage(browser);
  await page.setContent('<!doctype html><body><div id="sink"></div><a id="link">x</a></body>');
  const fired = [];
  const unseen = [];
  for (const [i, p] of corpus.payloads.entries()) {
    await page.evaluate((html) => {
      window.__canary = undefined;
      document.getElementById('sink').innerHTML = html; // exactly what the app must never do
    }, p);
    await page.waitForTimeout(30);
    const spliced = await page.evaluate(markupFromData);
    const canary = await page.evaluate(() => window.__canary ?? null);
    if (canary !== null) fired.push(i + 1);
    if (p.includes('<') && spliced.length === 0) unseen.push(i + 1);
  }
  // Every payload with markup is caught by the matrix's markup check when it is live (a <body>
  // inside a <div> is dropped by the HTML parser, so that one leaves nothing to see).
  assert.deepEqual(unseen, [21]);
  // onerror/onload/ontoggle/onfocus handlers fire when the markup is live: the flags can be set.
  assert.ok(fired.length >= 5, `only payloads ${fired} executed when spliced`);
  await context.close();
});
