/**
 * [PG2] Two server processes appending to one board at the same moment over one PostgreSQL
 * database: the log has seqs 1..N with no gap or duplicate, each append's returned seq is the
 * last of exactly the entries it wrote, and its times never go back (the per-board head row,
 * postgres-log.ts).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresStorage } from '../../server/storage/postgres-storage';
import { clusterService, testPostgresSettings, useTestDatabase } from '../helpers/cluster-services';
import { appendConcurrently, CONTENDED_BOARD, logProblems, type AppendResult } from '../helpers/concurrent-appends';
import { waitFor } from '../helpers/wait-for';

const POSTGRES = await clusterService('PostgreSQL');
const database = useTestDatabase(POSTGRES);
const APPENDS = 500;
const ROOT = path.resolve(import.meta.dirname, '../..');

/** Starts the worker; resolves with a `go` function once it is ready, whose promise is its results. */
async function startWorker(url: string, writer: string) {
	const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/postgres-append-worker.ts', url, writer, String(APPENDS)], {
		cwd: ROOT,
		stdio: ['pipe', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
	await waitFor(
		() => {
			if (child.exitCode !== null) throw new Error(`worker ${writer} exited:\n${output}`);
			return output.includes('ready\n');
		},
		{ timeoutMs: 30_000, what: `worker ${writer} to open its storage` }
	);
	return {
		async go(): Promise<AppendResult[]> {
			child.stdin.end('go\n');
			const code = await exited;
			if (code !== 0) throw new Error(`worker ${writer} exited with ${code}:\n${output}`);
			return JSON.parse(output.split('\n').find((line) => line.startsWith('['))!) as AppendResult[];
		}
	};
}

describe.skipIf(!POSTGRES)('[PG2] concurrent appends to one board', () => {
	const opened: { close(): Promise<void> }[] = [];
	afterAll(() => Promise.all(opened.map((storage) => storage.close())));

	it('[PG2] two pools in one process, 2×500 appends of 1–3 entries: dense seqs, each append told its own', async () => {
		const url = await database.freshSchema();
		const [one, two] = await Promise.all([openPostgresStorage(testPostgresSettings(url)), openPostgresStorage(testPostgresSettings(url))]);
		opened.push(one, two);
		const results = (await Promise.all([appendConcurrently(one, 'one', APPENDS), appendConcurrently(two, 'two', APPENDS)])).flat();
		const log = await one.readUpdates(CONTENDED_BOARD, 0);
		expect(logProblems(log, results)).toEqual([]);
		expect(log.length).toBeGreaterThanOrEqual(2 * APPENDS);
		expect(await two.seqAt(CONTENDED_BOARD, Infinity)).toBe(log.length);
	});

	it('[PG2] a writer whose clock is behind logs no earlier time than the log already holds', async () => {
		const url = await database.freshSchema();
		const [ahead, behind] = await Promise.all([openPostgresStorage(testPostgresSettings(url)), openPostgresStorage(testPostgresSettings(url))]);
		opened.push(ahead, behind);
		const entry = (at: number) => ({ at, actor: null, update: new Uint8Array([1]) });
		await ahead.appendUpdates('a', [entry(100)]);
		expect(await behind.appendUpdates('a', [entry(50), entry(60)])).toBe(3);
		await ahead.appendUpdates('a', [entry(120)]);
		expect((await behind.readUpdates('a', 0)).map((update) => update.at)).toEqual([100, 100, 100, 120]);
		expect(await behind.seqAt('a', 99)).toBe(0);
		expect(await behind.seqAt('a', 100)).toBe(3);
	});

	it('[PG2] two child processes started at one moment, 2×500 appends: dense seqs, each append told its own', async () => {
		const url = await database.freshSchema();
		const workers = await Promise.all([startWorker(url, 'left'), startWorker(url, 'right')]);
		const results = (await Promise.all(workers.map((worker) => worker.go()))).flat();
		const reader = await openPostgresStorage(testPostgresSettings(url));
		opened.push(reader);
		const log = await reader.readUpdates(CONTENDED_BOARD, 0);
		expect(logProblems(log, results)).toEqual([]);
		// Both really wrote while the other did: their appends interleave in the log.
		const switches = log.filter((entry, position) => position > 0 && entry.actor !== log[position - 1]!.actor).length;
		expect(switches).toBeGreaterThan(1);
	});
});
