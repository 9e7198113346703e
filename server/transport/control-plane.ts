/**
 * The control plane on socket.io: what is not board state. Event names and payloads come from
 * the shared protocol module; every payload is checked, because a client can send anything.
 */
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { ModelValidationError } from '../../src/lib/model/validation-error';
import { createBoardRequest } from '../../src/lib/protocol/boards';
import {
	PROTOCOL_VERSION,
	type Ack,
	type ClientToServerEvents,
	type ServerToClientEvents
} from '../../src/lib/protocol/control-events';
import { apiError, ERROR_CODES } from '../../src/lib/protocol/errors';
import { SOCKET_IO_PATH } from '../../src/lib/protocol/endpoints';
import { AccessError } from '../auth/access-error';
import { createOwnedBoard, type BoardAccess } from '../auth/board-access';
import type { BoardDirectory } from '../boards/board-directory';
import type { Logger } from '../logger';

type ControlSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

class NotFound extends Error {}

/**
 * Malformed traffic — not this protocol at all — ends only this connection, with a named notice
 * and one log line. (A well-formed request with a bad value gets an error reply instead.)
 */
function closeMalformed(socket: ControlSocket, logger: Logger, message: string): void {
	logger.warn(`control plane: closing ${socket.id}: ${message}`);
	socket.emit('notice', { level: 'error', code: ERROR_CODES.malformed, message });
	socket.disconnect(true);
}

const isPlainObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Wraps an event handler: malformed traffic closes the socket; a thrown error becomes a clear reply. */
function handle<T, A extends unknown[]>(
	socket: ControlSocket,
	logger: Logger,
	work: (...args: A) => Promise<T>
): (...args: [...A, Ack<T>]) => void {
	return (...args) => {
		const ack = args.at(-1);
		if (typeof ack !== 'function') {
			closeMalformed(socket, logger, 'this event needs an acknowledgement callback');
			return;
		}
		if (!args.slice(0, -1).every(isPlainObject)) {
			closeMalformed(socket, logger, 'the payload must be a JSON object');
			return;
		}
		const reply = ack as Ack<T>;
		work(...(args.slice(0, -1) as A)).then(
			(value) => reply({ ok: true, value }),
			(error: Error) => {
				if (error instanceof ModelValidationError) reply({ ok: false, ...apiError(ERROR_CODES.invalid, error.message, error.field) });
				else if (error instanceof AccessError) reply({ ok: false, ...error.body });
				else if (error instanceof NotFound) reply({ ok: false, ...apiError(ERROR_CODES.notFound, error.message, 'id') });
				else {
					logger.warn(`control plane: ${error.message}`);
					reply({ ok: false, ...apiError(ERROR_CODES.internal, 'internal error') });
				}
			}
		);
	};
}

/** The secret a client gave in `io(url, { auth: { token } })`, if any. */
function handshakeSecret(socket: ControlSocket): string | null {
	const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
	return typeof token === 'string' && token !== '' ? token : null;
}

export function createControlPlane(httpServer: HttpServer, directory: BoardDirectory, logger: Logger, access: BoardAccess) {
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

	io.on('connection', (socket) => {
		socket.emit('hello', { protocolVersion: PROTOCOL_VERSION });
		const secret = handshakeSecret(socket);
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
			return new Promise((resolve) => io.close(() => resolve()));
		}
	};
}
