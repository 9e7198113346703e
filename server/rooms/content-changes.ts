/**
 * Sorts an update's new items and deletions by where they land — which top-level map or record,
 * which key — checking on the way what is never allowed, whatever the values:
 * - content other than plain values and records: subdocuments, binary, rich text (strings,
 *   embeds, formats), Y.Text / Y.Array / XML types, legacy JSON content;
 * - a top-level name outside the model, a list position where a map key belongs, a record that
 *   is not a Y.Map, a record id that is not an id, a nested type inside a record or meta;
 * - for live values: an unknown field or meta key, a field holding several values at once.
 * Values themselves are judged per record, once every change is known (content-records.ts).
 */
import * as Y from 'yjs';
import { COLLECTIONS, TOP_LEVEL_NAMES } from '../../src/lib/model/layout';
import { metaFields } from '../../src/lib/model/meta';
import type { Deletions } from './content-deletes';
import { isCollection, label, type Container, type Placement } from './content-placement';
import { malformed, quote, rejected, where } from './content-reasons';
import { currentItem, parentType } from './content-yjs';

export type GroupContainer = Extract<Container, { kind: 'root' | 'record' }>;

/** What an update does to one key: its new items (in integration order), and whether it deletes the current one. */
export interface KeyChange {
	items: Y.Item[];
	removesCurrent: boolean;
}

export interface Group {
	container: GroupContainer;
	keys: Map<string, KeyChange>;
}

const topLevel = new Set(TOP_LEVEL_NAMES);

/** Subclasses before their bases: a Y.XmlText is a Y.Text, a Y.XmlHook a Y.Map. */
const TYPE_NAMES: [new (...args: never[]) => unknown, string][] = [
	[Y.XmlText, 'Y.XmlText'],
	[Y.XmlElement, 'Y.XmlElement'],
	[Y.XmlFragment, 'Y.XmlFragment'],
	[Y.XmlHook, 'Y.XmlHook'],
	[Y.Text, 'Y.Text'],
	[Y.Array, 'Y.Array']
];

function forbiddenContent(content: Y.Item['content']): string | null {
	if (content instanceof Y.ContentAny || content instanceof Y.ContentDeleted) return null;
	if (content instanceof Y.ContentType) {
		if (content.type.constructor === Y.Map) return null;
		const name = TYPE_NAMES.find(([type]) => content.type instanceof type)?.[1] ?? 'this Yjs type';
		return `a ${name} is not part of a board`;
	}
	if (content instanceof Y.ContentDoc) return 'subdocuments are not part of a board';
	if (content instanceof Y.ContentBinary) return 'binary values are not part of a board';
	if (content instanceof Y.ContentString || content instanceof Y.ContentEmbed || content instanceof Y.ContentFormat) {
		return 'rich text is not part of a board';
	}
	return 'this kind of content is not part of a board';
}

export class ChangeSet {
	readonly groups = new Map<Y.Item | string, Group>();
	/** Records of the doc (their holder items) this update deletes whole. */
	readonly removedRecords = new Set<Y.Item>();

	constructor(private readonly deletions: Deletions) {}

	/** Whether a new item survives the update (not born deleted, not deleted by its delete set). */
	isLive(item: Y.Item): boolean {
		return !(item.content instanceof Y.ContentDeleted) && !this.deletions.covers(item.id.client, item.id.clock, item.length);
	}

	group(container: GroupContainer): Group {
		const identity = container.kind === 'record' ? container.holder : container.name;
		let group = this.groups.get(identity);
		if (!group) this.groups.set(identity, (group = { container, keys: new Map() }));
		return group;
	}

	private change(container: GroupContainer, key: string): KeyChange {
		const keys = this.group(container).keys;
		let change = keys.get(key);
		if (!change) keys.set(key, (change = { items: [], removesCurrent: false }));
		return change;
	}

	/** Checks and files a new item of the update. Throws a Refusal. */
	addItem(item: Y.Item, placement: Placement): void {
		const forbidden = forbiddenContent(item.content);
		if (forbidden) throw rejected(`${label(placement)}: ${forbidden}`);
		const { container, key } = placement;
		if (container.kind === 'dropped') return;
		// Y.Map.set never writes a right origin; the outcome of a key (content-outcome.ts) relies on it.
		if (key !== null && item.rightOrigin !== null) throw malformed(`${label(placement)}: a map entry with a right origin`);
		if (container.kind === 'nested') throw rejected(`${label(placement)}: changes inside nested types are not allowed`);
		const live = this.isLive(item);
		if (container.kind === 'root') {
			if (!topLevel.has(container.name)) throw rejected(`unknown top-level type ${quote(container.name)}`);
			if (key === null) throw rejected(`${container.name}: is a map, its entries need a key`);
			if (live && isCollection(container.name)) this.checkRecordEntry(item, container.name, key);
			if (live && !isCollection(container.name)) this.checkMetaEntry(item, key);
		} else {
			if (key === null) throw rejected(`${where(container.collection, container.id)}: is a map, its fields need a key`);
			if (item.content instanceof Y.ContentType) throw rejected(`${label(placement)}: a field holds a plain value, not a nested type`);
			const shape = COLLECTIONS[container.collection].shape;
			if (live && (key === 'id' || !Object.hasOwn(shape, key))) {
				throw rejected(`${where(container.collection, container.id)}: unknown field ${quote(key)}`);
			}
			if (live && item.length !== 1) throw rejected(`${label(placement)}: a field holds one value (got ${item.length})`);
		}
		this.change(container, key).items.push(item);
	}

	private checkRecordEntry(item: Y.Item, collection: keyof typeof COLLECTIONS, key: string): void {
		const id = COLLECTIONS[collection].shape.id.safeParse(key);
		if (!id.success) throw rejected(`${where(collection, key)}: ${id.error.issues[0]?.message ?? 'not a record id'}`);
		const content = item.content;
		if (!(content instanceof Y.ContentType)) throw rejected(`${where(collection, key)}: a record must be a Y.Map`);
		// A new record is judged as a whole even when nothing is written into it.
		this.group({ kind: 'record', collection, id: key, holder: item, fresh: true });
	}

	private checkMetaEntry(item: Y.Item, key: string): void {
		if (!Object.hasOwn(metaFields, key)) throw rejected(`meta: unknown key ${quote(key)}`);
		if (!(item.content instanceof Y.ContentAny)) throw rejected(`${where('meta', null, [key])}: must be a plain value`);
		if (item.length !== 1) throw rejected(`${where('meta', null, [key])}: holds one value (got ${item.length})`);
	}

	/** Files an item of the doc that the update deletes, if it is a key's current value. */
	addDocDeletion(item: Y.Item, placement: Placement): void {
		const { container, key } = placement;
		if (key === null || (container.kind !== 'root' && container.kind !== 'record')) return;
		if (currentItem(parentType(item), key) !== item) return; // an overwritten value: deleting it changes nothing
		if (container.kind === 'root' && isCollection(container.name)) this.removedRecords.add(item);
		else this.change(container, key).removesCurrent = true;
	}
}
