/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Keeps the app usable when the server is unreachable: the built app, the basemap and every board
 * page already visited load from this cache, and the board itself from IndexedDB (y-indexeddb),
 * so a watcher on a train can reload and keep working. Live data never goes through here: the
 * Yjs and socket.io connections are websockets, and /api answers are never cached.
 */
import { build, files, version } from '$service-worker';

const worker = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `situation-board-${version}`;
const ASSETS = [...build, ...files];
/**
 * Every page is the same client-rendered shell (`ssr = false`); the router reads the URL. So the
 * shell of `/` can open any board, including one whose page was first loaded before this worker.
 */
const SHELL = '/';

worker.addEventListener('install', (event) => {
	event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll([...ASSETS, SHELL])).then(() => worker.skipWaiting()));
});

worker.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
			.then(() => worker.clients.claim())
	);
});

worker.addEventListener('fetch', (event) => {
	const request = event.request;
	const url = new URL(request.url);
	if (request.method !== 'GET' || url.origin !== worker.location.origin) return;
	if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/yjs/') || url.pathname.startsWith('/socket.io/') || url.pathname === '/healthz') return;

	event.respondWith(
		(async () => {
			const cache = await caches.open(CACHE);
			// Built assets never change under one version: cache first.
			if (ASSETS.includes(url.pathname)) {
				const cached = await cache.match(url.pathname);
				if (cached) return cached;
			}
			// Pages: the network when it answers (fresh), the last copy when it does not.
			try {
				const response = await fetch(request);
				if (response.ok && request.mode === 'navigate') await cache.put(request, response.clone());
				return response;
			} catch (error) {
				const cached = (await cache.match(request)) ?? (request.mode === 'navigate' ? await cache.match(SHELL) : undefined);
				if (cached) return cached;
				throw error;
			}
		})()
	);
});
