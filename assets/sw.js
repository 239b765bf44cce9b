// Wheels & Wins service worker: the app shell and static files load from the cache; with the network
// gone, every page navigation gets the offline page. A stored copy of a page would be no use offline:
// all of its data arrives over the state websocket, so it would show an empty skeleton that keeps
// trying to reconnect. Bump VERSION when the precache list or the strategies change; activation
// deletes older caches.
"use strict";

const VERSION = "v2";
const PREFIX = "ww-";
const SHELL_CACHE = `${PREFIX}shell-${VERSION}`;
const STATIC_CACHE = `${PREFIX}static-${VERSION}`;
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
// Build output named by content hash (React Router / Vite, formerly Next.js) and the icons never change under one URL.
const IMMUTABLE = [/^\/assets\//, /^\/_next\/static\//, /^\/icons\//];
// Live data, the state websocket and uploads always go to the network and are never stored.
const NEVER_CACHE = [/^\/api\//, /^\/_event/, /^\/_upload/, /^\/_health/, /^\/ping/];
const MAX_STATIC_ENTRIES = 200;

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL_CACHE);
      await cache.addAll(PRECACHE);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  const current = new Set([SHELL_CACHE, STATIC_CACHE]);
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
    event.respondWith(networkOrOfflinePage(request));
  } else if (IMMUTABLE.some((pattern) => pattern.test(url.pathname))) {
    event.respondWith(cacheFirst(request));
  } else if (PRECACHE.includes(url.pathname)) {
    event.respondWith(networkFirstFile(request));
  }
});

async function networkOrOfflinePage(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const offline = await caches.match(OFFLINE_URL);
    if (offline) return offline;
    throw error;
  }
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
