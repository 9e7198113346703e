/**
 * The issue's targets, checked against the medians. The bench reports, it does not assert: each
 * target comes back as met / missed / not measured, with the figures it was judged on.
 */
import { isContender, type Row } from './aggregate';
import { PEERS } from './config';
import type { ServerKind } from './load/messages';

export interface TargetVerdict {
	target: string;
	verdict: 'met' | 'missed' | 'not measured';
	detail: string;
}

const ms = (value: number | null) => (value === null ? 'n/a' : Number.isFinite(value) ? `${value.toFixed(1)} ms` : 'lost');
const us = (value: number | null) => (value === null ? 'n/a' : `${value.toFixed(2)} µs`);
const pct = (value: number | null) => (value === null ? 'n/a' : `${(value * 100).toFixed(2)} %`);
const MB = 1024 * 1024;

function find(rows: Row[], kind: ServerKind, label: string): Row | undefined {
	return rows.find((row) => row.kind === kind && row.point.label === label && row.failed < row.runs);
}

function bestPeer(rows: Row[], label: string, pick: (row: Row) => number | null): { kind: ServerKind; value: number } | null {
	let found: { kind: ServerKind; value: number } | null = null;
	for (const row of rows) {
		if (!PEERS.includes(row.kind) || row.point.label !== label || !isContender(row)) continue;
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

/** Issue 17's targets: ahead of the best peer at every load point, close to the floor. */
function fanOutTargets(rows: Row[]): TargetVerdict[] {
	const verdicts: TargetVerdict[] = [];
	const labels = [...new Set(rows.map((row) => row.point.label))];
	for (const label of labels) {
		const ours = find(rows, 'ours', label);
		const peer = bestPeer(rows, label, (row) => row.lastP99);
		verdicts.push(
			verdict(
				`${label}: p99 to last receiver ≤ 1.0× best peer`,
				within(ours?.lastP99, peer?.value, 1.0),
				`ours ${ms(ours?.lastP99 ?? null)} vs ${peer ? `${peer.kind} ${ms(peer.value)}` : 'n/a'}`
			)
		);
	}
	const low = find(rows, 'ours', 'N200@100');
	const lowCpu = bestPeer(rows, 'N200@100', (row) => row.cpu);
	verdicts.push(
		verdict(
			'N200@100: server CPU ≤ 0.8× best peer',
			within(low?.cpu, lowCpu?.value, 0.8),
			`ours ${low?.cpu?.toFixed(3) ?? 'n/a'} core vs ${lowCpu ? `${lowCpu.kind} ${lowCpu.value.toFixed(3)}` : 'n/a'}`
		)
	);
	for (const label of labels) {
		const ours = find(rows, 'ours', label);
		const floor = find(rows, 'floor', label);
		verdicts.push(
			verdict(
				`${label}: CPU per delivered update ≤ 1.5× the floor`,
				within(ours?.cpuPerDelivery, floor?.cpuPerDelivery, 1.5),
				`ours ${us(ours?.cpuPerDelivery ?? null)} vs floor ${us(floor?.cpuPerDelivery ?? null)}`
			)
		);
	}
	return verdicts;
}

/** Issue 7's targets that no later one replaced: nothing lost, memory bounded, crowds served. */
function deliveryTargets(rows: Row[]): TargetVerdict[] {
	const verdicts: TargetVerdict[] = [];
	for (const label of ['N200@1000', 'N200@2000']) {
		const row = find(rows, 'ours', label);
		verdicts.push(verdict(`${label}: 100 % delivered (every repeat)`, row ? row.deliveredMin === 1 : null, `ours, worst repeat ${pct(row?.deliveredMin ?? null)}`));
	}
	const top = find(rows, 'ours', 'N200@2000');
	const grew = top && top.rssPeakMax !== null && top.rssConnected !== null ? top.rssPeakMax - top.rssConnected : null;
	verdicts.push(
		verdict(
			'N200@2000: memory bounded (peak ≤ connected + 200 MB)',
			grew === null ? null : grew <= 200 * MB,
			grew === null ? 'n/a' : `highest peak ${((top?.rssPeakMax ?? 0) / MB).toFixed(0)} MB, +${(grew / MB).toFixed(0)} MB over connected`
		)
	);
	const crowd = find(rows, 'ours', 'N1000@100');
	verdicts.push(
		verdict('N1000@100: connect in < 5 s', crowd?.connectSeconds == null ? null : crowd.connectSeconds < 5, `${crowd?.connectSeconds?.toFixed(2) ?? 'n/a'} s`)
	);
	verdicts.push(
		verdict(
			'N1000@100: p99 < 50 ms',
			crowd?.p99 == null ? null : crowd.p99 < 50,
			`per receiver ${ms(crowd?.p99 ?? null)}, to last ${ms(crowd?.lastP99 ?? null)}`
		)
	);
	return verdicts;
}

export function checkTargets(rows: Row[]): TargetVerdict[] {
	return [...fanOutTargets(rows), ...deliveryTargets(rows)];
}
