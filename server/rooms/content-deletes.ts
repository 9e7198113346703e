/**
 * An update's delete set, read two ways: which of the update's own new items are born deleted
 * (a sync step 2 carries a client's history, its overwritten values deleted), and which items of
 * the live doc it deletes — a whole record (allowed), a field of a surviving record (must not be
 * a required one), a meta key. Yjs applies a delete set in any order, so the ranges are sorted
 * and merged here rather than trusting a raw client's order.
 */
import * as Y from 'yjs';
import { missing } from './content-reasons';
import { forEachDocStruct, type DeleteSet } from './content-yjs';

interface Range {
	clock: number;
	end: number;
}

export class Deletions {
	private readonly ranges = new Map<number, Range[]>();

	constructor(ds: DeleteSet) {
		for (const [client, items] of ds.clients) {
			const sorted = items
				.filter((item) => item.len > 0)
				.map((item) => ({ clock: item.clock, end: item.clock + item.len }))
				.sort((a, b) => a.clock - b.clock);
			const merged: Range[] = [];
			for (const range of sorted) {
				const last = merged[merged.length - 1];
				if (last && range.clock <= last.end) last.end = Math.max(last.end, range.end);
				else merged.push(range);
			}
			if (merged.length > 0) this.ranges.set(client, merged);
		}
	}

	get isEmpty(): boolean {
		return this.ranges.size === 0;
	}

	/** Whether every clock of [clock, clock + length) of `client` is deleted by this update. */
	covers(client: number, clock: number, length: number): boolean {
		const ranges = this.ranges.get(client);
		if (!ranges) return false;
		let low = 0;
		let high = ranges.length - 1;
		while (low <= high) {
			const mid = (low + high) >> 1;
			const range = ranges[mid]!;
			if (clock < range.clock) high = mid - 1;
			else if (clock >= range.end) low = mid + 1;
			else return clock + length <= range.end;
		}
		return false;
	}

	/**
	 * Refuses deletions of clocks the board will not have after the update: Yjs would keep them
	 * pending and apply them to whatever arrives later under those ids, unvalidated.
	 */
	requireKnown(stateAfter: (client: number) => number): void {
		for (const [client, ranges] of this.ranges) {
			if (ranges[ranges.length - 1]!.end > stateAfter(client)) throw missing('update deletes changes the board does not have');
		}
	}

	/** Calls `visit` for each live item of the doc (before the update) that this update deletes. */
	forEachDocItem(doc: Y.Doc, docClock: (client: number) => number, visit: (item: Y.Item) => void): void {
		for (const [client, ranges] of this.ranges) {
			const known = docClock(client);
			for (const range of ranges) {
				if (range.clock >= known) break;
				forEachDocStruct(doc, client, range.clock, Math.min(range.end, known), (struct) => {
					if (struct instanceof Y.Item && !struct.deleted) visit(struct);
				});
			}
		}
	}
}
