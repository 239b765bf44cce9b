// Wheels & Wins service worker: the app shell works offline and static files load from the cache.
// Bump VERSION when the precache list or the strategies change; activation deletes older caches.
"use strict";

const VERSION = "v1";
const PREFIX = "ww-";
const SHELL_CACHE = `${PREFIX}shell-${VERSION}`;
const STATIC_CACHE = `${PREFIX}static-${VERSION}`;
const PAGES_CACHE = `${PREFIX}pages-${VERSION}`;
const OFFLINE_URL = "/offline.html";
const PRECACHE = [
  OFFLINE_URL,
  "/manifest.webmanifest",
  "/icons/icon-192.png",
  "/icons/icon-512.png",
  "/logo.svg",
  "/favicon.ico",
  "/app.css",
  "/pwa.js",
  "/pam.js",
];
// Fetched on install too, but a failure here must not stop the worker installing.
const SHELL = ["/"];
// Build output named by content hash (React Router / Vite, formerly Next.js) and the icons never change under one URL.
const IMMUTABLE = [/^\/assets\//, /^\/_next\/static\//, /^\/icons\//];
// Live data, the state websocket and uploads always go to the network and are never stored.
const NEVER_CACHE = [/^\/api\//, /^\/_event/, /^\/_upload/, /^\/_health/, /^\/ping/];
const MAX_STATIC_ENTRIES = 200;
const MAX_PAGES = 20;

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL_CACHE);
      await cache.addAll(PRECACHE);
      await Promise.all(SHELL.map((url) => cache.add(url).catch(() => undefined)));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  const current = new Set([SHELL_CACHE, STATIC_CACHE, PAGES_CACHE]);
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((name) => name.startsWith(PREFIX) && !current.has(name)).map((name) => caches.delete(name)));
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (NEVER_CACHE.some((pattern) => pattern.test(url.pathname))) return;
  if (request.mode === "navigate") {
    event.respondWith(networkFirstPage(request));
  } else if (IMMUTABLE.some((pattern) => pattern.test(url.pathname))) {
    event.respondWith(cacheFirst(request));
  } else if (PRECACHE.includes(url.pathname)) {
    event.respondWith(networkFirstFile(request));
  }
});

async function networkFirstPage(request) {
  try {
    const response = await fetch(request);
    if (response.ok && response.type === "basic") {
      const cache = await caches.open(PAGES_CACHE);
      // Pages answer /wins with a redirect to /wins/: keep the page under the address it ends at.
      await cache.put(response.redirected ? response.url : request.url, await storable(response));
      trim(PAGES_CACHE, MAX_PAGES);
    }
    return response;
  } catch (error) {
    const url = new URL(request.url);
    const cached = await caches.match(url.origin + url.pathname, { ignoreSearch: true });
    if (cached) return cached;
    // As the server does, send /wins to /wins/ (where its page was stored).
    const withSlash = `${url.origin}${url.pathname}/`;
    if (!url.pathname.endsWith("/") && (await caches.match(withSlash))) return Response.redirect(withSlash + url.search, 307);
    const offline = await caches.match(OFFLINE_URL);
    if (offline) return offline;
    throw error;
  }
}

// A response that came through a redirect cannot answer a navigation: store a plain copy.
async function storable(response) {
  const copy = response.clone();
  if (!response.redirected) return copy;
  return new Response(await copy.blob(), { status: copy.status, statusText: copy.statusText, headers: copy.headers });
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.type === "basic") {
    const cache = await caches.open(STATIC_CACHE);
    await cache.put(request, response.clone());
    trim(STATIC_CACHE, MAX_STATIC_ENTRIES);
  }
  return response;
}

// Unhashed files (app.css, pam.js...) change under the same URL: the network's copy wins, a stored one serves offline.
async function networkFirstFile(request) {
  const cache = await caches.open(SHELL_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && response.type === "basic") await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(request, { ignoreSearch: true });
    if (cached) return cached;
    throw error;
  }
}

// Oldest entries first: Cache.keys() keeps insertion order, so old builds' files go before new ones.
async function trim(name, maxEntries) {
  const cache = await caches.open(name);
  const keys = await cache.keys();
  await Promise.all(keys.slice(0, Math.max(0, keys.length - maxEntries)).map((key) => cache.delete(key)));
}
