/**
 * When a board's next keyframe is due. A keyframe is the whole Yjs state, so taking one every
 * fixed number of updates makes the log grow with the square of the history (each keyframe as
 * large as the board so far) and spends the most CPU exactly when a board is busiest. Instead a
 * keyframe is due once the updates since the last one weigh a set share of it: loading or time
 * travelling then costs at most one keyframe plus a tail of that share of its size, the keyframes
 * together stay within a small multiple of the updates' own bytes, and a cap on the count still
 * bounds a tail of many tiny updates on a large board.
 */

export interface KeyframePolicy {
	/** Fewest logged updates between keyframes. */
	minUpdates: number;
	/** Most logged updates between keyframes: bounds the tail a load or a time travel replays. */
	maxUpdates: number;
	/** Bytes of the tail, as a share of the last keyframe's size, that make the next one due. */
	tailShare: number;
}

/** What has been logged since a board's newest keyframe. */
export interface KeyframeTail {
	/** Size of the newest keyframe (or of the board's state when none is known yet), in bytes. */
	keyframeBytes: number;
	/** Updates logged after it. */
	updates: number;
	/** Their total size in bytes. */
	bytes: number;
}

/**
 * Half the keyframe's size: a time travel applies at most half as many bytes of updates as it
 * decodes, and a board that only grows writes keyframes at 1.5× steps, about 3× its bytes in all.
 */
export const DEFAULT_TAIL_SHARE = 0.5;

/** The policy of the server's configuration: `minUpdates`…`maxUpdates`, the default share. */
export function keyframePolicy(minUpdates: number, maxUpdates: number): KeyframePolicy {
	return { minUpdates, maxUpdates: Math.max(minUpdates, maxUpdates), tailShare: DEFAULT_TAIL_SHARE };
}

/** A keyframe after exactly every `updates` logged updates, whatever their size (tests, tools). */
export function keyframeEvery(updates: number): KeyframePolicy {
	return { minUpdates: updates, maxUpdates: updates, tailShare: 0 };
}

export function keyframeDue(policy: KeyframePolicy, tail: KeyframeTail): boolean {
	if (tail.updates < policy.minUpdates) return false;
	return tail.updates >= policy.maxUpdates || tail.bytes >= policy.tailShare * tail.keyframeBytes;
}
