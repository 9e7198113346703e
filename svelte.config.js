import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// The Node server (server/index.ts) mounts the built handler next to the Yjs and socket.io
		// endpoints on one http.Server, so the adapter only has to produce `build/handler.js`.
		adapter: adapter({ out: 'build' })
	}
};

export default config;
