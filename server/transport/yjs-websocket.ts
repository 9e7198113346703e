/**
 * The data plane: `ws://host/yjs/<boardId>` speaking the y-websocket protocol. This adapter only
 * does what is about sockets — the upgrade, the board lookup, keep-alive, size limits — and hands
 * frames to the board's Room. Upgrades are answered at once (socket.io would end a silent one).
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { BOARD_ID_PATTERN } from '../../src/lib/protocol/boards';
import { CLOSE_CODES, CLOSE_REASONS } from '../../src/lib/protocol/close-codes';
import { ACTOR_PARAM, YJS_PATH } from '../../src/lib/protocol/endpoints';
import { LIMITS } from '../../src/lib/model/limits';
import type { BoardDirectory } from '../boards/board-directory';
import type { Logger } from '../logger';
import { Connection } from '../rooms/connection';
import type { RoomRegistry } from '../rooms/room-registry';
import type { RoomSocket } from '../rooms/room-socket';

/** A peer that answers no ping for this long is gone (laptop lid closed, network cut). */
const KEEPALIVE_MS = 30_000;

export interface YjsEndpointOptions {
	rooms: RoomRegistry;
	directory: BoardDirectory;
	logger: Logger;
	maxMessageBytes: number;
}

function roomSocket(ws: WebSocket): RoomSocket {
	return {
		send: (message) => {
			if (ws.readyState === ws.OPEN) ws.send(message, { binary: true });
		},
		close: (code, reason) => ws.close(code, reason),
		get bufferedAmount() {
			return ws.bufferedAmount;
		}
	};
}

function toBytes(data: RawData): Uint8Array {
	if (Array.isArray(data)) return Buffer.concat(data);
	return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

/** The board id and actor named by an upgrade request, or null if the path is not ours. */
export function parseYjsUrl(url: string | undefined): { boardId: string; actor: string | null } | null {
	const parsed = new URL(url ?? '/', 'http://localhost');
	if (!parsed.pathname.startsWith(`${YJS_PATH}/`)) return null;
	const boardId = decodeURIComponent(parsed.pathname.slice(YJS_PATH.length + 1));
	const actor = parsed.searchParams.get(ACTOR_PARAM)?.trim().slice(0, LIMITS.actorNameLength) || null;
	return { boardId, actor };
}

export function createYjsEndpoint(options: YjsEndpointOptions) {
	const { rooms, directory, logger } = options;
	const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes });
	const alive = new WeakSet<WebSocket>();

	const keepalive = setInterval(() => {
		for (const ws of wss.clients) {
			if (!alive.has(ws)) {
				ws.terminate();
				continue;
			}
			alive.delete(ws);
			ws.ping();
		}
	}, KEEPALIVE_MS);
	keepalive.unref();

	async function accept(ws: WebSocket, boardId: string, actor: string | null): Promise<void> {
		alive.add(ws);
		ws.on('pong', () => alive.add(ws));
		const connection = new Connection(roomSocket(ws), actor);
		// Frames that arrive while the board loads are kept and handed over in order.
		const early: Uint8Array[] = [];
		let deliver = (bytes: Uint8Array): void => {
			early.push(bytes);
		};
		ws.on('message', (data, isBinary) => {
			if (!isBinary) return connection.close(CLOSE_CODES.malformed, 'text frames are not y-websocket messages');
			deliver(toBytes(data));
		});
		ws.on('error', (error) => logger.warn(`yjs socket on ${boardId}: ${error.message}`));

		if (!BOARD_ID_PATTERN.test(boardId) || !(await directory.get(boardId))) {
			connection.close(CLOSE_CODES.unknownBoard, CLOSE_REASONS[CLOSE_CODES.unknownBoard]);
			return;
		}
		const room = await rooms.open(boardId);
		if (ws.readyState !== ws.OPEN) {
			room.releaseIfIdle();
			return;
		}
		ws.on('close', () => {
			connection.closed = true;
			room.leave(connection);
		});
		room.join(connection);
		deliver = (bytes) => room.receive(connection, bytes);
		for (const bytes of early.splice(0)) room.receive(connection, bytes);
	}

	return {
		/** Takes the upgrade if it is for the Yjs path; returns false to leave it to others. */
		handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
			const target = parseYjsUrl(request.url);
			if (!target) return false;
			wss.handleUpgrade(request, socket, head, (ws) => {
				accept(ws, target.boardId, target.actor).catch((error: Error) => {
					logger.warn(`yjs connection to ${target.boardId} failed: ${error.message}`);
					ws.close(CLOSE_CODES.internalError, CLOSE_REASONS[CLOSE_CODES.internalError]);
				});
			});
			return true;
		},
		/** Closes every Yjs connection (shutdown). */
		close(): Promise<void> {
			clearInterval(keepalive);
			for (const ws of wss.clients) ws.close(CLOSE_CODES.goingAway, CLOSE_REASONS[CLOSE_CODES.goingAway]);
			return new Promise((resolve) => wss.close(() => resolve()));
		}
	};
}
