/**
 * When a room's next flush may run. A flush (one log append, then one broadcast to every
 * receiver) costs about the same whether it carries one update or fifty. The transport reads one
 * message per socket per turn (fairness: a flooding socket delays the others by one message), so
 * a turn brings at most one update per writer; flushing every turn then spent the loop on flushes
 * while input queued, and merging could never catch up: at 1 000 updates/s from 4 writers to 200
 * watchers the p99 to the last watcher went from 30 ms to 280 ms, and at 2 000/s updates were lost.
 * So after a flush the next one waits as long as that one took: at most about half the loop goes
 * to flushing, the rest to reading, and batches grow with the load by themselves. At low load a
 * flush takes far less than the gap between changes, so nothing waits.
 */
export class FlushPace {
	private earliest = 0;

	/** How long, in ms, to wait before the next flush (0: at the next turn). */
	delay(now = performance.now()): number {
		return Math.max(0, this.earliest - now);
	}

	/** A flush ran from `startedAt` until now. */
	took(startedAt: number, endedAt = performance.now()): void {
		this.earliest = endedAt + (endedAt - startedAt);
	}
}
