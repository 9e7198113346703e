/**
 * The contract every storage backend must keep. The board log and history part runs on SQLite,
 * PostgreSQL and the in-memory storage the room tests use (so those tests stand on a storage that
 * behaves like the real one); durability, access, tokens and alerts on every server backend. A
 * new backend adds one entry to each list and must pass the same suite.
 * [PG1] The PostgreSQL backend keeps the same contract as SQLite: each of its cases gets a fresh
 * schema in this file's own database (tests/helpers/cluster-services.ts), skipped with one line
 * saying why where there is no PostgreSQL, failing where it is required (CI).
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresStorage } from '../../server/storage/postgres-storage';
import { DATABASE_FILE, openSqliteStorage, SEQ_AT_QUERY } from '../../server/storage/sqlite-storage';
import type { AlertStorage, HistoryStorage, ServerStorage } from '../../server/storage/storage';
import type { Alert } from '../../src/lib/protocol/alerts';
import { clusterService, testPostgresSettings, useTestDatabase } from '../helpers/cluster-services';
import { memoryAlertStorage, memoryStorage } from '../helpers/memory-storage';
import { tempDataDir } from '../helpers/server-process';

const POSTGRES = await clusterService('PostgreSQL');
const database = useTestDatabase(POSTGRES);
/** PostgreSQL stores hold pools: closed after the file (a case that fails midway leaves its own open). */
const pools: ServerStorage[] = [];
afterAll(() => Promise.all(pools.map((storage) => storage.close())));

/** A backend: `place` makes a new empty place to keep data (a folder, a schema), `open` opens a store on one. */
interface Backend<S> {
	name: string;
	/** Skipped here (PostgreSQL missing on a machine that does not require it). */
	skip: boolean;
	place(): Promise<string>;
	open(place: string): Promise<S>;
}
const sqlite: Backend<ServerStorage> = { name: 'sqlite', skip: false, place: async () => tempDataDir('store'), open: async (dir) => openSqliteStorage(dir) };
const postgres: Backend<ServerStorage> = {
	name: 'postgres',
	skip: !POSTGRES,
	place: () => database.freshSchema(),
	open: async (url) => {
		const storage = await openPostgresStorage(testPostgresSettings(url));
		pools.push(storage);
		return storage;
	}
};
const memory: Backend<HistoryStorage> = { name: 'memory', skip: false, place: async () => '', open: async () => memoryStorage() };

const HISTORY_BACKENDS: Backend<HistoryStorage>[] = [sqlite, memory, postgres];
const SERVER_BACKENDS: Backend<ServerStorage>[] = [sqlite, postgres];

const bytes = (...values: number[]) => new Uint8Array(values);
/** Takes a database back to before migration 4 (alerts). */
const DROP_ALERTS = 'DROP TABLE alert_recipients; DROP TABLE alerts;';

for (const backend of HISTORY_BACKENDS) describe.skipIf(backend.skip)(`storage contract: ${backend.name}`, () => {
	const openFresh = async () => backend.open(await backend.place());

	it('creates, lists, gets and renames boards; a taken id is refused', async () => {
		const storage = await openFresh();
		await storage.createBoard({ id: 'a', title: 'A', at: 1 });
		await storage.createBoard({ id: 'b', title: 'B', at: 2 });
		await expect(storage.createBoard({ id: 'a', title: 'again', at: 3 })).rejects.toThrow();
		expect((await storage.listBoards()).map((board) => board.id)).toEqual(['b', 'a']);
		expect(await storage.renameBoard('a', 'A2', 5)).toMatchObject({ id: 'a', title: 'A2', updatedAt: 5 });
		expect(await storage.getBoard('missing')).toBeUndefined();
		await storage.close();
	});

	it('appends updates with increasing sequence numbers per board, kept in order with actor and time', async () => {
		const storage = await openFresh();
		await storage.createBoard({ id: 'a', title: 'A', at: 1 });
		expect(await storage.appendUpdates('a', [{ at: 10, actor: 'Olena', update: bytes(1) }, { at: 11, actor: null, update: bytes(2, 3) }])).toBe(2);
		expect(await storage.appendUpdates('a', [{ at: 12, actor: 'Taras', update: bytes(4) }])).toBe(3);
		expect(await storage.appendUpdates('other', [{ at: 13, actor: 'x', update: bytes(9) }])).toBe(1);
		const updates = await storage.readUpdates('a', 0);
		expect(updates.map((u) => [u.seq, u.at, u.actor, [...u.update]])).toEqual([
			[1, 10, 'Olena', [1]],
			[2, 11, null, [2, 3]],
			[3, 12, 'Taras', [4]]
		]);
		expect((await storage.readUpdates('a', 1, 2)).map((u) => u.seq)).toEqual([2]);
		await storage.close();
	});

	it('loads the newest keyframe and only the updates after it', async () => {
		const storage = await openFresh();
		await storage.createBoard({ id: 'a', title: 'A', at: 1 });
		await storage.appendUpdates('a', [1, 2, 3, 4, 5].map((n) => ({ at: n, actor: null, update: bytes(n) })));
		await storage.writeKeyframe('a', { seq: 2, at: 2, state: bytes(20) });
		await storage.writeKeyframe('a', { seq: 4, at: 4, state: bytes(40) });
		const state = await storage.loadBoard('a');
		expect(state.keyframe).toMatchObject({ seq: 4 });
		expect([...state.keyframe!.state]).toEqual([40]);
		expect(state.updates.map((u) => u.seq)).toEqual([5]);
		expect(await storage.loadBoard('empty')).toEqual({ keyframe: null, updates: [] });
		await storage.close();
	});

	it('finds the newest keyframe at or before a seq, for any seq', async () => {
		const storage = await openFresh();
		await storage.appendUpdates('a', [1, 2, 3, 4, 5, 6].map((n) => ({ at: n, actor: null, update: bytes(n) })));
		await storage.writeKeyframe('a', { seq: 2, at: 2, state: bytes(20) });
		await storage.writeKeyframe('a', { seq: 4, at: 4, state: bytes(40) });
		await storage.writeKeyframe('other', { seq: 1, at: 1, state: bytes(99) });
		expect(await storage.keyframeAtOrBefore('a', 1)).toBeNull();
		expect(await storage.keyframeAtOrBefore('a', 2)).toMatchObject({ seq: 2, at: 2 });
		expect(await storage.keyframeAtOrBefore('a', 3)).toMatchObject({ seq: 2 });
		const latest = await storage.keyframeAtOrBefore('a', 6);
		expect(latest).toMatchObject({ seq: 4, at: 4 });
		expect([...latest!.state]).toEqual([40]);
		expect(await storage.keyframeAtOrBefore('missing', 10)).toBeNull();
		await storage.close();
	});

	it('finds the last seq logged at or before a time; equal times resolve to the last of them', async () => {
		const storage = await openFresh();
		// Times never go backwards within a board; several updates may share a millisecond.
		const times = [100, 100, 200, 300, 300, 300, 400];
		await storage.appendUpdates('a', times.map((at, index) => ({ at, actor: null, update: bytes(index) })));
		await storage.appendUpdates('b', [{ at: 50, actor: null, update: bytes(1) }]);
		expect(await storage.seqAt('a', 99)).toBe(0);
		expect(await storage.seqAt('a', 100)).toBe(2);
		expect(await storage.seqAt('a', 299)).toBe(3);
		expect(await storage.seqAt('a', 300)).toBe(6);
		expect(await storage.seqAt('a', 10_000)).toBe(7);
		expect(await storage.seqAt('a', Infinity)).toBe(7);
		expect(await storage.seqAt('b', Infinity)).toBe(1);
		expect(await storage.seqAt('missing', Infinity)).toBe(0);
		await storage.close();
	});

});

for (const backend of SERVER_BACKENDS) describe.skipIf(backend.skip)(`server storage contract: ${backend.name}`, () => {
	const openFresh = async () => backend.open(await backend.place());
	it('what was appended survives reopening', async () => {
		const place = await backend.place();
		const first = await backend.open(place);
		await first.createBoard({ id: 'a', title: 'A', at: 1 });
		await first.appendUpdates('a', [{ at: 1, actor: 'x', update: bytes(7) }]);
		await first.close();
		const second = await backend.open(place);
		expect((await second.readUpdates('a', 0)).map((u) => [...u.update])).toEqual([[7]]);
		expect(await second.appendUpdates('a', [{ at: 2, actor: 'y', update: bytes(8) }])).toBe(2);
		await second.close();
	});

	it('keeps each board’s access mode (new boards public-edit) and lists every mode at once', async () => {
		const storage = await openFresh();
		await storage.createBoard({ id: 'a', title: 'A', at: 1 });
		await storage.createBoard({ id: 'b', title: 'B', at: 2 });
		expect(await storage.getAccessMode('a')).toBe('public-edit');
		await storage.setAccessMode('b', 'private');
		expect(await storage.getAccessMode('b')).toBe('private');
		expect(await storage.getAccessMode('missing')).toBeUndefined();
		expect(await storage.accessModes()).toEqual(new Map([['a', 'public-edit'], ['b', 'private']]));
		await storage.close();
	});

	it('adds, finds by hash, lists, revokes and rotates tokens; a revoked token is kept but no longer live', async () => {
		const storage = await openFresh();
		await storage.createBoard({ id: 'a', title: 'A', at: 1 });
		await storage.addToken({ id: 't1', boardId: 'a', hash: 'h1', role: 'owner', label: 'owner', createdAt: 5 });
		await storage.addToken({ id: 't2', boardId: 'a', hash: 'h2', role: 'viewer', label: null, createdAt: 6 });
		await expect(storage.addToken({ id: 't3', boardId: 'a', hash: 'h1', role: 'viewer', label: null, createdAt: 7 })).rejects.toThrow();
		expect(await storage.findTokenByHash('h2')).toEqual({ id: 't2', boardId: 'a', hash: 'h2', role: 'viewer', label: null, createdAt: 6, revokedAt: null });
		expect(await storage.rotateToken('a', 't2', { id: 't4', hash: 'h4', at: 8 })).toMatchObject({ id: 't4', role: 'viewer', revokedAt: null });
		expect((await storage.findTokenByHash('h2'))?.revokedAt).toBe(8);
		expect(await storage.rotateToken('a', 't2', { id: 't5', hash: 'h5', at: 9 })).toBeUndefined();
		expect(await storage.revokeToken('a', 't1', 10)).toBe(true);
		expect(await storage.revokeToken('a', 't1', 11)).toBe(false);
		expect(await storage.revokeToken('other', 't4', 11)).toBe(false);
		expect((await storage.listTokens('a')).map((token) => token.id)).toEqual(['t4']);
		await storage.close();
	});
});

describe('sqlite storage', () => {
	it('keeps its data in one file inside DATA_DIR, in WAL mode', async () => {
		const dir = tempDataDir('store');
		const storage = openSqliteStorage(dir);
		await storage.createBoard({ id: 'a', title: 'A', at: 1 });
		expect(fs.existsSync(path.join(dir, DATABASE_FILE))).toBe(true);
		expect(fs.existsSync(path.join(dir, `${DATABASE_FILE}-wal`))).toBe(true);
		await storage.close();
	});

	it('finds a moment by time with one index seek, not a scan of the log', async () => {
		const dir = tempDataDir('store');
		const storage = openSqliteStorage(dir);
		const db = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
		const plan = db
			.prepare(`EXPLAIN QUERY PLAN ${SEQ_AT_QUERY}`)
			.all('a', 1) as { detail: string }[];
		expect(plan.map((row) => row.detail).join(' ')).toMatch(/USING (COVERING )?INDEX updates_by_time/);
		db.close();
		await storage.close();
	});

	it('a database from before the time index gains it on open, its log intact', async () => {
		const dir = tempDataDir('store');
		const first = openSqliteStorage(dir);
		await first.appendUpdates('a', [{ at: 10, actor: 'Olena', update: bytes(1) }]);
		await first.close();
		// Back to schema version 1, as a server from before replay left it.
		const db = new Database(path.join(dir, DATABASE_FILE));
		db.exec(`${DROP_ALERTS} DROP INDEX updates_by_time; DROP TABLE board_tokens; ALTER TABLE boards DROP COLUMN access`);
		db.pragma('user_version = 1');
		db.close();
		const second = openSqliteStorage(dir);
		expect(await second.seqAt('a', 10)).toBe(1);
		await second.close();
		const check = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
		expect(check.pragma('user_version', { simple: true })).toBe(4);
		expect(check.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'updates_by_time'").get()).toBeTruthy();
		check.close();
	});
});

describe('sqlite storage: access migration', () => {
	it('a database from before access gains it on open: its boards stay public-edit, its log intact', async () => {
		const dir = tempDataDir('store');
		const first = openSqliteStorage(dir);
		await first.createBoard({ id: 'old', title: 'Old', at: 1 });
		await first.appendUpdates('old', [{ at: 10, actor: 'Olena', update: bytes(1) }]);
		await first.close();
		const db = new Database(path.join(dir, DATABASE_FILE));
		db.exec(`${DROP_ALERTS} DROP TABLE board_tokens; ALTER TABLE boards DROP COLUMN access`);
		db.pragma('user_version = 2');
		db.close();
		const second = openSqliteStorage(dir);
		expect(await second.getAccessMode('old')).toBe('public-edit');
		expect((await second.readUpdates('old', 0)).length).toBe(1);
		await second.close();
	});
});

/** Alert storage: every server backend (on boards that exist, as the server uses it) and the in-memory one. */
const withBoards = (backend: Backend<ServerStorage>) => async () => {
	const storage = await backend.open(await backend.place());
	await storage.createBoard({ id: 'a', title: 'A', at: 1 });
	await storage.createBoard({ id: 'b', title: 'B', at: 1 });
	return storage;
};
const ALERT_BACKENDS: { name: string; skip: boolean; open: () => Promise<AlertStorage> }[] = [
	...SERVER_BACKENDS.map((backend) => ({ name: backend.name, skip: backend.skip, open: withBoards(backend) })),
	{ name: 'memory', skip: false, open: async () => memoryAlertStorage() }
];

const alert = (id: string, raisedAt: number, boardId = 'a', recipients = ['w-olena-01', 'w-taras-01']): Alert => ({
	id,
	boardId,
	priority: 'flash',
	text: `alert ${id}`,
	place: { type: 'pin', pinId: 'pin-1', lat: 49.2, lng: 37.3 },
	reportId: 'report-1',
	raisedAt,
	raisedBy: { id: 'w-sender-01', name: 'Sender' },
	recipients: recipients.map((watcher) => ({ id: watcher, name: watcher.slice(2, -3), seenAt: null }))
});

for (const { name, skip, open } of ALERT_BACKENDS) describe.skipIf(skip)(`alert storage contract: ${name}`, () => {
	it('keeps an alert whole (place, report, recipients in order) and refuses a taken id', async () => {
		const storage = await open();
		await storage.addAlert(alert('al-1', 100));
		expect(await storage.getAlert('a', 'al-1')).toEqual(alert('al-1', 100));
		await expect(storage.addAlert(alert('al-1', 200))).rejects.toThrow();
		expect(await storage.getAlert('b', 'al-1')).toBeUndefined();
		expect(await storage.getAlert('a', 'missing')).toBeUndefined();
	});

	it('a receipt counts once, only for a recipient of that alert on that board', async () => {
		const storage = await open();
		await storage.addAlert(alert('al-1', 100));
		expect(await storage.markAlertSeen('a', 'al-1', 'w-olena-01', 150)).toBe(true);
		expect(await storage.markAlertSeen('a', 'al-1', 'w-olena-01', 160)).toBe(false);
		expect(await storage.markAlertSeen('a', 'al-1', 'w-stranger', 160)).toBe(false);
		expect(await storage.markAlertSeen('b', 'al-1', 'w-taras-01', 160)).toBe(false);
		expect(await storage.markAlertSeen('a', 'missing', 'w-taras-01', 160)).toBe(false);
		expect((await storage.getAlert('a', 'al-1'))?.recipients).toEqual([
			{ id: 'w-olena-01', name: 'olena', seenAt: 150 },
			{ id: 'w-taras-01', name: 'taras', seenAt: null }
		]);
	});

	it("lists a board's alerts newest first, up to a moment and a limit", async () => {
		const storage = await open();
		await storage.addAlert(alert('al-1', 100));
		await storage.addAlert(alert('al-2', 200, 'a', []));
		await storage.addAlert(alert('al-3', 200));
		await storage.addAlert(alert('al-4', 300));
		await storage.addAlert(alert('al-b', 150, 'b'));
		const ids = (alerts: Alert[]) => alerts.map((stored) => stored.id);
		expect(ids(await storage.listAlerts('a', { limit: 10 }))).toEqual(['al-4', 'al-3', 'al-2', 'al-1']);
		expect(ids(await storage.listAlerts('a', { until: 200, limit: 10 }))).toEqual(['al-3', 'al-2', 'al-1']);
		expect(ids(await storage.listAlerts('a', { until: 99, limit: 10 }))).toEqual([]);
		expect(ids(await storage.listAlerts('a', { limit: 2 }))).toEqual(['al-4', 'al-3']);
		expect((await storage.listAlerts('a', { limit: 10 }))[2]?.recipients).toEqual([]);
		expect(ids(await storage.listAlerts('none', { limit: 10 }))).toEqual([]);
	});
});
