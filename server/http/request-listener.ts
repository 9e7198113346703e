/**
 * The HTTP entry: one error boundary around every request. `/socket.io/` is socket.io's alone
 * (engine.io answers it; writing anything more there ended the process with
 * ERR_HTTP_HEADERS_SENT), the API is the router's, everything else the app's. Whatever a handler
 * throws becomes that one request's answer — a named error, never a stack trace, never an outage.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiError, ERROR_CODES } from '../../src/lib/protocol/errors';
import { SOCKET_IO_PATH } from '../../src/lib/protocol/endpoints';
import { applySecurityHeaders } from '../auth/security-headers';
import type { Logger } from '../logger';
import { errorAnswer, HttpError, sendError } from './http-errors';
import { parseTarget } from './request-target';

export type ApiRoute = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;
export type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** Requests engine.io serves; it answers them itself, wherever our listener stands. */
export const isSocketIoRequest = (rawUrl: string | undefined) => (rawUrl ?? '').startsWith(`${SOCKET_IO_PATH}/`);

/** A connect-style middleware (the production server and Vite's dev server mount the same): the API, else `next`. */
export function apiMiddleware(routeApi: ApiRoute, tileUrl: string | null, logger: Logger): Middleware {
	return function middleware(req, res, next) {
		if (isSocketIoRequest(req.url)) return;
		const fail = (error: unknown) =>
			sendError(
				res,
				errorAnswer(error, (bug) => logger.warn(`${req.method} ${String(req.url).slice(0, 200)}: ${bug.stack ?? bug.message}`))
			);
		try {
			const url = parseTarget(req.url);
			if (!url) throw new HttpError(400, apiError(ERROR_CODES.invalid, 'the request target is not a path'));
			// First in the chain, so the app's pages and files get them as well as the API.
			applySecurityHeaders(res, tileUrl);
			routeApi(req, res, url).then((handled) => {
				if (handled) return;
				try {
					next();
				} catch (error) {
					fail(error);
				}
			}, fail);
		} catch (error) {
			fail(error);
		}
	};
}

/** The production request listener: the API middleware, then the app, then 404. */
export function requestListener(middleware: Middleware, app: Middleware, logger: Logger) {
	return (req: IncomingMessage, res: ServerResponse): void => {
		try {
			middleware(req, res, () =>
				app(req, res, () => {
					res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
				})
			);
		} catch (error) {
			logger.warn(`${req.method} ${String(req.url).slice(0, 200)}: ${(error as Error).message}`);
			if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error');
			else res.destroy();
		}
	};
}
