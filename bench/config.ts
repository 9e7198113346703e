/**
 * What the bench measures and for how long. The full run must finish within ten minutes on the
 * two-core bench machine (three servers × six load points × repeats, plus the browser part), so
 * each run is a short steady window after a warm-up; repeats give a median. `--quick` is a smoke
 * test: one repeat, shorter windows. Flags: --quick, --repeats=N, --only=ours,hocuspocus,
 * --points=N200@100,..., --no-browser, --no-load, --no-replay; --cluster runs only the cluster section
 * (bench/cluster/: N200@100 on SQLite, PostgreSQL and two cluster nodes).
 */
import type { LoadPlan, ServerKind } from './load/messages';

export interface LoadPoint {
	/** Short label used in tables and in --points, e.g. `N200@1000`. */
	label: string;
	watchers: number;
	rate: number;
	/** Repeats for this point (the median is reported). */
	repeats: number;
}

export interface BenchConfig {
	quick: boolean;
	/** A chosen subset (--only, --points, --repeats, --no-load): its report is not the day's full table. */
	partial: boolean;
	servers: ServerKind[];
	points: LoadPoint[];
	/** Everything of a run's plan but watchers and rate, which come from the point. */
	plan: Omit<LoadPlan, 'watchers' | 'rate'>;
	browser: boolean;
	load: boolean;
	replay: boolean;
	/** `--cluster`: only the cluster section (bench/cluster/run-cluster.ts), nothing else. */
	cluster: boolean;
}

export const ALL_SERVERS: ServerKind[] = ['ours', 'hocuspocus', 'y-websocket', 'floor'];
/** The servers a team would otherwise pick: "best peer" is the best of these. */
export const PEERS: readonly ServerKind[] = ['hocuspocus', 'y-websocket'];
export const FLOOR: ServerKind = 'floor';

/** The load points the issue asks for, in order of rising load. */
const POINTS: [watchers: number, rate: number][] = [
	[50, 100],
	[200, 100],
	[1000, 100],
	[200, 400],
	[200, 1000],
	[200, 2000]
];

function flag(args: string[], name: string): string | null {
	const match = args.find((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
	if (!match) return null;
	return match.includes('=') ? match.slice(match.indexOf('=') + 1) : '';
}

export function readConfig(args: string[]): BenchConfig {
	const quick = flag(args, 'quick') !== null;
	const repeats = Number(flag(args, 'repeats') ?? (quick ? 1 : 3));
	if (!Number.isInteger(repeats) || repeats < 1 || repeats > 9) throw new Error('--repeats must be 1..9');
	const only = flag(args, 'only');
	const servers = only ? ALL_SERVERS.filter((kind) => only.split(',').includes(kind)) : ALL_SERVERS;
	const wanted = flag(args, 'points')?.split(',');
	const points = POINTS.map(([watchers, rate]) => ({ label: `N${watchers}@${rate}`, watchers, rate, repeats })).filter(
		(point) => !wanted || wanted.includes(point.label)
	);
	const partial = ['only', 'points', 'repeats', 'no-load'].some((name) => flag(args, name) !== null);
	return {
		quick,
		partial,
		servers,
		points,
		plan: {
			// Four probes: enough to see that real documents get everything, cheap enough at 2 000/s.
			probes: 4,
			writers: 4,
			connectConcurrency: 50,
			connectTimeoutMs: 20_000,
			warmupMs: quick ? 500 : 1_000,
			steadyMs: quick ? 1_500 : 3_000,
			drainMs: quick ? 1_500 : 2_000
		},
		browser: flag(args, 'no-browser') === null,
		load: flag(args, 'no-load') === null,
		replay: flag(args, 'no-replay') === null,
		cluster: flag(args, 'cluster') !== null
	};
}
