/**
 * How every control-plane event is handled: malformed traffic (not this protocol) closes the
 * connection with a named notice; a well-formed request that fails gets an error reply naming why.
 */
import type { Socket } from 'socket.io';
import { ModelValidationError } from '../../src/lib/model/validation-error';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '../../src/lib/protocol/control-events';
import { apiError, ERROR_CODES, type ApiError, type ErrorCode } from '../../src/lib/protocol/errors';
import { AccessError } from '../auth/access-error';
import type { Logger } from '../logger';

export type ControlSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

/** Something the request names is not there; `field` says which part of the request named it. */
export class NotFound extends Error {
	constructor(
		message: string,
		readonly field = 'id'
	) {
		super(message);
	}
}

/** A refusal with a named code that is neither access nor validation (rate limited, not joined). */
export class ControlError extends Error {
	constructor(
		readonly code: ErrorCode,
		message: string
	) {
		super(message);
	}

	get body(): ApiError {
		return apiError(this.code, this.message);
	}
}

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

/** Wraps an event handler: malformed traffic closes the socket; a thrown error becomes a clear reply. */
export function handle<T, A extends unknown[]>(
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
				else if (error instanceof AccessError || error instanceof ControlError) reply({ ok: false, ...error.body });
				else if (error instanceof NotFound) reply({ ok: false, ...apiError(ERROR_CODES.notFound, error.message, error.field) });
				else {
					logger.warn(`control plane: ${error.message}`);
					reply({ ok: false, ...apiError(ERROR_CODES.internal, 'internal error') });
				}
			}
		);
	};
}

/** The secret a client gave in `io(url, { auth: { token } })`, if any. */
export function handshakeSecret(socket: ControlSocket): string | null {
	const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
	return typeof token === 'string' && token !== '' ? token : null;
}
