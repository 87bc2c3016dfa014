// `cargo xtask serve --fast` only: served in place of sw.js, never in dist/.
//
// A browser that still has the release worker of an earlier `cargo xtask serve` on this
// origin checks sw.js on its next visit and finds this one: it takes over at once, deletes
// the release build's caches, unregisters itself and reloads its pages from the network,
// so that they show the fast build. (The reminders' plan cache is left alone.)
self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    self.clients
      .claim()
      .then(function () {
        return caches.keys();
      })
      .then(function (keys) {
        return Promise.all(
          keys
            .filter(function (key) {
              return key.indexOf("followup-") === 0 && key !== "followup-reminders";
            })
            .map(function (key) {
              return caches.delete(key);
            })
        );
      })
      .then(function () {
        return self.registration.unregister();
      })
      .then(function () {
        return self.clients.matchAll({ type: "window" });
      })
      .then(function (clients) {
        clients.forEach(function (client) {
          client.navigate(client.url);
        });
      })
  );
});
