/**
 * The issue's targets, checked against the medians. The bench reports, it does not assert: each
 * target comes back as met / missed / not measured, with the figures it was judged on.
 */
import { isContender, type Row } from './aggregate';
import type { ServerKind } from './load/messages';

export interface TargetVerdict {
	target: string;
	verdict: 'met' | 'missed' | 'not measured';
	detail: string;
}

const ms = (value: number | null) => (value === null ? 'n/a' : Number.isFinite(value) ? `${value.toFixed(1)} ms` : 'lost');
const pct = (value: number | null) => (value === null ? 'n/a' : `${(value * 100).toFixed(2)} %`);
const MB = 1024 * 1024;

function find(rows: Row[], kind: ServerKind, label: string): Row | undefined {
	return rows.find((row) => row.kind === kind && row.point.label === label && row.failed < row.runs);
}

function bestPeer(rows: Row[], label: string, pick: (row: Row) => number | null): { kind: ServerKind; value: number } | null {
	let found: { kind: ServerKind; value: number } | null = null;
	for (const row of rows) {
		if (row.kind === 'ours' || row.point.label !== label || !isContender(row)) continue;
		const value = pick(row);
		if (value !== null && (found === null || value < found.value)) found = { kind: row.kind, value };
	}
	return found;
}

function verdict(target: string, ok: boolean | null, detail: string): TargetVerdict {
	return { target, verdict: ok === null ? 'not measured' : ok ? 'met' : 'missed', detail };
}

/** Checks `value ≤ factor × reference`; null when either is missing. */
function within(value: number | null | undefined, reference: number | null | undefined, factor: number): boolean | null {
	if (value === null || value === undefined || reference === null || reference === undefined) return null;
	return value <= factor * reference;
}

export function checkTargets(rows: Row[]): TargetVerdict[] {
	const verdicts: TargetVerdict[] = [];
	const low = find(rows, 'ours', 'N200@100');
	const lowLast = bestPeer(rows, 'N200@100', (row) => row.lastP99);
	verdicts.push(
		verdict(
			'N=200 @100/s: p99 to last receiver ≤ 0.5× best peer',
			within(low?.lastP99, lowLast?.value, 0.5),
			`ours ${ms(low?.lastP99 ?? null)} vs ${lowLast ? `${lowLast.kind} ${ms(lowLast.value)}` : 'n/a'}`
		)
	);
	const lowCpu = bestPeer(rows, 'N200@100', (row) => row.cpu);
	verdicts.push(
		verdict(
			'N=200 @100/s: CPU ≤ 0.5× best peer',
			within(low?.cpu, lowCpu?.value, 0.5),
			`ours ${low?.cpu?.toFixed(2) ?? 'n/a'} core vs ${lowCpu ? `${lowCpu.kind} ${lowCpu.value.toFixed(2)}` : 'n/a'}`
		)
	);
	const high = find(rows, 'ours', 'N200@1000');
	const hocus = find(rows, 'hocuspocus', 'N200@1000');
	verdicts.push(verdict('N=200 @1000/s: 100 % delivered (every repeat)', high ? high.deliveredMin === 1 : null, `ours, worst repeat ${pct(high?.deliveredMin ?? null)}`));
	verdicts.push(
		verdict(
			'N=200 @1000/s: p99 ≤ 0.5× Hocuspocus',
			within(high?.p99, hocus?.p99, 0.5),
			`per receiver: ours ${ms(high?.p99 ?? null)} vs ${ms(hocus?.p99 ?? null)}; to last: ours ${ms(high?.lastP99 ?? null)} vs ${ms(hocus?.lastP99 ?? null)}`
		)
	);
	const top = find(rows, 'ours', 'N200@2000');
	verdicts.push(verdict('N=200 @2000/s: 100 % delivered (every repeat)', top ? top.deliveredMin === 1 : null, `ours, worst repeat ${pct(top?.deliveredMin ?? null)}`));
	const grew = top && top.rssPeakMax !== null && top.rssConnected !== null ? top.rssPeakMax - top.rssConnected : null;
	verdicts.push(
		verdict(
			'N=200 @2000/s: memory bounded (peak ≤ connected + 200 MB)',
			grew === null ? null : grew <= 200 * MB,
			grew === null ? 'n/a' : `highest peak ${((top?.rssPeakMax ?? 0) / MB).toFixed(0)} MB, +${(grew / MB).toFixed(0)} MB over connected`
		)
	);
	const crowd = find(rows, 'ours', 'N1000@100');
	verdicts.push(
		verdict('N=1000: connect in < 5 s', crowd?.connectSeconds == null ? null : crowd.connectSeconds < 5, `${crowd?.connectSeconds?.toFixed(2) ?? 'n/a'} s`)
	);
	verdicts.push(
		verdict(
			'N=1000 @100/s: p99 < 50 ms',
			crowd?.p99 == null ? null : crowd.p99 < 50,
			`per receiver ${ms(crowd?.p99 ?? null)}, to last ${ms(crowd?.lastP99 ?? null)}`
		)
	);
	return verdicts;
}
