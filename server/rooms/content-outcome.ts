/**
 * The value a map key ends with once an update is applied, worked out without applying it.
 *
 * Yjs keeps every item ever written to a key in one list and reads the rightmost: its value if it
 * is live, no value if it is deleted. Map items never have a right origin, and then Yjs's order is
 * simple: each item sits right after its origin, siblings (same origin) in ascending client id,
 * each with its descendants — the rightmost is the leaf reached by always taking the child with
 * the highest client id. So each new item, in integration order, either becomes the rightmost
 * (its origin is the rightmost: Y.Map.set on an up-to-date replica), or branches off the
 * rightmost's ancestry and wins against that branch if its client id is higher, or lands in an
 * earlier branch and changes nothing. Only the walk up the ancestry costs anything, and only for
 * concurrent edits. If the walk cannot tell (too long, or collected history), the outcome is left
 * open: every live value the update carries is judged, and the key may end with no value.
 */
import type * as Y from 'yjs';
import type { KeyChange } from './content-changes';
import { itemValue } from './content-yjs';

export const ABSENT = Symbol('absent');

/** Ancestors walked per new item; concurrent branches are a handful deep. */
const MAX_WALK = 256;

export interface Outcome {
	/** The value judged: the update's live value if it has one, else the current value, else ABSENT. */
	value: unknown;
	/** True when the value comes from the update (so it must be checked), not from the doc. */
	fromUpdate: boolean;
	/**
	 * The update's other live values for the key: they lose (Yjs deletes them on arrival) or, when
	 * the outcome is open, may win. Judged either way: the log keeps them, and no client writes
	 * an invalid value that happens to lose.
	 */
	others: unknown[];
	/** True when the key could end with no value (on a deleted item), whatever `value` says. */
	mayBeAbsent: boolean;
}

type Lookup = (id: Y.ID) => Y.Item | null;
const same = (a: Y.ID, b: Y.ID) => a.client === b.client && a.clock === b.clock;

/** Whether `item` ends rightmost of a key whose rightmost is `top`; null when it cannot tell. */
function overtakes(item: Y.Item, top: Y.Item | null, lookup: Lookup): boolean | null {
	const origin = item.origin;
	if (!top) return origin === null ? true : null;
	if (origin && same(origin, top.lastId)) return true;
	// Walk up from `top` to the branch point; `node` is the ancestor whose branch `item` meets.
	let node = top;
	let below = top.id.clock + top.length - 1; // the clock of `node` on the path
	for (let steps = 0; steps < MAX_WALK; steps++) {
		// Inside a run of one client's items each clock builds on the one before.
		if (origin && origin.client === node.id.client && origin.clock >= node.id.clock && origin.clock < below) {
			return item.id.client > node.id.client;
		}
		const up = node.origin;
		if (up === null) return origin === null ? item.id.client > node.id.client : false; // origin not an ancestor: an earlier branch
		if (origin && same(up, origin)) return item.id.client > node.id.client;
		const parent = lookup(up);
		if (!parent) return null;
		node = parent;
		below = up.clock;
	}
	return null;
}

/**
 * @param current the doc's rightmost item of the key (live or deleted), if the key has any
 * @param isLive whether a new item survives the update
 * @param lookup the item (of the doc or the update) holding an id; null if collected
 */
export function keyOutcome(change: KeyChange, current: Y.Item | undefined, isLive: (item: Y.Item) => boolean, lookup: Lookup): Outcome {
	const currentLive = current !== undefined && !current.deleted && !change.removesCurrent;
	let top: Y.Item | null = current ?? null;
	let fresh = false;
	for (const item of change.items) {
		const wins = overtakes(item, top, lookup);
		if (wins === null) return openOutcome(change, current, currentLive, isLive);
		if (wins) [top, fresh] = [item, true];
	}
	const others = change.items.filter((item) => item !== top && isLive(item)).map(itemValue);
	if (!top || !(fresh ? isLive(top) : currentLive)) return { value: ABSENT, fromUpdate: false, others, mayBeAbsent: true };
	return { value: itemValue(top), fromUpdate: fresh, others, mayBeAbsent: false };
}

/** When the order cannot be told: any head (an item nothing builds on) or the current item may win. */
function openOutcome(change: KeyChange, current: Y.Item | undefined, currentLive: boolean, isLive: (item: Y.Item) => boolean): Outcome {
	const key = (id: Y.ID) => `${id.client}:${id.clock}`;
	const origins = new Set(change.items.map((item) => (item.origin ? key(item.origin) : '')));
	const builtOn = (item: Y.Item) => origins.has(key(item.lastId));
	const heads = change.items.filter((item) => !builtOn(item));
	const liveHeads = heads.filter(isLive);
	const currentMayWin = current !== undefined && !builtOn(current);
	const mayBeAbsent = liveHeads.length < heads.length || (currentMayWin && !currentLive);
	const [first, ...others] = liveHeads;
	if (first) return { value: itemValue(first), fromUpdate: true, others: others.map(itemValue), mayBeAbsent };
	if (currentMayWin && currentLive) return { value: itemValue(current), fromUpdate: false, others: [], mayBeAbsent };
	return { value: ABSENT, fromUpdate: false, others: [], mayBeAbsent: true };
}
