// Service worker: keeps the app shell and the shared datasets so the explorer works offline after one
// visit. An area's own file (data/areas/*.json) is not precached — a reader who opens one area pays
// for that area only (issue #9) — but kept once fetched, so every area seen online opens offline.
// tools/postbuild.py fills in PRECACHE and VERSION for each build; a new build has a new VERSION, so the
// browser installs the new worker on the next visit, which replaces the old cache.
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
// CacheStorage is shared by the whole origin, and one origin may host several deployments under
// different sub-paths (/a/, /b/), each with its own worker. So a cache is named by version AND by this
// worker's scope, and a worker deletes only older caches of its own scope: never another
// deployment's (tests/e2e/offline.test.mjs, two sub-paths). Caches named before scopes were
// (`gd-plus-<version>`, no space) are removed once by whichever deployment updates first.
const SCOPE = self.registration.scope;
const CACHE = `gd-plus-${VERSION} ${SCOPE}`;
const ownOldCache = (key) => key !== CACHE && key.startsWith('gd-plus-') && (key.endsWith(` ${SCOPE}`) || !key.includes(' '));

// A per-view page (area-….html, indicator-….html, city-….html) that is the reader's FIRST visit was
// fetched before this worker existed, so the fetch handler never saw it. Keep it now, with the area
// files it needs (indicator ids start with their area's slug; a city page reads every area, listed
// in data/areas.json), so that the page opens offline afterwards.
const PER_VIEW_PAGE = /\/(area|indicator|city)-([^/]+)\.html$/;
// A pre-rendered embed (embed-area-<slug>-<n>.html, embed-indicator-<id>.html) is kept the same way:
// its own page and its area's file.
const EMBED_PAGE = /\/embed-(area|indicator)-([^/]+)\.html$/;
/** The area file a page needs, from its path (`null` for a city page: it needs them all). */
function areaOfPage(pathname) {
  const embed = pathname.match(EMBED_PAGE);
  if (embed) return embed[1] === 'area' ? embed[2].replace(/-\d+$/, '') : embed[2].split('.')[0];
  const m = pathname.match(PER_VIEW_PAGE);
  return m && m[1] !== 'city' ? m[2].split('.')[0] : null;
}
const ownPage = (pathname) => PER_VIEW_PAGE.test(pathname) || EMBED_PAGE.test(pathname);
function everyAreaFile(cache) {
  const index = new URL('data/areas.json', SCOPE).href;
  return cache.match(index)
    .then((hit) => hit || fetch(index))
    .then((response) => response.json())
    .then((json) => json.areas.map((a) => new URL(`data/${a.file}`, SCOPE).href))
    .catch(() => []);
}
function keepOpenPerViewPages(cache) {
  return self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((clients) => {
    const urls = new Set();
    let city = false;
    for (const client of clients) {
      const url = new URL(client.url);
      if (!ownPage(url.pathname) || !url.href.startsWith(SCOPE)) continue;
      urls.add(url.origin + url.pathname);
      const area = areaOfPage(url.pathname);
      if (area === null) city = true;
      else urls.add(new URL(`data/areas/${area}.json`, SCOPE).href);
    }
    return (city ? everyAreaFile(cache) : Promise.resolve([])).then((files) => {
      files.forEach((f) => urls.add(f));
      // Best effort: a page or file that cannot be fetched now is simply not kept.
      return Promise.all([...urls].map((u) => cache.add(u).catch(() => undefined)));
    });
  });
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter(ownOldCache).map((k) => caches.delete(k))))
      .then(() => caches.open(CACHE))
      .then(keepOpenPerViewPages)
      .then(() => self.clients.claim()),
  );
});

// Hashed assets never change: cache first. Pages and datasets: network first (a new deployment
// wins when online), falling back to the cache when offline.
const HASHED = /-[0-9a-f]{8,}(_bg\.wasm|\.js|\.css|\.svg)$/;

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (HASHED.test(url.pathname)) {
    event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
    return;
  }
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          // A per-view page (area-….html) is kept under its own path, every other page as the app shell.
          const key = request.mode !== 'navigate' ? request
            : ownPage(url.pathname) ? url.origin + url.pathname : './';
          // Kept only once the whole body has arrived: a put whose body is cut off (the reader went
          // offline mid-download) may drop the copy kept before and leave none (the likely cause of
          // a flaky offline test; not reproduced), and the file would then fail offline.
          const init = { status: response.status, statusText: response.statusText, headers: response.headers };
          response.clone().arrayBuffer()
            .then((body) => caches.open(CACHE).then((cache) => cache.put(key, new Response(body, init))))
            .catch(() => undefined);
        }
        return response;
      })
      .catch(() =>
        caches.match(request, { ignoreSearch: request.mode === 'navigate' })
          // Only a page falls back to the app shell; a dataset that is not kept is a network error
          // (the app then says "offline"), never the shell's HTML in place of JSON.
          .then((hit) => hit || (request.mode === 'navigate' ? caches.match('./') : undefined))
          .then((hit) => hit || Response.error()),
      ),
  );
});
