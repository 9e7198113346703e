/**
 * Replays a board's log, update by update, on a private Y.Doc and says what each update changed.
 *
 * Which items an update touched comes from Yjs itself: the transaction's `changed` map lists a
 * collection with the ids of records added, replaced or deleted, and a record map with the fields
 * set in it (its key in its collection is the record id). Each touched record's fields go
 * into the board's timeline, which also answers "what were they before": an update costs the
 * records it touched, not the board's size, and a removed item is still named by its label.
 */
import * as Y from 'yjs';
import { collection, COLLECTION_NAMES, metaMap, type CollectionName } from '../../src/lib/model/layout';
import { recordFields } from '../../src/lib/model/records';
import type { ChangeEntry } from '../../src/lib/protocol/history';
import type { LoggedUpdate } from '../storage/storage';
import { BoardTimeline } from './board-timeline';
import { describeMetaChange, describeRecordChange, type ChangeContext } from './describe-change';

/** Any Yjs shared type, as `transaction.changed` keys them (Yjs's own typing: `any` events). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs's own typing; no narrower type fits every kind
type SharedType = Y.AbstractType<Y.YEvent<any>>;

export class ChangeTracker {
	/** The board as it stood after the last applied update. */
	readonly doc = new Y.Doc();
	/** Every version of every item so far: the board at any seq up to `seq`. */
	readonly timeline = new BoardTimeline();
	private readonly touched = new Map<CollectionName, Set<string>>();
	private readonly touchedMeta = new Set<string>();
	/** The top-level maps, to tell which collection a changed type belongs to. */
	private readonly topLevel = new Map<object, CollectionName | 'meta'>();

	constructor() {
		for (const name of COLLECTION_NAMES) {
			this.touched.set(name, new Set());
			this.topLevel.set(collection(this.doc, name), name);
		}
		this.topLevel.set(metaMap(this.doc), 'meta');
		// `transaction.changed` (type → keys set) says it all without building observer events:
		// a collection's keys are record ids; a record's own change is found through its parent.
		this.doc.on('afterTransaction', (transaction: Y.Transaction) => {
			for (const [type, keys] of transaction.changed) {
				const top = this.topLevel.get(type);
				if (!top) {
					this.touchRecordHolding(type);
					continue;
				}
				const touched = top === 'meta' ? this.touchedMeta : this.touched.get(top)!;
				for (const key of keys) if (key !== null) touched.add(key);
			}
		});
	}

	/** The sequence number of the last update applied (0 before the first). */
	get seq(): number {
		return this.timeline.head;
	}

	/** Applies the next logged update and returns what it changed, possibly nothing. */
	apply(entry: LoggedUpdate): ChangeEntry[] {
		if (entry.seq !== this.seq + 1) throw new Error(`update ${entry.seq} replayed after ${this.seq}`);
		Y.applyUpdate(this.doc, entry.update);
		this.timeline.addUpdate(entry.seq, entry.at);
		const context: ChangeContext = { seq: entry.seq, at: entry.at, actor: entry.actor };
		const changes: ChangeEntry[] = [];
		for (const name of COLLECTION_NAMES) {
			const ids = this.touched.get(name)!;
			if (ids.size === 0) continue;
			for (const id of ids) changes.push(...this.recordChanged(context, name, id));
			ids.clear();
		}
		for (const key of this.touchedMeta) {
			const after = metaMap(this.doc).get(key);
			changes.push(...describeMetaChange(context, key, this.timeline.latestMeta(key), after));
			this.timeline.setMeta(key, entry.seq, after);
		}
		this.touchedMeta.clear();
		return changes;
	}

	/** Marks the record a changed nested type sits in (a record map, or something a foreign client nested in one). */
	private touchRecordHolding(type: SharedType): void {
		let item = type._item;
		while (item && item.parent instanceof Y.AbstractType) {
			const top = this.topLevel.get(item.parent);
			if (top && top !== 'meta' && item.parentSub !== null) {
				this.touched.get(top)!.add(item.parentSub);
				return;
			}
			if (top === 'meta' && item.parentSub !== null) {
				this.touchedMeta.add(item.parentSub);
				return;
			}
			item = item.parent._item;
		}
	}

	destroy(): void {
		this.doc.destroy();
	}

	private recordChanged(context: ChangeContext, name: CollectionName, id: string): ChangeEntry[] {
		const before = this.timeline.latest(name, id);
		const map = collection(this.doc, name).get(id);
		// A foreign client may put a non-map under a record id; readers skip it, and so do we.
		const after = map instanceof Y.Map ? recordFields(id, map) : undefined;
		this.timeline.setRecord(name, id, context.seq, after);
		return describeRecordChange(context, name, id, before, after);
	}
}
