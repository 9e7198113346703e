/**
 * [CL10] A board's update budget holds across the cluster: every node applies every update of a
 * board, so two writers on two nodes, each under the board's rate alone, are together over it —
 * and the one over its fair share is closed (4431), as on one node. With budgets per node neither
 * would be: N nodes would let in N times the board's rate, and every node would pay for all of it.
 */
import type WebSocket from 'ws';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collection } from '../../src/lib/model/layout';
import { addPin } from '../../src/lib/model/pin-operations';
import { CLOSE_CODES } from '../../src/lib/protocol/close-codes';
import { encodeUpdate } from '../../server/rooms/sync-messages';
import { clusterService, useTestDatabase } from '../helpers/cluster-services';
import { createBoard } from '../helpers/http';
import { startCluster, type TestCluster } from '../helpers/test-cluster';
import { waitFor } from '../helpers/wait-for';
import { openRawYjsSocket } from '../helpers/yjs-client';

const READY = (await clusterService('PostgreSQL')) && (await clusterService('Redis'));
const database = useTestDatabase(READY);

const BOARD_RATE = 300;
/** Each writer's rate: under the board's alone, over it together, over the fair share (rate / 2). */
const WRITER_RATE = 250;

let cluster: TestCluster;
const sockets: WebSocket[] = [];
if (READY) {
	beforeAll(async () => {
		cluster = await startCluster(2, {
			databaseUrl: await database.freshSchema(),
			env: { BOARD_UPDATES_PER_SECOND: String(BOARD_RATE), BOARD_UPDATES_BURST: '100' }
		});
	});
	afterAll(async () => {
		for (const socket of sockets) socket.close();
		await cluster?.stop();
	});
}

/** A writer on one node, from its own address: a pin, then a new note on it per update, at WRITER_RATE. */
async function writer(wsUrl: string, boardId: string, address: string) {
	const socket = await openRawYjsSocket(wsUrl, boardId, address);
	sockets.push(socket);
	const closes: number[] = [];
	socket.on('close', (code) => closes.push(code));
	const doc = new Y.Doc();
	doc.on('update', (update: Uint8Array) => socket.readyState === socket.OPEN && socket.send(encodeUpdate(update)));
	const pin = collection(doc, 'pins').get(addPin(doc, { name: `writer ${address}`, lat: 49, lng: 37 }))!;
	let sent = 0;
	const started = performance.now();
	const timer = setInterval(() => {
		// Catches up to the rate each tick, whatever the timer's jitter.
		const due = Math.floor(((performance.now() - started) / 1000) * WRITER_RATE);
		while (sent < due && socket.readyState === socket.OPEN) pin.set('note', `n${++sent}`);
	}, 10);
	return { closes, sent: () => sent, stop: () => clearInterval(timer) };
}

describe.skipIf(!READY)('[CL10] the board budget across nodes', () => {
	it('[CL10] two writers on two nodes, each under the board rate alone but over it together: one is closed (4431)', async () => {
		const { id } = await createBoard(cluster.nodes[0]!.url, 'Budget');
		const writers = [
			await writer(cluster.nodes[0]!.wsUrl, id, '127.0.0.2'),
			await writer(cluster.nodes[1]!.wsUrl, id, '127.0.0.3')
		];
		try {
			await waitFor(() => writers.some((each) => each.closes.includes(CLOSE_CODES.boardRateLimited)), {
				timeoutMs: 10_000,
				what: `a writer to be closed over the board's budget (sent ${writers.map((each) => each.sent()).join(' and ')})`
			});
		} finally {
			for (const each of writers) each.stop();
		}
		for (const node of cluster.nodes) expect(node.log()).not.toMatch(/BUG|uncaught/i);
	}, 60_000);
});
