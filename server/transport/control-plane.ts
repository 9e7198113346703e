/**
 * The control plane on socket.io: what is not board state. Event names and payloads come from
 * the shared protocol module; every payload is checked, because a client can send anything.
 */
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { ModelValidationError } from '../../src/lib/model/validation-error';
import { createBoardRequest } from '../../src/lib/protocol/boards';
import { PROTOCOL_VERSION, type ClientToServerEvents, type ServerToClientEvents } from '../../src/lib/protocol/control-events';
import { SOCKET_IO_PATH } from '../../src/lib/protocol/endpoints';
import { createOwnedBoard, type BoardAccess } from '../auth/board-access';
import type { BoardDirectory } from '../boards/board-directory';
import type { Logger } from '../logger';
import type { AlertStorage } from '../storage/storage';
import { createBoardChannel } from './board-channel';
import { handle, handshakeSecret, NotFound } from './control-handler';

export function createControlPlane(
	httpServer: HttpServer,
	directory: BoardDirectory,
	logger: Logger,
	access: BoardAccess,
	alerts: AlertStorage
) {
	const io = new Server<ClientToServerEvents, ServerToClientEvents>(httpServer, {
		path: SOCKET_IO_PATH,
		serveClient: false,
		// The Yjs endpoint answers its own upgrades; socket.io must not end them.
		destroyUpgrade: false
	});

	// A private board is announced only to the sockets whose token opens it (its title is news too).
	const stopWatching = directory.onChange((change) => {
		void (async () => {
			if ((await access.mode(change.board.id)) !== 'private') return void io.emit('boards:changed', change);
			for (const socket of io.sockets.sockets.values()) {
				if (await access.grant(change.board.id, handshakeSecret(socket))) socket.emit('boards:changed', change);
			}
		})().catch((error: Error) => logger.warn(`announcing ${change.board.id}: ${error.message}`));
	});

	// Watching one board: alerts and pings (board-channel.ts).
	const channel = createBoardChannel(io, { access, alerts, directory, logger });

	io.on('connection', (socket) => {
		socket.emit('hello', { protocolVersion: PROTOCOL_VERSION });
		const secret = handshakeSecret(socket);
		channel.register(socket, secret);
		socket.on(
			'boards:list',
			handle(socket, logger, async () => access.visible(await directory.list(), secret ? [secret] : []))
		);
		socket.on(
			'boards:create',
			handle(socket, logger, async (request: unknown) => {
				const parsed = createBoardRequest.safeParse(request);
				if (!parsed.success) throw ModelValidationError.fromZod('board', parsed.error);
				return createOwnedBoard(directory, access, parsed.data.title, secret);
			})
		);
		socket.on(
			'boards:rename',
			handle(socket, logger, async (request: unknown) => {
				const { id, title, token } = (request ?? {}) as { id?: unknown; title?: unknown; token?: unknown };
				if (typeof id !== 'string') throw new ModelValidationError('board', [{ path: 'id', message: 'id must be a string' }]);
				if (!(await directory.get(id))) throw new NotFound(`no board "${id}"`);
				await access.require(id, typeof token === 'string' && token !== '' ? token : secret, 'editor');
				const board = await directory.rename(id, String(title ?? ''));
				if (!board) throw new NotFound(`no board "${id}"`);
				return board;
			})
		);
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
