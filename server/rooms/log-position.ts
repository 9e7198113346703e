/**
 * Where a room's document stands in its board's log, kept whole: which seqs it holds
 * (log-order.ts), the contiguous part handed to the keyframe shadow in seq order (so a keyframe is
 * the board at a known seq), and a gap no peer message fills read back from the log
 * (log-catch-up.ts). On one server every append extends the head at once and none of it waits.
 */
import type { Logger } from '../logger';
import type { BoardStorage, LoggedUpdate } from '../storage/storage';
import { LogCatchUp } from './log-catch-up';
import { LogOrder } from './log-order';
import type { Keyframes } from './keyframes';

export interface LogPositionDeps {
	keyframes: Pick<Keyframes, 'logged'>;
	storage: Pick<BoardStorage, 'readUpdates'>;
	logger: Logger;
	/** Puts entries read back from the log into the document (the room skips what it holds). */
	apply: (entries: readonly LoggedUpdate[], via: 'log') => void;
}

export class LogPosition {
	private readonly order: LogOrder;
	private readonly catchUp: LogCatchUp;
	private stopped = false;

	constructor(
		private readonly boardId: string,
		seq: number,
		private readonly deps: LogPositionDeps
	) {
		this.order = new LogOrder(seq);
		this.catchUp = new LogCatchUp(() => this.readMissed(), deps.logger, `board ${boardId}`);
	}

	/** Every seq ≤ head is in the document. */
	get head(): number {
		return this.order.head;
	}

	/** The newest seq the document holds. */
	get newest(): number {
		return this.order.newest;
	}

	get hasGap(): boolean {
		return this.order.hasGap;
	}

	/** The entries the document does not hold yet. */
	unheld(entries: readonly LoggedUpdate[]): LoggedUpdate[] {
		return entries.filter((entry) => !this.order.holds(entry.seq));
	}

	/** Notes entries now in the document; a gap they leave open is read from the log unless a message fills it. */
	record(entries: readonly LoggedUpdate[]): void {
		const run = this.order.accept(entries);
		const last = run.at(-1);
		if (last) this.deps.keyframes.logged(this.boardId, run.map((entry) => entry.update), last.seq, last.at);
		if (this.order.hasGap) this.catchUp.soon();
	}

	/** Reads the log past the head now (a reconnect, a close); never rejects. */
	readMissing(): Promise<void> {
		return this.catchUp.now();
	}

	stop(): void {
		this.stopped = true;
		this.catchUp.stop();
	}

	/** Applies whatever the log holds past the head; answers whether a gap remains. */
	private async readMissed(): Promise<boolean> {
		if (this.stopped) return false;
		const entries = await this.deps.storage.readUpdates(this.boardId, this.order.head);
		if (!this.stopped) this.deps.apply(entries, 'log');
		return this.order.hasGap;
	}
}
