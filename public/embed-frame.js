// Pre-rendered embed pages only (tools/static_pages.py adds it): reports the page's height to the host
// before the Wasm runs, the same message as the app's (src/view/embed.rs report_height_to_host,
// read by public/embed-host.js), so the host's iframe has its height at once. Both measure <body>,
// so at the app's take-over they agree. A no-op outside a frame or an embed page.
(function (w, d) {
  var p = w.parent, b = d.body, last = 0;
  if (p === w || !b || !w.ResizeObserver || !/\bembed\b/.test(d.documentElement.className)) return;
  new ResizeObserver(function () {
    var h = Math.ceil(b.getBoundingClientRect().height);
    if (h !== last) p.postMessage({ type: 'gd-plus:embed-height', height: last = h }, '*');
  }).observe(b);
})(window, document);
