/**
 * One measured run: a fresh server process, a fresh load process, one board. The load process
 * announces its phases; at each the server is read from /proc (idle and connected RSS, CPU over
 * the steady window, peak RSS sampled all along). The CPU of every other process over the same
 * window tells whether something else was running on the machine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { LoadPoint } from './config';
import type { FromLoad, LoadPlan, LoadResult, ServerKind, ToLoad } from './load/messages';
import { CpuWindow, otherCores, otherProcessesCpu, RssSampler, rssBytes } from './metrics/proc';
import { profileArgs, REPO_ROOT, startServer } from './servers/launch';

const IDLE_SETTLE_MS = 300;
const CLIENT_EXIT_GRACE_MS = 3_000;

export interface RunMeasurement {
	kind: ServerKind;
	point: string;
	load: LoadResult | null;
	error: string | null;
	/** Server CPU over the steady window, share of one core. */
	serverCpu: number | null;
	/** The load process's CPU over the same window (if near 1, the harness was the limit). */
	harnessCpu: number | null;
	/** CPU used by other processes on the machine over that window, in cores (busy machine if high). */
	otherCpu: number | null;
	rssIdle: number | null;
	rssConnected: number | null;
	rssPeak: number | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function startLoadProcess(): ChildProcess {
	return spawn(process.execPath, [...profileArgs(), '--import', 'tsx', path.join('bench', 'load', 'client.ts')], {
		cwd: REPO_ROOT,
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		// Structured clone over IPC: a lost update's latency is Infinity, which JSON would turn into null.
		serialization: 'advanced'
	});
}

export async function measureRun(kind: ServerKind, point: LoadPoint, basePlan: Omit<LoadPlan, 'watchers' | 'rate'>, repeat: number): Promise<RunMeasurement> {
	const plan: LoadPlan = { ...basePlan, watchers: point.watchers, rate: point.rate };
	const result: RunMeasurement = { kind, point: point.label, load: null, error: null, serverCpu: null, harnessCpu: null, otherCpu: null, rssIdle: null, rssConnected: null, rssPeak: null };
	// Started first so its modules load while the server starts.
	const client = startLoadProcess();
	const clientReady = new Promise<void>((resolve) => client.on('message', (m: FromLoad) => m.type === 'ready' && resolve()));
	let server: Awaited<ReturnType<typeof startServer>> | null = null;
	let rss: RssSampler | null = null;
	try {
		// Letters, digits and dashes only: the reference server takes the raw URL path as the name.
		server = await startServer(kind, `bench-${point.watchers}w-${point.rate}r-${repeat}`);
		const pid = server.pid;
		await sleep(IDLE_SETTLE_MS);
		result.rssIdle = rssBytes(pid);
		rss = new RssSampler(pid);
		await clientReady;
		const budgetMs = plan.connectTimeoutMs * 2 + plan.warmupMs + plan.steadyMs + plan.drainMs + 45_000;
		let serverWindow: CpuWindow | null = null;
		let harnessWindow: CpuWindow | null = null;
		let othersBefore: Map<number, number> | null = null;
		const ours = new Set([process.pid, pid, client.pid ?? 0]);
		let steadyStarted = 0;
		result.load = await new Promise<LoadResult>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`run overstayed ${budgetMs} ms`)), budgetMs);
			client.on('exit', (code) => reject(new Error(`load process exited (${code}) without a result`)));
			client.on('message', (message: FromLoad) => {
				if (message.type === 'connected') result.rssConnected = rss?.sample() ?? null;
				else if (message.type === 'steady-start') {
					serverWindow = new CpuWindow(pid);
					harnessWindow = new CpuWindow(client.pid ?? 0);
					othersBefore = otherProcessesCpu(ours);
					steadyStarted = performance.now();
				} else if (message.type === 'steady-end') {
					result.serverCpu = serverWindow?.share() ?? null;
					result.harnessCpu = harnessWindow?.share() ?? null;
					const seconds = (performance.now() - steadyStarted) / 1000;
					if (othersBefore) result.otherCpu = otherCores(othersBefore, otherProcessesCpu(ours), seconds);
				} else if (message.type === 'result') {
					clearTimeout(timer);
					resolve(message.result);
				} else if (message.type === 'error') {
					clearTimeout(timer);
					reject(new Error(message.message));
				}
			});
			client.send({ type: 'start', target: server!.target, plan } satisfies ToLoad);
		});
	} catch (error) {
		result.error = `${(error as Error).message}${server ? `\n--- server output ---\n${server.output().slice(-2_000)}` : ''}`;
	} finally {
		rss?.sample();
		rss?.stop();
		result.rssPeak = rss?.peak ?? null;
		// It exits by itself after the result (writing its CPU profile, if asked); a stuck one is killed.
		if (client.exitCode === null && client.signalCode === null) {
			const exited = new Promise((resolve) => client.once('exit', resolve));
			const killer = setTimeout(() => client.kill('SIGKILL'), CLIENT_EXIT_GRACE_MS);
			await exited;
			clearTimeout(killer);
		}
		await server?.stop();
	}
	return result;
}
