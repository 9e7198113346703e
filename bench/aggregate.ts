/**
 * From repeats to one row per server and load point: the median of each figure over the repeats
 * (each figure on its own), how many repeats ran on a busy machine, and the errors. Ratios compare
 * ours with the best peer, so the table says at a glance where we stand, and every server's CPU per
 * delivered update with the floor's (the least work a delivery can cost here).
 */
import { FLOOR, PEERS, type LoadPoint } from './config';
import type { ServerKind } from './load/messages';
import type { RunMeasurement } from './measure';
import { best, median } from './metrics/stats';

/** Other processes using more than this many cores during a steady window make a run "busy". */
export const BUSY_CORES = 0.25;

export interface Row {
	kind: ServerKind;
	point: LoadPoint;
	runs: number;
	failed: number;
	busy: number;
	p50: number | null;
	p95: number | null;
	p99: number | null;
	lastP50: number | null;
	lastP99: number | null;
	delivered: number | null;
	/** The worst repeat's delivery: a target of 100 % must hold in every repeat. */
	deliveredMin: number | null;
	probeDelivered: number | null;
	cpu: number | null;
	/** Server CPU time per delivered (watcher, update) pair, in µs. */
	cpuPerDelivery: number | null;
	harnessCpu: number | null;
	achievedRate: number | null;
	messagesPerSecond: number | null;
	rssIdle: number | null;
	rssConnected: number | null;
	rssPeak: number | null;
	/** The highest peak over the repeats, for the memory-bound target. */
	rssPeakMax: number | null;
	connectSeconds: number | null;
	errors: string[];
}

/** Core-seconds per second ÷ deliveries per second, in µs; null without a result or a delivery. */
function cpuPerDelivery(run: RunMeasurement, point: LoadPoint): number | null {
	const deliveriesPerSecond = run.load ? run.load.achievedRate * point.watchers * run.load.delivered : 0;
	return run.serverCpu === null || deliveriesPerSecond <= 0 ? null : (run.serverCpu / deliveriesPerSecond) * 1e6;
}

export function aggregate(kind: ServerKind, point: LoadPoint, runs: RunMeasurement[]): Row {
	const ok = runs.filter((run) => run.load !== null);
	const m = (pick: (run: RunMeasurement) => number | null | undefined) => median(ok.map(pick));
	return {
		kind,
		point,
		runs: runs.length,
		failed: runs.length - ok.length,
		busy: runs.filter((run) => (run.otherCpu ?? 0) > BUSY_CORES).length,
		p50: m((run) => run.load?.perReceiver.p50),
		p95: m((run) => run.load?.perReceiver.p95),
		p99: m((run) => run.load?.perReceiver.p99),
		lastP50: m((run) => run.load?.toLast.p50),
		lastP99: m((run) => run.load?.toLast.p99),
		delivered: m((run) => run.load?.delivered),
		deliveredMin: ok.length === 0 ? null : Math.min(...ok.map((run) => run.load?.delivered ?? 0)),
		probeDelivered: m((run) => run.load?.probeDelivered),
		cpu: m((run) => run.serverCpu),
		cpuPerDelivery: m((run) => cpuPerDelivery(run, point)),
		harnessCpu: m((run) => run.harnessCpu),
		achievedRate: m((run) => run.load?.achievedRate),
		messagesPerSecond: m((run) => run.load?.framesPerWatcherSecond),
		rssIdle: median(runs.map((run) => run.rssIdle)),
		rssConnected: m((run) => run.rssConnected),
		rssPeak: median(runs.map((run) => run.rssPeak)),
		rssPeakMax: runs.reduce<number | null>((max, run) => (run.rssPeak === null ? max : Math.max(max ?? 0, run.rssPeak)), null),
		connectSeconds: m((run) => run.load?.connectSeconds),
		errors: runs.flatMap((run) => (run.error ? [run.error.split('\n')[0] ?? run.error] : []))
	};
}

/**
 * Whether a peer counts as "best peer": it ran, and it delivered at least 99 % of updates (median).
 * A server that drops most updates also spends less CPU on them; it is no yardstick for either.
 */
export function isContender(row: Row): boolean {
	return row.failed < row.runs && (row.delivered ?? 0) >= 0.99;
}

export interface Ratio {
	point: LoadPoint;
	/** Which peer is the best for that figure, and ours ÷ its value. */
	lastP99: { peer: ServerKind | null; ratio: number | null };
	p99: { peer: ServerKind | null; ratio: number | null };
	cpu: { peer: ServerKind | null; ratio: number | null };
	/** Each server's CPU per delivered update ÷ the floor's. */
	perDeliveryToFloor: { kind: ServerKind; ratio: number | null }[];
}

function ratioToBest(ours: Row | undefined, peers: Row[], pick: (row: Row) => number | null): { peer: ServerKind | null; ratio: number | null } {
	const values = peers.map(pick);
	const bestValue = best(values);
	const peer = bestValue === null ? null : (peers[values.indexOf(bestValue)]?.kind ?? null);
	const mine = ours ? pick(ours) : null;
	if (mine === null || bestValue === null) return { peer, ratio: null };
	if (!Number.isFinite(bestValue)) return { peer, ratio: Number.isFinite(mine) ? 0 : null };
	return { peer, ratio: bestValue > 0 ? mine / bestValue : null };
}

export function ratios(rows: Row[], points: LoadPoint[]): Ratio[] {
	return points.map((point) => {
		const here = rows.filter((row) => row.point.label === point.label);
		const ours = here.find((row) => row.kind === 'ours');
		const peers = here.filter((row) => PEERS.includes(row.kind) && isContender(row));
		const floor = here.find((row) => row.kind === FLOOR)?.cpuPerDelivery ?? null;
		return {
			point,
			lastP99: ratioToBest(ours, peers, (row) => row.lastP99),
			p99: ratioToBest(ours, peers, (row) => row.p99),
			cpu: ratioToBest(ours, peers, (row) => row.cpu),
			perDeliveryToFloor: here
				.filter((row) => row.kind !== FLOOR)
				.map((row) => ({ kind: row.kind, ratio: floor && row.cpuPerDelivery !== null ? row.cpuPerDelivery / floor : null }))
		};
	});
}
