/**
 * [E1] The control plane as others connect to it: a stock socket.io client with its default
 * options (long-polling first, then upgrade), polling only and WebSocket only, and the raw
 * requests engine.io gets on the way. Before the router, the first of those requests —
 * `GET /socket.io/?EIO=4&transport=polling` — ended the server (ERR_HTTP_HEADERS_SENT): the app's
 * listener wrote after engine.io had answered.
 */
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardSummary } from '../../src/lib/protocol/boards';
import { createBoard } from '../helpers/http';
import { expectAlive, rawRequest, STACK_TRACE } from '../helpers/raw-http';
import { startServer, type ServerProcess } from '../helpers/server-process';

let server: ServerProcess;
let boardId: string;
const clients: Socket[] = [];

beforeAll(async () => {
	server = await startServer();
	boardId = (await createBoard(server.url, 'Stock clients')).id;
});
afterAll(async () => {
	for (const client of clients) client.disconnect();
	await server?.stop();
});

async function connected(options: Parameters<typeof io>[1]): Promise<Socket> {
	const client = io(server.url, { forceNew: true, reconnection: false, ...options });
	clients.push(client);
	await new Promise<void>((resolve, reject) => {
		client.once('hello', () => resolve());
		client.once('connect_error', reject);
	});
	return client;
}

describe('[E1] stock socket.io clients', () => {
	const modes: [string, Parameters<typeof io>[1]][] = [
		['default options (polling, then upgrade)', {}],
		['polling only', { transports: ['polling'] }],
		['WebSocket only', { transports: ['websocket'] }]
	];
	for (const [name, options] of modes) {
		it(`${name}: greeted, lists boards, joins one, and the server lives`, async () => {
			const client = await connected(options);
			const boards = (await client.timeout(5_000).emitWithAck('boards:list')) as { ok: true; value: BoardSummary[] };
			expect(boards.value.map((board) => board.id)).toContain(boardId);
			const joined = (await client.timeout(5_000).emitWithAck('board:join', {
				boardId,
				watcher: { id: `watcher-${name.length}xyz`, name: 'Stock' }
			})) as { ok: boolean };
			expect(joined.ok).toBe(true);
			await expectAlive(server);
		});
	}

	it('the default client’s transport upgrade to WebSocket completes', async () => {
		const client = await connected({});
		const engine = client.io.engine;
		if (engine.transport.name !== 'websocket') await new Promise((resolve) => engine.once('upgrade', resolve));
		expect(engine.transport.name).toBe('websocket');
		await expectAlive(server);
	});

	it('engine.io’s own refusals are answered once and the process lives', async () => {
		const requests = [
			'GET /socket.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
			'GET /socket.io/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
			'GET /socket.io/?EIO=4&transport=polling&sid=no-such-session HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
			'GET /socket.io/?EIO=4&transport=bogus HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
			'GET /socket.io/?EIO=3&transport=polling HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
			'POST /socket.io/?EIO=4&transport=polling&sid=no-such-session HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\n40',
			'POST /socket.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 5\r\n\r\n\u0000\u0001\u0002\u0003\u0004',
			'OPTIONS /socket.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'
		];
		for (const request of requests) {
			const answer = await rawRequest(server.port, request);
			expect(answer.status, request).toBeGreaterThanOrEqual(200);
			expect(answer.text).not.toMatch(STACK_TRACE);
			await expectAlive(server);
		}
		// `/socket.io` without the slash is not engine.io's: the app answers it like any unknown page.
		expect((await rawRequest(server.port, 'GET /socket.io HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).status).toBe(404);
	});
});
