/**
 * Error codes and the JSON shape of an error, used by the HTTP API, socket.io acknowledgements
 * and control-plane notices alike.
 */
import { z } from 'zod';

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
	/** A record with the id given to create one already exists (HTTP 409). */
	conflict: 'conflict',
	/**
	 * Too many requests: over an API token's rate limit (HTTP 429, `Retry-After` says when), or
	 * too many of one kind from one control-plane connection (alerts, pings); try again shortly.
	 */
	rateLimited: 'rate_limited',
	tooLarge: 'too_large',
	/**
	 * The server is at its limit of history builds (a long board's index being derived) and its
	 * queue is full (HTTP 503, `Retry-After`); the same request shortly will be answered.
	 */
	busy: 'busy',
	/**
	 * The log of record cannot be written now (its database is away): the change was not saved
	 * (HTTP 503, `Retry-After`). Read the board before retrying: a change in flight as the
	 * outage began is kept by the server and saved once it is back.
	 */
	storageUnavailable: 'storage_unavailable',
	/**
	 * The board's history index would not fit in the server's whole history memory budget
	 * (`HISTORY_CACHE_MB`), so change lists, summaries and time travel by content are refused for
	 * it (HTTP 507); its raw updates and exact states still are served. Retrying does not help.
	 */
	historyTooLong: 'history_too_long',
	/** A board event from a connection that has not joined a board (`board:join`). */
	notJoined: 'not_joined',
	unsupportedMedia: 'unsupported_media_type',
	methodNotAllowed: 'method_not_allowed',
	internal: 'internal'
} as const;
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** The JSON body of every refusal (a schema too, so the OpenAPI document shows it). */
export const apiErrorBody = z.object({
	error: z.object({
		code: z.enum(Object.values(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]),
		message: z.string(),
		/** The offending field, dotted path, when one field is to blame. */
		field: z.string().optional()
	})
});
export type ApiError = z.infer<typeof apiErrorBody>;

export function apiError(code: ErrorCode, message: string, field?: string): ApiError {
	return { error: field ? { code, message, field } : { code, message } };
}
