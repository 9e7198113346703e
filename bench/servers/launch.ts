/**
 * Starts one server under test in its own process on 127.0.0.1 and a free port, and names the
 * board the load process should join:
 * - ours: the compiled entry `npm start` runs (`build/node-server/index.mjs`, plain node, no loader)
 *   with a fresh DATA_DIR, so its SQLite log is on and empty; the board is created through the
 *   HTTP API like any client would.
 * - hocuspocus: bench/servers/hocuspocus.mjs (defaults, plain node).
 * - floor: bench/servers/floor.ts, the least work per delivery (a relay of pre-framed buffers).
 * - y-websocket: the reference server's own entry (`@y/websocket-server`'s src/server.js),
 *   unmodified; it cannot listen on port 0 and report the port, so we pick a free one first.
 * A fresh process per run: the reference server never forgets a document, and idle memory only
 * means something in a process that has served nothing yet.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { API, YJS_PATH } from '../../src/lib/protocol/endpoints';
import type { ServerKind, Target } from '../load/messages';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
/** What `npm start` runs after making sure the build is current (scripts/ensure-build.mjs). */
export const COMPILED_SERVER = 'build/node-server/index.mjs';
const START_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 3_000;

export interface RunningServer {
	readonly pid: number;
	readonly target: Target;
	/** A cluster's node processes (pid is the first); absent for one process. */
	readonly pids?: number[];
	/**
	 * Processes doing this server's work outside it — PostgreSQL backends of its database, the
	 * Redis server — read at the steady window's start: measured apart, and not "other load".
	 */
	helperPids?(): Promise<HelperPids>;
	/** What it printed, for error messages (last 20 kB). */
	output(): string;
	/** SIGTERM, then SIGKILL after a grace period; removes its data directory. */
	stop(): Promise<void>;
}

export interface HelperPids {
	database: number[];
	redis: number[];
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = net.createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			probe.close(() => resolve(port));
		});
	});
}

/**
 * `BENCH_PROFILE_DIR=dir` runs servers and load processes under `--cpu-prof`, writing a V8 CPU
 * profile per process into dir when it exits cleanly (what limits a server at 1 000 updates/s).
 */
export function profileArgs(): string[] {
	const dir = process.env.BENCH_PROFILE_DIR;
	return dir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(dir)}`] : [];
}

export function spawnServer(args: string[], env: Record<string, string>, listening: RegExp): Promise<{ child: ChildProcess; port: number; output: () => string }> {
	const child = spawn(process.execPath, [...profileArgs(), ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	// Always drained: a full stdout pipe would stall the server under test.
	const keep = (chunk: Buffer) => {
		output = (output + chunk.toString()).slice(-20_000);
	};
	child.stdout?.on('data', keep);
	child.stderr?.on('data', keep);
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => fail(`did not listen within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
		const fail = (why: string) => {
			clearTimeout(timer);
			child.kill('SIGKILL');
			reject(new Error(`${args.join(' ')} ${why}:\n${output}`));
		};
		child.once('exit', (code) => fail(`exited early (${code})`));
		const check = () => {
			const match = listening.exec(output);
			if (!match) return;
			clearTimeout(timer);
			child.stdout?.off('data', check);
			child.removeAllListeners('exit');
			resolve({ child, port: Number(match[1]), output: () => output });
		};
		child.stdout?.on('data', check);
	});
}

export function stopper(child: ChildProcess, cleanup: () => void): () => Promise<void> {
	return () =>
		new Promise((resolve) => {
			const done = () => {
				clearTimeout(timer);
				cleanup();
				resolve();
			};
			if (child.exitCode !== null || child.signalCode !== null) return done();
			const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
			child.once('exit', done);
			child.kill('SIGTERM');
		});
}

export async function createBoard(port: number): Promise<string> {
	const response = await fetch(`http://127.0.0.1:${port}${API.boards}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ title: 'bench' })
	});
	const body = (await response.json()) as { id?: string };
	if (response.status !== 201 || !body.id) throw new Error(`creating the bench board failed: ${response.status} ${JSON.stringify(body)}`);
	return body.id;
}

/** `env` is added to ours' environment (e.g. SEED_DEMO=true for the browser part). */
/** `withBoard: false` starts ours without creating the bench board: a server that has served nothing. */
export async function startServer(kind: ServerKind, room: string, env: Record<string, string> = {}, { withBoard = true } = {}): Promise<RunningServer> {
	if (kind === 'ours') {
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-bench-'));
		// The bench opens ~1 000 sockets from 127.0.0.1, past the per-address cap meant for real hosts.
		const ownEnv = { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'info', MAX_CONNECTIONS_PER_ADDRESS: '5000', ...env };
		const cleanup = () => fs.rmSync(dataDir, { recursive: true, force: true });
		const { child, port, output } = await spawnServer([COMPILED_SERVER], ownEnv, /listening on http:\/\/[^:]+:(\d+)/).catch(
			(error: Error) => {
				cleanup();
				throw error;
			}
		);
		try {
			const boardId = withBoard ? await createBoard(port) : room;
			const target: Target = { kind, dialect: 'y-websocket', serverUrl: `ws://127.0.0.1:${port}${YJS_PATH}`, room: boardId };
			return { pid: child.pid ?? 0, target, output, stop: stopper(child, cleanup) };
		} catch (error) {
			await stopper(child, cleanup)();
			throw error;
		}
	}
	if (kind === 'hocuspocus') {
		const { child, port, output } = await spawnServer(['bench/servers/hocuspocus.mjs'], { PORT: '0' }, /listening on http:\/\/[^:]+:(\d+)/);
		const target: Target = { kind, dialect: 'hocuspocus', serverUrl: `ws://127.0.0.1:${port}`, room };
		return { pid: child.pid ?? 0, target, output, stop: stopper(child, () => undefined) };
	}
	if (kind === 'floor') {
		const { child, port, output } = await spawnServer(['--import', 'tsx', 'bench/servers/floor.ts'], { PORT: '0' }, /listening on http:\/\/[^:]+:(\d+)/);
		const target: Target = { kind, dialect: 'y-websocket', serverUrl: `ws://127.0.0.1:${port}`, room };
		return { pid: child.pid ?? 0, target, output, stop: stopper(child, () => undefined) };
	}
	const entry = path.join(path.dirname(createRequire(import.meta.url).resolve('@y/websocket-server/package.json')), 'src/server.js');
	const port = await freePort();
	const { child, output } = await spawnServer([entry], { HOST: '127.0.0.1', PORT: String(port) }, /running at '[^']+' on port (\d+)/);
	const target: Target = { kind, dialect: 'y-websocket', serverUrl: `ws://127.0.0.1:${port}`, room };
	return { pid: child.pid ?? 0, target, output, stop: stopper(child, () => undefined) };
}
