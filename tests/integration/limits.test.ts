/**
 * Limits with named close codes, against a real server configured with small limits: a flooding
 * connection is closed with 4429 and a board's extra watcher with 4503, while everyone else keeps
 * working. (Message size — 1009 — is covered in yjs-sync.test.ts; board size by content-validation.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { addPin } from '../../src/lib/model/pin-operations';
import { readAll } from '../../src/lib/model/records';
import { CLOSE_CODES } from '../../src/lib/protocol/close-codes';
import { createBoard } from '../helpers/http';
import { startServer, type ServerProcess } from '../helpers/server-process';
import { waitFor } from '../helpers/wait-for';
import { connectSynced, type YjsClient } from '../helpers/yjs-client';

let server: ServerProcess;
const clients: YjsClient[] = [];
beforeAll(async () => {
	server = await startServer({ env: { RATE_LIMIT_PER_SECOND: '5', RATE_LIMIT_BURST: '30', MAX_CONNECTIONS_PER_BOARD: '3' } });
});
afterAll(async () => {
	for (const client of clients) client.destroy();
	await server?.stop();
});

/** A raw socket on a board; resolves with its close code, after sending `count` copies of `frame`. */
function rawClose(boardId: string, frame: Buffer, count: number): Promise<{ code: number; reason: string }> {
	return new Promise((resolve, reject) => {
		const ws = new WebSocket(`${server.wsUrl}/yjs/${boardId}`);
		ws.on('open', () => {
			for (let i = 0; i < count; i++) ws.send(frame);
		});
		ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
		ws.on('error', reject);
	});
}

const QUERY_AWARENESS = Buffer.from([3]);

describe('limits', () => {
	it('a connection over its rate limit is closed with 4429; the others keep editing', async () => {
		const { id } = await createBoard(server.url, 'Rate');
		const olena = await connectSynced(server.wsUrl, id, 'Olena');
		const taras = await connectSynced(server.wsUrl, id, 'Taras');
		clients.push(olena, taras);
		const flood = await rawClose(id, QUERY_AWARENESS, 200);
		expect(flood).toEqual({ code: CLOSE_CODES.rateLimited, reason: 'rate limit exceeded: slow down' });
		addPin(olena.doc, { name: 'after the flood', lat: 1, lng: 1 });
		await waitFor(() => readAll(taras.doc, 'pins').length === 1, { what: 'the edit to reach Taras' });
		expect([...olena.closeCodes, ...taras.closeCodes]).toEqual([]);
	});

	it('a burst within the limit passes', async () => {
		const { id } = await createBoard(server.url, 'Burst');
		const ws = new WebSocket(`${server.wsUrl}/yjs/${id}`);
		const replies: Buffer[] = [];
		ws.on('message', (data: Buffer) => data[0] === 1 && replies.push(data));
		await new Promise((resolve) => ws.on('open', resolve));
		for (let i = 0; i < 20; i++) ws.send(QUERY_AWARENESS);
		await waitFor(() => replies.length === 20, { what: 'twenty awareness replies' });
		expect(ws.readyState).toBe(WebSocket.OPEN);
		ws.close();
	});

	it('a board over MAX_CONNECTIONS_PER_BOARD refuses the next watcher with 4503; other boards and the watchers in are fine', async () => {
		const { id } = await createBoard(server.url, 'Full');
		const a = await connectSynced(server.wsUrl, id, 'a');
		const b = await connectSynced(server.wsUrl, id, 'b');
		const c = await connectSynced(server.wsUrl, id, 'c');
		clients.push(a, b, c);
		expect(await rawClose(id, QUERY_AWARENESS, 0)).toEqual({ code: CLOSE_CODES.boardFull, reason: 'board full: too many connections' });
		const other = await createBoard(server.url, 'Other');
		clients.push(await connectSynced(server.wsUrl, other.id, 'elsewhere'));
		addPin(a.doc, { name: 'still live', lat: 2, lng: 2 });
		await waitFor(() => readAll(b.doc, 'pins').length === 1);
		// A place frees up when someone leaves.
		a.destroy();
		clients.push(await connectSynced(server.wsUrl, id, 'd'));
	});
});
