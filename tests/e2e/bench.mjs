// Benchmark (prints numbers, asserts nothing): time from navigation to the first drawn chart or
// map (`data-chart-ready`) for a few views, cold (empty cache, no service worker) and warm, with
// dist/ behind nginx with the shipped config. Run: ./x bench  (RUNS=n to change the repetitions).
import { startNginx, launch } from './harness.mjs';

const RUNS = Number(process.env.RUNS || 5);
const VIEWS = [
  ['home', ''],
  ['area (logistics)', '?view=area&id=logistics'],
  ['map', '?view=map'],
  ['departments', '?view=departments'],
];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await startNginx({ prefix: '/bench/' });
const browser = await launch();
try {
  console.log(`views × ${RUNS} runs, ms from navigation start to the first [data-chart-ready]`);
  console.log('view'.padEnd(20), 'cold median'.padStart(12), 'warm median'.padStart(12), 'wasm KB'.padStart(9));
  for (const [name, query] of VIEWS) {
    const cold = [], warm = [];
    let wasmBytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const page = await context.newPage();
      page.on('response', async (r) => {
        if (r.url().endsWith('.wasm')) wasmBytes = Number(r.headers()['content-length'] || 0);
      });
      for (const bucket of [cold, warm]) {
        await page.goto(server.url + query);
        await page.waitForSelector('[data-chart-ready]', { timeout: 30000 });
        bucket.push(await page.evaluate(() => performance.now()));
      }
      await context.close();
    }
    console.log(name.padEnd(20), median(cold).toFixed(0).padStart(12), median(warm).toFixed(0).padStart(12), (wasmBytes / 1024).toFixed(0).padStart(9));
  }
} finally {
  await browser.close();
  await server.stop();
}
