/**
 * [CF3] Garbage on the cluster's Redis channels — bytes that are no peer message, a message with
 * trailing bytes, a "logged" entry whose update is no Yjs update, text that is no JSON on the
 * events channel: each costs that message only (one log line), never the process or the board.
 * An access change that is not one (a revocation naming no token) is ignored.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPin } from '../../src/lib/model/pin-operations';
import { encodePeerMessage } from '../../server/cluster/peer-messages';
import { docFromLog, readLog } from '../helpers/cluster-log';
import { clusterService, TEST_REDIS_URL, useTestDatabase } from '../helpers/cluster-services';
import { createBoard } from '../helpers/http';
import { startCluster, type TestCluster } from '../helpers/test-cluster';
import { waitFor } from '../helpers/wait-for';
import { canonical, connectSynced, type YjsClient } from '../helpers/yjs-client';

const READY = (await clusterService('PostgreSQL')) && (await clusterService('Redis'));
const database = useTestDatabase(READY);

let cluster: TestCluster;
let databaseUrl: string;
let redis: Redis;
const clients: YjsClient[] = [];
if (READY) {
	beforeAll(async () => {
		databaseUrl = await database.freshSchema();
		cluster = await startCluster(2, { databaseUrl });
		redis = new Redis(TEST_REDIS_URL);
	});
	afterAll(async () => {
		for (const client of clients) client.destroy();
		redis?.disconnect();
		await cluster?.stop();
	});
}

describe.skipIf(!READY)('[CF3] garbage on Redis', () => {
	it('[CF3] each bad message is dropped with a log line; the nodes keep running, edits still cross and every replica equals the log', async () => {
		const { id } = await createBoard(cluster.nodes[0]!.url, 'Garbage');
		const [olena, taras] = [await connectSynced(cluster.nodes[0]!.wsUrl, id, 'Olena'), await connectSynced(cluster.nodes[1]!.wsUrl, id, 'Taras')];
		clients.push(olena, taras);
		addPin(olena.doc, { id: 'pin-1', name: 'Before', lat: 49, lng: 37 }, { actor: 'Olena' });
		await waitFor(() => taras.doc.getMap('pins').has('pin-1'), { what: 'the first pin to cross nodes' });

		const board = `${cluster.prefix}board:${id}`;
		const forged = encodePeerMessage({ type: 'logged', node: 'forger#1', entries: [{ seq: 1_000, at: Date.now(), actor: 'forger', update: new Uint8Array([0, 9, 9, 9]) }] });
		const garbage: [string, Buffer | string][] = [
			[board, Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])],
			[board, Buffer.concat([Buffer.from(encodePeerMessage({ type: 'awareness-query', node: 'forger#1' })), Buffer.from([1, 2, 3])])],
			[board, Buffer.from(forged)],
			[`${cluster.prefix}events`, 'not json {'],
			[`${cluster.prefix}events`, JSON.stringify({ node: 'forger#1', event: { kind: 'access', change: { type: 'revoked' } } })]
		];
		for (const [channel, payload] of garbage) await redis.publish(channel, payload);
		await waitFor(() => cluster.nodes.every((node) => (node.log().match(/cluster: dropped a message/g) ?? []).length >= 4), {
			what: 'every node to drop the four messages that do not decode or apply'
		});

		// The forged entry was not applied (its update does not decode), so it left no trace: no gap, no seq.
		addPin(taras.doc, { id: 'pin-2', name: 'After', lat: 49.1, lng: 37.1 }, { actor: 'Taras' });
		await waitFor(() => olena.doc.getMap('pins').has('pin-2'), { what: 'edits to cross nodes after the garbage' });
		const log = await readLog(databaseUrl, id);
		await waitFor(() => [olena, taras].every((client) => canonical(client.doc) === canonical(docFromLog(log))), { what: 'every replica to equal the log' });
		for (const node of cluster.nodes) {
			expect(node.running()).toBe(true);
			expect(node.log()).not.toMatch(/BUG|uncaught/i);
		}
	}, 60_000);
});
