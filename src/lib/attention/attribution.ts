/**
 * "Moved by Olena · 14:05 UTC, 3 h ago": who last changed an item and when, for hovering it on
 * the live map. The history API's latest-change map says what was done (from the log, server
 * time); the record's own provenance (updatedBy/updatedAt, stamped by the named operations) is
 * the fallback when that map is older than the record — a change made since it was fetched.
 * Plain text: callers set it as textContent or a title, never as HTML.
 */
import type { ChangeAction, LatestChange, SinceCollection } from '../protocol/history';
import { formatUtcClock, formatUtcDay } from '../format/utc-time';
import { elapsed } from './sector-attention';

const VERBS: Record<Exclude<ChangeAction, 'removed'>, string> = {
	created: 'Added',
	moved: 'Moved',
	renamed: 'Renamed',
	reshaped: 'Reshaped',
	restyled: 'Restyled',
	'control-changed': 'Control changed',
	graded: 'Graded',
	edited: 'Edited'
};
const CREATED: Record<SinceCollection, string> = { pins: 'Added', fronts: 'Drawn', reports: 'Posted', sectors: 'Added' };

/** The log's time and a record's stamp come from different clocks: this much apart is "the same change". */
export const CLOCK_SLACK_MS = 2 * 60_000;

interface Stamped {
	createdBy?: string;
	createdAt?: number;
	updatedBy?: string;
	updatedAt?: number;
}

/** "14:05 UTC, 3 h ago"; older than a day also gives the date. */
export function whenText(at: number, now: number): string {
	const age = now - at;
	const date = age > 24 * 3600_000 ? `${formatUtcDay(at)} ` : '';
	return `${date}${formatUtcClock(at)}, ${age < 45_000 ? 'just now' : `${elapsed(age)} ago`}`;
}

export function lastChangeText(collection: SinceCollection, record: Stamped, latest: LatestChange | undefined, now: number): string | null {
	const stamped = record.updatedAt ?? record.createdAt;
	if (latest && (stamped === undefined || latest.at >= stamped - CLOCK_SLACK_MS)) {
		const verb = latest.action === 'created' ? CREATED[collection] : VERBS[latest.action as Exclude<ChangeAction, 'removed'>];
		return `${verb}${latest.actor ? ` by ${latest.actor}` : ''} · ${whenText(latest.at, now)}`;
	}
	if (record.updatedAt !== undefined) return `Changed${record.updatedBy ? ` by ${record.updatedBy}` : ''} · ${whenText(record.updatedAt, now)}`;
	if (record.createdAt !== undefined) return `${CREATED[collection]}${record.createdBy ? ` by ${record.createdBy}` : ''} · ${whenText(record.createdAt, now)}`;
	return null;
}
