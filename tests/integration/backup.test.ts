/**
 * [P6] `npm run backup -- <file>` while watchers are writing: the copy is consistent, and a server
 * started on it answers the history API exactly as the live one does up to the copy's last
 * sequence number.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { addPin } from '../../src/lib/model/pin-operations';
import { API } from '../../src/lib/protocol/endpoints';
import { DATABASE_FILE } from '../../server/storage/sqlite-storage';
import { createBoard, getJson } from '../helpers/http';
import { startServer, tempDataDir, type ServerProcess } from '../helpers/server-process';
import { waitFor } from '../helpers/wait-for';
import { connectSynced, type YjsClient } from '../helpers/yjs-client';

const WRITERS = 3;
/** Updates logged before the backup starts, so there is something to copy and the burst is on. */
const BEFORE_BACKUP = 60;

/** Two servers, a write burst and `npm run backup` (npm and tsx starting): slow on a loaded 2-core machine. */
const BACKUP_TEST_MS = 90_000;

const servers: ServerProcess[] = [];
const clients: YjsClient[] = [];
afterAll(async () => {
	for (const client of clients) client.destroy();
	await Promise.all(servers.map((server) => server.stop()));
});

function runBackup(file: string, dataDir: string): Promise<{ code: number | null; output: string }> {
	// Asynchronously: the write burst goes on in this process while the backup runs.
	const child = spawn('npm', ['run', '--silent', 'backup', '--', file], { env: { ...process.env, DATA_DIR: dataDir } });
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

describe('backup', () => {
	it('[P6] a backup taken during a write burst serves the same history up to its last sequence number', async () => {
		const live = await startServer();
		servers.push(live);
		const { id } = await createBoard(live.url, 'Backed up');
		clients.push(...(await Promise.all(Array.from({ length: WRITERS }, (_, i) => connectSynced(live.wsUrl, id, `writer-${i}`)))));
		const db = new Database(path.join(live.dataDir, DATABASE_FILE), { readonly: true });
		const loggedSeq = db.prepare<[string], { seq: number | null }>('SELECT max(seq) AS seq FROM updates WHERE board_id = ?');
		const logged = () => loggedSeq.get(id)!.seq ?? 0;

		// The burst: each round a pin from every writer, the next round once the server has logged this one.
		let writing = true;
		let written = 0;
		const burst = (async () => {
			for (let round = 0; writing; round++) {
				clients.forEach((client, i) => addPin(client.doc, { name: `w${i}-${round}`, lat: 48 + (round % 100) / 100, lng: 37 + i / 10 }));
				written += WRITERS;
				await waitFor(() => logged() >= written, { what: `round ${round} to be logged` });
			}
		})();
		await waitFor(() => logged() >= BEFORE_BACKUP, { what: 'the burst to be under way', timeoutMs: 20_000 });

		const file = path.join(tempDataDir('sb-backup'), DATABASE_FILE);
		const seqAtStart = logged();
		const backup = await runBackup(file, live.dataDir);
		const seqAtEnd = logged();
		writing = false;
		await burst;
		const finalSeq = logged();
		db.close();
		expect(backup.code, backup.output).toBe(0);
		expect(backup.output).toMatch(/^Backed up .* to .*: 1 boards, \d+ updates, [\d.]+ MB\.$/m);
		expect(seqAtEnd, 'the server kept writing while the backup ran').toBeGreaterThan(seqAtStart);

		const copy = new Database(file, { readonly: true });
		expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
		const lastSeq = copy.prepare<[string], { seq: number }>('SELECT max(seq) AS seq FROM updates WHERE board_id = ?').get(id)!.seq;
		copy.close();
		expect(lastSeq).toBeGreaterThanOrEqual(seqAtStart);
		expect(finalSeq).toBeGreaterThan(lastSeq);

		const restored = await startServer({ dataDir: path.dirname(file) });
		servers.push(restored);
		const history = API.board(id) + '/history';
		for (const query of [`/updates?fromSeq=1&limit=5000`, `/changes?toSeq=${lastSeq}&limit=5000`, `/state?seq=${lastSeq}&update=false`]) {
			const [fromLive, fromCopy] = await Promise.all([getJson(`${live.url}${history}${query}`), getJson(`${restored.url}${history}${query}`)]);
			expect(fromCopy.status, query).toBe(200);
			const upToCopy = (answer: unknown) =>
				query.startsWith('/updates') ? (answer as { updates: { seq: number }[] }).updates.filter((update) => update.seq <= lastSeq) : answer;
			expect(upToCopy(fromCopy.body), query).toEqual(upToCopy(fromLive.body));
		}
	}, BACKUP_TEST_MS);
});
