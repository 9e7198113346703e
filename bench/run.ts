/**
 * `npm run bench`: our server against Hocuspocus and the y-websocket reference server, one board
 * with N watchers at fixed update rates, then the browser figures; prints a markdown report and
 * writes it to bench/results/<date>.md (<date>-quick.md with --quick, <date>-partial.md for a
 * subset). Only coordinates: each run is measure.ts, figures come from aggregate.ts / targets.ts,
 * the text from report.ts.
 * Servers are interleaved within each repeat, so a noisy moment on the machine hits one repeat
 * of every server rather than every repeat of one.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { aggregate, BUSY_CORES, ratios, type Row } from './aggregate';
import { measureBrowser, type BrowserFigures } from './browser/figures';
import { readConfig } from './config';
import { measureRun, type RunMeasurement } from './measure';
import { measureMemory, memorySection } from './memory';
import { loadAverage } from './metrics/proc';
import { otherLoad, waitForQuiet } from './metrics/quiet';
import { renderReport } from './report';
import { replaySection } from './replay-step';
import { REPO_ROOT } from './servers/launch';
import { checkTargets } from './targets';
import { runClusterBench } from './cluster/run-cluster';

const started = performance.now();
/** Other processes above this many cores during a run's steady window: measure it again. */
const RETRY_BUSY_CORES = 0.5;
/**
 * Waiting for a calm machine and measuring again only spend spare time: what is left of this
 * deadline after the runs still to do (at the mean run time so far) and the browser and replay parts.
 */
const DEADLINE_MS = 12 * 60_000;
const TAIL_MS = 75_000;
const config = readConfig(process.argv.slice(2));
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;

/** A package's installed version, read from its folder (some packages do not export package.json). */
function version(name: string): string {
	try {
		const file = path.join(REPO_ROOT, 'node_modules', ...name.split('/'), 'package.json');
		return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
	} catch {
		return '?';
	}
}

/** Which code was measured: the commit, and whether tracked files had uncommitted changes. */
function codeVersion(): string {
	const git = (...args: string[]) => spawnSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' });
	const head = git('rev-parse', '--short', 'HEAD');
	if (head.status !== 0) return 'not a git checkout';
	const dirty = git('status', '--porcelain', '--untracked-files=no').stdout.trim() !== '';
	return `commit ${head.stdout.trim()}${dirty ? ' with uncommitted changes' : ''}`;
}

/** As `npm start` does: rebuilds (saying why) when the build is missing or older than its sources. */
function ensureBuild(): void {
	const result = spawnSync(process.execPath, ['scripts/ensure-build.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
	if (result.status !== 0) throw new Error('the build failed');
}

const fmt = (value: number | null | undefined, digits = 1) => (value == null ? '–' : Number.isFinite(value) ? value.toFixed(digits) : 'lost');

function progress(run: RunMeasurement, index: number, total: number, seconds: number): string {
	const head = `[${index}/${total}] ${run.point} ${run.kind}`.padEnd(34);
	if (!run.load) return `${head} FAILED: ${(run.error ?? '').split('\n')[0]}`;
	const l = run.load;
	return (
		`${head} p99 ${fmt(l.perReceiver.p99)} / last ${fmt(l.toLast.p99)} ms, delivered ${(l.delivered * 100).toFixed(2)} %, ` +
		`${l.framesPerWatcherSecond.toFixed(0)} msg/s, cpu ${fmt(run.serverCpu, 2)}, harness ${fmt(run.harnessCpu, 2)}, other ${fmt(run.otherCpu, 2)} (${seconds.toFixed(1)} s)`
	);
}

async function main(): Promise<void> {
	ensureBuild();
	const date = new Date().toISOString().slice(0, 10);
	const loadAtStart = loadAverage();
	const cpu = os.cpus();
	const machine = `${cpu.length} × ${cpu[0]?.model.trim() ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Linux ${os.release()}, Node ${process.version}`;
	if (config.cluster) {
		await runClusterBench(config, { date, machine, code: codeVersion(), loadAtStart });
		return;
	}
	const busyCores = await otherLoad(1_000);
	console.log(`bench: ${config.quick ? 'quick' : 'full'} run, load average ${loadAtStart}, other processes ${busyCores.toFixed(2)} cores`);

	const runs: RunMeasurement[] = [];
	let retried = 0;
	const failures: string[] = [];
	let waitedMs = 0;
	let runMs = 0;
	let runCount = 0;
	/** Spare time before the deadline, given `left` runs still to do. */
	const spareMs = (left: number) => DEADLINE_MS - (performance.now() - started) - (runCount > 0 ? runMs / runCount : 8_000) * left - TAIL_MS;
	const timed = async (...args: Parameters<typeof measureRun>) => {
		const t = performance.now();
		const run = await measureRun(...args);
		runMs += performance.now() - t;
		runCount++;
		return run;
	};
	const total = config.load ? config.points.reduce((sum, point) => sum + point.repeats * config.servers.length, 0) : 0;
	if (config.load) {
		for (const point of config.points) {
			for (let repeat = 0; repeat < point.repeats; repeat++) {
				for (const kind of config.servers) {
					const runStarted = performance.now();
					waitedMs += await waitForQuiet(Math.min(15_000, spareMs(total - runs.length)));
					let run = await timed(kind, point, config.plan, repeat);
					// A run disturbed by other work is measured once more while time allows; the calmer one counts.
					// So is a failed run, once: the failure is kept in the notes either way.
					const busy = (run.otherCpu ?? 0) > RETRY_BUSY_CORES;
					if ((busy || !run.load) && spareMs(total - runs.length) > 0) {
						console.log(`${progress(run, runs.length + 1, total, (performance.now() - runStarted) / 1000)} — ${busy ? 'busy' : 'failed'}, measuring again`);
						if (!run.load) failures.push(`${run.point} ${run.kind}: ${(run.error ?? '').split('\n')[0]}`);
						waitedMs += await waitForQuiet(Math.min(15_000, spareMs(total - runs.length)));
						const again = await timed(kind, point, config.plan, repeat);
						retried++;
						if (!run.load || (again.load && (again.otherCpu ?? 0) < (run.otherCpu ?? 0))) run = again;
					}
					runs.push(run);
					console.log(progress(run, runs.length, total, (performance.now() - runStarted) / 1000));
				}
			}
		}
	}
	const rows: Row[] = config.points.flatMap((point) =>
		config.servers.map((kind) => aggregate(kind, point, runs.filter((run) => run.kind === kind && run.point === point.label)))
	).filter((row) => row.runs > 0);

	const notes: string[] = [];
	let memory = '_Memory skipped (--no-load)._';
	if (config.load) {
		console.log(`bench: memory at rest (${elapsed()} so far)`);
		try {
			memory = memorySection(await measureMemory(config));
		} catch (error) {
			memory = `_Memory part failed: ${(error as Error).message.split('\n')[0]}_`;
		}
	}

	let browser: BrowserFigures | null = null;
	if (config.browser) {
		console.log(`bench: browser part (${elapsed()} so far)`);
		try {
			browser = await measureBrowser({ paintSamples: config.quick ? 1 : 3, panMs: config.quick ? 2_000 : 4_000 });
		} catch (error) {
			notes.push(`browser part failed: ${(error as Error).message.split('\n')[0]}`);
		}
	}

	console.log(`bench: replay (${elapsed()} so far)`);
	const replay = config.replay ? await replaySection(config.quick) : '_Replay skipped (--no-replay)._';

	const busyRuns = runs.filter((run) => (run.otherCpu ?? 0) > BUSY_CORES).length;
	notes.push(
		busyRuns === 0 && busyCores <= BUSY_CORES
			? 'The machine was otherwise idle: no run saw other processes above 0.25 cores.'
			: `The machine was busy: other processes used ${busyCores.toFixed(2)} cores before the start, and ${busyRuns}/${runs.length} runs saw more than ${BUSY_CORES} cores of other work during their steady window (marked per row).`
	);
	if (waitedMs > 1_000) notes.push(`The bench waited ${(waitedMs / 1000).toFixed(0)} s in all for other processes to calm down before runs (at most 15 s per run, and only while the bench stayed on course for ten minutes).`);
	if (retried > 0) notes.push(`${retried} runs were measured twice because other processes used over ${RETRY_BUSY_CORES} cores, or the run failed; the calmer (or successful) measurement counts.`);
	for (const failure of failures) notes.push(`A run failed and was measured again: ${failure}`);
	notes.push('Ours runs as `npm start` runs it: the compiled server on bare node, like the peers. The floor runs under tsx (it imports our framing), so its RSS is no figure; its CPU is.');
	notes.push(`Whole bench took ${elapsed()}.`);

	const report = renderReport(
		{
			date,
			mode: config.quick ? 'quick: 1 repeat, short windows — a smoke test, not figures to quote' : `full: median of ${config.points[0]?.repeats ?? 0} repeats`,
			machine,
			code: codeVersion(),
			versions: `yjs ${version('yjs')}, @hocuspocus/server ${version('@hocuspocus/server')}, @y/websocket-server ${version('@y/websocket-server')}, y-websocket ${version('y-websocket')} (probes), @hocuspocus/provider ${version('@hocuspocus/provider')} (probes)`,
			loadAtStart,
			plan: `${config.plan.writers} writers (each update a new pin via addPin, ≈250 bytes), ${config.plan.probes} of the N watchers are real providers, the rest light sockets; ${config.plan.connectConcurrency} handshakes in flight; warm-up ${config.plan.warmupMs / 1000} s, steady window ${config.plan.steadyMs / 1000} s, drain ≤ ${config.plan.drainMs / 1000} s; a fresh server process per run`,
			notes
		},
		rows,
		ratios(rows, config.points),
		checkTargets(rows),
		browser,
		replay,
		memory
	);
	console.log(`\n${report}`);
	const file = path.join(REPO_ROOT, 'bench', 'results', `${date}${config.quick ? '-quick' : config.partial ? '-partial' : ''}.md`);
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, report);
	console.log(`bench: wrote ${path.relative(REPO_ROOT, file)} in ${elapsed()}`);
}

main().then(
	() => process.exit(0),
	(error: Error) => {
		console.error(`bench failed: ${error.stack ?? error.message}`);
		process.exit(1);
	}
);
