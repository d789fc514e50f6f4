import { startNginx, launch, openPage } from './harness.mjs';
const url = process.argv[2] || 'index.html';
const sel = process.argv[3] || '.area-card';
const server = await startNginx({ prefix: '/p/' });
const browser = await launch();
try {
  for (let i = 0; i < 3; i++) {
  const { context, page } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await context.addInitScript((sel) => {
    const T = window.__t = { fetches: [] };
    const r = () => Math.round(performance.now());
    const poll = () => {
      if (!T.ctl && [...document.querySelectorAll(sel)].some((e) => !e.closest('.app-pending, #prerender'))) T.ctl = r();
      else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
    const orig = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = async function (...a) { T.inst0 = r(); const x = await orig.apply(this, a); T.inst1 = r(); queueMicrotask(() => { T.afterStart = r(); }); return x; };
    const f = window.fetch;
    window.fetch = function (...a) { T.fetches.push([String(a[0].url || a[0]).split('/').pop(), r()]); return f.apply(this, a); };
    document.addEventListener('DOMContentLoaded', () => { T.dcl = r(); });
    new MutationObserver(() => { if (!T.mount && document.querySelector('#app *, body > header, body > main')) T.mount = r(); }).observe(document, { childList: true, subtree: true });
    addEventListener('TrunkApplicationStarted', () => { T.started = r(); });
  }, sel);
  await page.goto(server.url + url);
  await page.waitForFunction(() => window.__t.ctl, null, { timeout: 30000 });
  await page.waitForTimeout(300);
  console.log(JSON.stringify(await page.evaluate(() => window.__t)));
  await context.close();
  }
} finally { await browser.close(); await server.stop(); }
