// The service worker of the resident melding pages (issue 12, ADR 0075). Served per gemeente at
// /{slug}/melding-sw.js with its shell filled in by the server (SHELL, OFFLINE, VERSIE below).
// It keeps the app shell (stylesheets, icons, the offline pages in nl and en) in a cache, and
// when a melding page cannot be reached it shows the offline page in the page's language.
// The form pages themselves are never cached: they hold a secret and personal data, and are
// always asked of the server. No third-party code.
/* global self, caches, fetch, URL, Response */
'use strict';

var VERSIE = '__VERSIE__';
var SHELL = __SHELL__;
var OFFLINE = __OFFLINE__;
var CACHE = 'loket-melding-' + VERSIE;

self.addEventListener('install', function (event) {
  event.waitUntil(
    caches
      .open(CACHE)
      .then(function (cache) {
        return cache.addAll(SHELL.concat([OFFLINE.nl, OFFLINE.en]));
      })
      .then(function () {
        return self.skipWaiting();
      }),
  );
});

self.addEventListener('activate', function (event) {
  event.waitUntil(
    caches
      .keys()
      .then(function (namen) {
        return Promise.all(
          namen
            .filter(function (naam) {
              return naam.indexOf('loket-melding-') === 0 && naam !== CACHE;
            })
            .map(function (naam) {
              return caches.delete(naam);
            }),
        );
      })
      .then(function () {
        return self.clients.claim();
      }),
  );
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Network first, always; offline: the offline page in the language of the address.
    var taal = url.pathname.indexOf('/en/') > 0 ? 'en' : 'nl';
    event.respondWith(
      fetch(request).catch(function () {
        return caches.match(OFFLINE[taal]).then(function (antwoord) {
          return antwoord || new Response('Offline', { status: 503, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
        });
      }),
    );
    return;
  }
  if (SHELL.indexOf(url.pathname + url.search) >= 0) {
    // The shell: from the cache, else the network.
    event.respondWith(
      caches.match(request).then(function (antwoord) {
        return antwoord || fetch(request);
      }),
    );
  }
});
