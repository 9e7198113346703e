/**
 * Error codes and the JSON shape of an error, used by the HTTP API, socket.io acknowledgements
 * and control-plane notices alike.
 */
export const ERROR_CODES = {
	badJson: 'bad_json',
	/** Traffic that is not the protocol (a payload of the wrong shape, no acknowledgement): the connection is closed. */
	malformed: 'malformed',
	invalid: 'invalid',
	notFound: 'not_found',
	/** No valid credentials: token missing, wrong or revoked (HTTP 401). */
	unauthorized: 'unauthorized',
	/** Valid credentials, but the role does not allow this (HTTP 403). */
	forbidden: 'forbidden',
	tooLarge: 'too_large',
	/** Too many requests of one kind from one connection (alerts, pings); try again shortly. */
	rateLimited: 'rate_limited',
	/** A board event from a connection that has not joined a board (`board:join`). */
	notJoined: 'not_joined',
	unsupportedMedia: 'unsupported_media_type',
	methodNotAllowed: 'method_not_allowed',
	internal: 'internal'
} as const;
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

export interface ApiError {
	error: {
		code: ErrorCode;
		message: string;
		/** The offending field, dotted path, when one field is to blame. */
		field?: string;
	};
}

export function apiError(code: ErrorCode, message: string, field?: string): ApiError {
	return { error: field ? { code, message, field } : { code, message } };
}
