/**
 * Where a room stands in its board's log when several servers append to it. A room holds its own
 * appends (told their seqs by the log) and what peer nodes announce; with several writers they
 * arrive out of seq order and may miss some (a Redis blip). LogOrder keeps the longest prefix of
 * the log the room holds — `head`: every seq ≤ head is in the document — and the entries held past
 * a gap, and hands back each run that becomes contiguous, in seq order, so whatever must see the
 * log in order (the keyframe shadow) does. On one server every batch extends the head at once.
 */
import type { LoggedUpdate } from '../storage/storage';

export class LogOrder {
	/** Entries applied past a gap, by seq, until the gap fills. */
	private readonly ahead = new Map<number, LoggedUpdate>();
	private highest: number;

	constructor(private contiguous: number) {
		this.highest = contiguous;
	}

	/** Every seq ≤ head is in the document. */
	get head(): number {
		return this.contiguous;
	}

	/** The newest seq the room holds (> head while a gap is open). */
	get newest(): number {
		return this.highest;
	}

	/** True while some seq between head and newest is missing. */
	get hasGap(): boolean {
		return this.highest > this.contiguous;
	}

	/** Whether the document already holds this seq (a repeat from a catch-up or a late message). */
	holds(seq: number): boolean {
		return seq <= this.contiguous || this.ahead.has(seq);
	}

	/**
	 * Records entries now in the document; answers the run that became contiguous, in seq order
	 * (empty while a gap stays open). Entries already held are ignored.
	 */
	accept(entries: readonly LoggedUpdate[]): LoggedUpdate[] {
		for (const entry of entries) {
			if (this.holds(entry.seq)) continue;
			this.ahead.set(entry.seq, entry);
			if (entry.seq > this.highest) this.highest = entry.seq;
		}
		const run: LoggedUpdate[] = [];
		for (let next = this.ahead.get(this.contiguous + 1); next; next = this.ahead.get(this.contiguous + 1)) {
			this.ahead.delete(next.seq);
			this.contiguous = next.seq;
			run.push(next);
		}
		return run;
	}
}
