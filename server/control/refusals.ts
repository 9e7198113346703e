/**
 * Refusals the control plane's domain modules throw (the alert desk, board creation) and the
 * socket.io adapter turns into named error replies (transport/control-handler.ts). They live
 * apart from the adapter so the modules that throw them know nothing of sockets.
 */
import { apiError, type ApiError, type ErrorCode } from '../../src/lib/protocol/errors';

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
