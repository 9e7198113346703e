/**
 * A PostgreSQL of the test's own — its own cluster in a temp folder, its own port — for fault
 * tests that stop and restart it. The machine's shared PostgreSQL (TEST_DATABASE_URL, usually
 * 127.0.0.1:5432) holds every other test file's database: stopping it would fail them, so fault
 * tests never touch it. Unlike the private Redis, data survives a stop/start (the log of record
 * must outlive a restart), though not the machine crashing (fsync is off, for speed).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort, OUTPUT_LIMIT, serviceLifeCycle, type ServiceLifeCycle } from './private-service';
import { waitFor } from './wait-for';

/**
 * `stop`: `pg_ctl stop -m fast` (open connections are cut), resolved once the server has exited;
 * `start`: again on the same port and data folder, resolved once `SELECT 1` answers.
 */
export interface PrivatePostgres extends ServiceLifeCycle {
	readonly port: number;
	/** postgres://postgres@127.0.0.1:<port>/postgres (trust auth: no password) */
	readonly url: string;
}

const START_TIMEOUT_MS = 30_000;
/** Small, so a cluster starts fast and several fit beside the shared one (shared memory is tight in containers). */
const SERVER_OPTIONS = ['-c listen_addresses=127.0.0.1', '-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off', '-c shared_buffers=16MB', '-c max_connections=50'];

/** initdb and postgres refuse to run as root, and tests run as root in CI: there they run as `postgres`. */
const asRoot = () => process.getuid?.() === 0;

/** The newest /usr/lib/postgresql/<version>/bin holding initdb (Debian's layout; versions sit side by side). */
export function postgresBinDir(root = '/usr/lib/postgresql'): string | null {
	const versions = existsSync(root) ? readdirSync(root).filter((name) => /^\d+(\.\d+)?$/.test(name)) : [];
	versions.sort((a, b) => Number(b) - Number(a));
	const bins = versions.map((version) => path.join(root, version, 'bin'));
	return bins.find((bin) => existsSync(path.join(bin, 'initdb')) && existsSync(path.join(bin, 'pg_ctl'))) ?? null;
}

/** Null if a private cluster can be made here, else why not (the test file's reason to skip). */
export function privatePostgresMissing(): string | null {
	if (!postgresBinDir()) return 'no initdb/pg_ctl under /usr/lib/postgresql/<version>/bin';
	if (asRoot() && spawnSync('id', ['-u', 'postgres']).status !== 0) return 'running as root, with no postgres OS user to run initdb as';
	return null;
}

/** Runs a PostgreSQL program to its end in `cwd` (as `postgres` when we are root), rejecting with its output. */
function run(program: string, args: string[], cwd: string): Promise<string> {
	const [file, argv] = asRoot() ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
	return new Promise((resolve, reject) => {
		const child = spawn(file, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
		let output = '';
		const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-OUTPUT_LIMIT));
		child.stdout.on('data', keep);
		child.stderr.on('data', keep);
		child.once('error', (error) => reject(new Error(`${path.basename(program)} could not run: ${error.message}`)));
		child.once('close', (code, signal) => {
			if (code === 0) resolve(output);
			else reject(new Error(`${path.basename(program)} ${args[0]} failed (${signal ?? `exit ${code}`}):\n${output}`));
		});
	});
}

async function answersSelect1(url: string): Promise<boolean> {
	const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
	client.on('error', () => undefined); // a server going away mid-probe must not crash the test process
	try {
		await client.connect();
		return (await client.query('SELECT 1 AS one')).rows[0]?.one === 1;
	} finally {
		await client.end().catch(() => undefined);
	}
}

/** initdb's a fresh cluster in a temp folder, starts it on a free port, resolves once it answers. */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
	const bin = postgresBinDir();
	if (!bin) throw new Error(privatePostgresMissing() ?? 'no PostgreSQL binaries');
	const port = await freePort();
	const dir = mkdtempSync(path.join(os.tmpdir(), 'sb-postgres-'));
	const data = path.join(dir, 'data');
	const log = path.join(dir, 'postgres.log');
	const logTail = () => (existsSync(log) ? readFileSync(log, 'utf8').slice(-OUTPUT_LIMIT) : '(no log)');
	let running = false;
	const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
	const start = async () => {
		if (running) return;
		// The socket goes to our own folder (-k), not /var/run/postgresql where the shared one's lives.
		const options = [`-p ${port}`, `-k "${dir}"`, ...SERVER_OPTIONS].join(' ');
		await run(path.join(bin, 'pg_ctl'), ['start', '-D', data, '-l', log, '-w', '-t', '30', '-o', options], dir).catch((error: Error) => {
			throw new Error(`${error.message}\n--- postgres log ---\n${logTail()}`);
		});
		running = true;
		// pg_ctl -w already waited for "ready"; a real query over TCP is what the tests will do.
		await waitFor(() => answersSelect1(url), { timeoutMs: START_TIMEOUT_MS, what: `SELECT 1 on port ${port}` });
	};
	const stop = async () => {
		if (!running) return;
		await run(path.join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', 'fast', '-w', '-t', '30'], dir);
		running = false;
	};
	const cleanup = () => {
		// Synchronous (it also runs in the 'exit' hook): SIGQUIT is PostgreSQL's immediate shutdown,
		// which, unlike SIGKILL, still removes its shared memory. The folder goes with it.
		try {
			process.kill(Number(readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]), 'SIGQUIT');
		} catch {
			// no pid file, or no such process: nothing left running
		}
		rmSync(dir, { recursive: true, force: true });
	};
	const prepare = async () => {
		if (asRoot()) execFileSync('chown', ['postgres', dir]);
		await run(path.join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C'], dir);
	};
	const cycle = await serviceLifeCycle(`the private PostgreSQL on port ${port}`, { start, stop, cleanup, prepare });
	return { ...cycle, port, url };
}
