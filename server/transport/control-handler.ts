/**
 * The error boundary of every control-plane listener. socket.io calls listeners from a
 * process.nextTick, so a listener that throws — or a promise it leaves rejected — would end the
 * process; here nothing can. Malformed traffic (not this protocol) closes its own connection with
 * a named notice; a well-formed request that fails gets an error reply naming why; anything
 * unexpected answers `internal` and logs one line.
 */
import type { Socket } from 'socket.io';
import { ModelValidationError } from '../../src/lib/model/validation-error';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '../../src/lib/protocol/control-events';
import { apiError, ERROR_CODES, type ApiError } from '../../src/lib/protocol/errors';
import { AccessError } from '../auth/access-error';
import type { Logger } from '../logger';
import { ControlError, NotFound } from '../control/refusals';

export type ControlSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Malformed traffic — not this protocol at all — ends only this connection, with a named notice
 * and one log line. (A well-formed request with a bad value gets an error reply instead.)
 */
export function closeMalformed(socket: ControlSocket, logger: Logger, message: string): void {
	logger.warn(`control plane: closing ${socket.id}: ${message}`);
	socket.emit('notice', { level: 'error', code: ERROR_CODES.malformed, message });
	socket.disconnect(true);
}

const isPlainObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The reply a failed request gets: its named refusal, or `internal` (logged) for anything else. */
function refusal(error: unknown, socket: ControlSocket, logger: Logger): ApiError {
	if (error instanceof ModelValidationError) return apiError(ERROR_CODES.invalid, error.message, error.field);
	if (error instanceof AccessError || error instanceof ControlError) return error.body;
	if (error instanceof NotFound) return apiError(ERROR_CODES.notFound, error.message, error.field);
	logger.warn(`control plane: ${socket.id}: ${describe(error)}`);
	return apiError(ERROR_CODES.internal, 'internal error');
}

/** Wraps a request handler (payload objects, then an acknowledgement): every outcome becomes one reply. */
export function handle<T, A extends unknown[]>(
	socket: ControlSocket,
	logger: Logger,
	work: (...args: A) => Promise<T>
): (...args: [...A, Ack<T>]) => void {
	return (...args) => {
		try {
			const ack = args.at(-1);
			if (typeof ack !== 'function') return closeMalformed(socket, logger, 'this event needs an acknowledgement callback');
			if (!args.slice(0, -1).every(isPlainObject)) return closeMalformed(socket, logger, 'the payload must be a JSON object');
			const reply = ack as Ack<T>;
			// Called inside a promise, so a handler that throws before its first await is caught too.
			Promise.resolve()
				.then(() => work(...(args.slice(0, -1) as A)))
				.then(
					(value) => reply({ ok: true, value }),
					(error: unknown) => reply({ ok: false, ...refusal(error, socket, logger) })
				)
				.catch((error: unknown) => logger.warn(`control plane: replying to ${socket.id}: ${describe(error)}`));
		} catch (error) {
			logger.warn(`control plane: ${socket.id}: ${describe(error)}`);
		}
	};
}

/** Listens to an event that takes no reply ('disconnect'): a throw is logged, never the process's end. */
export function onEvent(socket: ControlSocket, logger: Logger, event: 'disconnect', listener: (reason: string) => void): void {
	socket.on(event, (reason) => {
		try {
			listener(reason);
		} catch (error) {
			logger.warn(`control plane: ${event} of ${socket.id}: ${describe(error)}`);
		}
	});
}

/** The secret a client gave in `io(url, { auth: { token } })`, if any. */
export function handshakeSecret(socket: Pick<ControlSocket, 'handshake'>): string | null {
	const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
	return typeof token === 'string' && token !== '' ? token : null;
}
