/**
 * Cluster mode with every node up: three real server processes on one PostgreSQL log and one
 * Redis share every board — edits, concurrent bursts (replicas and the log of record identical,
 * seqs dense), presence and a node that starts later. Faults and keyframes: cluster-faults.test.ts.
 * Control plane and access across nodes: cluster-control.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPin } from '../../src/lib/model/pin-operations';
import { readAll } from '../../src/lib/model/records';
import { HISTORY_API, type LatestChanges, type HistorySummary } from '../../src/lib/protocol/history';
import { PRESENCE_FIELD, readPresence, type Presence } from '../../src/lib/protocol/presence';
import { burst, dense, docFromLog, holds, ownEdits, readLog, sharedPin } from '../helpers/cluster-log';
import { clusterService, useTestDatabase } from '../helpers/cluster-services';
import { createBoard, getOk } from '../helpers/http';
import { startCluster, type TestCluster } from '../helpers/test-cluster';
import { waitFor } from '../helpers/wait-for';
import { canonical, connectSynced, type YjsClient } from '../helpers/yjs-client';

const READY = (await clusterService('PostgreSQL')) && (await clusterService('Redis'));
const database = useTestDatabase(READY);

let cluster: TestCluster;
let databaseUrl: string;
const clients: YjsClient[] = [];
if (READY) {
	beforeAll(async () => {
		databaseUrl = await database.freshSchema();
		cluster = await startCluster(3, { databaseUrl });
	});
	afterAll(async () => {
		for (const client of clients) client.destroy();
		await cluster?.stop();
	});
}

const node = (index: number) => cluster.nodes[index]!;
async function join(nodeIndex: number, boardId: string, actor: string): Promise<YjsClient> {
	const client = await connectSynced(node(nodeIndex).wsUrl, boardId, actor);
	clients.push(client);
	return client;
}
const pinNames = (client: YjsClient) => readAll(client.doc, 'pins').map((pin) => pin.name).sort();

const presence = (name: string): Presence => ({
	name,
	colour: '#4363d8',
	activity: 'active',
	sector: null,
	cursor: { lat: 49.2, lng: 37.3 },
	view: { lat: 49.2, lng: 37.3, zoom: 9 }
});
/** The names of the valid presences a client sees from others. */
function presencesSeenBy(client: YjsClient): string[] {
	const names: string[] = [];
	for (const [clientId, state] of client.provider.awareness.getStates()) {
		const read = clientId === client.doc.clientID ? null : readPresence(state);
		if (read) names.push(read.name);
	}
	return names.sort();
}

describe.skipIf(!READY)('cluster: every node shares every board', () => {
	it('[CL1] an edit made on any node reaches the watchers on the other two', async () => {
		const board = await createBoard(node(0).url, 'Across nodes');
		const watchers = [await join(0, board.id, 'on-1'), await join(1, board.id, 'on-2'), await join(2, board.id, 'on-3')];
		for (const [index, writer] of watchers.entries()) {
			addPin(writer.doc, { name: `from node ${index + 1}`, lat: 49 + index, lng: 37 }, { actor: `on-${index + 1}` });
			const expected = watchers.slice(0, index + 1).map((_, at) => `from node ${at + 1}`);
			for (const [at, watcher] of watchers.entries()) {
				await waitFor(() => pinNames(watcher).length === expected.length, { what: `node ${at + 1}'s watcher to get node ${index + 1}'s edit` });
				expect(pinNames(watcher)).toEqual(expected);
			}
		}
	});

	it('[CL2] concurrent bursts from three nodes leave every replica, a fresh client on each node and the log identical, seqs dense', async () => {
		const board = await createBoard(node(1).url, 'Concurrent bursts');
		const writers = [await join(0, board.id, 'writer-1'), await join(1, board.id, 'writer-2'), await join(2, board.id, 'writer-3')];
		const watchers = [await join(0, board.id, 'watch-1'), await join(1, board.id, 'watch-2'), await join(2, board.id, 'watch-3')];
		const pinId = sharedPin(writers[0]!);
		await waitFor(() => writers.every((writer) => readAll(writer.doc, 'pins').length === 1), { what: 'the shared pin everywhere' });

		const started = performance.now();
		await burst(() => writers, 150, pinId);
		const everyEdit = ownEdits(writers);
		const replicas = [...writers, ...watchers];
		await waitFor(() => replicas.every((replica) => holds(replica.doc, everyEdit)), { timeoutMs: 20_000, what: 'every edit at every replica' });
		const converged = performance.now() - started;

		const fresh = [await join(0, board.id, 'fresh-1'), await join(1, board.id, 'fresh-2'), await join(2, board.id, 'fresh-3')];
		const log = await readLog(databaseUrl, board.id);
		expect(log.map((row) => row.seq)).toEqual(dense(log.length));
		const fromLog = docFromLog(log);
		expect(holds(fromLog, everyEdit)).toBe(true);
		const state = canonical(fromLog);
		for (const replica of [...replicas, ...fresh]) expect(canonical(replica.doc), replica.provider.url).toBe(state);
		expect(readAll(fromLog, 'pins')).toHaveLength(1 + 3 * 30);

		// Every node's history answers the same head: the whole log, whoever wrote it.
		for (const index of [0, 1, 2]) {
			const summary = await getOk<HistorySummary>(`${node(index).url}${HISTORY_API.summary(board.id)}`);
			expect(summary.last?.seq, `node ${index + 1}'s summary`).toBe(log.length);
			expect((await getOk<LatestChanges>(`${node(index).url}${HISTORY_API.latest(board.id)}`)).seq).toBe(log.length);
		}
		console.info(`[CL2] 3×150 edits from 3 nodes: ${log.length} log entries, every replica converged in ${Math.round(converged)} ms`);
	});

	it('[CL4] presence crosses nodes, goes when its client leaves, and a node started later gets it on first open', async () => {
		const board = await createBoard(node(0).url, 'Presence across nodes');
		const [olena, stays, onB, onC] = [await join(0, board.id, 'olena'), await join(0, board.id, 'stays'), await join(1, board.id, 'b'), await join(2, board.id, 'c')];
		olena.provider.awareness.setLocalStateField(PRESENCE_FIELD, presence('Olena'));
		stays.provider.awareness.setLocalStateField(PRESENCE_FIELD, presence('Stays'));
		for (const watcher of [onB, onC]) {
			await waitFor(() => presencesSeenBy(watcher).join() === 'Olena,Stays', { what: `Olena and Stays seen on ${watcher.provider.url}` });
		}
		// Presence seen on B comes from the peer node's relay, so Olena leaving must be relayed too.
		olena.provider.destroy();
		for (const watcher of [onB, onC]) {
			await waitFor(() => presencesSeenBy(watcher).join() === 'Stays', { what: `Olena gone on ${watcher.provider.url}` });
		}

		// Set before the new node exists and never changed after: it can only learn them by asking.
		onB.provider.awareness.setLocalStateField(PRESENCE_FIELD, presence('Bohdan'));
		await waitFor(() => presencesSeenBy(stays).join() === 'Bohdan', { what: "Bohdan's presence on node 1" });
		const late = await cluster.addNode();
		const onLate = await connectSynced(late.wsUrl, board.id, 'late');
		clients.push(onLate);
		await waitFor(() => presencesSeenBy(onLate).join() === 'Bohdan,Stays', { what: 'the later node to show every existing presence' });
	});
});
