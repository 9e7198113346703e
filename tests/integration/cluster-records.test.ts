/**
 * [CL12] Everything besides live sync answers the same on every node: the records API (a pin
 * posted through one node, moved through the other), the history (state at a moment, the change
 * list — each node's cache extends from the shared log), a fork made through one node read through
 * the other, and the exports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAll } from '../../src/lib/model/records';
import { ACCESS_API, type CreatedBoard, type CreatedToken } from '../../src/lib/protocol/access';
import { API, RECORDS_API } from '../../src/lib/protocol/endpoints';
import { EXPORT_API } from '../../src/lib/protocol/export';
import { HISTORY_API, type ChangesPage, type ForkResponse, type HistoryState } from '../../src/lib/protocol/history';
import { clusterService, useTestDatabase } from '../helpers/cluster-services';
import { callApi } from '../helpers/http';
import { startCluster, type TestCluster } from '../helpers/test-cluster';
import { waitFor } from '../helpers/wait-for';
import { connectSynced, type YjsClient } from '../helpers/yjs-client';

const READY = (await clusterService('PostgreSQL')) && (await clusterService('Redis'));
const database = useTestDatabase(READY);

let cluster: TestCluster;
const clients: YjsClient[] = [];
if (READY) {
	beforeAll(async () => {
		cluster = await startCluster(2, { databaseUrl: await database.freshSchema() });
	});
	afterAll(async () => {
		for (const client of clients) client.destroy();
		await cluster?.stop();
	});
}

describe.skipIf(!READY)('[CL12] the API on every node', () => {
	it('[CL12] records, history, a fork and the exports answer the same through either node', async () => {
		const [a, b] = [cluster.nodes[0]!, cluster.nodes[1]!];
		const board = (await callApi(a.url, 'POST', API.boards, { body: { title: 'Wire desk' } })).body as CreatedBoard;
		const bot = (await callApi(b.url, 'POST', ACCESS_API.tokens(board.id), { secret: board.ownerToken.token, body: { role: 'editor', label: 'Wire bot' } }))
			.body as CreatedToken;
		const call = (node: typeof a, method: string, path: string, body?: object) => callApi(node.url, method, path, { secret: bot.token, body });
		const watcher = await connectSynced(a.wsUrl, board.id, 'Olena');
		clients.push(watcher);
		// Node A's history cache is built before node B writes: it must extend from the shared log.
		expect((await call(a, 'GET', HISTORY_API.summary(board.id))).status).toBe(200);

		const posted = await call(b, 'POST', RECORDS_API.list(board.id, 'pins'), { id: 'pin-balakliia', name: 'Balakliia', kind: 'town', lat: 49.46, lng: 36.86 });
		expect(posted.status).toBe(201);
		const moved = await call(a, 'PATCH', RECORDS_API.item(board.id, 'pins', 'pin-balakliia'), { lat: 49.47, lng: 36.87, control: 'ukraine' });
		expect(moved.status, JSON.stringify(moved.body)).toBe(200);
		await waitFor(() => readAll(watcher.doc, 'pins').some((pin) => pin.id === 'pin-balakliia' && pin.lat === 49.47), { what: 'the watcher on A to see the move' });

		const same = async (path: string) => {
			const answer = await waitFor(
				async () => {
					const [onA, onB] = [await call(a, 'GET', path), await call(b, 'GET', path)];
					return JSON.stringify(onA.body) === JSON.stringify(onB.body) ? onA : null;
				},
				{ what: `${path} to answer the same on both nodes` }
			);
			expect(answer.status).toBe(200);
			return answer.body;
		};
		expect(await same(RECORDS_API.list(board.id, 'pins'))).toMatchObject([{ id: 'pin-balakliia', lat: 49.47, control: 'ukraine' }]);
		const changes = ((await same(HISTORY_API.changes(board.id))) as ChangesPage).changes;
		expect(changes.filter((change) => change.actor === 'Wire bot').length).toBeGreaterThanOrEqual(2);
		const atPost = changes.find((change) => change.actor === 'Wire bot')!;
		const then = (await same(`${HISTORY_API.state(board.id)}?seq=${atPost.seq}&update=false`)) as HistoryState;
		expect(then.content.pins).toMatchObject([{ id: 'pin-balakliia', lat: 49.46 }]);
		for (const format of ['geojson', 'csv', 'kml'] as const) await same(EXPORT_API.path(board.id, format));

		const fork = (await call(b, 'POST', HISTORY_API.fork(board.id), { seq: atPost.seq, title: 'Before the move' })).body as ForkResponse;
		expect(fork.forkedFrom).toMatchObject({ boardId: board.id, seq: atPost.seq });
		// A fork is a board of its own, in the server's default mode (public-edit here): no token of the source's.
		const forkedPins = await callApi(a.url, 'GET', RECORDS_API.list(fork.id, 'pins'));
		expect(forkedPins.status, JSON.stringify(forkedPins.body)).toBe(200);
		expect(forkedPins.body).toMatchObject([{ id: 'pin-balakliia', lat: 49.46 }]);
	}, 60_000);
});
