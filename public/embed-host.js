/*
 * embed-host.js — for pages that embed a chart or map of the Guangdong "Internet+" Plan Explorer.
 *
 * Include it once, after (or before) any number of our iframes:
 *   <iframe src="https://…/embed.html?view=embed&fig=…" title="…" data-gd-plus-embed
 *           style="width:100%;height:480px;border:0"></iframe>
 *   <script src="https://…/embed-host.js" async></script>
 *
 * Each embed view posts one kind of message to its parent: {type: 'gd-plus:embed-height', height: N},
 * the height of its content in CSS pixels. This script sets the height of the iframe that sent it,
 * and only when:
 *   - the sender (event.source) is the window of one of the page's iframes marked data-gd-plus-embed,
 *   - the message comes from that iframe's own origin (the origin of its src; "null", the opaque
 *     origin, for an iframe sandboxed without allow-same-origin),
 *   - the message is a plain object with exactly the keys `type` and `height`, the type is ours,
 *   - the height is a finite number from MIN_HEIGHT to MAX_HEIGHT.
 * Every other message is ignored. Nothing from a message is ever evaluated, navigated to or written
 * into the page except that one number as a CSS height.
 *
 * Hosts whose policy forbids third-party scripts can skip this file and give the iframe a fixed
 * height instead (the Embed dialog offers such a snippet).
 */
(function () {
  'use strict';
  var MESSAGE_TYPE = 'gd-plus:embed-height';
  var MIN_HEIGHT = 100;
  var MAX_HEIGHT = 6000;
  var FLAG = '__gdPlusEmbedHost';

  if (window[FLAG]) return; // several embeds on one page load the script several times
  try {
    Object.defineProperty(window, FLAG, { value: true });
  } catch (e) {
    return;
  }

  function originOf(src) {
    try {
      return new URL(src, document.baseURI).origin;
    } catch (e) {
      return null;
    }
  }

  // The origin a frame's messages come from. An iframe sandboxed without allow-same-origin (as some
  // publishing platforms add) runs in an opaque origin, whose messages say "null" whatever its src:
  // only for such a frame is "null" expected. The sender must still be that frame's own window.
  function expectedOrigin(frame) {
    var sandbox = frame.sandbox;
    if (frame.hasAttribute('sandbox') && !(sandbox && sandbox.contains('allow-same-origin'))) return 'null';
    return originOf(frame.getAttribute('src') || '');
  }

  function validHeight(data) {
    if (data === null || typeof data !== 'object') return null;
    if (Object.getPrototypeOf(data) !== Object.prototype) return null;
    var keys = Object.keys(data);
    if (keys.length !== 2 || keys.indexOf('type') < 0 || keys.indexOf('height') < 0) return null;
    if (data.type !== MESSAGE_TYPE) return null;
    var h = data.height;
    if (typeof h !== 'number' || !isFinite(h) || h < MIN_HEIGHT || h > MAX_HEIGHT) return null;
    return Math.ceil(h);
  }

  window.addEventListener('message', function (event) {
    var height = validHeight(event.data);
    if (height === null) return;
    var frames = document.querySelectorAll('iframe[data-gd-plus-embed]');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      if (expectedOrigin(frame) !== event.origin) return;
      frame.style.height = height + 'px';
      return;
    }
  });
})();
