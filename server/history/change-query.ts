/**
 * Selecting from a board's change list: a seq or time window, then who, which sector, which
 * collection, one page at a time. The list is in log order, and both seq and time only grow
 * along it, so the window's start is found by binary search and only the window is scanned.
 */
import { MAX_CHANGES_PAGE, type ChangeCollection, type ChangeEntry, type ChangesPage } from '../../src/lib/protocol/history';

export interface ChangeFilter {
	/** Inclusive sequence-number window. */
	fromSeq?: number;
	toSeq?: number;
	/** Inclusive time window, epoch ms. */
	from?: number;
	to?: number;
	/** Any of these matches; absent or empty: all. */
	actors?: ReadonlySet<string>;
	sectors?: ReadonlySet<string>;
	collections?: ReadonlySet<ChangeCollection>;
	/** Page size, at most MAX_CHANGES_PAGE. */
	limit?: number;
}

/** The first index whose entry satisfies `atOrAfter` (entries are sorted so it flips once). */
export function firstIndex(changes: readonly ChangeEntry[], atOrAfter: (entry: ChangeEntry) => boolean): number {
	let low = 0;
	let high = changes.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (atOrAfter(changes[middle]!)) high = middle;
		else low = middle + 1;
	}
	return low;
}

const wanted = <T>(set: ReadonlySet<T> | undefined, value: T | undefined) =>
	!set || set.size === 0 || (value !== undefined && set.has(value));

/**
 * One page of matching changes. A page never splits the entries of one update, so `next` (a
 * seq) continues exactly where it stopped; a page may run over `limit` by one update's entries.
 */
export function selectChanges(changes: readonly ChangeEntry[], filter: ChangeFilter = {}): ChangesPage {
	const limit = Math.min(filter.limit ?? MAX_CHANGES_PAGE, MAX_CHANGES_PAGE);
	const fromSeq = filter.fromSeq ?? 0;
	const from = filter.from ?? -Infinity;
	const toSeq = filter.toSeq ?? Infinity;
	const to = filter.to ?? Infinity;
	const start = firstIndex(changes, (entry) => entry.seq >= fromSeq && entry.at >= from);
	const page: ChangeEntry[] = [];
	for (let index = start; index < changes.length; index++) {
		const entry = changes[index]!;
		if (entry.seq > toSeq || entry.at > to) break;
		if (!wanted(filter.actors, entry.actor ?? undefined)) continue;
		if (!wanted(filter.sectors, entry.sector)) continue;
		if (!wanted(filter.collections, entry.collection)) continue;
		if (page.length >= limit && entry.seq !== page.at(-1)!.seq) return { changes: page, next: entry.seq };
		page.push(entry);
	}
	return { changes: page, next: null };
}
