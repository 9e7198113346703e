import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type Plugin } from 'vite';

/**
 * `npm run dev` serves the same Yjs endpoint, socket.io and HTTP API as `npm start`, through the
 * same attach function, so development behaves like production.
 */
function situationBoardServer(): Plugin {
	return {
		name: 'situation-board-server',
		apply: 'serve',
		async configureServer(server) {
			if (!server.httpServer) return;
			// Loaded through Vite's SSR loader (it compiles the TypeScript), and only when serving,
			// so `vite build` never opens the database nor bundles the server into the config.
			const attach = (await server.ssrLoadModule('/server/attach.ts')) as typeof import('./server/attach');
			const config = (await server.ssrLoadModule('/server/config.ts')) as typeof import('./server/config');
			const board = await attach.attachSituationBoard(server.httpServer as import('node:http').Server, config.readConfig());
			server.middlewares.use(board.apiMiddleware);
			server.httpServer.once('close', () => void board.close());
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), situationBoardServer()],
	server: { port: Number(process.env.PORT ?? 3000) }
});
