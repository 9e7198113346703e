/**
 * Board-wide limits (src/lib/model/board-limits.ts), so that one client — a runaway script, a hostile one —
 * cannot grow a board until every watcher's browser and the server's memory give out:
 * - records per collection: counted only when an update adds a record under a new id; the O(1)
 *   bound (the map's keys, deleted ones included) settles it unless the board is near its limit,
 *   and only then are live records counted;
 * - encoded bytes: what every join downloads and every load replays. Measuring means encoding the
 *   doc — O(board) — so it is measured once per loaded doc and then estimated: each accepted
 *   update adds its own size (an over-estimate: overwritten values cost less once collected).
 *   Only when the estimate crosses the limit is the doc measured again, and refused only if the
 *   measured size is over. An update that only deletes is never refused: it is how a full board
 *   is made room on. (A nearly full board is measured often; a room that tracked its size from
 *   its log and keyframes could do this for free.)
 */
import * as Y from 'yjs';
import type { ChangeSet, Group } from './content-changes';
import type { BoardLimits } from '../../src/lib/model/board-limits';
import { isCollection } from './content-placement';
import { rejected } from './content-reasons';
import { currentItem, keyCountBound, liveEntryCount, rootType } from './content-yjs';

/** Refuses new records past the collection's limit. */
export function judgeRecordCount(group: Group, changes: ChangeSet, doc: Y.Doc, limits: BoardLimits): void {
	const { container } = group;
	if (container.kind !== 'root' || !isCollection(container.name)) return;
	const type = rootType(doc, container.name);
	let added = 0;
	for (const [key, change] of group.keys) {
		// Each new record is judged on its own (content-records.ts); here they are only counted.
		const current = currentItem(type, key);
		if (change.items.some((item) => changes.isLive(item)) && (!current || current.deleted)) added++;
	}
	const limit = limits.records[container.name];
	if (added > 0 && keyCountBound(type) + added > limit && liveEntryCount(type) + added > limit) {
		throw rejected(`${container.name}: a board holds at most ${limit} ${container.name}`);
	}
}

const estimates = new WeakMap<Y.Doc, { bytes: number }>();

const measure = (doc: Y.Doc) => Y.encodeStateAsUpdate(doc).byteLength;
const size = (bytes: number) => (bytes >= 1 << 20 ? `${Math.round(bytes / (1 << 20))} MiB` : `${Math.round(bytes / 1024)} KiB`);

/** Refuses an update that adds content when it would take the board over its byte limit. */
export function spendBudget(doc: Y.Doc, update: Uint8Array, addsContent: boolean, limitBytes: number): void {
	if (!addsContent) return;
	let estimate = estimates.get(doc);
	if (!estimate) estimates.set(doc, (estimate = { bytes: measure(doc) }));
	if (estimate.bytes + update.byteLength > limitBytes) {
		estimate.bytes = measure(doc);
		if (estimate.bytes + update.byteLength > limitBytes) {
			throw rejected(`board is full (${size(limitBytes)}): remove something first`);
		}
	}
	estimate.bytes += update.byteLength;
}
