/**
 * Wires the board server onto an http.Server: storage, rooms, the Yjs endpoint, socket.io and
 * the HTTP API. The production entry (index.ts) and the Vite dev plugin both call this, so
 * `npm run dev` serves exactly what `npm start` does. Returns the API middleware for the host
 * to mount in front of the app, and a close that flushes everything.
 */
import type { Server as HttpServer } from 'node:http';
import { createOpenApiRoute } from './api/openapi-route';
import { createRecordsApi } from './api/records-api';
import { createAccessApi } from './auth/access-api';
import { BoardAccess } from './auth/board-access';
import { BoardDirectory } from './boards/board-directory';
import type { ServerConfig } from './config';
import { seedDemoBoard } from './demo/seed-demo';
import { BoardHistory } from './history/board-history';
import { createLogger } from './logger';
import { Keyframes } from './rooms/keyframes';
import { RoomRegistry } from './rooms/room-registry';
import { validateUpdate } from './rooms/update-validator';
import { keyframePolicy } from './rooms/keyframe-policy';
import { workerShadows } from './rooms/worker-shadows';
import { openSqliteStorage } from './storage/sqlite-storage';
import type { ServerStorage } from './storage/storage';
import { createControlPlane } from './transport/control-plane';
import { createExportApi } from './transport/export-api';
import { createHistoryApi } from './transport/history-api';
import { createHttpApi } from './transport/http-api';
import { createYjsEndpoint } from './transport/yjs-websocket';

export async function attachSituationBoard(httpServer: HttpServer, config: ServerConfig, storage?: ServerStorage) {
	const logger = createLogger(config.logLevel);
	const store = storage ?? openSqliteStorage(config.dataDir);
	let directory: BoardDirectory | undefined;
	const policy = keyframePolicy(config.keyframeInterval, config.keyframeMaxInterval);
	const keyframes = new Keyframes(workerShadows(logger), store, policy, logger);
	const rooms = new RoomRegistry({
		storage: store,
		logger,
		validator: validateUpdate,
		keyframes,
		maxBufferedBytes: config.maxBufferedBytes,
		slowReaderCloseMs: config.slowReaderCloseMs,
		idleMs: config.roomIdleMs,
		onLoad: (room) => directory?.watchRoom(room)
	});
	directory = new BoardDirectory(store, rooms);
	const access = new BoardAccess(store, config);

	if (config.seedDemo) {
		// Loaded only when wanted: the demo script is data a server with SEED_DEMO=false never needs.
		const { KHARKIV_2022 } = await import('./demo/kharkiv-2022');
		await seedDemoBoard(directory, KHARKIV_2022, logger);
	}

	const yjs = createYjsEndpoint({ rooms, directory, logger, access, limits: config });
	const onUpgrade = (...args: Parameters<typeof yjs.handleUpgrade>) => void yjs.handleUpgrade(...args);
	// First in line: socket.io and Vite's HMR check their own paths and ignore ours.
	httpServer.prependListener('upgrade', onUpgrade);
	const control = createControlPlane(httpServer, directory, logger, access, store);
	const history = new BoardHistory(store, directory);
	const apiMiddleware = createHttpApi(directory, config, logger, access, [
		// First: the OpenAPI document is the list of routes; anything it does not describe stops here.
		createOpenApiRoute(),
		createAccessApi(access),
		createHistoryApi(directory, history, access),
		createRecordsApi(directory, access, config),
		createExportApi(directory, history, access)
	]);

	let closing: Promise<void> | null = null;
	return {
		apiMiddleware,
		directory,
		access,
		rooms,
		history,
		storage: store,
		logger,
		/** Stops both planes, flushes every board to the log, closes the database. Idempotent. */
		close(): Promise<void> {
			closing ??= (async () => {
				httpServer.off('upgrade', onUpgrade);
				await rooms.closeAll();
				await keyframes.terminate();
				history.close();
				await Promise.all([yjs.close(), control.close()]);
				await store.close();
			})();
			return closing;
		}
	};
}

export type AttachedBoardServer = Awaited<ReturnType<typeof attachSituationBoard>>;
