// Test harness: serve dist/ with nginx (shipped config, sub-path, CSP) or a plain static server,
// and drive Debian's Chromium with playwright-core. Never downloads a browser.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
// GD_DIST lets a second build (e.g. a parallel worktree) run the suite against its own dist/.
export const DIST = process.env.GD_DIST ? resolve(process.env.GD_DIST) : join(ROOT, 'dist');
export const DATA = join(ROOT, 'data');
export const CHROMIUM = process.env.CHROME_BIN || '/usr/bin/chromium';

export const readJson = (file) => JSON.parse(readFileSync(join(DATA, file), 'utf8'));

export async function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
    srv.on('error', fail);
  });
}

async function waitForPort(port, child, what) {
  const deadline = Date.now() + 15000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/`);
      await r.arrayBuffer();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`${what} did not start on port ${port}`);
}

/**
 * Starts nginx with deploy/nginx.conf serving dist/ under `prefix`.
 * `csp` optionally rewrites the policy (the negative control removes 'wasm-unsafe-eval').
 * `mounts` adds more deployments to the same server (one origin): `[{ prefix, dist }]`, each with
 * the shipped config's locations.
 */
export async function startNginx({ prefix = '/some/path/', csp, dist = DIST, mounts = [] } = {}) {
  if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/ is not built: run ./x build');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'gd-nginx-'));
  const template = readFileSync(join(ROOT, 'deploy', 'nginx.conf'), 'utf8');
  const render = (prefix, dist) => template
    .replaceAll('__PORT__', String(port))
    .replaceAll('__PREFIX_NOSLASH__', prefix === '/' ? '/__never__' : prefix.replace(/\/$/, ''))
    .replaceAll('__PREFIX__', prefix)
    .replaceAll('__DIST__', dist + '/');
  let server = render(prefix, dist);
  for (const mount of mounts) {
    const other = render(mount.prefix, mount.dist);
    const locations = other.slice(other.indexOf('    location = '), other.lastIndexOf('}'));
    const end = server.lastIndexOf('}');
    server = server.slice(0, end) + locations + server.slice(end);
  }
  if (csp) server = server.replace(/set \$csp "[^"]*";/, `set $csp "${csp}";`);
  writeFileSync(join(dir, 'server.conf'), server);
  writeFileSync(
    join(dir, 'nginx.conf'),
    `daemon off;\nuser root;\nworker_processes 1;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log warn;\n` +
      `events { worker_connections 64; }\n` +
      `http {\n include /etc/nginx/mime.types;\n default_type application/octet-stream;\n access_log ${dir}/access.log;\n` +
      ` client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;\n` +
      ` uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;\n include ${dir}/server.conf;\n}\n`,
  );
  const test = spawnSync('nginx', ['-t', '-p', dir, '-c', join(dir, 'nginx.conf')], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx -t failed:\n${test.stderr}`);
  const child = spawn('nginx', ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
  await waitForPort(port, child, 'nginx');
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    origin: `http://127.0.0.1:${port}`,
    port,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A plain static file server (Python's http.server) at the root: no rewrites, no special headers. */
export async function startPlainServer() {
  const port = await freePort();
  const child = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', DIST], {
    stdio: 'ignore',
  });
  await waitForPort(port, child, 'http.server');
  return {
    url: `http://127.0.0.1:${port}/`,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
    },
  };
}

export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/**
 * Opens a page that records CSP violations, console errors, page errors and every request's host.
 * Call `page.evidence()` to read them. Violations are kept for the page's whole life, one record per
 * document (`cspByDocument`: `[{ url, csp: [...] }]` in visiting order), so a test that visits several
 * routes and asserts at the end sees every route's violations, not only the last document's.
 * With JavaScript on, the page's own `securitypolicyviolation` events are reported through a binding;
 * with JavaScript off (no page script runs, so no listener can), Chromium's DevTools issues
 * (`Audits.issueAdded`, ContentSecurityPolicyIssue) are the record.
 */
export async function openPage(browser, { locale = 'zh-CN', viewport = { width: 1024, height: 800 }, ...opts } = {}) {
  const context = await browser.newContext({ locale, viewport, ...opts });
  const documents = [];
  const record = (url, violation) => {
    let doc = documents.findLast((d) => d.url === url);
    if (!doc) documents.push((doc = { url, csp: [] }));
    doc.csp.push(violation);
  };
  await context.exposeBinding('__gdCspReport', ({ frame }, violation) => record(frame.url(), String(violation)));
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      const v = `${e.violatedDirective} ${e.blockedURI}`;
      window.__csp.push(v);
      window.__gdCspReport?.(v);
    });
  });
  const page = await context.newPage();
  if (opts.javaScriptEnabled === false) {
    const cdp = await context.newCDPSession(page);
    cdp.on('Audits.issueAdded', ({ issue }) => {
      const d = issue.details?.contentSecurityPolicyIssueDetails;
      if (issue.code !== 'ContentSecurityPolicyIssue' || !d) return;
      record(page.url(), `${d.violatedDirective} ${d.blockedURL ?? d.contentSecurityPolicyViolationType}`);
    });
    await cdp.send('Audits.enable');
  }
  const hosts = new Set();
  const errors = [];
  page.on('request', (r) => hosts.add(new URL(r.url()).host));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  // A document with no violation still gets its (empty) record, so a per-route check can tell
  // "visited, clean" from "never visited".
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && documents.at(-1)?.url !== frame.url()) documents.push({ url: frame.url(), csp: [] });
  });
  page.evidence = async () => ({
    csp: documents.flatMap((d) => d.csp),
    cspByDocument: documents.map((d) => ({ url: d.url, csp: [...d.csp] })),
    hosts: [...hosts],
    errors,
  });
  return { context, page };
}

/** Waits until the app has replaced the no-Wasm fallback and rendered `selector`. */
export async function appReady(page, selector = 'main#main', timeout = 20000) {
  // Dispose of the handle: an undisposed ElementHandle keeps its element (and, once the app has
  // removed it, its whole detached tree) alive in the page until the page closes.
  const handle = await page.waitForSelector(selector, { timeout });
  await handle?.dispose();
}

export const AXE_SOURCE = readFileSync(join(ROOT, 'tests', 'e2e', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** Runs axe-core (WCAG 2.0/2.1/2.2 A and AA) in the page and returns the violations. */
export async function axe(page) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return r.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
}

/**
 * Generates the hostile corpus and the canary datasets (tools/hostile_corpus.py) into a fresh
 * temporary directory; returns `{ dir, manifest, payloads }`. The caller removes `dir`.
 */
export function hostileCorpus() {
  const dir = mkdtempSync(join(tmpdir(), 'gd-hostile-'));
  const run = spawnSync('python3', [join(ROOT, 'tools', 'hostile_corpus.py'), dir], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`tools/hostile_corpus.py failed:\n${run.stderr}`);
  return {
    dir,
    manifest: JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')),
    payloads: JSON.parse(readFileSync(join(dir, 'canary', 'payloads.json'), 'utf8')),
  };
}

/** Navigates in place (history.pushState + popstate, as the app's own links do): no reload. */
export async function navigateInApp(page, query) {
  await page.evaluate((q) => {
    const url = new URL(q || '?', location.href);
    if (!q) url.search = '';
    history.pushState(null, '', url);
    dispatchEvent(new PopStateEvent('popstate'));
  }, query);
}

/**
 * Test instrumentation only: keeps a handle on the app's Wasm memory as `window.__wasmMemory`, so
 * that a test can read its size from outside. Call before the page loads.
 */
export async function keepWasmMemory(context) {
  await context.addInitScript(() => {
    const keep = (result) => {
      const exports = (result.instance ?? result).exports;
      if (exports?.memory) window.__wasmMemory = exports.memory;
      return result;
    };
    const stream = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = (...a) => stream.apply(WebAssembly, a).then(keep);
    const plain = WebAssembly.instantiate;
    WebAssembly.instantiate = (...a) => plain.apply(WebAssembly, a).then(keep);
  });
}

/**
 * Runs one action of a figure's "Share & download" menu (src/view/actions.rs): opens the menu of
 * the first figure in `scope` (a selector of the figure's container) and clicks the item whose
 * `data-action` is `action` (svg, png, csv, json, link, embed, cite). Every e2e test that uses a
 * chart action goes through here.
 */
export async function clickAction(page, scope, action) {
  const root = page.locator(scope).first();
  const button = root.locator('button[aria-haspopup="menu"]').first();
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await root.locator(`[role="menu"] [data-action="${action}"]`).first().click();
}

/**
 * Compares a downloaded PNG with the downloaded SVG it was made from, in a blank page of `browser`
 * (no CSP): the SVG is rasterised by Chromium at the PNG's size, both are read back as pixels.
 * Returns { width, height, meanDiff (0–255, per channel), ink (share of pixels that are not the
 * background colour of the top-left corner), opaque (every pixel's alpha is 255) }.
 * A blank, cut-off, mis-scaled or text-less PNG differs from the SVG's raster or has no ink.
 */
export async function comparePngWithSvg(browser, png, svg) {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto('about:blank');
    return await page.evaluate(async ({ pngB64, svgText }) => {
      const pngBlob = await (await fetch(`data:image/png;base64,${pngB64}`)).blob();
      const pngBitmap = await createImageBitmap(pngBlob);
      const { width, height } = pngBitmap;
      const pixels = (draw) => {
        const canvas = new OffscreenCanvas(width, height);
        const ctx = canvas.getContext('2d');
        draw(ctx);
        return ctx.getImageData(0, 0, width, height).data;
      };
      const fromPng = pixels((ctx) => ctx.drawImage(pngBitmap, 0, 0));
      const img = new Image();
      img.src = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
      await img.decode();
      const fromSvg = pixels((ctx) => ctx.drawImage(img, 0, 0, width, height));
      let diff = 0, ink = 0, opaque = true;
      const bg = [fromPng[0], fromPng[1], fromPng[2]];
      for (let i = 0; i < fromPng.length; i += 4) {
        for (let c = 0; c < 4; c++) diff += Math.abs(fromPng[i + c] - fromSvg[i + c]);
        if (fromPng[i + 3] !== 255) opaque = false;
        if (Math.abs(fromPng[i] - bg[0]) + Math.abs(fromPng[i + 1] - bg[1]) + Math.abs(fromPng[i + 2] - bg[2]) > 60) ink++;
      }
      return { width, height, meanDiff: diff / fromPng.length, ink: ink / (width * height), opaque };
    }, { pngB64: Buffer.from(png).toString('base64'), svgText: svg });
  } finally {
    await context.close();
  }
}

/**
 * Records every layout shift of the pages of `context` from their first paint on (call before
 * `goto`); `layoutShift(page)` then gives the cumulative score, after two frames, so that a change
 * made in the last task is laid out and recorded.
 */
export async function recordLayoutShifts(context) {
  await context.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__shifts.push(e.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

export async function layoutShift(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate(() => window.__shifts.reduce((a, b) => a + b, 0));
}
