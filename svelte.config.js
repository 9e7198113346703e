import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// The Node server (server/index.ts) mounts the built handler next to the Yjs and socket.io
		// endpoints on one http.Server, so the adapter only has to produce `build/handler.js`.
		adapter: adapter({ out: 'build' }),
		// Absolute asset URLs: the offline service worker serves the `/` shell for any page, and
		// relative ones would then resolve under /b/.
		paths: { relative: false }
	}
};

export default config;
