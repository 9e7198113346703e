/**
 * [API] The router dispatches from the operation table alone: a path the table leaves out is not
 * served even if a handler exists, every described call must have a handler, path parameters are
 * decoded once (a malformed escape names nothing), the body is parsed by the operation's schema,
 * and the role and allowance come from the table.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Operation } from '../../server/api/openapi-operations';
import type { BoardAccess, Grant } from '../../server/auth/board-access';
import { AccessError } from '../../server/auth/access-error';
import { KeyedRateLimit } from '../../server/auth/rate-limit';
import type { ApiContext } from '../../server/http/api-handler';
import { createApiRouter } from '../../server/http/api-router';
import { HttpError } from '../../server/http/http-errors';
import type { CallerLimits } from '../../server/limits/caller-limits';

const operations: Operation[] = [
	{ method: 'get', path: '/api/boards/{boardId}/pins/{pinId}', operationId: 'getPin', tag: 'records', summary: '', access: 'viewer', limit: 'records', ok: { status: 200, description: '' } },
	{ method: 'post', path: '/api/boards', operationId: 'createBoard', tag: 'boards', summary: '', access: 'creator', body: 'CreateBoardRequest', ok: { status: 201, description: '' } }
];

/** Access that lets viewers in on board "b" and nowhere else. */
const access = {
	isAdmin: () => false,
	assertMayCreate: () => {},
	require: async (boardId: string): Promise<Grant> => {
		if (boardId !== 'b') throw new AccessError(404, 'no such board');
		return { role: 'viewer', tokenId: null, label: null };
	}
} as unknown as BoardAccess;

const limits = (burst = 10): CallerLimits => ({
	records: new KeyedRateLimit(1, burst),
	history: new KeyedRateLimit(1, burst),
	boardCreation: new KeyedRateLimit(1, burst)
});

function request(method: string, body?: string): IncomingMessage {
	const req = Readable.from(body === undefined ? [] : [Buffer.from(body)]) as unknown as IncomingMessage;
	Object.assign(req, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, socket: { remoteAddress: '127.0.0.9' } });
	return req;
}

function response() {
	const sent: { status?: number; body?: string } = {};
	const res = {
		writeHead(status: number) {
			sent.status = status;
			return res;
		},
		end(body: string) {
			sent.body = body;
		}
	} as unknown as ServerResponse;
	return { res, sent };
}

async function refusal(promise: Promise<unknown>): Promise<HttpError | AccessError> {
	return promise.then(
		() => {
			throw new Error('expected a refusal');
		},
		(error: HttpError | AccessError) => error
	);
}

describe('the API router', () => {
	const seen: ApiContext[] = [];
	const handlers = {
		getPin: (context: ApiContext) => (seen.push(context), { status: 200, json: { id: context.params.pinId } }),
		createBoard: (context: ApiContext) => (seen.push(context), { status: 201, json: context.body })
	};

	it('refuses to start when a described call has no handler', () => {
		expect(() => createApiRouter({ operations, handlers: { getPin: handlers.getPin }, access, limits: limits(), trustedProxies: [] })).toThrow(/createBoard/);
	});

	it('serves only what the table describes: unknown paths 404, other methods 405 with Allow, non-API paths pass', async () => {
		const route = createApiRouter({ operations, handlers: { ...handlers, extra: handlers.getPin }, access, limits: limits(), trustedProxies: [] });
		expect((await refusal(route(request('GET'), response().res, new URL('http://x/api/boards/b/reports')))).status).toBe(404);
		const wrongMethod = (await refusal(route(request('DELETE'), response().res, new URL('http://x/api/boards/b/pins/p1')))) as HttpError;
		expect(wrongMethod.status).toBe(405);
		expect(wrongMethod.headers.allow).toBe('GET');
		expect(await route(request('GET'), response().res, new URL('http://x/b/kharkiv'))).toBe(false);
	});

	it('decodes path parameters once, and a malformed escape is 404 naming the parameter, before any handler', async () => {
		const route = createApiRouter({ operations, handlers, access, limits: limits(), trustedProxies: [] });
		const { res, sent } = response();
		expect(await route(request('GET'), res, new URL('http://x/api/boards/b/pins/a%20b'))).toBe(true);
		expect(JSON.parse(sent.body!)).toEqual({ id: 'a b' });
		seen.length = 0;
		const bad = (await refusal(route(request('GET'), response().res, new URL('http://x/api/boards/b/pins/%E0%A4')))) as HttpError;
		expect(bad.status).toBe(404);
		expect(bad.body.error.field).toBe('pinId');
		expect((await refusal(route(request('GET'), response().res, new URL('http://x/api/boards/%E0/pins/p')))).status).toBe(404);
		expect(seen).toEqual([]);
	});

	it('checks the role the table names and spends the allowance it names (429 with Retry-After)', async () => {
		const route = createApiRouter({ operations, handlers, access, limits: limits(2), trustedProxies: [] });
		expect((await refusal(route(request('GET'), response().res, new URL('http://x/api/boards/other/pins/p')))).status).toBe(404);
		await route(request('GET'), response().res, new URL('http://x/api/boards/b/pins/p'));
		await route(request('GET'), response().res, new URL('http://x/api/boards/b/pins/p'));
		const limited = (await refusal(route(request('GET'), response().res, new URL('http://x/api/boards/b/pins/p')))) as HttpError;
		expect(limited.status).toBe(429);
		expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
	});

	it('parses the body with the operation’s schema: bad JSON 400, wrong shape 422 naming the field', async () => {
		const route = createApiRouter({ operations, handlers, access, limits: limits(), trustedProxies: [] });
		expect((await refusal(route(request('POST', '{"title":'), response().res, new URL('http://x/api/boards')))).status).toBe(400);
		const wrongShape = (await refusal(route(request('POST', '{"title":7}'), response().res, new URL('http://x/api/boards')))) as HttpError;
		expect(wrongShape.status).toBe(422);
		expect(wrongShape.body.error.field).toBe('title');
		const { res, sent } = response();
		await route(request('POST', '{"title":"Kherson"}'), res, new URL('http://x/api/boards'));
		expect(sent.status).toBe(201);
		expect(JSON.parse(sent.body!)).toMatchObject({ title: 'Kherson' });
	});
});
