/**
 * Wires the board server onto an http.Server: storage, rooms, the Yjs endpoint, socket.io and
 * the HTTP API. The production entry (index.ts) and the Vite dev plugin both call this, so
 * `npm run dev` serves exactly what `npm start` does. Returns the API middleware for the host
 * to mount in front of the app (server/http/request-listener.ts), and a close that flushes
 * everything.
 */
import type { Server as HttpServer } from 'node:http';
import { boardsApi } from './api/boards-api';
import { buildOpenApiDocument } from './api/openapi';
import { apiOperations } from './api/openapi-operations';
import { recordsApi } from './api/records-api';
import { accessApi } from './auth/access-api';
import { BoardAccess } from './auth/board-access';
import { BoardDirectory } from './boards/board-directory';
import type { ServerConfig } from './config';
import { loadDemoBoard } from './demo/load-demo';
import { seedDemoBoard } from './demo/seed-demo';
import { BoardHistory } from './history/board-history';
import { createApiRouter } from './http/api-router';
import { apiMiddleware } from './http/request-listener';
import { upgradeRouter } from './http/upgrade-router';
import { createCallerLimits } from './limits/caller-limits';
import { historyCacheLimits } from './history/history-cache';
import { openLogger } from './logger';
import { NO_METRICS } from './metrics/board-metrics';
import { createPrometheusMetrics } from './metrics/prometheus-metrics';
import { metricsRoute } from './http/metrics-route';
import { Keyframes } from './rooms/keyframes';
import { RoomRegistry } from './rooms/room-registry';
import { validateUpdate } from './rooms/update-validator';
import { keyframePolicy } from './rooms/keyframe-policy';
import { workerShadows } from './rooms/worker-shadows';
import { openStorage } from './storage/open-storage';
import type { KeyframeClaims, ServerStorage } from './storage/storage';
import { ClusterNode } from './cluster/cluster-node';
import { createControlPlane } from './transport/control-plane';
import { exportApi } from './transport/export-api';
import { historyApi } from './transport/history-api';
import { createYjsEndpoint } from './transport/yjs-websocket';

export interface AttachOptions {
	/** A store other than the one the configuration names (tests). */
	storage?: ServerStorage;
	/**
	 * Answer upgrades to paths that are neither Yjs nor socket.io with 404. The production server
	 * owns every path; Vite's dev server shares the upgrade listeners with its hot reload.
	 */
	refuseOtherUpgrades?: boolean;
}

export async function attachSituationBoard(httpServer: HttpServer, config: ServerConfig, options: AttachOptions = {}) {
	const { storage, refuseOtherUpgrades = false } = options;
	const logger = await openLogger(config);
	// Only with a token: without one nobody may read them, so they are not collected at all.
	const prometheus = config.metricsToken ? await createPrometheusMetrics() : null;
	const metrics = prometheus?.metrics ?? NO_METRICS;
	const store = storage ?? (await openStorage(config, logger));
	// Cluster mode: one node of several sharing every board over PostgreSQL and Redis (docs/deploy.md).
	const cluster = config.cluster ? await ClusterNode.open(config.cluster, logger).catch(async (error: Error) => {
		await store.close();
		throw error;
	}) : null;
	const policy = keyframePolicy(config.keyframeInterval, config.keyframeMaxInterval);
	const claims = cluster && hasKeyframeClaims(store) ? store : null;
	const keyframes = new Keyframes(workerShadows(logger), store, policy, logger, metrics, claims);
	const rooms = new RoomRegistry({
		storage: store,
		logger,
		metrics,
		validator: validateUpdate,
		keyframes,
		maxBufferedBytes: config.maxBufferedBytes,
		slowReaderCloseMs: config.slowReaderCloseMs,
		idleMs: config.roomIdleMs,
		peers: cluster?.peers,
		// The registry and the directory need each other; no room loads before the directory exists.
		onLoad: (room) => {
			directory.watchRoom(room);
			cluster?.roomLoaded(room);
		},
		onUnload: (room) => cluster?.roomUnloaded(room)
	});
	const directory = new BoardDirectory(store, rooms, logger);
	const access = new BoardAccess(store, config);
	const stopRelayingAccess = cluster?.relayAccess(access);

	if (config.seedDemo) {
		// Read only when wanted: the demo script is data a server with SEED_DEMO=false never needs.
		await seedDemoBoard(directory, await loadDemoBoard(), logger);
	}

	const yjs = createYjsEndpoint({ rooms, directory, logger, access, metrics, limits: config });
	// Every node applies every update of a board, so its update budget counts the whole cluster's.
	cluster?.onPeerLogged((boardId, node, count) => yjs.spentElsewhere(boardId, node, count));
	const onUpgrade = upgradeRouter({ yjs: yjs.handleUpgrade, logger, refuseOthers: refuseOtherUpgrades });
	// First in line: socket.io and Vite's HMR check their own paths and ignore ours.
	httpServer.prependListener('upgrade', onUpgrade);
	// One set of caller limits for both planes: a board made over HTTP and one over socket.io share an allowance.
	const callerLimits = createCallerLimits(config);
	const control = createControlPlane(httpServer, directory, logger, access, store, {
		callerLimits,
		config,
		adapter: cluster && config.cluster ? cluster.socketIoAdapter(config.cluster.prefix) : undefined
	});
	prometheus?.observe({
		yjsConnections: yjs.connectionCount,
		controlConnections: () => control.io.engine.clientsCount,
		boardsLoaded: () => rooms.loadedCount
	});
	const history = new BoardHistory(store, directory, historyCacheLimits(config));
	const operations = apiOperations();
	const routeApi = createApiRouter({
		operations,
		handlers: {
			...boardsApi(directory, access, config, buildOpenApiDocument(operations), store, cluster),
			...accessApi(access),
			...historyApi(history, access),
			...recordsApi(directory, access),
			...exportApi(history)
		},
		access,
		limits: callerLimits,
		trustedProxies: config.trustedProxies
	});

	let closing: Promise<void> | null = null;
	return {
		apiMiddleware: apiMiddleware(metricsRoute(prometheus, config.metricsToken, routeApi), config.tileUrl, logger),
		limits: callerLimits,
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
				// Each step said, so a shutdown that lingers shows where.
				logger.info('closing: every board flushed');
				await keyframes.terminate();
				history.close();
				await Promise.all([yjs.close(), control.close()]);
				logger.info('closing: sockets closed');
				stopRelayingAccess?.();
				await cluster?.close();
				await store.close();
				logger.info('closing: storage closed');
			})();
			return closing;
		}
	};
}

export type AttachedBoardServer = Awaited<ReturnType<typeof attachSituationBoard>>;

function hasKeyframeClaims(storage: ServerStorage): storage is ServerStorage & KeyframeClaims {
	return typeof (storage as Partial<KeyframeClaims>).claimKeyframe === 'function';
}
