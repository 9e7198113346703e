/**
 * How many history builds (replays of a long stretch of a board's log) run at once, server-wide,
 * and how many may wait for a turn. Builds are CPU work on the one JavaScript thread: a second one
 * at the same time only slows the first, and each holds a growing index, so by default one runs and
 * a few wait; beyond that a request is refused (HistoryBusyError) instead of piling up.
 */
import { HistoryBusyError } from './history-refusals';

export type ReleaseSlot = () => void;

export class BuildSlots {
	private running = 0;
	private readonly waiting: (() => void)[] = [];

	constructor(
		private readonly concurrent: number,
		private readonly maxWaiting: number
	) {}

	/** Waits for a free slot (refused at once if the queue is full); call the result when done. */
	async acquire(): Promise<ReleaseSlot> {
		if (this.running >= this.concurrent) {
			if (this.waiting.length >= this.maxWaiting) throw new HistoryBusyError(this.waiting.length);
			// A released slot passes straight to the first waiter: `running` is not decremented.
			await new Promise<void>((resolve) => this.waiting.push(resolve));
		} else this.running += 1;
		let released = false;
		return () => {
			if (released) return;
			released = true;
			const next = this.waiting.shift();
			if (next) next();
			else this.running -= 1;
		};
	}

	/** Builds running and waiting now. */
	get load(): { running: number; waiting: number } {
		return { running: this.running, waiting: this.waiting.length };
	}
}
