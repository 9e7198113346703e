/**
 * [B2] Thirty anonymous sockets, each just under the per-connection rate (~900 updates/s), flood
 * one board — from thirty loopback addresses (only the board's budget can stop them), then from one
 * (the address's budget). Meanwhile a well-behaved watcher's round trips stay fast; afterwards the
 * board answers at once, and the log grew by a bounded number of rows.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { collection } from '../../src/lib/model/layout';
import { addPin } from '../../src/lib/model/pin-operations';
import { readAll } from '../../src/lib/model/records';
import { YJS_PATH } from '../../src/lib/protocol/endpoints';
import { DATABASE_FILE } from '../../server/storage/sqlite-storage';
import { decodeMessage, encodeUpdate } from '../../server/rooms/sync-messages';
import { awarenessFrame } from '../helpers/awareness-frame';
import { createBoard } from '../helpers/http';
import { startServer, type ServerProcess } from '../helpers/server-process';
import { waitFor } from '../helpers/wait-for';
import { connectSynced, type YjsClient } from '../helpers/yjs-client';

const FLOODERS = 30;
const PER_SECOND = 900;
const FLOOD_MS = 2000;
const QUERY_AWARENESS = new Uint8Array([3]);

let server: ServerProcess;
const clients: YjsClient[] = [];
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	for (const client of clients) client.destroy();
	await server?.stop();
});

async function open(boardId: string, localAddress?: string): Promise<WebSocket> {
	const ws = new WebSocket(`${server.wsUrl}${YJS_PATH}/${boardId}`, { localAddress });
	ws.on('error', () => undefined);
	await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
	return ws;
}

/** One flooder's frames, made before the clock starts: a pin, then a new note on it per update. */
function floodFrames(count: number): Uint8Array[] {
	const doc = new Y.Doc();
	const frames: Uint8Array[] = [];
	doc.on('update', (update: Uint8Array) => frames.push(encodeUpdate(update)));
	const id = addPin(doc, { name: 'flood', lat: 1, lng: 1 });
	const pin = collection(doc, 'pins').get(id)!;
	for (let i = 0; frames.length < count; i++) pin.set('note', `n${i}`);
	return frames;
}

/** Round trips of a watcher that asks who is here every 20 ms, in ms, until `done` resolves. */
async function watchRoundTrips(boardId: string, done: Promise<void>): Promise<number[]> {
	const ws = await open(boardId);
	let answered: (() => void) | null = null;
	ws.on('message', (data: Buffer) => decodeMessage(new Uint8Array(data)).type === 'awareness' && answered?.());
	ws.send(awarenessFrame([424242, 1, { user: 'watcher' }]));
	let finished = false;
	void done.then(() => (finished = true));
	const trips: number[] = [];
	while (!finished && ws.readyState === WebSocket.OPEN) {
		const started = performance.now();
		await new Promise<void>((resolve) => {
			answered = resolve;
			ws.send(QUERY_AWARENESS);
		});
		trips.push(performance.now() - started);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	ws.close();
	return trips;
}

const logRows = (boardId: string): number => {
	const db = new Database(path.join(server.dataDir, DATABASE_FILE), { readonly: true });
	try {
		return (db.prepare('SELECT count(*) AS n FROM updates WHERE board_id = ?').get(boardId) as { n: number }).n;
	} finally {
		db.close();
	}
};

async function flood(addresses: (index: number) => string, title: string) {
	const { id } = await createBoard(server.url, title);
	const frames = Array.from({ length: FLOODERS }, () => floodFrames((PER_SECOND * FLOOD_MS) / 1000));
	const sockets = await Promise.all(frames.map((_, index) => open(id, addresses(index))));
	let sent = 0;
	const flooding = new Promise<void>((resolve) => {
		const started = performance.now();
		const timer = setInterval(() => {
			const due = Math.min(frames[0]!.length, Math.floor(((performance.now() - started) / 1000) * PER_SECOND));
			for (let index = 0; index < FLOODERS; index++) {
				const ws = sockets[index]!;
				for (let i = sent; i < due && ws.readyState === WebSocket.OPEN; i++) ws.send(frames[index]![i]!);
			}
			sent = due;
			if (performance.now() - started >= FLOOD_MS) {
				clearInterval(timer);
				resolve();
			}
		}, 10);
	});
	const trips = (await watchRoundTrips(id, flooding)).sort((a, b) => a - b);
	for (const ws of sockets) ws.terminate();
	const p99 = trips[Math.floor(trips.length * 0.99)] ?? Infinity;

	const floodEnded = performance.now();
	const editor = await connectSynced(server.wsUrl, id, 'editor');
	const late = await connectSynced(server.wsUrl, id, 'late');
	clients.push(editor, late);
	addPin(editor.doc, { name: 'after the flood', lat: 2, lng: 2 });
	await waitFor(() => readAll(late.doc, 'pins').some((pin) => pin.name === 'after the flood'), { what: 'the edit after the flood' });
	const answeredAfterMs = performance.now() - floodEnded;
	const rows = logRows(id);
	console.log(`${title}: ${trips.length} round trips, p99 ${p99.toFixed(0)} ms; answered ${answeredAfterMs.toFixed(0)} ms after; ${rows} log rows`);
	return { p99, answeredAfterMs, rows };
}

describe('update flood', () => {
	it('[B2] from thirty addresses: watcher p99 < 200 ms, board answers within 2 s after, log bounded', async () => {
		const result = await flood((index) => `127.0.0.${index + 2}`, 'Thirty hosts');
		expect(result.p99).toBeLessThan(200);
		expect(result.answeredAfterMs).toBeLessThan(2000);
		expect(result.rows).toBeLessThan(15_000);
	}, 60_000);

	it('[B2] from one address: the same', async () => {
		const result = await flood(() => '127.0.0.1', 'One host');
		expect(result.p99).toBeLessThan(200);
		expect(result.answeredAfterMs).toBeLessThan(2000);
		expect(result.rows).toBeLessThan(15_000);
	}, 60_000);
});
