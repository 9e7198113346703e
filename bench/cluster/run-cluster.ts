/**
 * `npm run bench -- --cluster`: the N200@100 point on ours three ways in one run — one node on
 * SQLite (what `npm start` runs), one node on PostgreSQL, and two nodes of a cluster (PostgreSQL +
 * Redis) with the watchers and writers split over them — so the cost of the log moving to
 * PostgreSQL and of the fan-out through Redis are each seen against the same machine at the same
 * moment. Writes bench/results/<date>-cluster.md. Kinds are interleaved within each repeat, as in
 * the full bench, so a noisy moment hits one repeat of each rather than every repeat of one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { aggregate, BUSY_CORES } from '../aggregate';
import type { BenchConfig, LoadPoint } from '../config';
import type { ClusterKind, ServerKind } from '../load/messages';
import { measureRun, type RunMeasurement } from '../measure';
import { otherLoad, waitForQuiet } from '../metrics/quiet';
import { median } from '../metrics/stats';
import { REPO_ROOT, startServer } from '../servers/launch';
import { CLUSTER_NODES, startNodes } from './nodes';
import { renderClusterReport, type ClusterFigures, type ClusterReportContext } from './report-cluster';

export const CLUSTER_KINDS: ServerKind[] = ['ours', 'ours-postgres', 'ours-cluster'];
/**
 * The cluster once more with 1 000 watchers (500 a node): CPU at two crowd sizes on the same
 * kind separates what a node spends per update whatever its watchers from what each watcher
 * adds, a better base for 20 000 watchers than one point's average (report-cluster.ts).
 */
const CROWD_POINT: LoadPoint = { label: 'N1000@100', watchers: 1000, rate: 100, repeats: 0 };
/** The whole section stays under four minutes: waiting for a calm machine only spends what is left. */
const DEADLINE_MS = 3.5 * 60_000;
/** A run's length on the bench machine, for the deadline (measured: 10–14 s with two nodes). */
const RUN_ESTIMATE_MS = 14_000;

export async function runClusterBench(config: BenchConfig, context: Omit<ClusterReportContext, 'otherAtStart' | 'notes' | 'plan'>): Promise<string> {
	const started = performance.now();
	const point: LoadPoint = { label: 'N200@100', watchers: 200, rate: 100, repeats: config.points[0]?.repeats ?? 3 };
	const crowd: LoadPoint = { ...CROWD_POINT, repeats: point.repeats };
	const otherAtStart = await otherLoad(1_000);
	console.log(`bench --cluster: ${point.repeats} repeats × ${CLUSTER_KINDS.join(', ')} at ${point.label}, ours-cluster at ${crowd.label}; other processes ${otherAtStart.toFixed(2)} cores`);
	const runs: RunMeasurement[] = [];
	const round: [ServerKind, LoadPoint][] = [...CLUSTER_KINDS.map((kind): [ServerKind, LoadPoint] => [kind, point]), ['ours-cluster', crowd]];
	const total = point.repeats * round.length;
	let waitedMs = 0;
	for (let repeat = 0; repeat < point.repeats; repeat++) {
		for (const [kind, at] of round) {
			const spare = DEADLINE_MS - (performance.now() - started) - (total - runs.length) * RUN_ESTIMATE_MS;
			waitedMs += await waitForQuiet(Math.max(0, Math.min(10_000, spare)));
			const t = performance.now();
			const start = kind === 'ours' ? (room: string) => startServer('ours', room) : () => startNodes(kind as ClusterKind);
			const run = await measureRun(kind, at, config.plan, repeat, start);
			runs.push(run);
			const l = run.load;
			console.log(
				`[${runs.length}/${total}] ${`${at.label} ${kind}`.padEnd(24)} ` +
					(l
						? `last p50/p99 ${l.toLast.p50?.toFixed(1)}/${l.toLast.p99?.toFixed(1)} ms, delivered ${(l.delivered * 100).toFixed(2)} %, ` +
							`cpu ${(run.nodeCpu ?? []).map((c) => c.toFixed(2)).join('+')}, pg ${run.databaseCpu?.toFixed(2) ?? '–'}, redis ${run.redisCpu?.toFixed(2) ?? '–'}, other ${run.otherCpu?.toFixed(2) ?? '–'} (top: ${run.otherTop ?? '–'})`
						: `FAILED: ${(run.error ?? '').split('\n')[0]}`) +
					` (${((performance.now() - t) / 1000).toFixed(1)} s)`
			);
		}
	}
	const figures: ClusterFigures[] = round.map(([kind, at]) => {
		const mine = runs.filter((run) => run.kind === kind && run.point === at.label);
		const ok = mine.filter((run) => run.load !== null);
		const nodes = kind === 'ours-cluster' ? CLUSTER_NODES : 1;
		return {
			row: aggregate(kind, at, mine),
			nodes,
			nodeCpu: Array.from({ length: nodes }, (_, index) => median(ok.map((run) => run.nodeCpu?.[index] ?? null))),
			databaseCpu: median(ok.map((run) => run.databaseCpu)),
			redisCpu: median(ok.map((run) => run.redisCpu)),
			otherCpu: median(mine.map((run) => run.otherCpu)),
			otherTop: mine.map((run) => run.otherTop).filter((top): top is string => top !== null)
		};
	});
	const busyRuns = runs.filter((run) => (run.otherCpu ?? 0) > BUSY_CORES).length;
	const notes = [
		`Other processes (not the bench, its nodes, nor the PostgreSQL backends of its database or the Redis server) used ${otherAtStart.toFixed(2)} cores before the start; ${busyRuns}/${runs.length} runs saw more than ${BUSY_CORES} cores of other work in their steady window (median per kind in the table).`,
		...(waitedMs > 1_000 ? [`The bench waited ${(waitedMs / 1000).toFixed(0)} s in all for other work to calm down (at most 10 s a run, within the four-minute budget).`] : []),
		`Whole cluster section took ${((performance.now() - started) / 1000).toFixed(0)} s.`
	];
	const plan = `${point.watchers} watchers (and ${crowd.watchers} for the cluster's second row), ${config.plan.writers} writers at ${point.rate} updates/s in total (each a new pin via addPin); cluster: the first half of the watchers and writers 1–2 on node 1, the rest on node 2 (${config.plan.probes} probes, 2 per node); warm-up ${config.plan.warmupMs / 1000} s, steady ${config.plan.steadyMs / 1000} s, drain ≤ ${config.plan.drainMs / 1000} s; every run fresh processes, a fresh PostgreSQL database (created and dropped by the bench) and a fresh Redis prefix`;
	const report = renderClusterReport({ ...context, otherAtStart, notes, plan }, figures);
	const file = path.join(REPO_ROOT, 'bench', 'results', `${context.date}-cluster${config.quick ? '-quick' : ''}.md`);
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, report);
	console.log(`\n${report}\nbench --cluster: wrote ${path.relative(REPO_ROOT, file)}`);
	return file;
}
