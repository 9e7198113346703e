/**
 * Cluster mode under stress: a node SIGKILLed while its writer is sending (its client moves to
 * another node, as behind a load balancer, and everything converges on the log of record), and
 * keyframes taken while several nodes write one board (each equals the log at its seq). Each test
 * has a cluster of its own: one kills a node, the other needs small keyframe intervals.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readAll } from '../../src/lib/model/records';
import { burst, dense, type LogRow, docFromLog, holds, ownEdits, readKeyframes, readLog, sharedPin, stateVector } from '../helpers/cluster-log';
import { clusterService, useTestDatabase } from '../helpers/cluster-services';
import { createBoard } from '../helpers/http';
import { startCluster, type TestCluster } from '../helpers/test-cluster';
import { waitFor } from '../helpers/wait-for';
import { canonical, connectSynced, connectYjs, type YjsClient } from '../helpers/yjs-client';

const READY = (await clusterService('PostgreSQL')) && (await clusterService('Redis'));
const database = useTestDatabase(READY);

const MAX_INTERVAL = 40;
let cluster: TestCluster | null = null;
let clients: YjsClient[] = [];
afterEach(async () => {
	for (const client of clients) client.destroy();
	clients = [];
	await cluster?.stop();
	cluster = null;
});

async function join(wsUrl: string, boardId: string, actor: string): Promise<YjsClient> {
	const client = await connectSynced(wsUrl, boardId, actor);
	clients.push(client);
	return client;
}

/** Writers on nodes 1..3 and a watcher on each, all synced with one shared pin. */
async function board(started: TestCluster, title: string) {
	const { id } = await createBoard(started.nodes[0]!.url, title);
	const writers = await Promise.all(started.nodes.map((node, index) => join(node.wsUrl, id, `writer-${index + 1}`)));
	const watchers = await Promise.all(started.nodes.map((node, index) => join(node.wsUrl, id, `watcher-${index + 1}`)));
	const pinId = sharedPin(writers[0]!);
	await waitFor(() => [...writers, ...watchers].every((client) => readAll(client.doc, 'pins').length === 1), { what: 'the shared pin everywhere' });
	return { id, writers, watchers, pinId };
}

/** Which prefix of the log a keyframe's content equals, for a failure message that says how far off it is. */
function prefixHeld(log: readonly LogRow[], content: string): string {
	const match = log.find((row) => canonical(docFromLog(log, row.seq)) === content);
	return match ? `the log up to seq ${match.seq}` : 'no prefix of the log';
}

describe.skipIf(!READY)('cluster: faults and keyframes', () => {
	it('[CL3] a node killed mid-burst: its writer moves to a surviving node and every replica converges on a dense log', async () => {
		const databaseUrl = await database.freshSchema();
		cluster = await startCluster(3, { databaseUrl });
		const survivor = cluster.nodes[0]!;
		const victim = cluster.nodes[2]!;
		const { id, writers, watchers, pinId } = await board(cluster, 'Node lost');
		const survivingWatchers = watchers.slice(0, 2);
		let seenAtKill: Map<number, number>[] = [];
		let logAtKill: Y.Doc | null = null;

		await burst(() => writers, 150, pinId, async (step) => {
			if (step !== 60) return;
			await victim.kill();
			// Whatever a surviving watcher has seen must already be in the log: read it afterwards.
			seenAtKill = survivingWatchers.map((watcher) => stateVector(watcher.doc));
			logAtKill = docFromLog(await readLog(databaseUrl, id));
			// Behind a load balancer the client reconnects to another node, keeping its document.
			const moving = writers[2]!;
			moving.provider.destroy();
			writers[2] = connectYjs(survivor.wsUrl, id, 'writer-3', { doc: moving.doc });
			clients.push(writers[2]);
		});
		expect(seenAtKill).toHaveLength(2);
		for (const [index, seen] of seenAtKill.entries()) expect(holds(logAtKill!, seen), `watcher ${index + 1} saw only logged changes`).toBe(true);

		const everyEdit = ownEdits(writers);
		const replicas = [...writers, ...survivingWatchers];
		await waitFor(() => replicas.every((replica) => holds(replica.doc, everyEdit)), { timeoutMs: 20_000, what: 'every edit, the moved writer’s too, at every replica' });
		const fresh = await Promise.all(cluster.nodes.slice(0, 2).map((node, index) => join(node.wsUrl, id, `fresh-${index + 1}`)));

		const log = await readLog(databaseUrl, id);
		expect(log.map((row) => row.seq)).toEqual(dense(log.length));
		const fromLog = docFromLog(log);
		expect(holds(fromLog, everyEdit)).toBe(true);
		for (const replica of [...replicas, ...fresh]) expect(canonical(replica.doc), replica.provider.url).toBe(canonical(fromLog));
		expect(readAll(fromLog, 'pins')).toHaveLength(1 + 3 * 30);
		expect(writers[2]!.closeCodes.filter((code) => code >= 4000)).toEqual([]);
	});

	it('[CL7] keyframes taken while three nodes write each equal the log at their seq, one per seq', async () => {
		const databaseUrl = await database.freshSchema();
		cluster = await startCluster(3, { databaseUrl, env: { KEYFRAME_INTERVAL: '20', KEYFRAME_MAX_INTERVAL: String(MAX_INTERVAL) } });
		const { id, writers, watchers, pinId } = await board(cluster, 'Keyframes from everyone');
		await burst(() => writers, 150, pinId);
		const everyEdit = ownEdits(writers);
		await waitFor(() => [...writers, ...watchers].every((replica) => holds(replica.doc, everyEdit)), { timeoutMs: 20_000, what: 'every edit at every replica' });

		const log = await readLog(databaseUrl, id);
		expect(log.map((row) => row.seq)).toEqual(dense(log.length));
		// Several were taken, and at rest the newest is at most KEYFRAME_MAX_INTERVAL behind the head.
		// (During the burst they may lie further apart: one is in flight per node at a time.)
		const keyframes = await waitFor(
			async () => {
				const rows = await readKeyframes(databaseUrl, id);
				// Mid-burst ones depend on how fast a loaded machine's keyframe workers keep up (one in flight per node).
				return rows.length >= 2 && rows.at(-1)!.seq >= log.length - MAX_INTERVAL && rows;
			},
			{ timeoutMs: 10_000, what: `several keyframes, the newest within ${MAX_INTERVAL} of seq ${log.length}` }
		).catch(async (error: Error) => {
			const taken = (await readKeyframes(databaseUrl, id)).map((keyframe) => keyframe.seq);
			throw new Error(`${error.message}; keyframes at ${taken.join(', ') || 'none'}\n${cluster!.nodes.map((node) => node.log()).join('\n---\n')}`);
		});
		const seqs = keyframes.map((keyframe) => keyframe.seq);
		expect(new Set(seqs).size).toBe(seqs.length);
		for (const keyframe of keyframes) {
			expect(keyframe.seq).toBeLessThanOrEqual(log.length);
			const fromKeyframe = new Y.Doc();
			Y.applyUpdate(fromKeyframe, keyframe.state);
			const fromLog = docFromLog(log, keyframe.seq);
			const [held, expected] = [canonical(fromKeyframe), canonical(fromLog)];
			if (held !== expected) expect(held, `keyframe at seq ${keyframe.seq} holds ${prefixHeld(log, held)}`).toBe(expected);
			// Not only the same content: the same structs and deletions, as a load from it needs.
			const structs = (doc: Y.Doc) => [...stateVector(doc).values()].reduce((sum, clock) => sum + clock, 0);
			const extra = structs(fromKeyframe) - structs(fromLog);
			expect(Y.equalSnapshots(Y.snapshot(fromKeyframe), Y.snapshot(fromLog)), `keyframe at seq ${keyframe.seq}: ${extra} structs more than the log there`).toBe(true);
		}
		console.info(`[CL7] ${log.length} log entries, keyframes at ${seqs.join(', ')}`);
	});
});
