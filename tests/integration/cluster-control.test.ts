/**
 * Cluster mode beyond the data: alerts and their receipts between watchers on different nodes
 * (socket.io's Redis adapter), and access — a viewer refused on every node, a token revoked
 * through one node closing its connection on another (the events channel).
 */
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPin } from '../../src/lib/model/pin-operations';
import { readAll } from '../../src/lib/model/records';
import { ACCESS_API, type CreatedBoard, type CreatedToken } from '../../src/lib/protocol/access';
import type { Alert, AlertSeen } from '../../src/lib/protocol/alerts';
import type { BoardsChange } from '../../src/lib/protocol/control-events';
import { CLOSE_CODES } from '../../src/lib/protocol/close-codes';
import { readLog } from '../helpers/cluster-log';
import { clusterService, useTestDatabase } from '../helpers/cluster-services';
import { useControlClients, type ControlClient } from '../helpers/control-client';
import { callApi, createBoard } from '../helpers/http';
import { startCluster, type TestCluster } from '../helpers/test-cluster';
import { waitFor } from '../helpers/wait-for';
import { canonical, connectSynced, connectYjs, type YjsClient } from '../helpers/yjs-client';

const READY = (await clusterService('PostgreSQL')) && (await clusterService('Redis'));
const database = useTestDatabase(READY);

let cluster: TestCluster;
let databaseUrl: string;
const yjsClients: YjsClient[] = [];
const pollingClients: ControlClient[] = [];
if (READY) {
	beforeAll(async () => {
		databaseUrl = await database.freshSchema();
		// Every client calls from 127.0.0.1: per-caller alert allowances would count the file as one caller.
		cluster = await startCluster(3, { databaseUrl, env: { ALERTS_BURST: '1000', PINGS_BURST: '1000' } });
	});
	afterAll(async () => {
		for (const client of yjsClients) client.destroy();
		for (const client of pollingClients) client.disconnect();
		await cluster?.stop();
	});
}
const controlClients = useControlClients();
const node = (index: number) => cluster.nodes[index]!;

interface Watcher {
	client: ControlClient;
	/** The transport its connection opened on. */
	firstTransport: string;
	id: string;
	name: string;
	alerts: Alert[];
	seen: AlertSeen[];
}

let counter = 0;
/** A watcher of the board on a node; `stock`: socket.io-client with its default options (long-polling first). */
async function watch(nodeIndex: number, boardId: string, name: string, stock = false): Promise<Watcher> {
	let client: ControlClient;
	let firstTransport = 'websocket';
	if (stock) {
		client = io(node(nodeIndex).url, { forceNew: true });
		pollingClients.push(client);
		client.io.once('open', () => (firstTransport = client.io.engine.transport.name));
		await new Promise((resolve) => client.once('hello', resolve));
	} else {
		client = (await controlClients.connect(node(nodeIndex).url)).client;
	}
	const watcher: Watcher = { client, firstTransport, id: `watcher-${++counter}-${name}`, name, alerts: [], seen: [] };
	client.on('alert:raised', (alert) => watcher.alerts.push(alert));
	client.on('alert:seen', (seen) => watcher.seen.push(seen));
	const reply = await client.emitWithAck('board:join', { boardId, watcher: { id: watcher.id, name } });
	if (!reply.ok) throw new Error(`join failed: ${reply.error.message}`);
	return watcher;
}

async function join(nodeIndex: number, boardId: string, actor: string, token: string): Promise<YjsClient> {
	const client = await connectSynced(node(nodeIndex).wsUrl, boardId, actor, { token });
	yjsClients.push(client);
	return client;
}

describe.skipIf(!READY)('cluster: control plane and access across nodes', () => {
	it('[CL5] an alert raised on node 1 reaches watchers on nodes 2 and 3, counts them all, and an ack on node 3 is seen on 1 and 2', async () => {
		const board = await createBoard(node(0).url, 'Alerts across nodes');
		const sender = await watch(0, board.id, 'Sender');
		const neighbour = await watch(0, board.id, 'Neighbour');
		const onB = await watch(1, board.id, 'Polling', true);
		const onC = await watch(2, board.id, 'Acker');
		// The stock client opened on long-polling (engine.io may upgrade it later).
		expect(onB.firstTransport).toBe('polling');

		const reply = await sender.client.emitWithAck('alert:raise', { priority: 'flash', text: 'Bridge at Kupiansk down' });
		if (!reply.ok) throw new Error(reply.error.message);
		const sent = reply.value;
		expect(sent.recipients.map((recipient) => recipient.name).sort()).toEqual(['Acker', 'Neighbour', 'Polling']);
		await waitFor(() => neighbour.alerts.length === 1 && onB.alerts.length === 1 && onC.alerts.length === 1, { what: 'the alert on every node' });
		expect(onB.alerts[0]).toEqual(sent);
		expect(onC.alerts[0]).toEqual(sent);
		expect(sender.alerts).toEqual([]);

		expect(await onC.client.emitWithAck('alert:ack', { alertId: sent.id })).toEqual({ ok: true, value: { counted: true } });
		await waitFor(() => sender.seen.length === 1 && onB.seen.length === 1 && neighbour.seen.length === 1, { what: 'the receipt on nodes 1 and 2' });
		for (const watcher of [sender, onB]) expect(watcher.seen[0]).toMatchObject({ alertId: sent.id, watcher: { id: onC.id, name: 'Acker' } });
		// A second ack from node 2's stock client counts too; "seen by" is read back the same on every node.
		expect(await onB.client.emitWithAck('alert:ack', { alertId: sent.id })).toEqual({ ok: true, value: { counted: true } });
		await waitFor(() => sender.seen.length === 2, { what: 'the second receipt on node 1' });
		for (const watcher of [sender, onB, onC]) {
			const listed = await watcher.client.emitWithAck('alerts:list', {});
			expect(listed.ok && listed.value[0]?.recipients.filter((recipient) => recipient.seenAt !== null).map((recipient) => recipient.name).sort()).toEqual(['Acker', 'Polling']);
		}
	});

	it('[CL6] a viewer token is refused (4403) on every node and the board stays as it was; a token revoked through node 1 closes its connection on node 2 (4410)', async () => {
		const created = (await callApi(node(0).url, 'POST', '/api/boards', { body: { title: 'Access across nodes' } })).body as CreatedBoard;
		const owner = created.ownerToken.token;
		expect((await callApi(node(0).url, 'POST', ACCESS_API.access(created.id), { secret: owner, body: { mode: 'private' } })).status).toBe(200);
		const viewer = (await callApi(node(0).url, 'POST', ACCESS_API.tokens(created.id), { secret: owner, body: { role: 'viewer' } })).body as CreatedToken;
		const editor = (await callApi(node(1).url, 'POST', ACCESS_API.tokens(created.id), { secret: owner, body: { role: 'editor' } })).body as CreatedToken;
		const editing = await join(0, created.id, 'editor', editor.token);
		addPin(editing.doc, { name: 'Izium', lat: 49.21, lng: 37.26 });
		await waitFor(async () => (await readLog(databaseUrl, created.id)).length > 0, { what: 'the editor’s pin in the log' });
		const before = await readLog(databaseUrl, created.id);

		for (const index of [0, 1, 2]) {
			const refused = connectYjs(node(index).wsUrl, created.id, `viewer-${index + 1}`, { token: viewer.token });
			yjsClients.push(refused);
			await waitFor(() => refused.provider.synced && readAll(refused.doc, 'pins').length === 1, { what: `the viewer to load on node ${index + 1}` });
			addPin(refused.doc, { name: `forbidden on ${index + 1}`, lat: 1, lng: 1 });
			await waitFor(() => refused.closeCodes.length > 0, { what: `node ${index + 1} to refuse the viewer's edit` });
			expect(refused.closeCodes[0], `node ${index + 1}`).toBe(CLOSE_CODES.readOnly);
			refused.provider.destroy();
		}
		// Unchanged: the log holds only the editor's pin, and a fresh watcher on each node loads only it.
		expect((await readLog(databaseUrl, created.id)).map((row) => row.seq)).toEqual(before.map((row) => row.seq));
		for (const index of [0, 1, 2]) {
			const fresh = await join(index, created.id, `fresh-${index + 1}`, owner);
			expect(readAll(fresh.doc, 'pins').map((pin) => pin.name)).toEqual(['Izium']);
			expect(canonical(fresh.doc)).toBe(canonical(editing.doc));
		}

		const onB = await join(1, created.id, 'editor on node 2', editor.token);
		const bystander = await join(1, created.id, 'owner on node 2', owner);
		const revoked = await callApi(node(0).url, 'DELETE', ACCESS_API.token(created.id, editor.id), { secret: owner });
		expect(revoked.status).toBe(200);
		await waitFor(() => onB.closeCodes.length > 0, { what: 'node 2 to close the revoked token’s connection' });
		expect(onB.closeCodes[0]).toBe(CLOSE_CODES.revoked);
		await waitFor(() => editing.closeCodes.length > 0, { what: 'node 1 to close it too' });
		expect(bystander.closeCodes).toEqual([]);
	});

	it('[CL9] the board list and pings cross nodes: a board made on node 1 and renamed on node 2 is announced once each on node 3; a ping on node 1 rings on node 3', async () => {
		const { client: listener } = await controlClients.connect(node(2).url);
		const changes: BoardsChange[] = [];
		listener.on('boards:changed', (change) => changes.push(change));
		const board = await createBoard(node(0).url, 'Listed across nodes');
		await waitFor(() => changes.some((change) => change.type === 'created' && change.board.id === board.id), { what: 'node 3 to hear of the new board' });
		const { client: renamer } = await controlClients.connect(node(1).url);
		const renamed = await renamer.emitWithAck('boards:rename', { id: board.id, title: 'Renamed on node 2' });
		expect(renamed.ok).toBe(true);
		await waitFor(() => changes.some((change) => change.type === 'renamed' && change.board.title === 'Renamed on node 2'), { what: 'node 3 to hear of the rename' });
		// Every node that has the board open sees the title change; only the one that made it announces it.
		const pinger = await watch(0, board.id, 'Pinger');
		const ringing = await watch(2, board.id, 'Ringing');
		const pings: unknown[] = [];
		ringing.client.on('ping', (ping) => pings.push(ping));
		expect(await pinger.client.emitWithAck('ping', { lat: 49.71, lng: 37.61 })).toMatchObject({ ok: true });
		await waitFor(() => pings.length === 1, { what: 'the ping on node 3' });
		expect(pings[0]).toMatchObject({ lat: 49.71, lng: 37.61, from: { name: 'Pinger' } });
		expect(changes.filter((change) => change.board.id === board.id).map((change) => change.type)).toEqual(['created', 'renamed']);
	});
});
