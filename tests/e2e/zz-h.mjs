import { startNginx, launch, openPage } from './harness.mjs';
const server = await startNginx({ prefix: '/city/' });
const browser = await launch();
try {
  for (let i = 0; i < 4; i++) {
    const { context, page } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await context.addInitScript(() => {
      window.__t = {};
      const poll = () => {
        const now = performance.now();
        if (!window.__t.ctl && [...document.querySelectorAll('.area-card')].some((e) => !e.closest('.app-pending, #prerender'))) window.__t.ctl = now;
        if (!window.__t.facts && document.querySelector('#app .city__summary')) window.__t.facts = now;
        requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    });
    await page.goto(server.url + 'index.html');
    await page.waitForFunction(() => window.__t.ctl, null, { timeout: 30000 });
    console.log(JSON.stringify(await page.evaluate(() => window.__t)));
    await context.close();
  }
} finally { await browser.close(); await server.stop(); }
