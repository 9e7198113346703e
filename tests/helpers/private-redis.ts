/**
 * A Redis of the test's own — its own process, port and folder — for fault tests that stop and
 * restart it. The machine's shared Redis (TEST_REDIS_URL, usually 127.0.0.1:6379) serves every
 * test file running at once: stopping it would fail unrelated tests, so fault tests never touch it.
 *
 * Nothing is persisted (`--save ""`, no AOF): after a restart it is empty, like a Redis that lost
 * its memory — which is the fault the tests are about — and no file is ever written.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort, OUTPUT_LIMIT, serviceLifeCycle, type ServiceLifeCycle } from './private-service';
import { waitFor } from './wait-for';

/** `stop`: SIGTERM (SIGKILL if it lingers), resolved once exited; `start`: again on the same port, resolved once it answers PING. */
export interface PrivateRedis extends ServiceLifeCycle {
	readonly port: number;
	/** redis://127.0.0.1:<port> */
	readonly url: string;
}

const START_TIMEOUT_MS = 10_000;
const STOP_GRACE_MS = 5_000;

/** Null if redis-server can be run here, else why not (the test file's reason to skip). */
export function privateRedisMissing(): string | null {
	const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
	if (probe.error) return `redis-server cannot be run (${probe.error.message})`;
	return probe.status === 0 ? null : `redis-server --version failed: ${probe.stderr || probe.stdout}`;
}

/** True if a Redis on `port` answers PING. Raw RESP, as probeRedis asks: no client whose own
 * reconnecting could blur when the server really came up. A loading Redis answers -LOADING: false. */
function answersPing(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		const done = (ok: boolean) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(1_000, () => done(false));
		socket.on('error', () => done(false));
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (data) => done(data.toString().startsWith('+PONG')));
	});
}

/** Starts a private redis-server on a free 127.0.0.1 port and resolves once it answers PING. */
export async function startPrivateRedis(): Promise<PrivateRedis> {
	const port = await freePort();
	const dir = mkdtempSync(path.join(os.tmpdir(), 'sb-redis-'));
	let child: ChildProcess | null = null;
	let exited: Promise<void> = Promise.resolve();
	let output = '';

	const start = async () => {
		if (child) return;
		output = '';
		const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir];
		const proc = spawn('redis-server', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
		child = proc;
		let gone = false;
		const keep = (chunk: Buffer | string) => (output = (output + chunk.toString()).slice(-OUTPUT_LIMIT));
		proc.stdout?.on('data', keep);
		proc.stderr?.on('data', keep);
		exited = new Promise<void>((resolve) => {
			proc.once('exit', () => resolve());
			// A spawn that fails (no binary) emits 'error' and may never emit 'exit'.
			proc.once('error', (error) => {
				keep(`\n${error.message}\n`);
				resolve();
			});
		}).then(() => {
			gone = true;
		});
		// Poll until it answers, but stop at once if it died (port taken, bad flag): waiting out
		// the timeout would only hide the reason, which is in its output.
		const outcome = await waitFor(async () => (gone ? 'exited' : (await answersPing(port)) && 'ready'), {
			timeoutMs: START_TIMEOUT_MS,
			what: `redis-server on port ${port} to answer PING`
		}).catch((error: Error) => error.message);
		if (outcome !== 'ready') {
			await stop();
			throw new Error(`private redis-server on port ${port} did not start (${outcome}); its output:\n${output}`);
		}
	};
	const stop = async () => {
		const proc = child;
		if (!proc) return;
		proc.kill('SIGTERM');
		const timer = setTimeout(() => proc.kill('SIGKILL'), STOP_GRACE_MS);
		await exited;
		clearTimeout(timer);
		child = null;
	};
	const cleanup = () => {
		child?.kill('SIGKILL');
		rmSync(dir, { recursive: true, force: true });
	};
	const cycle = await serviceLifeCycle(`the private Redis on port ${port}`, { start, stop, cleanup });
	return { ...cycle, port, url: `redis://127.0.0.1:${port}` };
}
