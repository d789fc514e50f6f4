// Leak diagnosis (issue #8), a script: navigates in the app between some views (like leaks.mjs), then
// takes a Chrome heap snapshot and prints, for the detached DOM elements it holds, how many there
// are by tag and the shortest retaining path from a GC root to a few of them.
//   node tests/e2e/heapsnap.mjs            (ROUTES=40 ONLY=about,plan by default)
import { startNginx, launch, openPage, appReady, navigateInApp, keepWasmMemory } from './harness.mjs';

const ROUTES = Number(process.env.ROUTES || 40);
const VIEWS = [
  ['?view=about', 'dl.meta'],
  ['?view=plan', '.plan-text a.hl'],
];
const PATHS = Number(process.env.PATHS || 3);

const server = await startNginx({ prefix: '/leaks/' });
const browser = await launch();
try {
  const { context, page } = await openPage(browser, { serviceWorkers: 'block' });
  await keepWasmMemory(context);
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await page.goto(server.url + VIEWS[0][0]);
  await appReady(page, VIEWS[0][1]);
  for (let i = 1; i <= ROUTES; i++) {
    const [query, ready] = VIEWS[i % VIEWS.length];
    await navigateInApp(page, query);
    await appReady(page, ready, 15000);
  }
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (e) => chunks.push(e.chunk));
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
  const snap = JSON.parse(chunks.join(''));
  const wasm = await page.evaluate(() => window.__wasmMemory?.buffer.byteLength ?? -1);
  analyse(snap, wasm);
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}

function analyse(snap, wasm) {
  const { meta } = snap.snapshot;
  const nf = meta.node_fields, ef = meta.edge_fields;
  const NF = nf.length, EF = ef.length;
  const nodeTypes = meta.node_types[0], edgeTypes = meta.edge_types[0];
  const { nodes, edges, strings } = snap;
  const iType = nf.indexOf('type'), iName = nf.indexOf('name'), iEdges = nf.indexOf('edge_count');
  const iDetached = nf.indexOf('detachedness'), iSize = nf.indexOf('self_size');
  const eType = ef.indexOf('type'), eName = ef.indexOf('name_or_index'), eTo = ef.indexOf('to_node');
  const count = nodes.length / NF;
  const firstEdge = new Uint32Array(count + 1);
  for (let n = 0, e = 0; n < count; n++) {
    firstEdge[n] = e;
    e += nodes[n * NF + iEdges] * EF;
  }
  firstEdge[count] = edges.length;
  const name = (n) => strings[nodes[n * NF + iName]];
  const type = (n) => nodeTypes[nodes[n * NF + iType]];
  const edgeName = (e) => {
    const t = edgeTypes[edges[e + eType]];
    const v = edges[e + eName];
    return t === 'element' || t === 'hidden' ? `[${v}]` : `${t}:${strings[v]}`;
  };
  // Shortest paths from the root, through strong edges only.
  const parentEdge = new Int32Array(count).fill(-1);
  const parent = new Int32Array(count).fill(-1);
  const seen = new Uint8Array(count);
  seen[0] = 1;
  let queue = [0];
  while (queue.length) {
    const next = [];
    for (const n of queue) {
      for (let e = firstEdge[n]; e < firstEdge[n + 1]; e += EF) {
        if (edgeTypes[edges[e + eType]] === 'weak') continue;
        const to = edges[e + eTo] / NF;
        if (seen[to]) continue;
        seen[to] = 1;
        parent[to] = n;
        parentEdge[to] = e;
        next.push(to);
      }
    }
    queue = next;
  }
  const detached = [];
  const byName = new Map();
  for (let n = 0; n < count; n++) {
    const nm = name(n);
    const isDetached = (iDetached >= 0 && nodes[n * NF + iDetached] === 2) || nm.startsWith('Detached ');
    if (type(n) === 'native' && isDetached) {
      detached.push(n);
      byName.set(nm, (byName.get(nm) || 0) + 1);
    }
  }
  console.log(`Wasm memory ${wasm / 1048576} MiB; ${count} heap nodes; ${detached.length} detached DOM nodes`);
  for (const [nm, c] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${c}\t${nm.slice(0, 100)}`);
  // Where the detached trees hang from: the last node outside them on each one's shortest path.
  const entries = new Map();
  for (const n of detached) {
    let m = n;
    while (parent[m] >= 0 && nodes[parent[m] * NF + iDetached] === 2) m = parent[m];
    if (parent[m] < 0) continue;
    const outer = parent[m];
    let rootward = [];
    for (let k = outer, i = 0; k > 0 && i < 4; k = parent[k], i++) rootward.push(`${type(k)} ${name(k).slice(0, 60)}`);
    const key = `${edgeName(parentEdge[m]).replace(/\[\d+\]/, '[i]')} from ${rootward.join(' <- ')}`;
    entries.set(key, (entries.get(key) || 0) + 1);
  }
  console.log('detached nodes by what holds their tree (edge from the last attached/JS node <- its retainers):');
  for (const [k, c] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${c}\t${k}`);
  // Retaining paths of a few, preferring elements whose path does not go through another detached node.
  const isDet = new Uint8Array(count);
  for (const n of detached) isDet[n] = 1;
  const roots = detached.filter((n) => parent[n] >= 0 && !isDet[parent[n]]);
  const shown = new Map();
  for (const n of roots) {
    const path = [];
    for (let m = n; m > 0; m = parent[m]) path.push(`${edgeName(parentEdge[m])} -> ${type(m)} ${JSON.stringify(name(m).slice(0, 80))} @${nodes[m * NF + 2]}`);
    const key = path.slice(1).map((p) => p.replace(/@\d+/, '').replace(/\[\d+\]/, '[i]')).join('|');
    const s = shown.get(key) || { n: 0, path };
    s.n++;
    shown.set(key, s);
  }
  console.log(`${roots.length} detached nodes retained directly from outside the detached trees; ${shown.size} distinct paths`);
  for (const { n, path } of [...shown.values()].sort((a, b) => b.n - a.n).slice(0, PATHS)) {
    console.log(`\n${n}× retained via (root first):`);
    for (const step of path.reverse()) console.log('   ' + step);
  }
  void iSize;
}
