/**
 * When and how keyframes are taken. A room reports what it has logged; every `interval` logged
 * updates a snapshot of the board's shadow (see shadow-docs.ts) is written as the keyframe at
 * that sequence number. The encode happens wherever the shadows live — in production a worker
 * thread — so the room's broadcast path never waits for it.
 */
import type { Logger } from '../logger';
import type { BoardStorage } from '../storage/storage';
import type { ShadowHost } from './shadow-host';

interface BoardKeyframes {
	lastKeyframeSeq: number;
	/** The newest logged update the shadow has been sent. */
	headSeq: number;
	headAt: number;
	inFlight: Promise<void> | null;
}

export class Keyframes {
	private readonly boards = new Map<string, BoardKeyframes>();

	constructor(
		private readonly host: ShadowHost,
		private readonly storage: Pick<BoardStorage, 'writeKeyframe'>,
		/** Logged updates between keyframes: bounds the tail a load or a time travel replays. */
		private readonly interval: number,
		private readonly logger: Logger
	) {}

	/** A room starts, its document holding exactly the log up to its newest sequence number. */
	open(boardId: string, parts: readonly Uint8Array[], lastKeyframeSeq: number): void {
		this.host.open(boardId, parts);
		this.boards.set(boardId, { lastKeyframeSeq, headSeq: lastKeyframeSeq, headAt: 0, inFlight: null });
	}

	/** Updates just made durable, in log order; `seq` and `at` are those of the last one. */
	logged(boardId: string, updates: readonly Uint8Array[], seq: number, at: number): void {
		const board = this.boards.get(boardId);
		if (!board) return;
		this.host.append(boardId, updates);
		board.headSeq = seq;
		board.headAt = at;
		this.takeIfDue(boardId, board);
	}

	/** Waits for a keyframe in flight, forgets the board; returns the sequence number of its newest keyframe. */
	async close(boardId: string): Promise<number> {
		const board = this.boards.get(boardId);
		if (!board) return 0;
		while (board.inFlight) await board.inFlight;
		this.boards.delete(boardId);
		this.host.close(boardId);
		return board.lastKeyframeSeq;
	}

	/** Settles once no keyframe of the board is being taken. */
	async settled(boardId: string): Promise<void> {
		const board = this.boards.get(boardId);
		while (board?.inFlight) await board.inFlight;
	}

	terminate(): Promise<void> {
		return this.host.terminate();
	}

	/**
	 * One keyframe at a time per board; when one finishes and the log has run an interval past
	 * it meanwhile (a slow worker, a burst), the next is taken at once rather than at the next edit.
	 */
	private takeIfDue(boardId: string, board: BoardKeyframes): void {
		if (board.inFlight || board.headSeq - board.lastKeyframeSeq < this.interval) return;
		board.inFlight = this.take(boardId, board, board.headSeq, board.headAt).then((written) => {
			board.inFlight = null;
			// After a failure the next edit tries again; retrying at once would spin on a full disk.
			if (written && this.boards.get(boardId) === board) this.takeIfDue(boardId, board);
		});
	}

	private async take(boardId: string, board: BoardKeyframes, seq: number, at: number): Promise<boolean> {
		try {
			// The shadow has had every append up to `seq` and, in message order, nothing after it yet.
			const state = await this.host.snapshot(boardId);
			await this.storage.writeKeyframe(boardId, { seq, at, state });
			board.lastKeyframeSeq = seq;
			return true;
		} catch (error) {
			this.logger.warn(`board ${boardId}: keyframe at ${seq} not written: ${(error as Error).message}`);
			return false;
		}
	}
}
