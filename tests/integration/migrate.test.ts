/**
 * [PG5] `npm run migrate` copies an SQLite data folder into PostgreSQL board by board — the whole
 * log with seq, time and actor, keyframes, access, every token, alerts and receipts — checks each
 * copy (counts, and the hash of the state each side's log rebuilds) before committing it, and
 * refuses a board the target holds unless --replace. The demo board and a 20 000-update board
 * answer the history API identically before (server on SQLite) and after (server on PostgreSQL).
 */
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateSqliteToPostgres } from '../../server/storage/board-migration';
import { openPostgresStorage } from '../../server/storage/postgres-storage';
import { openSqliteStorage } from '../../server/storage/sqlite-storage';
import type { ServerStorage } from '../../server/storage/storage';
import { DEMO_BOARD_ID } from '../../src/lib/protocol/boards';
import { HISTORY_API, type ChangesPage, type HistorySummary } from '../../src/lib/protocol/history';
import type { Alert } from '../../src/lib/protocol/alerts';
import { clusterService, testPostgresSettings, useTestDatabase } from '../helpers/cluster-services';
import { getOk } from '../helpers/http';
import { writeLongBoard } from '../helpers/long-board';
import { runMigrate } from '../helpers/migrate-process';
import { startServer, tempDataDir, type ServerProcess } from '../helpers/server-process';

const POSTGRES = await clusterService('PostgreSQL');
const database = useTestDatabase(POSTGRES);

const alert = (id: string, raisedAt: number, recipients: string[]): Alert => ({
	id,
	boardId: 'ops',
	priority: 'flash',
	text: `alert ${id}`,
	place: { type: 'point', lat: 49.2, lng: 37.3 },
	reportId: null,
	raisedAt,
	raisedBy: { id: 'w-sender-01', name: 'Sender' },
	recipients: recipients.map((watcher) => ({ id: watcher, name: watcher, seenAt: null }))
});

/** An SQLite data folder with everything a board can hold: a real log, a keyframe, access, tokens, alerts. */
async function sqliteFolder(): Promise<string> {
	const dir = tempDataDir('migrate-src');
	const storage = openSqliteStorage(dir);
	await writeLongBoard(storage, 'ops', 300);
	await storage.writeKeyframe('ops', { seq: 200, at: 5, state: new Uint8Array([1, 2, 3]) });
	await storage.setAccessMode('ops', 'private');
	await storage.addToken({ id: 't-owner', boardId: 'ops', hash: 'h-owner', role: 'owner', label: 'owner', createdAt: 1 });
	await storage.addToken({ id: 't-bot', boardId: 'ops', hash: 'h-bot', role: 'editor', label: 'Wire bot', createdAt: 2 });
	await storage.rotateToken('ops', 't-bot', { id: 't-bot-2', hash: 'h-bot-2', at: 3 });
	await storage.addAlert(alert('al-1', 100, ['w-a', 'w-b', 'w-c']));
	await storage.addAlert(alert('al-2', 100, []));
	await storage.markAlertSeen('ops', 'al-1', 'w-b', 150);
	await writeLongBoard(storage, 'quiet', 10, 7);
	await storage.close();
	return dir;
}

/** Everything the storage interface can say about a board, for comparing two backends. */
async function everything(storage: ServerStorage, id: string) {
	return {
		board: await storage.getBoard(id),
		access: await storage.getAccessMode(id),
		log: await storage.readUpdates(id, 0),
		keyframe: await storage.keyframeAtOrBefore(id, Infinity),
		moments: await Promise.all([0, 1e12, 1.7e12, Infinity].map((time) => storage.seqAt(id, time))),
		tokens: await storage.listTokens(id),
		byHash: await Promise.all(['h-owner', 'h-bot', 'h-bot-2'].map((hash) => storage.findTokenByHash(hash))),
		alerts: await storage.listAlerts(id, { limit: 100 })
	};
}

describe.skipIf(!POSTGRES)('[PG5] migrating an SQLite data folder', () => {
	const opened: ServerStorage[] = [];
	let server: ServerProcess | null = null;
	afterAll(async () => {
		await server?.stop();
		await Promise.all(opened.map((storage) => storage.close()));
	});

	it('[PG5] copies every row of every board, refuses a board already there, replaces it on request', async () => {
		const from = await sqliteFolder();
		const url = await database.freshSchema();
		const first = await migrateSqliteToPostgres({ from, to: testPostgresSettings(url), replace: false });
		expect(first.map((board) => [board.id, board.outcome])).toEqual([
			['ops', 'copied'],
			['quiet', 'copied']
		]);
		expect(first[0]).toMatchObject({ source: { updates: 300, keyframes: 1, tokens: 3, alerts: 2, receipts: 1 } });
		expect(first[0]!.target).toEqual(first[0]!.source);
		expect(first[0]!.targetHash).toBe(first[0]!.sourceHash);

		const sqlite = openSqliteStorage(from);
		const postgres = await openPostgresStorage(testPostgresSettings(url));
		opened.push(sqlite, postgres);
		for (const id of ['ops', 'quiet']) expect(await everything(postgres, id)).toEqual(await everything(sqlite, id));
		expect(await postgres.listBoards()).toEqual(await sqlite.listBoards());
		// The log goes on where it stopped.
		expect(await postgres.appendUpdates('quiet', [{ at: 2e12, actor: 'x', update: new Uint8Array([0, 0]) }])).toBe(11);

		const again = await runMigrate(['--from', from, '--to', url]);
		expect(again.code, again.output).toBe(1);
		expect(again.output).toMatch(/^ops .* REFUSED: the target already holds this board/m);
		expect(await postgres.readUpdates('quiet', 0)).toHaveLength(11);

		const replaced = await runMigrate(['--from', from, '--to', url, '--replace']);
		expect(replaced.code, replaced.output).toBe(0);
		expect(replaced.output).toMatch(/^ops {2}updates 300\/300 {2}keyframes 1\/1 {2}tokens 3\/3 {2}alerts 2\/2 {2}receipts 1\/1 {2}state (\w{16})\/\1 {2}match$/m);
		expect(await everything(postgres, 'quiet')).toEqual(await everything(sqlite, 'quiet'));
	});

	it('[PG5] a copy that differs from its source is reported as a MISMATCH, rolled back, and fails the run', async () => {
		const from = await sqliteFolder();
		const url = await database.freshSchema();
		await (await openPostgresStorage(testPostgresSettings(url))).close();
		// A target that silently alters what it is given: one log entry of 'ops' arrives empty.
		const saboteur = new pg.Client({ connectionString: url });
		await saboteur.connect();
		await saboteur.query(`CREATE FUNCTION blank_one() RETURNS trigger LANGUAGE plpgsql AS $$
			BEGIN IF NEW.board_id = 'ops' AND NEW.seq = 3 THEN NEW.data := '\\x0000'::bytea; END IF; RETURN NEW; END $$;
			CREATE TRIGGER blank_one BEFORE INSERT ON updates FOR EACH ROW EXECUTE FUNCTION blank_one();`);
		await saboteur.end();
		const run = await runMigrate(['--from', from, '--to', url]);
		expect(run.code, run.output).toBe(1);
		expect(run.output).toMatch(/^ops {2}updates 300\/300 .* state (\w{16})\/(?!\1)\w{16} {2}MISMATCH: .*rolled back$/m);
		expect(run.output).toMatch(/^quiet .* match$/m);
		const postgres = await openPostgresStorage(testPostgresSettings(url));
		opened.push(postgres);
		expect(await postgres.readUpdates('ops', 0)).toEqual([]);
		expect(await postgres.getBoard('ops')).toBeUndefined();
	});

	it('[PG5] bad arguments are named, with the usage, and change nothing', async () => {
		const noTarget = await runMigrate(['--from', tempDataDir('empty')]);
		expect(noTarget.code).toBe(2);
		expect(noTarget.output).toMatch(/--from and --to are both needed\nusage: npm run migrate/);
		const badUrl = await runMigrate(['--from', tempDataDir('empty'), '--to', 'mysql://u:s3cret@h/db']);
		expect(badUrl.code).toBe(2);
		expect(badUrl.output).toMatch(/--to must start with postgres:\/\//);
		expect(badUrl.output).not.toContain('s3cret');
	});

	it('[PG5] the demo board and a 20 000-update board answer the history API the same on PostgreSQL as on SQLite', async () => {
		const dataDir = tempDataDir('migrate-history');
		const seed = openSqliteStorage(dataDir);
		await writeLongBoard(seed, 'long', 20_000);
		await seed.close();
		server = await startServer({ dataDir, env: { SEED_DEMO: 'true' } });
		const before = await historyAnswers(server.url);
		expect(await server.stop()).toBe(0);
		server = null;

		const url = await database.freshSchema();
		const migrated = await runMigrate(['--from', dataDir, '--to', url]);
		expect(migrated.code, migrated.output).toBe(0);
		expect(migrated.output).toMatch(new RegExp(`^${DEMO_BOARD_ID} .* match$`, 'm'));
		expect(migrated.output).toMatch(/^long {2}updates 20000\/20000 .* match$/m);

		server = await startServer({ env: { DATABASE_URL: url } });
		expect(await historyAnswers(server.url)).toEqual(before);
	}, 300_000);
});

/** The history API's answers for both boards: the state at 20 moments, now with the exact Yjs state, and the whole change list. */
async function historyAnswers(origin: string) {
	const answers: Record<string, unknown> = {};
	for (const id of [DEMO_BOARD_ID, 'long']) {
		const summary = await getOk<HistorySummary>(`${origin}${HISTORY_API.summary(id)}`);
		const first = summary.first!.at;
		const last = summary.last!.at;
		const moments = Array.from({ length: 20 }, (_, index) => Math.round(first + ((last - first) * index) / 19));
		const states = [];
		for (const at of moments) states.push(await getOk(`${origin}${HISTORY_API.state(id)}?at=${at}&update=false`));
		const changes = [];
		for (let from: number | null = 0; from !== null; ) {
			const page: ChangesPage = await getOk<ChangesPage>(`${origin}${HISTORY_API.changes(id)}?fromSeq=${from}`);
			changes.push(...page.changes);
			from = page.next;
		}
		answers[id] = { summary, states, now: await getOk(`${origin}${HISTORY_API.state(id)}`), changes };
	}
	return answers;
}
