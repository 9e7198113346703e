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
import { busiestOther, CpuWindow, otherCores, otherProcessesCpu, RssSampler, rssBytes } from './metrics/proc';
import { profileArgs, REPO_ROOT, startServer, type HelperPids, type RunningServer } from './servers/launch';

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
	/** The busiest other process over that window and its cores, to tell what the other load was. */
	otherTop: string | null;
	/** Per node of a cluster, its CPU over the steady window (one entry for one process). */
	nodeCpu: number[] | null;
	/** PostgreSQL backends of the run's own database, and the Redis server, over that window (cores). */
	databaseCpu: number | null;
	redisCpu: number | null;
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

const sumShares = (windows: CpuWindow[]): number | null => {
	const shares = windows.map((window) => window.share());
	return shares.some((share) => share === null) ? null : shares.reduce<number>((sum, share) => sum + (share ?? 0), 0);
};

/**
 * Helpers' cores between two snapshots of every other process: which pids are helpers is only
 * asked after the window (a pool may open connections, so new backends, during the warm-up).
 */
function helperCores(before: Map<number, number>, after: Map<number, number>, helpers: number[], seconds: number): number {
	let used = 0;
	for (const pid of helpers) used += (after.get(pid) ?? 0) - (before.get(pid) ?? 0);
	return seconds > 0 ? Math.max(0, used) / seconds : 0;
}

/** `start` launches the server (a cluster run passes its own launcher; by default startServer(kind)). */
export async function measureRun(
	kind: ServerKind,
	point: LoadPoint,
	basePlan: Omit<LoadPlan, 'watchers' | 'rate'>,
	repeat: number,
	start: (room: string) => Promise<RunningServer> = (room) => startServer(kind, room)
): Promise<RunMeasurement> {
	const plan: LoadPlan = { ...basePlan, watchers: point.watchers, rate: point.rate };
	const result: RunMeasurement = { kind, point: point.label, load: null, error: null, serverCpu: null, harnessCpu: null, otherCpu: null, otherTop: null, nodeCpu: null, databaseCpu: null, redisCpu: null, rssIdle: null, rssConnected: null, rssPeak: null };
	// Started first so its modules load while the server starts.
	const client = startLoadProcess();
	const clientReady = new Promise<void>((resolve) => client.on('message', (m: FromLoad) => m.type === 'ready' && resolve()));
	let server: RunningServer | null = null;
	let rss: RssSampler | null = null;
	try {
		// Letters, digits and dashes only: the reference server takes the raw URL path as the name.
		server = await start(`bench-${point.watchers}w-${point.rate}r-${repeat}`);
		const pid = server.pid;
		const pids = server.pids ?? [pid];
		await sleep(IDLE_SETTLE_MS);
		result.rssIdle = rssBytes(pid);
		rss = new RssSampler(pid);
		await clientReady;
		const budgetMs = plan.connectTimeoutMs * 2 + plan.warmupMs + plan.steadyMs + plan.drainMs + 45_000;
		let nodeWindows: CpuWindow[] = [];
		let harnessWindow: CpuWindow | null = null;
		let othersBefore: Map<number, number> | null = null;
		const ours = new Set([process.pid, ...pids, client.pid ?? 0]);
		let helpers: Promise<void> = Promise.resolve();
		let steadyStarted = 0;
		result.load = await new Promise<LoadResult>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`run overstayed ${budgetMs} ms`)), budgetMs);
			client.on('exit', (code) => reject(new Error(`load process exited (${code}) without a result`)));
			client.on('message', (message: FromLoad) => {
				if (message.type === 'connected') result.rssConnected = rss?.sample() ?? null;
				else if (message.type === 'steady-start') {
					nodeWindows = pids.map((node) => new CpuWindow(node));
					harnessWindow = new CpuWindow(client.pid ?? 0);
					othersBefore = otherProcessesCpu(ours);
					steadyStarted = performance.now();
				} else if (message.type === 'steady-end') {
					result.nodeCpu = nodeWindows.map((window) => window.share() ?? Number.NaN);
					result.serverCpu = sumShares(nodeWindows);
					result.harnessCpu = harnessWindow?.share() ?? null;
					const seconds = (performance.now() - steadyStarted) / 1000;
					const before = othersBefore;
					const after = otherProcessesCpu(ours);
					if (before) {
						result.otherCpu = otherCores(before, after, seconds);
						result.otherTop = busiestOther(before, after, seconds);
					}
					// PostgreSQL and Redis work for the run: measured apart and taken out of "other load".
					const asking = server?.helperPids?.();
					if (before && asking)
						helpers = asking.then((found: HelperPids) => {
							result.databaseCpu = helperCores(before, after, found.database, seconds);
							result.redisCpu = helperCores(before, after, found.redis, seconds);
							result.otherCpu = Math.max(0, (result.otherCpu ?? 0) - result.databaseCpu - result.redisCpu);
							const rest = new Map(after);
							for (const helper of [...found.database, ...found.redis]) rest.delete(helper);
							result.otherTop = busiestOther(before, rest, seconds);
						}, () => undefined);
				} else if (message.type === 'result') {
					clearTimeout(timer);
					void helpers.then(() => resolve(message.result));
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
