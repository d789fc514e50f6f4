// Before the first paint: hides index.html's pre-rendered home (Chinese, no query) when the app
// will show another view or language (src/view/nav.rs). ARCHITECTURE.md "Pre-rendered first view".
(function () {
  var l = '', t = navigator.languages || [navigator.language], i, p = location.pathname;
  try { l = JSON.parse(localStorage.getItem('gd-plus-lang')); } catch (e) {}
  l = /^zh(-cn|-hans)?$/i.test(l) ? 'zh' : /^en$/i.test(l) ? 'en' : '';
  for (i = 0; !l && i < t.length; i++) l = (/^(zh|en)(?=[-_]|$)/i.exec(t[i]) || [''])[0].toLowerCase();
  if (location.search || l === 'en' || /\.html$/.test(p) && !/\/index\.html$/.test(p))
    document.documentElement.className += ' gd-home-off';
})();
