/**
 * Entry point of `npm start`: one http.Server carrying the built SvelteKit app, the Yjs endpoint,
 * socket.io and the HTTP API. SIGINT/SIGTERM: stop accepting, flush every board, close sockets,
 * exit 0.
 */
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { attachSituationBoard } from './attach';
import { readConfig } from './config';
import { describeFailure } from './error-boundary';
import { requestListener } from './http/request-listener';
import { describeStorage } from './storage/open-storage';

type NodeHandler = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;

async function loadAppHandler(): Promise<NodeHandler> {
	const file = path.resolve('build', 'handler.js');
	try {
		const module = (await import(pathToFileURL(file).href)) as { handler: NodeHandler };
		return module.handler;
	} catch (error) {
		throw new Error(`no app build at ${file} (run \`npm run build\`): ${(error as Error).message}`, { cause: error });
	}
}

/** Longest a SIGTERM/SIGINT shutdown may take (a process manager's own grace is often 10 s). */
const SHUTDOWN_GRACE_MS = 8_000;

async function main(): Promise<void> {
	const config = readConfig();
	const server = http.createServer();
	const board = await attachSituationBoard(server, config, { refuseOtherUpgrades: true });
	const app = await loadAppHandler();
	server.on('request', requestListener(board.apiMiddleware, app, board.logger));
	await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : config.port;
	board.logger.info(`Situation Board listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port} (data in ${describeStorage(config)})`);

	let stopping = false;
	const stop = async (signal: string) => {
		if (stopping) return;
		stopping = true;
		board.logger.info(`${signal}: closing`);
		// Boards are flushed first; what follows is letting go of sockets and connections. A step
		// that never ends (a pool waiting on a connection never released) must not keep the
		// process up: it goes after the grace, saying so — the last "closing:" line says where.
		setTimeout(() => {
			board.logger.warn(`${signal}: still closing after ${SHUTDOWN_GRACE_MS} ms; exiting now`);
			process.exit(1);
		}, SHUTDOWN_GRACE_MS).unref();
		server.close();
		server.closeIdleConnections();
		await board.close();
		process.exit(0);
	};
	// Every entry point has its own boundary (server/error-boundary.ts, server/http/*); a promise
	// that still rejects unobserved is a bug to fix, logged loudly — not a reason to drop every
	// watcher on every board, which is what Node's default (exit) would do.
	process.on('unhandledRejection', (reason) => board.logger.warn(`BUG unhandled rejection: ${describeFailure(reason)}`));
	process.on('SIGINT', () => void stop('SIGINT'));
	process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: Error) => {
	console.error(`Situation Board failed to start: ${error.message}`);
	process.exit(1);
});
