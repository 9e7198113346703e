/**
 * The `--cluster` report: the N200@100 rows of ours on SQLite, on PostgreSQL and as a two-node
 * cluster (the full bench's load table, so the columns mean what bench/README.md says), the CPU of
 * each node and of the services next to them, and what the cluster's CPU per delivery predicts for
 * one board with 20 000 watchers spread over N nodes.
 */
import type { Row } from '../aggregate';
import { loadTable } from '../report';

export interface ClusterReportContext {
	date: string;
	machine: string;
	code: string;
	loadAtStart: string;
	/** Cores other processes used in the second before the start. */
	otherAtStart: number;
	plan: string;
	notes: string[];
}

export interface ClusterFigures {
	row: Row;
	nodes: number;
	/** Median CPU of each node over the steady window, in cores. */
	nodeCpu: (number | null)[];
	/** PostgreSQL backends of the run's database; the (shared) Redis server. */
	databaseCpu: number | null;
	redisCpu: number | null;
	otherCpu: number | null;
	/** Per run, the busiest other process and its cores. */
	otherTop: string[];
}

/** The prediction's crowd: one board, this many watchers, at the bench's 100 updates/s. */
export const CROWD = 20_000;
export const CROWD_RATE = 100;
/** The brief's 2–16, and 32: where the fixed + per-delivery line first fits under one busy core. */
export const CROWD_NODES = [2, 4, 8, 16, 32];

const core = (value: number | null) => (value === null || Number.isNaN(value) ? '–' : value.toFixed(2));
const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
const table = (header: string[], rows: string[][]) => [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');

function cpuTable(figures: ClusterFigures[]): string {
	return table(
		['server', 'load point', 'nodes', 'CPU per node (cores)', 'nodes together', 'PostgreSQL backends of its database', 'Redis server (shared)', 'deliveries/s per node', 'CPU µs per delivery', 'other processes (median)', 'busiest other process, per run'],
		figures.map((f) => {
			const deliveries = f.row.achievedRate !== null && f.row.delivered !== null ? (f.row.achievedRate * f.row.point.watchers * f.row.delivered) / f.nodes : null;
			return [
				f.row.kind,
				f.row.point.label,
				String(f.nodes),
				f.nodeCpu.map(core).join(' / '),
				core(f.row.cpu),
				core(f.databaseCpu),
				f.row.kind === 'ours-cluster' ? core(f.redisCpu) : 'n/a',
				deliveries === null ? '–' : deliveries.toFixed(0),
				f.row.cpuPerDelivery === null ? '–' : f.row.cpuPerDelivery.toFixed(2),
				core(f.otherCpu),
				f.otherTop.join('; ')
			];
		})
	);
}

/** Predicted cores per node for CROWD watchers on N nodes, linear in deliveries at `perDeliveryUs`. */
export function predict(perDeliveryUs: number, nodes: number): { watchers: number; deliveries: number; cores: number } {
	const watchers = CROWD / nodes;
	const deliveries = watchers * CROWD_RATE;
	return { watchers, deliveries, cores: (deliveries * perDeliveryUs) / 1e6 };
}

/**
 * A node's CPU as a straight line in its watchers at the bench's rate, through the cluster's two
 * rows: `fixed` cores whatever the watchers (every update applied, validated, logged or received,
 * the keyframe shadow) plus `perDeliveryUs` for each delivery. Null unless both rows ran and the
 * larger crowd cost more.
 */
export function twoPointModel(small: ClusterFigures | undefined, large: ClusterFigures | undefined): { fixed: number; perDeliveryUs: number } | null {
	if (!small || !large || small.row.cpu === null || large.row.cpu === null) return null;
	const w1 = small.row.point.watchers / small.nodes;
	const w2 = large.row.point.watchers / large.nodes;
	const c1 = small.row.cpu / small.nodes;
	const c2 = large.row.cpu / large.nodes;
	if (w2 <= w1 || c2 <= c1) return null;
	const perWatcher = (c2 - c1) / (w2 - w1);
	return { fixed: Math.max(0, c1 - perWatcher * w1), perDeliveryUs: (perWatcher / CROWD_RATE) * 1e6 };
}

const flagged = (cores: number) => `${cores.toFixed(2)}${cores > 0.8 ? ' (over 0.8: more nodes)' : ''}`;

function predictionTable(cluster: number, single: number | null, model: { fixed: number; perDeliveryUs: number } | null): string {
	return table(
		[
			'nodes N',
			'watchers per node',
			'deliveries/s per node',
			`linear at the cluster's ${cluster.toFixed(2)} µs per delivery (cores per node)`,
			...(single !== null ? [`linear at one SQLite node's ${single.toFixed(2)} µs`] : []),
			...(model ? [`fixed ${model.fixed.toFixed(2)} cores + ${model.perDeliveryUs.toFixed(2)} µs per delivery`] : [])
		],
		CROWD_NODES.map((nodes) => {
			const p = predict(cluster, nodes);
			return [
				String(nodes),
				p.watchers.toFixed(0),
				p.deliveries.toFixed(0),
				flagged(p.cores),
				...(single !== null ? [flagged(predict(single, nodes).cores)] : []),
				...(model ? [flagged(model.fixed + (p.deliveries * model.perDeliveryUs) / 1e6)] : [])
			];
		})
	);
}

export function renderClusterReport(context: ClusterReportContext, figures: ClusterFigures[]): string {
	const clusters = figures.filter((f) => f.row.kind === 'ours-cluster').sort((a, b) => a.row.point.watchers - b.row.point.watchers);
	const cluster = clusters[0]?.row.cpuPerDelivery ?? null;
	const single = figures.find((f) => f.row.kind === 'ours')?.row.cpuPerDelivery ?? null;
	const model = twoPointModel(clusters[0], clusters[1]);
	return [
		`# Situation Board bench, cluster section — ${context.date}`,
		'',
		`Machine: ${context.machine}. Load average at start: ${context.loadAtStart}; other processes ${context.otherAtStart.toFixed(2)} cores at start.`,
		`Code measured: ${context.code}.`,
		`Plan: ${context.plan}.`,
		'Columns: [bench/README.md](../README.md). For a cluster, "server CPU" is both nodes together and CPU µs per delivery is',
		'their CPU over every (watcher, update) pair delivered by either; RSS is node 1\'s.',
		'',
		'## Load: one board, 100 updates/s (N200 on each, and N1000 on the cluster)',
		'',
		loadTable(figures.map((f) => f.row)),
		'',
		'## CPU per node, and the services beside them',
		'',
		cpuTable(figures),
		'',
		'PostgreSQL and Redis run on the same two cores as the nodes and the load process: their CPU is',
		'measured apart (the backends of the run\'s own database exactly; the Redis server as a whole, so',
		'it includes anyone else using it at the time) and is not in the nodes\' figures.',
		'',
		`## Prediction: one board, ${CROWD.toLocaleString('en')} watchers, ${CROWD_RATE} updates/s, N nodes`,
		'',
		cluster === null
			? '_No prediction: the cluster runs gave no CPU per delivery._'
			: [
					predictionTable(cluster, single, model),
					'',
					`**Linear** (the brief's assumption): a node's CPU is proportional to the deliveries it makes (watchers on it ×`,
					`updates/s), at the cluster's ${cluster.toFixed(2)} µs per delivery at N200@100. The work a node does per *update*`,
					'whatever its watchers (the writer\'s node validates, applies and appends it to PostgreSQL and publishes it once;',
					'every other node receives it once from Redis and applies it; every node feeds its keyframe shadow) is spread',
					'over only 100 watchers a node in that figure, so the linear column overstates a node with thousands of',
					'watchers: an upper bound.',
					'',
					model
						? `**Fixed + per delivery**: the straight line through the cluster's two rows (${clusters[0]!.row.point.watchers / clusters[0]!.nodes} and ${clusters[1]!.row.point.watchers / clusters[1]!.nodes} watchers a node): per node ${model.fixed.toFixed(2)} cores at ${CROWD_RATE} updates/s whatever its watchers, plus ${model.perDeliveryUs.toFixed(2)} µs per delivery. Past a few hundred watchers the server merges queued updates into fewer messages (msg/s per watcher below ${CROWD_RATE}), which this slope includes and a larger crowd would use more: still an estimate from two points of one short run on a busy machine, not a measurement of 20 000.`
						: '_No fixed + per-delivery model: the cluster\'s second row is missing or did not cost more than the first._',
					'',
					'A Node.js node runs its JavaScript on one thread: above ~0.8 of a core latency climbs, so a prediction there',
					'means more nodes. `MAX_CONNECTIONS_PER_BOARD` (2 000 by default) counts per node: 20 000 watchers of one',
					'board need at least 10 nodes at the default, or a higher cap.'
				].join('\n'),
		'',
		'## Notes',
		'',
		...context.notes.map((note) => `- ${note}`),
		''
	].join('\n');
}
