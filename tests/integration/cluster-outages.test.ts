/**
 * [CF1] [CF2] A cluster through the faults docs/deploy.md describes, on a Redis and a PostgreSQL
 * of the test's own (private-redis.ts, private-postgres.ts: other ports, stopped and started here
 * without touching the services every other test file uses).
 *
 * - Redis restarting: each node keeps serving its own watchers; what crossed nowhere meanwhile is
 *   read back from the log by seq once Redis is back; /healthz says what the node sees.
 * - PostgreSQL stopping: edits are refused with 4507 and nothing is shown before it is logged;
 *   watchers stay and read on; once it is back everything is logged once and every node converges.
 */
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { addPin } from '../../src/lib/model/pin-operations';
import { CLOSE_CODES } from '../../src/lib/protocol/close-codes';
import { ACCESS_API, type CreatedBoard, type CreatedToken } from '../../src/lib/protocol/access';
import { API } from '../../src/lib/protocol/endpoints';
import type { HealthReply } from '../../src/lib/protocol/server-info';
import { clusterService, serviceVerdict, useTestDatabase } from '../helpers/cluster-services';
import { useControlClients } from '../helpers/control-client';
import { parsePrometheusText } from '../helpers/prometheus-text';
import { METRICS_PATH } from '../../server/http/metrics-route';
import { METRIC_PREFIX } from '../../server/metrics/prometheus-metrics';
import { callApi, createBoard, getJson } from '../helpers/http';
import { privatePostgresMissing, startPrivatePostgres, type PrivatePostgres } from '../helpers/private-postgres';
import { privateRedisMissing, startPrivateRedis, type PrivateRedis } from '../helpers/private-redis';
import { startCluster, type TestCluster } from '../helpers/test-cluster';
import { waitFor } from '../helpers/wait-for';
import { connectSynced, snapshot, type YjsClient } from '../helpers/yjs-client';

const SHARED_POSTGRES = await clusterService('PostgreSQL');
const SHARED_REDIS = await clusterService('Redis');
const PRIVATE_REDIS = serviceVerdict('Redis', privateRedisMissing(), process.env);
const PRIVATE_POSTGRES = serviceVerdict('PostgreSQL', privatePostgresMissing(), process.env);
const database = useTestDatabase(SHARED_POSTGRES);

const clusters: TestCluster[] = [];
const clients: YjsClient[] = [];
afterAll(async () => {
	for (const client of clients) client.destroy();
	await Promise.all(clusters.map((cluster) => cluster.stop()));
});

async function watcher(wsUrl: string, boardId: string, name: string, token?: string): Promise<YjsClient> {
	const client = await connectSynced(wsUrl, boardId, name, token ? { token } : {});
	clients.push(client);
	return client;
}
const controlClients = useControlClients();
/** A control-plane watcher of a board on one node, collecting the alerts it gets. */
async function controlWatcher(url: string, boardId: string, name: string) {
	const { client } = await controlClients.connect(url);
	const alerts: unknown[] = [];
	client.on('alert:raised', (alert) => alerts.push(alert));
	const joined = await client.emitWithAck('board:join', { boardId, watcher: { id: `watcher-${name}-${process.pid}`, name } });
	if (!joined.ok) throw new Error(joined.error.message);
	return { client, alerts };
}
const METRICS_TOKEN = 'metrics-token-for-cluster-tests-0123';
/** A node's count of updates other nodes logged that it took in `via` Redis or the log. */
async function peerUpdates(url: string, via: 'peer' | 'log'): Promise<number> {
	const response = await fetch(`${url}${METRICS_PATH}`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
	return parsePrometheusText(await response.text()).value(`${METRIC_PREFIX}peer_updates_total`, { via }) ?? 0;
}
const pinIds = (client: YjsClient) => [...client.doc.getMap('pins').keys()].sort();
const health = async (url: string) => (await getJson(`${url}${API.health}`)).body as HealthReply;

describe.skipIf(!SHARED_POSTGRES || !PRIVATE_REDIS)('[CF1] Redis restarting under a cluster', () => {
	let redis: PrivateRedis | undefined;
	afterAll(async () => {
		await redis?.close();
	});

	it('[CF1] nodes keep serving their own watchers while Redis is down (changes, alerts), then catch up from the log: every replica converges, /healthz tells, a token revoked meanwhile closes its connection on the other node', async () => {
		redis = await startPrivateRedis();
		const cluster = await startCluster(2, { databaseUrl: await database.freshSchema(), redisUrl: redis.url, env: { METRICS_TOKEN } });
		clusters.push(cluster);
		const [a, b] = cluster.nodes as [(typeof cluster.nodes)[0], (typeof cluster.nodes)[0]];
		const created = (await callApi(a.url, 'POST', '/api/boards', { body: { title: 'Redis blip' } })).body as CreatedBoard;
		const id = created.id;
		const editor = (await callApi(a.url, 'POST', ACCESS_API.tokens(id), { secret: created.ownerToken.token, body: { role: 'editor' } })).body as CreatedToken;
		const [olena, oksana, taras] = [await watcher(a.wsUrl, id, 'Olena'), await watcher(a.wsUrl, id, 'Oksana'), await watcher(b.wsUrl, id, 'Taras')];
		const mykola = await watcher(b.wsUrl, id, 'Mykola', editor.token);
		addPin(olena.doc, { id: 'pin-1', name: 'Before', lat: 49, lng: 37 }, { actor: 'Olena' });
		await waitFor(() => taras.doc.getMap('pins').has('pin-1'), { what: 'the first pin to cross nodes' });

		await redis.stop();
		await waitFor(async () => (await health(a.url)).redis?.ok === false, { what: 'node A to see Redis gone' });
		addPin(olena.doc, { id: 'pin-2', name: 'During, on A', lat: 49.1, lng: 37.1 }, { actor: 'Olena' });
		addPin(taras.doc, { id: 'pin-3', name: 'During, on B', lat: 49.2, lng: 37.2 }, { actor: 'Taras' });
		// Node A still serves its own watchers: Oksana sees Olena's pin at once.
		await waitFor(() => oksana.doc.getMap('pins').has('pin-2'), { what: 'a same-node watcher to get the edit with Redis down' });
		expect(taras.doc.getMap('pins').has('pin-2')).toBe(false);
		expect(a.running() && b.running()).toBe(true);
		// Revoked through node A while node B cannot hear of it: B ends Mykola's connection once Redis is back.
		expect((await callApi(a.url, 'DELETE', ACCESS_API.token(id, editor.id), { secret: created.ownerToken.token })).status).toBe(200);
		expect(mykola.closeCodes).toEqual([]);
		// The control plane on node A answers too: an alert to a watcher on the same node.
		const [raiser, hearer] = [await controlWatcher(a.url, id, 'Raiser'), await controlWatcher(a.url, id, 'Hearer')];
		const raised = await raiser.client.emitWithAck('alert:raise', { priority: 'flash', text: 'Redis is down, we are not' });
		expect(raised, JSON.stringify(raised)).toMatchObject({ ok: true });
		await waitFor(() => hearer.alerts.length === 1, { what: 'a same-node watcher to get the alert with Redis down' });

		await redis.start();
		await waitFor(() => [olena, oksana, taras].every((client) => pinIds(client).length === 3), {
			timeoutMs: 20_000,
			what: 'every watcher to converge once Redis is back'
		});
		expect(pinIds(taras)).toEqual(['pin-1', 'pin-2', 'pin-3']);
		// Node B took node A's outage edit from the log (the message was never sent), the others from Redis.
		expect(await peerUpdates(b.url, 'log')).toBeGreaterThanOrEqual(1);
		expect(await peerUpdates(b.url, 'peer')).toBeGreaterThanOrEqual(1);
		expect(snapshot(olena.doc)).toEqual(snapshot(taras.doc));
		await waitFor(async () => (await health(b.url)).redis?.ok === true, { what: 'node B to see Redis back' });
		await waitFor(() => mykola.closeCodes.includes(CLOSE_CODES.revoked), { what: 'node B to end the connection of the token revoked meanwhile' });
		// And live again: a new edit crosses through Redis.
		addPin(taras.doc, { id: 'pin-4', name: 'After', lat: 49.3, lng: 37.3 }, { actor: 'Taras' });
		await waitFor(() => olena.doc.getMap('pins').has('pin-4'), { what: 'edits to cross nodes again' });
		// Nothing a Redis outage does is a bug: no listener threw, no promise went unobserved.
		for (const node of [a, b]) expect(node.log()).not.toMatch(/BUG|uncaught/i);
	}, 90_000);
});

describe.skipIf(!SHARED_REDIS || !PRIVATE_POSTGRES)('[CF2] PostgreSQL stopping under a cluster', () => {
	let postgres: PrivatePostgres | undefined;
	afterAll(async () => {
		await postgres?.close();
	});

	it('[CF2] edits are refused (4507) and shown to nobody while PostgreSQL is stopped, watchers read on; once it is back every edit is logged once, densely, and every node converges', async () => {
		postgres = await startPrivatePostgres();
		const cluster = await startCluster(2, {
			databaseUrl: postgres.url,
			env: { DATABASE_CONNECT_TIMEOUT_MS: '1000', DATABASE_STATEMENT_TIMEOUT_MS: '2000' }
		});
		clusters.push(cluster);
		const [a, b] = cluster.nodes as [(typeof cluster.nodes)[0], (typeof cluster.nodes)[0]];
		const { id } = await createBoard(a.url, 'Database away');
		const [olena, taras] = [await watcher(a.wsUrl, id, 'Olena'), await watcher(b.wsUrl, id, 'Taras')];
		addPin(olena.doc, { id: 'pin-1', name: 'Before', lat: 49, lng: 37 }, { actor: 'Olena' });
		await waitFor(() => taras.doc.getMap('pins').has('pin-1'), { what: 'the first pin to cross nodes' });

		await postgres.stop();
		addPin(olena.doc, { id: 'pin-2', name: 'In flight', lat: 49.1, lng: 37.1 }, { actor: 'Olena' });
		await waitFor(() => /log write failed, edits refused \(4507\)/.test(a.log()), { timeoutMs: 15_000, what: 'node A to find the log unwritable' });
		addPin(olena.doc, { id: 'pin-3', name: 'Refused', lat: 49.2, lng: 37.2 }, { actor: 'Olena' });
		await waitFor(() => olena.closeCodes.includes(CLOSE_CODES.storageUnavailable), { timeoutMs: 15_000, what: 'the next edit refused with 4507' });
		expect((await health(b.url)).storage.ok).toBe(false);
		// Nobody was shown what is not logged; Taras, on the other node, reads on.
		expect(pinIds(taras)).toEqual(['pin-1']);
		expect(taras.closeCodes).toEqual([]);

		await postgres.start();
		await waitFor(() => [olena, taras].every((client) => pinIds(client).length === 3), {
			timeoutMs: 30_000,
			what: 'both edits logged and on both nodes once PostgreSQL is back'
		}).catch((error: Error) => {
			const state = `Olena has ${pinIds(olena)} (closes ${olena.closeCodes}, connected ${olena.provider.wsconnected}), Taras ${pinIds(taras)}`;
			throw new Error(`${error.message}: ${state}\n--- node A ---\n${a.log()}\n--- node B ---\n${b.log()}`);
		});
		expect(snapshot(olena.doc)).toEqual(snapshot(taras.doc));
		const log = new pg.Client({ connectionString: postgres.url });
		await log.connect();
		try {
			const { rows } = await log.query<{ seq: string }>('SELECT seq FROM updates WHERE board_id = $1 ORDER BY seq', [id]);
			expect(rows.map((row) => Number(row.seq))).toEqual(rows.map((_, index) => index + 1));
		} finally {
			await log.end();
		}
	}, 120_000);
});
