/**
 * [E4] HTTP allowances count callers, not requests or sockets: anonymous board creation is
 * limited per address (300 boards in 1.2 s were accepted and listed publicly), another address is
 * not slowed, `X-Forwarded-For` counts only from a trusted proxy, and history queries count per
 * token. [E8] An Authorization header that is not `Bearer <token>` is 401, not anonymous.
 */
import http from 'node:http';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedBoard } from '../../src/lib/protocol/access';
import { ACCESS_API } from '../../src/lib/protocol/access';
import { API } from '../../src/lib/protocol/endpoints';
import { HISTORY_API } from '../../src/lib/protocol/history';
import { callApi } from '../helpers/http';
import { startServer, type ServerProcess } from '../helpers/server-process';

let server: ServerProcess;

beforeAll(async () => {
	server = await startServer({
		env: { BOARDS_BURST: '3', BOARDS_PER_HOUR: '1', HISTORY_BURST: '4', HISTORY_PER_SECOND: '1', TRUSTED_PROXIES: '127.0.0.7' }
	});
});
afterAll(async () => {
	await server?.stop();
});

/** POST /api/boards from a chosen loopback address (Linux routes all of 127/8 to lo), with extra headers. */
function createFrom(localAddress: string, headers: Record<string, string> = {}): Promise<{ status: number; retryAfter: string | undefined; body: string }> {
	return new Promise((resolve, reject) => {
		const body = JSON.stringify({ title: `From ${localAddress}` });
		const request = http.request(
			`${server.url}${API.boards}`,
			{ method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } },
			(response) => {
				let text = '';
				response.on('data', (chunk: Buffer) => (text += chunk.toString()));
				response.on('end', () => resolve({ status: response.statusCode!, retryAfter: response.headers['retry-after'] as string | undefined, body: text }));
			}
		);
		request.on('error', reject);
		request.end(body);
	});
}

describe('[E4] caller allowances over HTTP', () => {
	it('anonymous board creation stops at the burst for one address, with Retry-After; another address is not slowed', async () => {
		const first = [];
		for (let i = 0; i < 5; i++) first.push(await createFrom('127.0.0.2'));
		expect(first.map((answer) => answer.status)).toEqual([201, 201, 201, 429, 429]);
		expect(Number(first[3]!.retryAfter)).toBeGreaterThanOrEqual(1);
		expect((await createFrom('127.0.0.3')).status).toBe(201);
	});

	it('HTTP and socket.io spend one allowance: a board made over either counts against both', async () => {
		expect((await createFrom('127.0.0.8')).status).toBe(201);
		expect((await createFrom('127.0.0.8')).status).toBe(201);
		const client = io(server.url, { transports: ['websocket'], forceNew: true, reconnection: false, localAddress: '127.0.0.8' } as Parameters<typeof io>[1]);
		try {
			const create = () => client.timeout(5_000).emitWithAck('boards:create', { title: 'Over socket.io' }) as Promise<{ ok: boolean; error?: { code: string } }>;
			expect((await create()).ok).toBe(true);
			expect(await create()).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
		} finally {
			client.disconnect();
		}
		expect((await createFrom('127.0.0.8')).status).toBe(429);
	});

	it('X-Forwarded-For is believed only from a trusted proxy', async () => {
		// From an untrusted peer the header is ignored: all three count as 127.0.0.4.
		const spoofed = [];
		for (let i = 0; i < 4; i++) spoofed.push((await createFrom('127.0.0.4', { 'x-forwarded-for': `10.9.9.${i}` })).status);
		expect(spoofed).toEqual([201, 201, 201, 429]);
		// Through the trusted proxy, each forwarded client has its own allowance.
		const proxied = [];
		for (let i = 0; i < 4; i++) proxied.push((await createFrom('127.0.0.7', { 'x-forwarded-for': `203.0.113.${i}` })).status);
		expect(proxied).toEqual([201, 201, 201, 201]);
		// The right-most hop the trusted proxy did not add is the client: what the client wrote
		// to the left of it is its own claim and changes nothing.
		const forged = [];
		for (let i = 0; i < 4; i++) forged.push((await createFrom('127.0.0.7', { 'x-forwarded-for': `10.1.1.${i}, 198.51.100.1` })).status);
		expect(forged).toEqual([201, 201, 201, 429]);
	});

	it('history queries count per token: one token over its allowance does not slow another', async () => {
		const made = await createFrom('127.0.0.5');
		expect(made.status).toBe(201);
		const created = JSON.parse(made.body) as CreatedBoard;
		const owner = created.ownerToken.token;
		const viewer = (await callApi(server.url, 'POST', ACCESS_API.tokens(created.id), { secret: owner, body: { role: 'viewer' } })).body.token as string;
		const statuses = [];
		for (let i = 0; i < 6; i++) statuses.push((await callApi(server.url, 'GET', HISTORY_API.summary(created.id), { secret: owner })).status);
		expect(statuses.slice(0, 4)).toEqual([200, 200, 200, 200]);
		expect(statuses.at(-1)).toBe(429);
		expect((await callApi(server.url, 'GET', HISTORY_API.summary(created.id), { secret: viewer })).status).toBe(200);
	});
});

describe('[E8] a malformed Authorization header', () => {
	it.each(['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer a b', 'Token abc'])('"%s" is 401 naming the expected form', async (header) => {
		const answer = await fetch(`${server.url}${API.boards}`, { headers: { authorization: header } });
		expect(answer.status).toBe(401);
		expect(((await answer.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'unauthorized', message: expect.stringContaining('Bearer <token>') });
	});
});
