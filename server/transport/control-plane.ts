/**
 * The control plane on socket.io: what is not board state. Event names and payloads come from
 * the shared protocol module; every payload is checked, because a client can send anything, and
 * every listener runs inside an error boundary (control-handler.ts).
 */
import type { Server as HttpServer } from 'node:http';
import { Server, type ServerOptions } from 'socket.io';
import { parseOrThrow } from '../../src/lib/model/validation-error';
import { createBoardRequest, renameBoardRequest } from '../../src/lib/protocol/boards';
import { PROTOCOL_VERSION, type ClientToServerEvents, type ServerToClientEvents } from '../../src/lib/protocol/control-events';
import { SOCKET_IO_PATH } from '../../src/lib/protocol/endpoints';
import { ERROR_CODES } from '../../src/lib/protocol/errors';
import { createOwnedBoard, type BoardAccess } from '../auth/board-access';
import type { BoardDirectory } from '../boards/board-directory';
import type { ServerConfig } from '../config';
import { ControlLimits, type ControlLimitConfig } from '../control/control-limits';
import { ControlError, NotFound } from '../control/refusals';
import { callerKey, clientAddress } from '../http/client-address';
import type { CallerLimits } from '../limits/caller-limits';
import type { Logger } from '../logger';
import type { AlertStorage } from '../storage/storage';
import { createBoardChannel } from './board-channel';
import { handle, handshakeSecret } from './control-handler';
import { reachableSockets } from './reachable-sockets';

export interface ControlPlaneOptions {
	/** The server's one set of caller limits: a board created here spends the same allowance as one created over HTTP. */
	callerLimits: CallerLimits;
	config: ControlLimitConfig & Pick<ServerConfig, 'trustedProxies'>;
	/** Cluster mode: socket.io's Redis adapter, so rooms, broadcasts and fetchSockets span every node. */
	adapter?: ServerOptions['adapter'];
}

export function createControlPlane(
	httpServer: HttpServer,
	directory: BoardDirectory,
	logger: Logger,
	access: BoardAccess,
	alerts: AlertStorage,
	{ callerLimits, config, adapter }: ControlPlaneOptions
) {
	const io = new Server<ClientToServerEvents, ServerToClientEvents>(httpServer, {
		path: SOCKET_IO_PATH,
		serveClient: false,
		// The Yjs endpoint answers its own upgrades; socket.io must not end them.
		destroyUpgrade: false,
		...(adapter ? { adapter } : {})
	});

	// A private board is announced only to the sockets whose token opens it (its title is news too).
	// Both reach every node's sockets in cluster mode (io.emit and fetchSockets go through the adapter).
	const stopWatching = directory.onChange((change) => {
		void (async () => {
			if ((await access.mode(change.board.id)) !== 'private') return void io.emit('boards:changed', change);
			for (const socket of await reachableSockets(io, logger)) {
				if (await access.grant(change.board.id, handshakeSecret(socket))) socket.emit('boards:changed', change);
			}
		})().catch((error: Error) => logger.warn(`announcing ${change.board.id}: ${error.message}`));
	});

	// Watching one board: alerts and pings (board-channel.ts over the alert desk).
	const limits = new ControlLimits(config);
	const channel = createBoardChannel(io, { access, alerts, directory, limits, trustedProxies: config.trustedProxies, logger });

	io.on('connection', (socket) => {
		try {
			socket.emit('hello', { protocolVersion: PROTOCOL_VERSION });
			const secret = handshakeSecret(socket);
			const address = clientAddress(socket.request, config.trustedProxies);
			channel.register(socket, secret);
			socket.on(
				'boards:list',
				handle(socket, logger, async () => access.visible(await directory.list(), secret ? [secret] : []))
			);
			socket.on(
				'boards:create',
				handle(socket, logger, async (request: unknown) => {
					const { title } = parseOrThrow(createBoardRequest, request, 'board');
					access.assertMayCreate(secret);
					// Per address, shared with POST /api/boards (the same key): new boards are listed
					// publicly. The operator's own token is not rationed, as over HTTP.
					const waitMs = access.isAdmin(secret) ? 0 : callerLimits.boardCreation.take(callerKey(null, address));
					if (waitMs > 0) throw new ControlError(ERROR_CODES.rateLimited, `too many new boards from this address; try again in ${Math.ceil(waitMs / 1000)} s`);
					return createOwnedBoard(directory, access, title, secret);
				})
			);
			socket.on(
				'boards:rename',
				handle(socket, logger, async (request: unknown) => {
					const { id, title, token } = parseOrThrow(renameBoardRequest, request, 'board');
					if (!(await directory.get(id))) throw new NotFound(`no board "${id}"`);
					await access.require(id, token || secret, 'editor');
					const board = await directory.rename(id, title);
					if (!board) throw new NotFound(`no board "${id}"`);
					return board;
				})
			);
		} catch (error) {
			// A connection that cannot be set up is closed; the server carries on.
			logger.warn(`control plane: setting up ${socket.id}: ${error instanceof Error ? error.message : String(error)}`);
			socket.disconnect(true);
		}
	});

	return {
		io,
		close(): Promise<void> {
			stopWatching();
			channel.close();
			return new Promise((resolve) => io.close(() => resolve()));
		}
	};
}
