/** Selecting from a change list: windows by seq and time, filters, pages that never split an update. */
import { describe, expect, it } from 'vitest';
import type { ChangeCollection, ChangeEntry } from '../../src/lib/protocol/history';
import { parseMoment } from '../../src/lib/protocol/history';
import { selectChanges } from '../../server/history/change-query';

/** Updates 1..10 at 100 ms apart; each yields two entries (a pin by Olena, a report by Taras). */
const changes: ChangeEntry[] = Array.from({ length: 10 }, (_, index) => index + 1).flatMap((seq) => [
	entry(seq, 'Olena', 'pins', seq % 2 ? 'sector-a' : 'sector-b'),
	entry(seq, 'Taras', 'reports', undefined)
]);

function entry(seq: number, actor: string, collection: ChangeCollection, sector: string | undefined): ChangeEntry {
	const base = { seq, at: seq * 100, actor, collection, itemId: `${collection}-${seq}`, itemLabel: 'x', action: 'created' as const, summary: '' };
	return sector ? { ...base, sector } : base;
}

const seqs = (page: { changes: ChangeEntry[] }) => page.changes.map((change) => change.seq);

describe('[H2] change list queries', () => {
	it('windows by seq and by time, inclusive at both ends', () => {
		expect(seqs(selectChanges(changes, { fromSeq: 3, toSeq: 4 }))).toEqual([3, 3, 4, 4]);
		expect(seqs(selectChanges(changes, { from: 250, to: 400 }))).toEqual([3, 3, 4, 4]);
		expect(seqs(selectChanges(changes, { fromSeq: 5, to: 500 }))).toEqual([5, 5]);
		expect(selectChanges(changes, { fromSeq: 11 })).toEqual({ changes: [], next: null });
	});

	it('filters by actor, sector and collection (any of several)', () => {
		expect(selectChanges(changes, { actors: new Set(['Taras']) }).changes.every((change) => change.actor === 'Taras')).toBe(true);
		expect(seqs(selectChanges(changes, { sectors: new Set(['sector-b']) }))).toEqual([2, 4, 6, 8, 10]);
		expect(selectChanges(changes, { collections: new Set<ChangeCollection>(['reports', 'pins']) }).changes).toHaveLength(20);
		expect(selectChanges(changes, { actors: new Set(['Nobody']) }).changes).toEqual([]);
	});

	it('pages never split one update; next continues exactly where a page stopped', () => {
		const first = selectChanges(changes, { limit: 3 });
		expect(seqs(first)).toEqual([1, 1, 2, 2]);
		expect(first.next).toBe(3);
		const second = selectChanges(changes, { limit: 3, fromSeq: first.next! });
		expect(seqs(second)).toEqual([3, 3, 4, 4]);
		let all: ChangeEntry[] = [];
		for (let next: number | null = 0; next !== null; ) {
			const page = selectChanges(changes, { limit: 5, fromSeq: next, actors: new Set(['Olena']) });
			all = [...all, ...page.changes];
			next = page.next;
		}
		expect(all.map((change) => change.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
	});

	it('a moment is epoch ms or an ISO date-time, nothing else', () => {
		expect(parseMoment('1662447000000')).toBe(1662447000000);
		expect(parseMoment('2022-09-06T06:50:00Z')).toBe(Date.UTC(2022, 8, 6, 6, 50));
		expect(parseMoment('2022-09-06')).toBe(Date.UTC(2022, 8, 6));
		for (const bad of ['yesterday', '', '-5', '12.5', '2022-13-45T00:00:00Z', 'Tue, 06 Sep 2022']) expect(parseMoment(bad)).toBeUndefined();
	});
});
