// `./x shots`: screenshots of every main view at 320, 768 and 1280 px, in Chinese and English,
// light and dark, for a reviewer to look at (not a test: nothing is asserted). Writes PNGs to
// shots/<UTC time>/<view>.<lang>.<scheme>.<width>.png (shots/ is git-ignored) and prints the
// folder. ONLY=home,city keeps the views whose name contains one of the words.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startNginx, launch, ROOT } from './harness.mjs';

const VIEWS = [
  ['home', '', '[data-testid=glance-counts] li'],
  ['area', '?view=area&id=finance', 'article.area .chart__plot[data-chart-ready] svg'],
  ['indicator', '?view=indicator&id=overall.online-shopping-penetration', '.chart__plot[data-chart-ready] svg'],
  ['departments', '?view=departments', '[data-chart="departments-heatmap"] .chart__plot[data-chart-ready] svg'],
  ['department', '?view=department&id=commerce', 'article.department article.task'],
  ['map', '?view=map', '.map .chart__plot[data-chart-ready] svg'],
  ['city', '?view=city&id=440100', '[data-testid=locator-map] [data-chart-ready] svg'],
  ['plan', '?view=plan', '.plan-text p'],
  ['search', '?view=search&q=%E6%B7%B1%E5%9C%B3', '[data-testid=search-results] li'],
  ['about', '?view=about', 'dl.meta'],
  ['embed', 'embed.html?view=embed&fig=area&id=finance&n=1', '.embed-view .chart__plot[data-chart-ready] svg'],
];
const WIDTHS = [320, 768, 1280];
const MAX_HEIGHT = 8000; // the plan text is far longer: its top is enough to judge

const only = (process.env.ONLY ?? '').split(',').filter(Boolean);
const views = only.length ? VIEWS.filter(([name]) => only.some((w) => name.includes(w))) : VIEWS;
const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
const out = join(ROOT, 'shots', stamp);
mkdirSync(out, { recursive: true });
const server = await startNginx({ prefix: '/' });
const browser = await launch();
let n = 0;
try {
  for (const lang of ['zh', 'en']) {
    for (const scheme of ['light', 'dark']) {
      for (const width of WIDTHS) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
        const page = await context.newPage();
        for (const [name, query, ready] of views) {
          const sep = query.includes('?') ? '&' : '?';
          await page.goto(server.url + query + `${sep}lang=${lang}`);
          try {
            await page.waitForSelector(ready, { timeout: 20000 });
          } catch {
            console.error(`${name} ${lang} ${scheme} ${width}: not ready (${ready}); shot anyway`);
          }
          await page.waitForTimeout(150);
          const height = await page.evaluate(() => document.documentElement.scrollHeight);
          await page.screenshot({
            path: join(out, `${name}.${lang}.${scheme}.${width}.png`),
            fullPage: true,
            clip: { x: 0, y: 0, width, height: Math.min(height, MAX_HEIGHT) },
          });
          n++;
        }
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
console.log(`${n} screenshots in ${out}`);
