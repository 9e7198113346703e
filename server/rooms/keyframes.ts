/**
 * When and how keyframes are taken. A room reports what it has logged; once the policy finds a
 * keyframe due (keyframe-policy.ts) a snapshot of the board's shadow (see shadow-docs.ts) is
 * written as the keyframe at that sequence number. The encode happens wherever the shadows live —
 * in production a worker thread — so the room's broadcast path never waits for it.
 */
import type { Logger } from '../logger';
import { NO_METRICS, type BoardMetrics } from '../metrics/board-metrics';
import type { BoardStorage, KeyframeClaims } from '../storage/storage';
import { keyframeDue, type KeyframePolicy } from './keyframe-policy';
import type { ShadowHost } from './shadow-host';

/** A board's newest keyframe as its room opens, and what the log holds after it. */
export interface KeyframeMark {
	seq: number;
	/** Its size in bytes (0: none). */
	bytes: number;
	/** Bytes of the updates logged after it. */
	tailBytes: number;
}

export const NO_KEYFRAME: KeyframeMark = { seq: 0, bytes: 0, tailBytes: 0 };

interface BoardKeyframes {
	lastKeyframeSeq: number;
	lastKeyframeBytes: number;
	/** Bytes of the updates logged after the newest keyframe. */
	tailBytes: number;
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
		private readonly policy: KeyframePolicy,
		private readonly logger: Logger,
		private readonly metrics: BoardMetrics = NO_METRICS,
		/** Several servers on one log (cluster mode): each keyframe is claimed, so one server takes it. */
		private readonly claims: KeyframeClaims | null = null
	) {}

	/**
	 * Claims the keyframe at `seq` for this server. Alone on a log, always granted; in a cluster,
	 * only if no server claimed one newer than the last this server knows of — a server that loses
	 * adopts the winner's keyframe as its last, so it is not due again for another interval.
	 */
	async claim(boardId: string, seq: number, known?: number): Promise<boolean> {
		if (!this.claims) return true;
		const board = this.boards.get(boardId);
		known ??= board?.lastKeyframeSeq ?? 0;
		const taken = await this.claims.claimKeyframe(boardId, seq, known);
		if (taken === null) return true;
		if (board && taken > board.lastKeyframeSeq) {
			// The winner's tail is unknown here; the share of updates after its seq is a fair guess.
			const updates = Math.max(1, board.headSeq - board.lastKeyframeSeq);
			board.tailBytes = Math.round((board.tailBytes * Math.max(0, board.headSeq - taken)) / updates);
			board.lastKeyframeSeq = taken;
		}
		return false;
	}

	/** A room starts, its document holding exactly the log up to its newest sequence number. */
	open(boardId: string, parts: readonly Uint8Array[], last: KeyframeMark): void {
		this.host.open(boardId, parts);
		this.boards.set(boardId, {
			lastKeyframeSeq: last.seq,
			lastKeyframeBytes: last.bytes,
			tailBytes: last.tailBytes,
			headSeq: last.seq,
			headAt: 0,
			inFlight: null
		});
	}

	/** Updates just made durable, in log order; `seq` and `at` are those of the last one. */
	logged(boardId: string, updates: readonly Uint8Array[], seq: number, at: number): void {
		const board = this.boards.get(boardId);
		if (!board) return;
		this.host.append(boardId, updates);
		for (const update of updates) board.tailBytes += update.byteLength;
		board.headSeq = seq;
		board.headAt = at;
		this.takeIfDue(boardId, board);
	}

	/**
	 * Waits for a keyframe in flight, forgets the board; says whether a keyframe at the head is due,
	 * for the room to write as it closes (idle then, so encoding in its thread stalls nobody), and
	 * the last keyframe known (what a claim for it is weighed against).
	 */
	async close(boardId: string): Promise<{ due: boolean; lastKeyframeSeq: number }> {
		const board = this.boards.get(boardId);
		if (!board) return { due: false, lastKeyframeSeq: 0 };
		while (board.inFlight) await board.inFlight;
		this.boards.delete(boardId);
		this.host.close(boardId);
		return { due: this.due(board), lastKeyframeSeq: board.lastKeyframeSeq };
	}

	/** The board as logged so far (its shadow's state as one update): what may be sent while the room's document is ahead. */
	loggedState(boardId: string): Promise<Uint8Array> {
		return this.host.snapshot(boardId);
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
	 * One keyframe at a time per board; when one finishes and the next has come due meanwhile (a
	 * slow worker, a burst), it is taken at once rather than at the next edit.
	 */
	private takeIfDue(boardId: string, board: BoardKeyframes): void {
		if (board.inFlight || !this.due(board)) return;
		board.inFlight = this.take(boardId, board, board.headSeq, board.headAt, board.tailBytes).then((written) => {
			board.inFlight = null;
			// After a failure the next edit tries again; retrying at once would spin on a full disk.
			if (written && this.boards.get(boardId) === board) this.takeIfDue(boardId, board);
		});
	}

	private due(board: BoardKeyframes): boolean {
		return keyframeDue(this.policy, {
			keyframeBytes: board.lastKeyframeBytes,
			updates: board.headSeq - board.lastKeyframeSeq,
			bytes: board.tailBytes
		});
	}

	private async take(boardId: string, board: BoardKeyframes, seq: number, at: number, tailBytes: number): Promise<boolean> {
		try {
			// Asked first: the shadow has had every append up to `seq` and, in message order, nothing
			// after it yet — waiting for a claim first would let later appends into it.
			const snapshot = this.host.snapshot(boardId);
			// Alone on the log there is nothing to claim; on a cluster a refused claim drops the snapshot.
			if (this.claims && !(await this.claim(boardId, seq))) {
				snapshot.catch(() => undefined);
				return true;
			}
			const state = await snapshot;
			await this.storage.writeKeyframe(boardId, { seq, at, state });
			this.metrics.keyframeWritten();
			board.lastKeyframeSeq = seq;
			board.lastKeyframeBytes = state.byteLength;
			// Updates logged while the snapshot was taken are the new keyframe's tail.
			board.tailBytes -= tailBytes;
			return true;
		} catch (error) {
			this.logger.warn(`board ${boardId}: keyframe at ${seq} not written: ${(error as Error).message}`);
			return false;
		}
	}
}
