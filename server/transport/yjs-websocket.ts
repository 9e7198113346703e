/**
 * The data plane: `ws://host/yjs/<boardId>` speaking the y-websocket protocol. This adapter only
 * does what is about sockets — the handshake, the board lookup, keep-alive, size limits — and hands
 * frames to the board's Room. Upgrades are answered at once (socket.io would end a silent one);
 * the upgrade router (server/http/upgrade-router.ts) has already read the path safely.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { anonymousRole, TOKEN_PARAM } from '../../src/lib/protocol/access';
import { BOARD_ID_PATTERN } from '../../src/lib/protocol/boards';
import { CLOSE_CODES, CLOSE_REASONS } from '../../src/lib/protocol/close-codes';
import { ACTOR_PARAM } from '../../src/lib/protocol/endpoints';
import { LIMITS } from '../../src/lib/model/limits';
import type { AccessChange, BoardAccess } from '../auth/board-access';
import { TokenBucket } from '../auth/rate-limit';
import { callerKey, clientAddress } from '../http/client-address';
import type { BoardDirectory } from '../boards/board-directory';
import type { ServerConfig } from '../config';
import { guarded } from '../error-boundary';
import type { YjsTarget } from '../http/upgrade-router';
import type { Logger } from '../logger';
import type { BoardMetrics } from '../metrics/board-metrics';
import { Connection } from '../rooms/connection';
import type { RoomRegistry } from '../rooms/room-registry';
import { bytesOf, SharedMessage, type RoomSocket } from '../rooms/room-socket';
import { ConnectionCounts, type ConnectionCountLimits } from './connection-counts';
import { isUpdateFrame, UpdateBudget, type UpdateBudgetLimits } from './update-budget';
import { writeShared } from './websocket-frame';

/** A peer that answers no ping for this long is gone (laptop lid closed, network cut). */
const KEEPALIVE_MS = 30_000;

export interface YjsEndpointOptions {
	rooms: RoomRegistry;
	directory: BoardDirectory;
	logger: Logger;
	access: BoardAccess;
	/** Bytes in and out, and the refusals made here (rate limits). */
	metrics: BoardMetrics;
	limits: Pick<ServerConfig, 'maxMessageBytes' | 'rateLimitPerSecond' | 'rateLimitBurst' | 'maxConnectionsPerBoard' | 'trustedProxies'> &
		UpdateBudgetLimits &
		ConnectionCountLimits;
}

function roomSocket(ws: WebSocket, metrics: BoardMetrics): RoomSocket {
	return {
		send: (message, onWritten) => {
			if (ws.readyState !== ws.OPEN) return;
			const bytes = bytesOf(message);
			metrics.sent(bytes.byteLength);
			if (message instanceof SharedMessage && writeShared(ws, message, onWritten)) return;
			ws.send(bytes, { binary: true }, onWritten && (() => onWritten()));
		},
		close: (code, reason) => ws.close(code, reason),
		get bufferedAmount() {
			return ws.bufferedAmount;
		},
		pauseInput: () => ws.pause(),
		resumeInput: () => ws.resume()
	};
}

function toBytes(data: RawData): Uint8Array {
	if (Array.isArray(data)) return Buffer.concat(data);
	return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

/** The actor and token a Yjs upgrade names in its query. */
export function yjsParams(query: URLSearchParams): { actor: string | null; token: string | null } {
	const actor = query.get(ACTOR_PARAM)?.trim().slice(0, LIMITS.actorNameLength) || null;
	return { actor, token: query.get(TOKEN_PARAM) || null };
}

export function createYjsEndpoint(options: YjsEndpointOptions) {
	const { rooms, directory, logger, access, metrics, limits } = options;
	// One message per socket per turn of the event loop (ws defers the next one with setImmediate),
	// instead of every frame of a 64 KiB chunk at once: sockets take turns, so a flooding one delays
	// the others by one message, not thousands, and ws stops reading a socket (TCP back-pressure)
	// while the frames it has read are still waiting their turn.
	const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes, allowSynchronousEvents: false });
	const alive = new WeakSet<WebSocket>();
	/** Live connections per board, so a revoked token or a mode change reaches them at once. */
	const live = new Map<string, Set<Connection>>();
	const updateBudget = new UpdateBudget(limits);
	const connectionCounts = new ConnectionCounts(limits);

	const stopWatchingAccess = access.onChange((change: AccessChange) => {
		for (const connection of live.get(change.boardId) ?? []) {
			if (tokenLost(change, connection.tokenId)) connection.close(CLOSE_CODES.revoked, CLOSE_REASONS[CLOSE_CODES.revoked]);
			else if (change.type !== 'revoked' && connection.tokenId === null && connection.role !== 'owner') {
				// Anonymous watchers get what the new mode gives (owner here means the admin token).
				const role = anonymousRole(change.mode);
				if (role) connection.role = role;
				else connection.close(CLOSE_CODES.revoked, CLOSE_REASONS[CLOSE_CODES.revoked]);
			}
		}
	});

	const keepalive = setInterval(
		guarded(logger, 'yjs keep-alive', () => {
			for (const ws of wss.clients) {
				if (!alive.has(ws)) {
					ws.terminate();
					continue;
				}
				alive.delete(ws);
				ws.ping();
			}
		}),
		KEEPALIVE_MS
	);
	keepalive.unref();

	/** Closes a connection from inside a listener: a refusal must never throw out of the process. */
	function refuse(connection: Connection, code: keyof typeof CLOSE_REASONS): void {
		metrics.refused(code);
		connection.close(code, CLOSE_REASONS[code]);
	}

	async function accept(ws: WebSocket, request: IncomingMessage, boardId: string, actor: string | null, token: string | null): Promise<void> {
		alive.add(ws);
		ws.on('pong', () => alive.add(ws));
		const address = clientAddress(request, limits.trustedProxies);
		const connection = new Connection(roomSocket(ws, metrics), actor);
		const bucket = new TokenBucket(limits.rateLimitPerSecond, limits.rateLimitBurst);
		// Until the board is loaded and joined nothing is read (the peer waits in TCP), except the
		// frames of the chunk already read, which are kept and handed over in order.
		connection.holdInput('joining');
		const early: Uint8Array[] = [];
		let deliver = (bytes: Uint8Array): void => {
			early.push(bytes);
		};
		ws.on('message', (data, isBinary) => {
			try {
				if (connection.closed) return;
				const bytes = toBytes(data);
				metrics.received(bytes.byteLength);
				if (!isBinary) {
					metrics.refused(CLOSE_CODES.malformed);
					return connection.close(CLOSE_CODES.malformed, 'text frames are not y-websocket messages');
				}
				if (!bucket.take()) return refuse(connection, CLOSE_CODES.rateLimited);
				if (isUpdateFrame(bytes)) {
					const refusal = updateBudget.take(boardId, callerKey(connection.tokenId, address), connection);
					if (refusal) return refuse(connection, refusal);
				}
				deliver(bytes);
			} catch (error) {
				logger.warn(`yjs message on ${boardId} failed: ${(error as Error).message}`);
				refuse(connection, CLOSE_CODES.internalError);
			}
		});
		ws.on('error', (error) => logger.warn(`yjs socket on ${boardId}: ${error.message}`));
		// Counted from the start, so a host cannot hold many sockets in the loading phase either.
		let release = connectionCounts.open(address, null);
		ws.on('close', () => release?.());
		if (!release) return refuse(connection, CLOSE_CODES.tooManyConnections);

		// A board loaded here exists: asking the database again would refuse its watchers while
		// PostgreSQL is away (they may rejoin and read on, see grant-memory.ts).
		const loaded = BOARD_ID_PATTERN.test(boardId) && (await rooms.peek(boardId).catch(() => undefined));
		if (!BOARD_ID_PATTERN.test(boardId) || (!loaded && !(await directory.get(boardId)))) {
			connection.close(CLOSE_CODES.unknownBoard, CLOSE_REASONS[CLOSE_CODES.unknownBoard]);
			return;
		}
		const grant = await access.grant(boardId, token);
		if (!grant) {
			connection.close(CLOSE_CODES.unauthorized, CLOSE_REASONS[CLOSE_CODES.unauthorized]);
			return;
		}
		connection.role = grant.role;
		connection.tokenId = grant.tokenId;
		if (grant.tokenId) {
			// Counted again under the token as well as the address.
			release?.();
			release = connectionCounts.open(address, grant.tokenId);
			if (!release) return refuse(connection, CLOSE_CODES.tooManyConnections);
		}
		const room = await rooms.open(boardId);
		if (ws.readyState !== ws.OPEN || connection.closed) {
			room.releaseIfIdle();
			return;
		}
		if (room.connections.size >= limits.maxConnectionsPerBoard) {
			connection.close(CLOSE_CODES.boardFull, CLOSE_REASONS[CLOSE_CODES.boardFull]);
			room.releaseIfIdle();
			return;
		}
		const peers = live.get(boardId) ?? live.set(boardId, new Set()).get(boardId)!;
		peers.add(connection);
		ws.on('close', () => {
			connection.closed = true;
			peers.delete(connection);
			if (peers.size === 0 && live.get(boardId) === peers) {
				live.delete(boardId);
				updateBudget.forgetBoard(boardId);
			}
			room.leave(connection);
		});
		room.join(connection);
		deliver = (bytes) => room.receive(connection, bytes);
		for (const bytes of early.splice(0)) room.receive(connection, bytes);
		connection.releaseInput('joining');
	}

	return {
		/** Takes an upgrade the upgrade router found to be for a board (server/http/upgrade-router.ts). */
		handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer, target: YjsTarget): void {
			const { actor, token } = yjsParams(target.query);
			wss.handleUpgrade(request, socket, head, (ws) => {
				accept(ws, request, target.boardId, actor, token).catch((error: Error) => {
					logger.warn(`yjs connection to ${target.boardId} failed: ${error.message}`);
					// Input is held while joining; the closing handshake needs the peer's close frame read,
					// or the peer waits out ws's 30 s close timeout before it may reconnect.
					ws.resume();
					ws.close(CLOSE_CODES.internalError, CLOSE_REASONS[CLOSE_CODES.internalError]);
				});
			});
		},
		/** Open Yjs connections, whatever their state (joining, live, closing). */
		connectionCount: () => wss.clients.size,
		/** Another node logged `count` updates of a board (cluster mode): they draw on its budget here too. */
		spentElsewhere(boardId: string, node: string, count: number): void {
			// Without watchers here nobody sends from here: there is no budget to hold them to.
			if (live.has(boardId)) updateBudget.spentElsewhere(boardId, node, count);
		},
		/** Closes every Yjs connection (shutdown). */
		close(): Promise<void> {
			clearInterval(keepalive);
			stopWatchingAccess();
			for (const ws of wss.clients) ws.close(CLOSE_CODES.goingAway, CLOSE_REASONS[CLOSE_CODES.goingAway]);
			return new Promise((resolve) => wss.close(() => resolve()));
		}
	};
}

/** Whether an access change ends a connection opened with `tokenId` (null: none). */
function tokenLost(change: AccessChange, tokenId: string | null): boolean {
	if (tokenId === null || change.type === 'mode') return false;
	return change.type === 'revoked' ? change.tokenId === tokenId : !change.liveTokenIds.includes(tokenId);
}
