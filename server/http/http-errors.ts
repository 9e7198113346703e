/**
 * HTTP answers in the shared error shape (`{ error: { code, message, field? } }`) and the one
 * mapping from a thrown error to a status: every refusal says what is wrong; anything unexpected is
 * a bare 500 with no stack, logged once.
 */
import type { ServerResponse } from 'node:http';
import { ModelValidationError } from '../../src/lib/model/validation-error';
import { apiError, ERROR_CODES, type ApiError } from '../../src/lib/protocol/errors';
import { AccessError } from '../auth/access-error';
import { HistoryBusyError, HistoryTooLongError } from '../history/history-refusals';
import { LogUnavailable } from '../rooms/log-outage';

/** How long a caller refused for a busy history should wait before asking again. */
const BUSY_RETRY_SECONDS = 5;

export class HttpError extends Error {
	constructor(
		readonly status: number,
		readonly body: ApiError,
		/** Extra answer headers (Allow, Retry-After). */
		readonly headers: Record<string, string> = {}
	) {
		super(body.error.message);
	}
}

export const notFound = (message: string, field?: string) => new HttpError(404, apiError(ERROR_CODES.notFound, message, field));

export const methodNotAllowed = (allowed: readonly string[]) =>
	new HttpError(405, apiError(ERROR_CODES.methodNotAllowed, `use ${allowed.join(' or ')} on this path`), { allow: allowed.join(', ') });

export const rateLimited = (what: string, waitMs: number) => {
	const seconds = Math.max(1, Math.ceil(waitMs / 1000));
	return new HttpError(429, apiError(ERROR_CODES.rateLimited, `too many ${what}: retry in ${seconds} s`), { 'retry-after': String(seconds) });
};

/** A query parameter or path part that is wrong, named. */
export const invalidParam = (field: string, message: string) => new HttpError(400, apiError(ERROR_CODES.invalid, `${field} ${message}`, field));

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
	const text = JSON.stringify(body);
	res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
	res.end(text);
}

/** The answer for an error; `unexpected` is called for what no refusal explains (a bug). */
export function errorAnswer(error: unknown, unexpected: (error: Error) => void): HttpError {
	if (error instanceof HttpError) return error;
	if (error instanceof AccessError) return new HttpError(error.status, error.body);
	if (error instanceof ModelValidationError) return new HttpError(400, apiError(ERROR_CODES.invalid, error.message, error.field));
	if (error instanceof HistoryBusyError) return new HttpError(503, apiError(error.code, error.message), { 'retry-after': String(BUSY_RETRY_SECONDS) });
	// The log of record is away: nothing was confirmed, and asking again shortly may work.
	if (error instanceof LogUnavailable) return new HttpError(503, apiError(ERROR_CODES.storageUnavailable, error.message), { 'retry-after': String(BUSY_RETRY_SECONDS) });
	// Retrying will not help: the board's history is larger than this server will index.
	if (error instanceof HistoryTooLongError) return new HttpError(507, apiError(error.code, error.message));
	unexpected(error instanceof Error ? error : new Error(String(error)));
	return new HttpError(500, apiError(ERROR_CODES.internal, 'internal error'));
}

/** Sends an error answer, or ends the response if a partial answer already went out. */
export function sendError(res: ServerResponse, error: HttpError): void {
	if (res.headersSent) {
		res.destroy();
		return;
	}
	sendJson(res, error.status, error.body, error.headers);
}
