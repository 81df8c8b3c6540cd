// Registers the service worker of the melding pages (ADR 0075): progressive enhancement, no
// inline script (CSP). Without JavaScript, or in a browser without service workers, the form
// works as before. The script tag names the worker and its scope (data-sw, data-scope).
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !('serviceWorker' in navigator)) return;
  var sw = script.getAttribute('data-sw');
  var scope = script.getAttribute('data-scope');
  if (!sw || !scope) return;
  navigator.serviceWorker.register(sw, { scope: scope }).catch(function () {
    // No worker: the pages work online as before.
  });
})();
