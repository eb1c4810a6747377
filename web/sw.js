/*
 * HoorMij's service worker: on a repeat visit the chat page opens from the device at once,
 * while a fresh copy is fetched for next time. Only the page itself (GET /) is kept: never a
 * token, a message or anything else the chat sends or receives.
 */
'use strict';

var CACHE = 'hoormij-page-v1';

self.addEventListener('install', function () {
  self.skipWaiting();
});

self.addEventListener('activate', function (event) {
  event.waitUntil(
    caches
      .keys()
      .then(function (keys) {
        return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) { return caches.delete(k); }));
      })
      .then(function () { return self.clients.claim(); }),
  );
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET' || request.mode !== 'navigate') return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname !== '/') return;
  event.respondWith(
    caches.open(CACHE).then(function (cache) {
      var fresh = fetch(request).then(function (response) {
        if (response.ok) return cache.put('/', response.clone()).then(function () { return response; });
        return response;
      });
      return cache.match('/').then(function (cached) {
        if (!cached) return fresh;
        event.waitUntil(fresh.catch(function () { /* offline: the kept page will do */ }));
        return cached;
      });
    }),
  );
});
