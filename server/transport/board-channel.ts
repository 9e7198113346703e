/**
 * Watching one board on socket.io: a thin adapter over the alert desk (server/alerts/alert-desk.ts),
 * which decides everything — who may, what is valid, the limits, who an alert is for. Here each
 * event is handed to the desk and its answer delivered: an alert to the board's other watchers, a
 * receipt to all of them, a ping to the others. A socket.io room per board carries the delivery.
 */
import type { Server } from 'socket.io';
import { watcherRef, type WatcherRef } from '../../src/lib/protocol/alerts';
import type { ClientToServerEvents, ServerToClientEvents } from '../../src/lib/protocol/control-events';
import { ERROR_CODES } from '../../src/lib/protocol/errors';
import { AlertDesk } from '../alerts/alert-desk';
import type { BoardAccess } from '../auth/board-access';
import type { BoardDirectory } from '../boards/board-directory';
import type { ServerConfig } from '../config';
import type { ControlLimits } from '../control/control-limits';
import { clientAddress } from '../http/client-address';
import type { Logger } from '../logger';
import type { AlertStorage } from '../storage/storage';
import { handle, onEvent, type ControlSocket } from './control-handler';
import { reachableSockets } from './reachable-sockets';

interface ChannelDeps {
	access: BoardAccess;
	alerts: AlertStorage;
	/** Where a linked pin or report is looked up (the live board). */
	directory: BoardDirectory;
	limits: ControlLimits;
	trustedProxies: ServerConfig['trustedProxies'];
	logger: Logger;
	now?: () => number;
}

const roomOf = (boardId: string) => `board:${boardId}`;
const isWatcherRef = (value: unknown): value is WatcherRef => watcherRef.safeParse(value).success;

export function createBoardChannel(io: Server<ClientToServerEvents, ServerToClientEvents>, deps: ChannelDeps) {
	const { access, logger } = deps;
	const desk = new AlertDesk({
		access,
		alerts: deps.alerts,
		boards: (boardId, read) => deps.directory.readDoc(boardId, read),
		limits: deps.limits,
		now: deps.now,
		watchersOf: (boardId) => watchersOf(boardId)
	});

	/**
	 * Through the adapter: on a cluster, the board's watchers on every node (socket.data says who).
	 * With the other nodes out of reach (Redis away) an alert can only reach this node's watchers,
	 * so they are its recipients: "seen by" never counts someone it could not be sent to.
	 */
	async function watchersOf(boardId: string): Promise<WatcherRef[]> {
		const sockets = await reachableSockets(io, logger, roomOf(boardId));
		return sockets.flatMap((socket) => (isWatcherRef(socket.data.watcher) ? [socket.data.watcher] : []));
	}
	const sockets = new Map<string, ControlSocket>();

	// A revoked token or a board made private: connections that lost read access stop watching.
	const stopAccess = access.onChange((change) => {
		desk
			.recheck(change.boardId, (id) => {
				const socket = sockets.get(id);
				if (!socket) return;
				void socket.leave(roomOf(change.boardId));
				socket.data.watcher = undefined;
				socket.emit('notice', { level: 'warning', code: ERROR_CODES.unauthorized, message: 'you no longer have access to this board' });
			})
			.catch((error: Error) => logger.warn(`re-checking watchers of ${change.boardId}: ${error.message}`));
	});

	function register(socket: ControlSocket, secret: string | null): void {
		sockets.set(socket.id, socket);
		desk.connect({ id: socket.id, secret, address: clientAddress(socket.request, deps.trustedProxies) });

		socket.on(
			'board:join',
			handle(socket, logger, async (request: unknown) => {
				const { boardId, left, joined, watcher } = await desk.join(socket.id, request);
				if (left) await socket.leave(roomOf(left));
				socket.data.watcher = watcher;
				await socket.join(roomOf(boardId));
				return joined;
			})
		);

		socket.on(
			'alert:raise',
			handle(socket, logger, async (request: unknown) => {
				const alert = await desk.raise(socket.id, request);
				socket.to(roomOf(alert.boardId)).emit('alert:raised', alert);
				return alert;
			})
		);

		socket.on(
			'alert:ack',
			handle(socket, logger, async (request: unknown) => {
				const { boardId, counted, seen } = await desk.acknowledge(socket.id, request);
				if (seen) io.to(roomOf(boardId)).emit('alert:seen', seen);
				return { counted };
			})
		);

		socket.on(
			'alerts:list',
			handle(socket, logger, (request: unknown) => desk.list(socket.id, request))
		);

		socket.on(
			'ping',
			handle(socket, logger, async (request: unknown) => {
				const { boardId, ping } = await desk.ping(socket.id, request);
				socket.to(roomOf(boardId)).emit('ping', ping);
				return null;
			})
		);

		onEvent(socket, logger, 'disconnect', () => {
			sockets.delete(socket.id);
			desk.disconnect(socket.id);
		});
	}

	return {
		register,
		close(): void {
			stopAccess();
			desk.close();
			sockets.clear();
		}
	};
}
