/**
 * The markdown report: a header saying on what and how it was measured, one table of all servers
 * and load points (medians over repeats), ours ÷ best peer, the targets, and the browser figures.
 * Definitions of every column are in bench/README.md; the header links there.
 */
import type { Ratio, Row } from './aggregate';
import type { BrowserFigures } from './browser/figures';
import type { TargetVerdict } from './targets';

export interface ReportContext {
	date: string;
	mode: string;
	machine: string;
	code: string;
	versions: string;
	loadAtStart: string;
	plan: string;
	notes: string[];
}

const MB = 1024 * 1024;
const ms = (value: number | null) => (value === null ? '–' : Number.isFinite(value) ? value.toFixed(1) : 'lost');
const pct = (value: number | null) => (value === null ? '–' : value === 1 ? '100 %' : `${(Math.floor(value * 10_000) / 100).toFixed(2)} %`);
const core = (value: number | null) => (value === null ? '–' : value.toFixed(2));
const mb = (value: number | null) => (value === null ? '–' : (value / MB).toFixed(0));
const ratio = (r: { peer: string | null; ratio: number | null }) => (r.ratio === null ? '–' : `${r.ratio.toFixed(2)}× (${r.peer})`);

function table(header: string[], rows: string[][]): string {
	const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
	return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function rowNotes(row: Row): string {
	const notes: string[] = [];
	if (row.busy > 0) notes.push(`busy machine ${row.busy}/${row.runs}`);
	if (row.failed > 0) notes.push(`${row.failed}/${row.runs} failed: ${row.errors[0] ?? ''}`);
	if (row.probeDelivered !== null && row.probeDelivered < 1) notes.push(`probes got ${pct(row.probeDelivered)}`);
	if (row.achievedRate !== null && row.achievedRate < row.point.rate * 0.97) notes.push(`rate only ${row.achievedRate.toFixed(0)}/s`);
	if ((row.harnessCpu ?? 0) > 0.9) notes.push('harness near 1 core');
	return notes.join('; ');
}

export function loadTable(rows: Row[]): string {
	return table(
		[
			'load point',
			'server',
			'p50 ms',
			'p95 ms',
			'p99 ms',
			'p50 / p99 to last ms',
			'delivered',
			'msg/s per watcher',
			'server CPU (cores)',
			'CPU µs per delivery',
			'RSS idle / conn. / peak MB',
			'connect N s',
			'harness CPU',
			'repeats',
			'notes'
		],
		rows.map((row) => [
			`N=${row.point.watchers} @${row.point.rate}/s`,
			row.kind,
			ms(row.p50),
			ms(row.p95),
			ms(row.p99),
			`${ms(row.lastP50)} / ${ms(row.lastP99)}`,
			pct(row.delivered),
			row.messagesPerSecond === null ? '–' : row.messagesPerSecond.toFixed(0),
			core(row.cpu),
			row.cpuPerDelivery === null ? '–' : row.cpuPerDelivery.toFixed(2),
			`${mb(row.rssIdle)} / ${mb(row.rssConnected)} / ${mb(row.rssPeak)}`,
			row.connectSeconds === null ? '–' : row.connectSeconds.toFixed(2),
			core(row.harnessCpu),
			String(row.runs - row.failed),
			rowNotes(row)
		])
	);
}

export function ratioTable(ratiosByPoint: Ratio[]): string {
	const kinds = [...new Set(ratiosByPoint.flatMap((r) => r.perDeliveryToFloor.map((f) => f.kind)))];
	return table(
		[
			'load point',
			'p99 to last: ours ÷ best peer',
			'p99 per receiver: ours ÷ best peer',
			'CPU: ours ÷ best peer',
			...kinds.map((kind) => `CPU per delivery: ${kind} ÷ floor`)
		],
		ratiosByPoint.map((r) => [
			`N=${r.point.watchers} @${r.point.rate}/s`,
			ratio(r.lastP99),
			ratio(r.p99),
			ratio(r.cpu),
			...kinds.map((kind) => {
				const value = r.perDeliveryToFloor.find((f) => f.kind === kind)?.ratio ?? null;
				return value === null ? '–' : `${value.toFixed(2)}×`;
			})
		])
	);
}

export function targetTable(verdicts: TargetVerdict[]): string {
	return table(
		['target', 'verdict', 'figures'],
		verdicts.map((v) => [v.target, v.verdict === 'met' ? '**met**' : v.verdict, v.detail])
	);
}

export function browserTable(figures: BrowserFigures | null): string {
	if (!figures) return '_Browser part skipped or failed (see notes)._';
	return table(
		['figure', 'value', 'how'],
		figures.rows.map((row) => [row.figure, row.value, row.how])
	);
}

export function renderReport(
	context: ReportContext,
	rows: Row[],
	ratiosByPoint: Ratio[],
	verdicts: TargetVerdict[],
	browser: BrowserFigures | null,
	replay: string,
	memory: string
): string {
	return [
		`# Situation Board bench — ${context.date} (${context.mode})`,
		'',
		`Machine: ${context.machine}. Load average at start: ${context.loadAtStart}.`,
		`Code measured: ${context.code}. Versions: ${context.versions}.`,
		`Plan: ${context.plan}.`,
		'Method and column definitions: [bench/README.md](../README.md). Latencies are send → arrival at the',
		'watcher, in ms; an update not delivered before the drain window closed counts as infinitely late ("lost").',
		'',
		'## Load: one board, N watchers',
		'',
		rows.length > 0 ? loadTable(rows) : '_Load part skipped (--no-load)._',
		'',
		'## Ours ÷ best peer, and every server ÷ the floor (below 1 is better; the floor is the least a delivery costs)',
		'',
		rows.length > 0 ? ratioTable(ratiosByPoint) : '–',
		'',
		'## Memory at rest',
		'',
		memory,
		'',
		'## Targets (issue 17, and what stands of issue 7)',
		'',
		rows.length > 0 ? targetTable(verdicts) : '–',
		'',
		'## Browser and replay',
		'',
		browserTable(browser),
		'',
		replay,
		'',
		...(context.notes.length > 0 ? ['## Notes', '', ...context.notes.map((note) => `- ${note}`), ''] : [])
	].join('\n');
}
