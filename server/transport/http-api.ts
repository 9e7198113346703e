/**
 * The HTTP API: health, runtime config for the client, and boards. A connect-style middleware,
 * so the production server and Vite's dev server mount the same thing. Every error is JSON in
 * the shared `ApiError` shape and says what is wrong.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { ModelValidationError } from '../../src/lib/model/validation-error';
import { createBoardRequest } from '../../src/lib/protocol/boards';
import { API } from '../../src/lib/protocol/endpoints';
import { apiError, ERROR_CODES, type ApiError } from '../../src/lib/protocol/errors';
import type { HealthReply, RuntimeConfig } from '../../src/lib/protocol/server-info';
import { AccessError } from '../auth/access-error';
import { secretOf } from '../auth/access-api';
import { createOwnedBoard, type BoardAccess } from '../auth/board-access';
import { applySecurityHeaders } from '../auth/security-headers';
import type { BoardDirectory } from '../boards/board-directory';
import type { ServerConfig } from '../config';
import type { Logger } from '../logger';

/** The largest body is a report with 4000 characters and 20 source links; anything bigger is a mistake or an attack. */
const MAX_BODY_BYTES = 64 * 1024;

export class HttpError extends Error {
	constructor(
		readonly status: number,
		readonly body: ApiError
	) {
		super(body.error.message);
	}
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
	const text = JSON.stringify(body);
	res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
	res.end(text);
}

export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
	const type = req.headers['content-type'] ?? '';
	if (!/^application\/json\b/i.test(type)) {
		throw new HttpError(415, apiError(ERROR_CODES.unsupportedMedia, 'send the body as application/json'));
	}
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		size += (chunk as Buffer).length;
		if (size > MAX_BODY_BYTES) throw new HttpError(413, apiError(ERROR_CODES.tooLarge, `body over ${MAX_BODY_BYTES} bytes`));
		chunks.push(chunk as Buffer);
	}
	try {
		return JSON.parse(Buffer.concat(chunks).toString('utf8'));
	} catch (error) {
		throw new HttpError(400, apiError(ERROR_CODES.badJson, `body is not valid JSON: ${(error as Error).message}`));
	}
}

/**
 * Reads a JSON body and parses it with a shared schema. JSON that does not parse is 400; JSON the
 * schema refuses is 422 naming the first offending field (dotted path), so a script can tell
 * "I sent garbage" from "I sent the wrong thing".
 */
export async function readValidBody<S extends z.ZodType>(req: IncomingMessage, schema: S, what: string): Promise<z.infer<S>> {
	const parsed = schema.safeParse(await readJsonBody(req));
	if (parsed.success) return parsed.data;
	const error = ModelValidationError.fromZod(what, parsed.error);
	throw new HttpError(422, apiError(ERROR_CODES.invalid, error.message, error.field));
}

/** A path segment decoded; a malformed escape (`%E0`) names no board rather than failing the request. */
function safeDecode(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return '';
	}
}

export const methodNotAllowed = (allowed: string) =>
	new HttpError(405, apiError(ERROR_CODES.methodNotAllowed, `use ${allowed} on this path`));

/** A further API mounted in front of the board routes (e.g. history): answers its own paths, else false. */
export type ApiRoute = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

export function createHttpApi(
	directory: BoardDirectory,
	config: Pick<ServerConfig, 'tileUrl'>,
	logger: Logger,
	access: BoardAccess,
	routes: readonly ApiRoute[] = []
) {
	const startedAt = Date.now();

	async function route(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
		const url = new URL(req.url ?? '/', 'http://localhost');
		const { pathname } = url;
		const method = req.method ?? 'GET';
		for (const extra of routes) if (await extra(req, res, url)) return true;
		if (pathname === API.health) {
			sendJson(res, 200, { ok: true, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) } satisfies HealthReply);
			return true;
		}
		if (pathname === API.config) {
			sendJson(res, 200, { tileUrl: config.tileUrl } satisfies RuntimeConfig);
			return true;
		}
		if (pathname === API.boards) {
			const secret = secretOf(req);
			// Private boards are listed only to callers whose token opens them: a title can say a lot.
			if (method === 'GET') sendJson(res, 200, await access.visible(await directory.list(), secret ? [secret] : []));
			else if (method === 'POST') {
				access.assertMayCreate(secret);
				const { title } = await readValidBody(req, createBoardRequest, 'board');
				sendJson(res, 201, await createOwnedBoard(directory, access, title, secret));
			} else throw methodNotAllowed('GET or POST');
			return true;
		}
		const boardPath = new RegExp(`^${API.boards}/([^/]+)$`).exec(pathname);
		if (boardPath) {
			if (method !== 'GET') throw methodNotAllowed('GET');
			const board = await directory.get(safeDecode(boardPath[1]!));
			if (!board) throw new HttpError(404, apiError(ERROR_CODES.notFound, 'no such board'));
			await access.require(board.id, secretOf(req), 'viewer');
			sendJson(res, 200, board);
			return true;
		}
		if (pathname.startsWith('/api/')) throw new HttpError(404, apiError(ERROR_CODES.notFound, `no API at ${pathname}`));
		return false;
	}

	/** Connect-style middleware: answers API paths, passes everything else to `next`. */
	return function apiMiddleware(req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void {
		// Here, first in the chain, so the app's pages and files get them as well as the API.
		applySecurityHeaders(res, config.tileUrl);
		route(req, res).then(
			(handled) => {
				if (!handled) next();
			},
			(error: Error) => {
				if (error instanceof HttpError || error instanceof AccessError) sendJson(res, error.status, error.body);
				else if (error instanceof ModelValidationError) sendJson(res, 400, apiError(ERROR_CODES.invalid, error.message, error.field));
				else {
					logger.warn(`${req.method} ${req.url}: ${error.message}`);
					sendJson(res, 500, apiError(ERROR_CODES.internal, 'internal error'));
				}
			}
		);
	};
}
