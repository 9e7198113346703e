/**
 * Every version of every item of a board, in plain memory: after each logged update, the fields
 * of each record it touched and each meta key it set, plus the time of every update.
 *
 * Why not just a Y.Doc from a keyframe? A Yjs state keeps a tombstone for every value ever
 * overwritten (a moved pin leaves four), so materialising a document costs the board's whole
 * history, not the keyframe interval (seconds after 100 000 updates). The board as it stood at
 * seq S is instead read here by one binary search per item: the cost grows with the number of
 * items, not of updates. Each version is read through the model once, when it is recorded, so a
 * seek does no parsing at all.
 */
import { COLLECTION_NAMES, COLLECTIONS, type CollectionName } from '../../src/lib/model/layout';
import { metaFields, type BoardMeta } from '../../src/lib/model/meta';
import type { BoardContent } from '../../src/lib/protocol/history';
import type { Fields } from './change-labels';
import { valueBytes, VERSION_BYTES } from './memory-estimate';

interface Version {
	seq: number;
	/** The model's reading of the record from this seq on; null when absent or not fitting the schema. */
	record: unknown;
}

/** The last entry with seq ≤ `seq` in a list sorted by seq, or undefined. */
function versionAt<T extends { seq: number }>(versions: readonly T[], seq: number): T | undefined {
	let low = 0;
	let high = versions.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (versions[middle]!.seq <= seq) low = middle + 1;
		else high = middle;
	}
	return low > 0 ? versions[low - 1] : undefined;
}

export class BoardTimeline {
	private readonly records = new Map<CollectionName, Map<string, Version[]>>(COLLECTION_NAMES.map((name) => [name, new Map()]));
	/** The raw fields of each record's newest version only (what the next change is compared with). */
	private readonly current = new Map<CollectionName, Map<string, Fields>>(COLLECTION_NAMES.map((name) => [name, new Map()]));
	/** Ids per collection in sorted order (content lists records by id), rebuilt when one is added. */
	private readonly sortedIds = new Map<CollectionName, string[]>();
	private readonly meta = new Map<string, { seq: number; value: unknown }[]>();
	/** times[seq]: when update seq was logged (times[0] is unused). */
	private readonly times: number[] = [0];
	/** Estimated heap bytes of the versions kept (memory-estimate.ts), for the cache's budget. */
	private versionBytes = 0;

	get bytes(): number {
		return this.versionBytes;
	}

	/** The last update recorded. */
	get head(): number {
		return this.times.length - 1;
	}

	addUpdate(seq: number, at: number): void {
		if (seq !== this.times.length) throw new Error(`timeline at ${this.head} given update ${seq}`);
		this.times.push(at);
	}

	timeOf(seq: number): number | null {
		return seq > 0 && seq <= this.head ? this.times[seq]! : null;
	}

	/** The last seq logged at or before `time` (0 if none): times never go backwards. */
	seqAt(time: number): number {
		let low = 1;
		let high = this.times.length;
		while (low < high) {
			const middle = (low + high) >>> 1;
			if (this.times[middle]! <= time) low = middle + 1;
			else high = middle;
		}
		return low - 1;
	}

	latest(collection: CollectionName, id: string): Fields | undefined {
		return this.current.get(collection)!.get(id);
	}

	latestMeta(key: string): unknown {
		return this.meta.get(key)?.at(-1)?.value;
	}

	setRecord(collection: CollectionName, id: string, seq: number, fields: Fields | undefined): void {
		const parsed = fields ? COLLECTIONS[collection].safeParse(fields) : undefined;
		const version: Version = { seq, record: parsed?.success ? parsed.data : null };
		this.versionBytes += VERSION_BYTES + valueBytes(version.record);
		if (fields) this.current.get(collection)!.set(id, fields);
		else this.current.get(collection)!.delete(id);
		const byId = this.records.get(collection)!;
		const versions = byId.get(id);
		if (versions) versions.push(version);
		else {
			byId.set(id, [version]);
			this.sortedIds.delete(collection);
		}
	}

	setMeta(key: string, seq: number, value: unknown): void {
		this.versionBytes += VERSION_BYTES + valueBytes(value);
		const versions = this.meta.get(key);
		if (versions) versions.push({ seq, value });
		else this.meta.set(key, [{ seq, value }]);
	}

	/** The board after update `seq`, exactly as `boardContent` reads a document at that seq. */
	contentAt(seq: number): BoardContent {
		const read = (name: CollectionName) => {
			const byId = this.records.get(name)!;
			let ids = this.sortedIds.get(name);
			if (!ids) this.sortedIds.set(name, (ids = [...byId.keys()].sort()));
			const records: unknown[] = [];
			for (const id of ids) {
				const record = versionAt(byId.get(id)!, seq)?.record;
				if (record) records.push(record);
			}
			return records;
		};
		return {
			pins: read('pins'),
			fronts: read('fronts'),
			reports: read('reports'),
			sectors: read('sectors'),
			meta: this.metaAt(seq)
		} as BoardContent;
	}

	private metaAt(seq: number): BoardContent['meta'] {
		const valueAt = (key: string) => {
			const versions = this.meta.get(key);
			return versions ? versionAt(versions, seq)?.value : undefined;
		};
		const meta: Record<string, unknown> = {};
		// The model's meta keys, each read by its own schema (as readMeta does).
		for (const [key, schema] of Object.entries(metaFields)) {
			const parsed = schema.safeParse(valueAt(key));
			if (parsed.success) meta[key] = parsed.data;
		}
		return meta as BoardMeta;
	}
}
