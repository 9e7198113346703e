/**
 * [B1] A socket that stops reading and asks for the whole board again and again must not make the
 * server hold a copy of the board per ask: on a ~1 MiB public board, two such sockets each send
 * 1 500 empty-state-vector sync step 1 frames (4 bytes each) while the server's memory and its
 * /healthz answer time are watched. Honest watchers stay connected and in sync throughout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { readAll } from '../../src/lib/model/records';
import { postReport } from '../../src/lib/model/report-operations';
import { encodeSyncStep1 } from '../../server/rooms/sync-messages';
import { createBoard } from '../helpers/http';
import { residentMiB } from '../helpers/process-memory';
import { startServer, type ServerProcess } from '../helpers/server-process';
import { waitFor } from '../helpers/wait-for';
import { connectSynced, openRawYjsSocket, type YjsClient } from '../helpers/yjs-client';

const REPORTS = 260;
const ASKS_PER_SOCKET = 1500;
const WATCH_MS = 4000;

let server: ServerProcess;
const clients: YjsClient[] = [];
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	for (const client of clients) client.destroy();
	await server?.stop();
});

/** A raw socket that has stopped reading: what the server sends it piles up in the server's queue. */
async function nonReadingSocket(boardId: string): Promise<WebSocket> {
	const ws = await openRawYjsSocket(server.wsUrl, boardId);
	(ws as unknown as { _socket: { pause(): void } })._socket.pause();
	return ws;
}

async function healthzMs(): Promise<number> {
	const started = performance.now();
	const response = await fetch(`${server.url}/healthz`);
	await response.arrayBuffer();
	if (!response.ok) throw new Error(`/healthz answered ${response.status}`);
	return performance.now() - started;
}

describe('amplification', () => {
	it('[B1] repeated full-state asks from non-reading sockets: RSS grows < 200 MB, /healthz < 500 ms', async () => {
		const { id } = await createBoard(server.url, 'Heavy');
		const writer = await connectSynced(server.wsUrl, id, 'writer');
		clients.push(writer);
		writer.doc.transact(() => {
			for (let i = 0; i < REPORTS; i++) postReport(writer.doc, { text: `${'situation report '.repeat(234)}${i}`, eventTime: Date.now() });
		});
		expect(Y.encodeStateAsUpdate(writer.doc).byteLength).toBeGreaterThan(1_000_000);
		const watcher = await connectSynced(server.wsUrl, id, 'watcher');
		clients.push(watcher);
		await waitFor(() => readAll(watcher.doc, 'reports').length === REPORTS, { timeoutMs: 15_000, what: 'the board to be logged' });

		const baseline = residentMiB(server.pid);
		const ask = encodeSyncStep1(Y.encodeStateVector(new Y.Doc()));
		const attackers = await Promise.all([nonReadingSocket(id), nonReadingSocket(id)]);
		for (const ws of attackers) for (let i = 0; i < ASKS_PER_SOCKET; i++) ws.send(ask);

		let peakMiB = baseline;
		let slowestHealthz = 0;
		const until = performance.now() + WATCH_MS;
		while (performance.now() < until) {
			slowestHealthz = Math.max(slowestHealthz, await healthzMs());
			peakMiB = Math.max(peakMiB, residentMiB(server.pid));
		}
		console.log(`amplification: RSS ${baseline.toFixed(0)} → peak ${peakMiB.toFixed(0)} MiB, slowest /healthz ${slowestHealthz.toFixed(0)} ms`);
		expect(peakMiB - baseline).toBeLessThan(200);
		expect(slowestHealthz).toBeLessThan(500);

		// The honest watchers were never cut off and still hear each other.
		postReport(writer.doc, { text: 'after the asks', eventTime: Date.now() });
		await waitFor(() => readAll(watcher.doc, 'reports').length === REPORTS + 1, { what: 'the edit after the asks' });
		expect([...writer.closeCodes, ...watcher.closeCodes]).toEqual([]);
		for (const ws of attackers) ws.terminate();
	}, 60_000);
});
