// End-to-end: a chart's downloads equal what it shows, and its citation holds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startNginx, launch, openPage, appReady, readJson, clickAction, comparePngWithSvg } from './harness.mjs';

let server, browser;
before(async () => {
  server = await startNginx({ prefix: '/exp/' });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function save(page, scope, action) {
  const [download] = await Promise.all([page.waitForEvent('download'), clickAction(page, scope, action)]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

/** A small RFC 4180 reader (quotes, doubled quotes, CRLF). */
function parseCsv(text) {
  const rows = [[]];
  let field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { rows.at(-1).push(field); field = ''; }
    else if (c === '\r') continue;
    else if (c === '\n') { rows.at(-1).push(field); field = ''; rows.push([]); }
    else field += c;
  }
  if (field || rows.at(-1).length) rows.at(-1).push(field);
  return rows.filter((r) => r.length > 1);
}

test('CSV, JSON, SVG and PNG downloads of a chart hold exactly what it shows; Cite gives a full citation', async () => {
  const area = readJson('areas/logistics.json');
  const { context, page } = await openPage(browser, { acceptDownloads: true });
  await page.goto(server.url + '?view=area&id=logistics');
  await appReady(page, '.chart .chart__plot[data-chart-ready] svg');
  const chart = page.locator('figure.chart').first();
  const chartId = await chart.getAttribute('data-chart');
  const shownRows = await chart.locator('.chart__table tbody tr').count();

  const csv = await save(page, `figure[data-chart="${chartId}"]`, 'csv');
  assert.equal(csv.name, `gd-plus-${chartId}.csv`);
  const text = csv.bytes.toString('utf8');
  assert.ok(text.startsWith('\ufeff'), 'BOM so that spreadsheets read Chinese');
  const [header, ...rows] = parseCsv(text.slice(1));
  assert.ok(header.includes('quote') && header.includes('value') && header.includes('unit_zh'));
  const byId = Object.fromEntries(area.indicators.flatMap((i) => i.targets.map((t) => [t.id, { t, i }])));
  for (const r of rows) {
    const rec = Object.fromEntries(header.map((h, k) => [h, r[k]]));
    const { t, i } = byId[`${rec.indicator_id}.${rec.year}`];
    assert.equal(Number(rec.value), t.value);
    assert.equal(rec.quote, t.quote);
    assert.equal(rec.unit_zh, i.unit.zh);
  }
  const indicatorsShown = new Set(rows.map((r) => r[header.indexOf('indicator_id')]));
  assert.equal(indicatorsShown.size, shownRows, 'one indicator per table row of the chart');

  const json = JSON.parse((await save(page, `figure[data-chart="${chartId}"]`, 'json')).bytes.toString('utf8'));
  assert.equal(json.rows.length, rows.length);
  assert.equal(json.source.issuer, '广东省人民政府');

  const svg = (await save(page, `figure[data-chart="${chartId}"]`, 'svg')).bytes.toString('utf8');
  assert.match(svg, /^<svg[^>]*width="800"/);
  const firstName = area.indicators.find((i) => rows.some((r) => r[0] === i.id)).name.zh;
  assert.ok(svg.includes(firstName), 'the SVG carries the chart labels');
  const caption = await chart.locator('.chart__title').textContent();
  assert.ok(svg.includes(`互联网+现代物流：${caption}`), `the SVG carries the area and chart title: ${caption}`);
  assert.ok(svg.includes('来源：广东省“互联网+”行动计划（2015—2020年）'), 'and the source line');

  const png = (await save(page, `figure[data-chart="${chartId}"]`, 'png')).bytes;
  assert.equal(png.subarray(1, 4).toString(), 'PNG');
  const svgHeight = Number(svg.match(/height="(\d+)"/)[1]);
  assert.equal(png.readUInt32BE(16), 1600, 'PNG is 2× the SVG width');
  assert.equal(png.readUInt32BE(20), svgHeight * 2);
  // The pixels: the SVG at 2×, on an opaque background, with ink (bars, labels, title, source).
  const px = await comparePngWithSvg(browser, png, svg);
  assert.ok(px.opaque, 'a PNG for publication has no transparent pixels');
  assert.ok(px.meanDiff < 2, `the PNG is the SVG drawn at 2× (mean difference ${px.meanDiff})`);
  assert.ok(px.ink > 0.03, `the PNG shows the chart (ink ${px.ink})`);

  await clickAction(page, `figure[data-chart="${chartId}"]`, 'cite');
  const citation = await page.textContent(`figure[data-chart="${chartId}"] [data-testid=citation]`);
  assert.match(citation, /^广东省人民政府/);
  assert.match(citation, /《广东省“互联网\+”行动计划（2015—2020年）》/);
  assert.match(citation, /2015年/);
  assert.match(citation, /互联网\+现代物流/);
  // The address cited is the area's own page (link previews, pre-rendered chart).
  assert.ok(citation.includes(server.url + 'area-logistics.html'), citation);
  assert.match(citation, /访问日期：\d{4}-\d{2}-\d{2}/);
  const ev = await page.evidence();
  assert.deepEqual(ev.csp, []);
  await context.close();
});

test('the department heatmap downloads as CSV and JSON with the same numbers, and as a titled SVG', async () => {
  const { context, page } = await openPage(browser, { acceptDownloads: true });
  await page.goto(server.url + '?view=departments&lang=zh');
  const fig = 'figure[data-chart="departments-heatmap"]';
  await appReady(page, `${fig} .chart__plot[data-chart-ready] svg`);
  const [header, ...rows] = parseCsv((await save(page, `${fig}`, 'csv')).bytes.toString('utf8').slice(1));
  const json = JSON.parse((await save(page, `${fig}`, 'json')).bytes.toString('utf8'));
  assert.equal(json.chart, 'departments-heatmap');
  assert.equal(json.rows.length, rows.length * (header.length - 2), 'one JSON row per CSV cell');
  for (const r of json.rows) {
    const csvRow = rows.find((x) => x[0] === r.department_id);
    const col = header.findIndex((h) => h.endsWith(`_${r.area_slug.replaceAll('-', '_')}`));
    assert.ok(col >= 2, `a CSV column for ${r.area_slug}`);
    assert.equal(Number(csvRow[col]), r.tasks, `${r.department_id} × ${r.area_slug}`);
  }
  const svg = (await save(page, `${fig}`, 'svg')).bytes.toString('utf8');
  assert.ok(svg.includes(await page.textContent(`${fig} .chart__title`)), 'the SVG carries the title');
  await context.close();
});
