/**
 * Runs the real server as a child process on a free port with its own temporary DATA_DIR, so tests
 * can restart it, SIGKILL it, and read its log when something fails. By default from its sources
 * (`server/index.ts` under tsx: no build needed); `compiled` runs what `npm start` runs, the
 * JavaScript `npm run build` writes (build/node-server/index.mjs), with plain node.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { waitFor } from './wait-for';

export interface ServerProcess {
	readonly url: string;
	readonly wsUrl: string;
	readonly port: number;
	readonly dataDir: string;
	/** The server process's id, e.g. to read its memory from /proc. */
	readonly pid: number;
	/** Everything the server printed, for failure messages. */
	log(): string;
	/** True while the process has not exited (a hostile test's first question). */
	running(): boolean;
	/** SIGTERM and wait for a clean exit (flushes storage). */
	stop(): Promise<number | null>;
	/** SIGKILL: the crash case. */
	kill(): Promise<void>;
}

/** The compiled server `npm start` runs (scripts/build-server.mjs writes it). */
export const COMPILED_SERVER_ENTRY = 'build/node-server/index.mjs';

export function tempDataDir(label = 'sb'): string {
	return fs.mkdtempSync(path.join(os.tmpdir(), `${label}-`));
}

/** How long a SIGTERMed server may take to flush and exit (a few hundred ms normally). */
const STOP_GRACE_MS = 20_000;

const exited = (child: ChildProcess) =>
	new Promise<number | null>((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
		else child.once('exit', (code) => resolve(code));
	});

export async function startServer(
	options: { dataDir?: string; env?: Record<string, string>; port?: number; compiled?: boolean; nodeOptions?: string[] } = {}
): Promise<ServerProcess> {
	const dataDir = options.dataDir ?? tempDataDir();
	const entry = options.compiled ? [COMPILED_SERVER_ENTRY] : ['--import', 'tsx', 'server/index.ts'];
	const child = spawn(process.execPath, [...(options.nodeOptions ?? []), ...entry], {
		cwd: path.resolve(import.meta.dirname, '../..'),
		env: {
			...process.env,
			PORT: String(options.port ?? 0),
			HOST: '127.0.0.1',
			DATA_DIR: dataDir,
			LOG_LEVEL: 'info',
			ROOM_IDLE_MS: '200',
			SEED_DEMO: 'false',
			// A test file makes many boards and history queries from 127.0.0.1 in seconds; the
			// allowances themselves are tested with their own settings (caller-limits.test.ts).
			BOARDS_BURST: '100000',
			HISTORY_BURST: '100000',
			// SQLite in DATA_DIR unless a test asks for PostgreSQL: a DATABASE_URL in the shell that
			// runs the tests must not send every test server to one shared database.
			DATABASE_URL: '',
			...options.env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

	// 'close' comes after the last of its output, so a server that stops at once says why.
	let closed = false;
	child.once('close', () => (closed = true));
	const started = await waitFor(
		() => {
			if (closed) return { exited: true as const };
			const match = /listening on http:\/\/[^:]+:(\d+)/.exec(output);
			return match ? { port: Number(match[1]) } : null;
		},
		{ timeoutMs: 30_000, what: 'the server to listen' }
	).catch((error: Error) => {
		child.kill('SIGKILL');
		throw new Error(`${error.message}\n--- server log ---\n${output}`);
	});
	if ('exited' in started) throw new Error(`server exited early:\n${output}`);
	const { port } = started;

	return {
		url: `http://127.0.0.1:${port}`,
		wsUrl: `ws://127.0.0.1:${port}`,
		port,
		dataDir,
		pid: child.pid!,
		log: () => output,
		running: () => child.exitCode === null && child.signalCode === null,
		async stop() {
			child.kill('SIGTERM');
			// A server that does not exit on SIGTERM is a bug to see, not a hook to time out on:
			// killed after the grace, and the stop fails with the end of its log.
			const timer = new Promise<'lingered'>((resolve) => setTimeout(() => resolve('lingered'), STOP_GRACE_MS).unref());
			const outcome = await Promise.race([exited(child), timer]);
			if (outcome !== 'lingered') return outcome;
			child.kill('SIGKILL');
			await exited(child);
			throw new Error(`server on port ${port} did not exit within ${STOP_GRACE_MS} ms of SIGTERM; its log ends:\n${output.slice(-3000)}`);
		},
		async kill() {
			child.kill('SIGKILL');
			await exited(child);
		}
	};
}
