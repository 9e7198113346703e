/**
 * The board as it stood at a moment, as an exact Yjs document: the newest keyframe at or before
 * it, then the updates after that keyframe up to the moment. The room writes keyframes at most
 * KEYFRAME_MAX_INTERVAL updates apart (keyframe-policy.ts), so at most that many updates, and
 * usually no more than half the keyframe's bytes, are replayed — but a keyframe is the
 * whole Yjs state, a tombstone for every value ever overwritten included, so loading it grows
 * with the board's history. For content at a moment, board-timeline.ts is the fast path; this is
 * for exact states (scripts, forks).
 */
import * as Y from 'yjs';
import type { HistoryStorage } from '../storage/storage';

/** A moment on a board's timeline: a time (epoch ms), an update's seq, or (neither) now. */
export type Moment = { at: number } | { seq: number } | Record<string, never>;

export interface BoardMoment {
	/** The newest update included (0: before the first). */
	seq: number;
	/** The time of that update (from the log); null at seq 0. */
	at: number | null;
	/** A fresh document holding exactly the updates ≤ seq; the caller destroys it. */
	doc: Y.Doc;
}

/** Asked for an update the log does not have (yet). */
export class SeqOutOfRangeError extends Error {
	constructor(
		readonly seq: number,
		readonly head: number
	) {
		super(`the log has ${head} update${head === 1 ? '' : 's'}; there is no update ${seq}`);
		this.name = 'SeqOutOfRangeError';
	}
}

export async function stateAtSeq(storage: HistoryStorage, boardId: string, seq: number): Promise<BoardMoment> {
	if (!Number.isSafeInteger(seq) || seq < 0) throw new SeqOutOfRangeError(seq, await storage.seqAt(boardId, Infinity));
	const keyframe = seq > 0 ? await storage.keyframeAtOrBefore(boardId, seq) : null;
	const tail = seq > (keyframe?.seq ?? 0) ? await storage.readUpdates(boardId, keyframe?.seq ?? 0, seq) : [];
	const reached = tail.at(-1)?.seq ?? keyframe?.seq ?? 0;
	if (reached !== seq) throw new SeqOutOfRangeError(seq, await storage.seqAt(boardId, Infinity));

	const doc = new Y.Doc();
	// One transaction: observers (none here) and cleanup run once, not once per update.
	doc.transact(() => {
		if (keyframe) Y.applyUpdate(doc, keyframe.state);
		for (const entry of tail) Y.applyUpdate(doc, entry.update);
	});
	return { seq, at: await timeOf(storage, boardId, seq, tail.at(-1)?.at), doc };
}

/** The board at time T: every update logged at or before T (log times never go backwards). */
export async function stateAt(storage: HistoryStorage, boardId: string, time: number): Promise<BoardMoment> {
	return stateAtSeq(storage, boardId, await storage.seqAt(boardId, time));
}

/**
 * An update's time comes from the log, even when a keyframe covers it exactly: keyframes written
 * before log times were clamped carry the time they were written, not the time of their update.
 */
async function timeOf(storage: HistoryStorage, boardId: string, seq: number, known: number | undefined): Promise<number | null> {
	if (seq === 0) return null;
	if (known !== undefined) return known;
	return (await storage.readUpdates(boardId, seq - 1, seq))[0]?.at ?? null;
}
