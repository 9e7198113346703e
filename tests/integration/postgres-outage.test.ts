/**
 * [PG4] PostgreSQL that is misnamed, unreachable, silent or stuck: the server refuses to start
 * with the reason (never echoing a password), and a storage call rejects within its bounds instead
 * of hanging — so a room can refuse edits (R7) rather than wait forever.
 */
import net from 'node:net';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config';
import { openPostgresStorage } from '../../server/storage/postgres-storage';
import type { ServerStorage } from '../../server/storage/storage';
import { clusterService, postgresUrl, testPostgresSettings, useTestDatabase } from '../helpers/cluster-services';
import { addPin } from '../../src/lib/model/pin-operations';
import { ACCESS_API, type CreatedBoard, type CreatedToken } from '../../src/lib/protocol/access';
import { CLOSE_CODES } from '../../src/lib/protocol/close-codes';
import { API } from '../../src/lib/protocol/endpoints';
import { HISTORY_API, type HistoryState } from '../../src/lib/protocol/history';
import type { HealthReply } from '../../src/lib/protocol/server-info';
import { callApi, createBoard, getJson } from '../helpers/http';
import { startServer, type ServerProcess } from '../helpers/server-process';
import { tcpCut, type TcpCut } from '../helpers/tcp-cut';
import { waitFor } from '../helpers/wait-for';
import { canonical, connectSynced, connectYjs } from '../helpers/yjs-client';

const POSTGRES = await clusterService('PostgreSQL');
const database = useTestDatabase(POSTGRES);
const entry = (n: number) => ({ at: n, actor: 'x', update: new Uint8Array([n]) });

/** A real server whose PostgreSQL connections go through a relay the test cuts and restores. */
async function behindRelay(run: (server: ServerProcess, relay: TcpCut) => Promise<void>): Promise<void> {
	const relay = await tcpCut({ host: '127.0.0.1', port: Number(new URL(database.url).port || 5432) });
	let server: ServerProcess | null = null;
	try {
		const url = new URL(database.url);
		url.port = String(relay.port);
		server = await startServer({
			env: { DATABASE_URL: url.toString(), DATABASE_CONNECT_TIMEOUT_MS: '1000', DATABASE_STATEMENT_TIMEOUT_MS: '2000' }
		});
		await run(server, relay);
	} finally {
		await server?.stop();
		await relay.close();
	}
}

describe('[PG4] DATABASE_URL is checked at start', () => {
	it('[PG4] a URL that is not postgres:// is refused with the reason, without the password', () => {
		const refusal = (url: string) => {
			try {
				readConfig({ DATABASE_URL: url });
			} catch (error) {
				return (error as Error).message;
			}
			return 'accepted';
		};
		expect(refusal('mysql://board:s3cret@db.example/boards')).toMatch(/^DATABASE_URL must start with postgres:\/\/ or postgresql:\/\/, got "mysql:\/\/…"$/);
		expect(refusal('board:s3cret@db')).not.toContain('s3cret');
		expect(refusal('postgres://board:s3cret@db.example')).toMatch(/names no database/);
		expect(refusal('not a url s3cret')).not.toContain('s3cret');
		expect(readConfig({ DATABASE_URL: 'postgresql://board:s3cret@db.example:5433/boards?sslmode=require' }).database).toMatchObject({ poolSize: 10 });
		expect(readConfig({}).database).toBeNull();
	});

	it('[PG4] the real server stops at start on a bad URL, saying why', async () => {
		await expect(startServer({ env: { DATABASE_URL: 'mysql://board:s3cret@db.example/boards' } })).rejects.toThrow(
			/failed to start: DATABASE_URL must start with postgres:\/\//
		);
	});
});

describe.skipIf(!POSTGRES)('[PG4] an unreachable or stuck PostgreSQL', () => {
	const opened: ServerStorage[] = [];
	const servers: net.Server[] = [];
	afterAll(async () => {
		await Promise.all(opened.map((storage) => storage.close()));
		for (const server of servers) server.close();
	});

	it('[PG4] nothing listening: opening rejects', async () => {
		const closed = net.createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const { port } = closed.address() as net.AddressInfo;
		await new Promise((resolve) => closed.close(resolve));
		await expect(openPostgresStorage(testPostgresSettings(`postgres://postgres@127.0.0.1:${port}/test`))).rejects.toThrow(/PostgreSQL at 127\.0\.0\.1/);
	});

	it('[PG4] a peer that accepts and never answers: opening rejects after the connect timeout, not never', async () => {
		const silent = net.createServer(() => {});
		servers.push(silent);
		await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
		const { port } = silent.address() as net.AddressInfo;
		const url = `postgres://postgres@127.0.0.1:${port}/test`;
		await expect(openPostgresStorage(testPostgresSettings(url, { connectTimeoutMs: 300 }))).rejects.toThrow(/timeout/i);
	});

	it('[PG4] an append stuck behind a lock rejects at the statement timeout; the next one counts on densely', async () => {
		const url = await database.freshSchema();
		const storage = await openPostgresStorage(testPostgresSettings(url, { statementTimeoutMs: 300 }));
		opened.push(storage);
		expect(await storage.appendUpdates('a', [entry(1)])).toBe(1);
		// Another process holding the board's head row in an open transaction (a stuck peer).
		const holder = new pg.Client({ connectionString: url });
		await holder.connect();
		await holder.query('BEGIN');
		await holder.query("SELECT head_seq FROM board_heads WHERE board_id = 'a' FOR UPDATE");
		await expect(storage.appendUpdates('a', [entry(2)])).rejects.toThrow(/statement timeout/);
		await holder.query('ROLLBACK');
		await holder.end();
		expect(await storage.appendUpdates('a', [entry(3)])).toBe(2);
		expect((await storage.readUpdates('a', 0)).map((update) => update.seq)).toEqual([1, 2]);
	});

	it('[PG4] the real server stops at start when PostgreSQL is unreachable, saying where', async () => {
		const url = postgresUrl('test').replace(/:\d+\//, ':1/');
		await expect(startServer({ env: { DATABASE_URL: url, DATABASE_CONNECT_TIMEOUT_MS: '500' } })).rejects.toThrow(
			/failed to start: PostgreSQL at 127\.0\.0\.1:1\/test/
		);
	});

	it('[PG4] PostgreSQL lost while a board is open: the edit in flight reaches nobody and is kept, new edits are refused (4507), watchers stay and read on, /healthz says PostgreSQL does not answer; once it is back the kept edit is logged and sent, the refused one resent', async () => {
		await behindRelay(async (server, relay) => {
			const { id } = await createBoard(server.url, 'Outage');
			const [olena, taras] = [await connectSynced(server.wsUrl, id, 'Olena'), await connectSynced(server.wsUrl, id, 'Taras')];
			addPin(olena.doc, { id: 'pin-before', name: 'Before', lat: 49, lng: 37 }, { actor: 'Olena' });
			await waitFor(() => taras.doc.getMap('pins').has('pin-before'), { what: 'the first pin to reach Taras' });

			await relay.cut();
			addPin(olena.doc, { id: 'pin-during', name: 'During', lat: 49.1, lng: 37.1 }, { actor: 'Olena' });
			await waitFor(() => /log write failed, edits refused \(4507\)/.test(server.log()), { timeoutMs: 15_000, what: 'the room to find the log unwritable' });
			addPin(olena.doc, { id: 'pin-refused', name: 'Refused', lat: 49.2, lng: 37.2 }, { actor: 'Olena' });
			await waitFor(() => olena.closeCodes.includes(CLOSE_CODES.storageUnavailable), { timeoutMs: 15_000, what: 'the next edit refused with 4507' });
			expect(taras.doc.getMap('pins').has('pin-during')).toBe(false);
			// Taras reads on: still connected, the board as logged.
			expect(taras.closeCodes).toEqual([]);
			expect(taras.provider.wsconnected).toBe(true);
			expect([...taras.doc.getMap('pins').keys()]).toEqual(['pin-before']);
			expect(server.running()).toBe(true);
			// /healthz still answers, and says what this node sees: PostgreSQL does not answer.
			const down = await getJson(`${server.url}${API.health}`);
			expect(down.status).toBe(200);
			expect((down.body as HealthReply).storage).toMatchObject({ backend: 'postgres', ok: false });
			expect((down.body as HealthReply).storage.error).not.toMatch(/password|postgres:\/\//);

			await relay.restore();
			// The kept edit is logged and then sent, with no reconnect; Olena's provider reconnects on
			// its own (45xx is "try again later") and resends the refused one.
			await waitFor(() => taras.doc.getMap('pins').has('pin-during'), { timeoutMs: 15_000, what: 'Taras to get the kept edit once it is logged' });
			const state = await waitFor(
				async () => {
					const { status, body } = await getJson(`${server.url}${HISTORY_API.state(id)}?update=false`);
					return status === 200 && (body as HistoryState).content.pins.some((pin) => pin.id === 'pin-refused') ? (body as HistoryState) : null;
				},
				{ timeoutMs: 30_000, what: 'the refused edit to be resent and logged after PostgreSQL is back' }
			);
			expect(state.content.pins.map((pin) => pin.id).sort()).toEqual(['pin-before', 'pin-during', 'pin-refused']);
			expect(((await getJson(`${server.url}${API.health}`)).body as HealthReply).storage).toMatchObject({ backend: 'postgres', ok: true });
			await waitFor(() => taras.doc.getMap('pins').has('pin-refused'), { timeoutMs: 15_000, what: 'Taras to get it too' });
			expect(taras.closeCodes).toEqual([]);
			olena.destroy();
			taras.destroy();
		});
	}, 120_000);

	it('[PG8] the last watcher leaving while PostgreSQL is lost does not unload the board: its kept edit is not dropped, and a watcher can come back to it', async () => {
		await behindRelay(async (server, relay) => {
			const { id } = await createBoard(server.url, 'Last one out');
			const olena = await connectSynced(server.wsUrl, id, 'Olena');
			addPin(olena.doc, { id: 'pin-before', name: 'Before', lat: 49, lng: 37 }, { actor: 'Olena' });
			await waitFor(
				async () => {
					const { status, body } = await getJson(`${server.url}${HISTORY_API.state(id)}?update=false`);
					return status === 200 && (body as HistoryState).content.pins.length === 1;
				},
				{ what: 'the first pin logged' }
			);

			await relay.cut();
			addPin(olena.doc, { id: 'pin-during', name: 'During', lat: 49.1, lng: 37.1 }, { actor: 'Olena' });
			await waitFor(() => /log write failed, edits refused \(4507\)/.test(server.log()), { timeoutMs: 15_000, what: 'the room to find the log unwritable' });
			olena.destroy();
			await waitFor(() => /idle, kept loaded while its log is down/.test(server.log()), { what: 'the idle room to stay loaded' });
			expect(server.log()).not.toMatch(/closing with 1 unlogged updates/);
			const back = await connectSynced(server.wsUrl, id, 'Olena');
			expect([...back.doc.getMap('pins').keys()]).toEqual(['pin-before']);

			await relay.restore();
			await waitFor(() => back.doc.getMap('pins').has('pin-during'), { timeoutMs: 15_000, what: 'the kept edit to be logged and sent once PostgreSQL is back' });
			back.destroy();
		});
	}, 120_000);

	it('[PG8] PostgreSQL lost while a board is open: a watcher who drops rejoins with the grant it had and reads the board as logged at once, a newcomer on the same terms too; a secret never checked is not let in; once it is back all converge', async () => {
		await behindRelay(async (server, relay) => {
			const board = (await callApi(server.url, 'POST', API.boards, { body: { title: 'Rejoin' } })).body as CreatedBoard;
			const mint = async (role: 'viewer' | 'editor') =>
				(await callApi(server.url, 'POST', ACCESS_API.tokens(board.id), { secret: board.ownerToken.token, body: { role } })).body as CreatedToken;
			const [viewer, unseen] = [await mint('viewer'), await mint('viewer')];
			const olena = await connectSynced(server.wsUrl, board.id, 'Olena');
			const press = await connectSynced(server.wsUrl, board.id, 'Press', { token: viewer.token });
			addPin(olena.doc, { id: 'pin-before', name: 'Before', lat: 49, lng: 37 }, { actor: 'Olena' });
			await waitFor(() => press.doc.getMap('pins').has('pin-before'), { what: 'the first pin to reach the press viewer' });
			press.destroy();

			await relay.cut();
			addPin(olena.doc, { id: 'pin-during', name: 'During', lat: 49.1, lng: 37.1 }, { actor: 'Olena' });
			await waitFor(() => /log write failed, edits refused \(4507\)/.test(server.log()), { timeoutMs: 15_000, what: 'the room to find the log unwritable' });

			// The viewer's link and an anonymous newcomer both get in, with the board as logged.
			const back = await connectSynced(server.wsUrl, board.id, 'Press', { token: viewer.token });
			const newcomer = await connectSynced(server.wsUrl, board.id, 'Mykola');
			for (const watcher of [back, newcomer]) expect([...watcher.doc.getMap('pins').keys()]).toEqual(['pin-before']);
			// A token the server never checked cannot be checked now: not let in.
			const stranger = connectYjs(server.wsUrl, board.id, 'Stranger', { token: unseen.token });
			await waitFor(() => stranger.closeCodes.length > 0, { timeoutMs: 15_000, what: 'the unchecked token to be turned away' });
			expect(stranger.provider.synced).toBe(false);
			stranger.destroy();
			expect(server.running()).toBe(true);

			await relay.restore();
			for (const watcher of [back, newcomer]) {
				await waitFor(() => canonical(watcher.doc) === canonical(olena.doc) && watcher.doc.getMap('pins').has('pin-during'), {
					timeoutMs: 15_000,
					what: 'the rejoined watchers to get the kept edit once logged'
				});
			}
			expect(back.closeCodes).toEqual([]);
			for (const client of [olena, back, newcomer]) client.destroy();
		});
	}, 120_000);
});
