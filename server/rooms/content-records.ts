/**
 * Judges what an update does to the board's content, on the state the board would have after it
 * (never a copy of the document: the doc's current fields plus the update's outcome per key):
 * - a record it creates or changes must parse with its collection's schema as a whole — required
 *   fields present, each value valid, cross-field rules (a front's minimum points) kept; values
 *   may not carry keys the schema does not know;
 * - a required field of a surviving record may not be deleted, nor left to a concurrent race
 *   that could delete it; deleting a whole record is fine;
 * - a meta value must parse with its `metaFields` schema, and a required meta key (the title, which
 *   the board list mirrors) may not be deleted, nor left to a race that could delete it;
 * - a collection may not grow past the board's limit (content-board.ts).
 * The model (COLLECTIONS, metaFields, recordFields) is the only source of what is valid.
 */
import * as Y from 'yjs';
import type { z } from 'zod';
import { COLLECTIONS, META, type CollectionName } from '../../src/lib/model/layout';
import { metaFields, REQUIRED_META_KEYS, type MetaKey } from '../../src/lib/model/meta';
import { recordFields } from '../../src/lib/model/records';
import { judgeRecordCount } from './content-board';
import type { ChangeSet, Group } from './content-changes';
import type { BoardLimits } from '../../src/lib/model/board-limits';
import { ABSENT, keyOutcome } from './content-outcome';
import { describeFailure, quote, rejected, where } from './content-reasons';
import { strayKey } from './content-schema';
import { currentItem, rootType } from './content-yjs';

const requiredFields = new Map<CollectionName, Set<string>>();

/** Fields a record cannot do without: those whose schema refuses `undefined` (read from the model). */
function required(collection: CollectionName): Set<string> {
	let fields = requiredFields.get(collection);
	if (!fields) {
		const shape: Record<string, z.ZodType> = COLLECTIONS[collection].shape;
		fields = new Set(Object.keys(shape).filter((key) => key !== 'id' && !shape[key]!.safeParse(undefined).success));
		requiredFields.set(collection, fields);
	}
	return fields;
}

/** Refuses a value carrying a key its schema does not define. */
function refuseStrayKeys(schema: z.ZodType, value: unknown, at: (path: readonly PropertyKey[]) => string, key: string): void {
	const stray = strayKey(schema, value, [key]);
	if (stray) throw rejected(`${at(stray.slice(0, -1))}: unknown key ${quote(String(stray[stray.length - 1]))}`);
}

/** One value on its own (a meta value, or a concurrent value the whole-record parse does not see). */
function judgeValue(schema: z.ZodType, value: unknown, at: (path: readonly PropertyKey[]) => string, key: string): void {
	const parsed = schema.safeParse(value);
	if (!parsed.success && value === undefined) throw rejected(`${at([key])}: cannot be undefined (delete the key instead)`);
	if (!parsed.success) throw rejected(describeFailure(parsed.error, schema, value, (path) => at([key, ...path])));
	refuseStrayKeys(schema, value, at, key);
}

function judgeRecord(group: Group, changes: ChangeSet, lookup: ItemLookup): void {
	const { container } = group;
	if (container.kind !== 'record') return;
	const { collection, id, holder, fresh } = container;
	// A record that does not survive the update has nothing left to judge.
	if (fresh ? !changes.isLive(holder) : holder.deleted || changes.removedRecords.has(holder)) return;
	const schema = COLLECTIONS[collection];
	const shape: Record<string, z.ZodType> = schema.shape;
	const map = fresh ? undefined : ((holder.content as Y.ContentType).type as Y.Map<unknown>);
	const fields: Record<string, unknown> = map ? recordFields(id, map) : { id };
	const at = (path: readonly PropertyKey[]) => where(collection, id, path);
	for (const [key, change] of group.keys) {
		const outcome = keyOutcome(change, currentItem(map, key), (item) => changes.isLive(item), lookup);
		if (outcome.value === ABSENT) delete fields[key];
		else fields[key] = outcome.value;
		if (required(collection).has(key)) {
			if (outcome.value === ABSENT && !fresh) throw rejected(`${at([key])}: is required and cannot be removed`);
			if (outcome.mayBeAbsent && outcome.value !== ABSENT) throw rejected(`${at([key])}: is required, and this change could remove it`);
		}
		if (!Object.hasOwn(shape, key)) continue;
		if (outcome.fromUpdate) refuseStrayKeys(shape[key]!, outcome.value, at, key);
		for (const other of outcome.others) judgeValue(shape[key]!, other, at, key);
	}
	const parsed = schema.safeParse(fields);
	if (!parsed.success) throw rejected(describeFailure(parsed.error, schema, fields, at));
}

function judgeMeta(group: Group, changes: ChangeSet, doc: Y.Doc, lookup: ItemLookup): void {
	const meta = rootType(doc, META);
	const at = (path: readonly PropertyKey[]) => where(META, null, path);
	for (const [key, change] of group.keys) {
		const current = currentItem(meta, key);
		const outcome = keyOutcome(change, current, (item) => changes.isLive(item), lookup);
		if (!Object.hasOwn(metaFields, key)) continue;
		if (REQUIRED_META_KEYS.has(key as MetaKey) && current !== undefined && !current.deleted) {
			if (outcome.value === ABSENT) throw rejected(`${at([key])}: is required and cannot be removed`);
			if (outcome.mayBeAbsent) throw rejected(`${at([key])}: is required, and this change could remove it`);
		}
		const schema: z.ZodType = metaFields[key as MetaKey];
		for (const value of outcome.fromUpdate ? [outcome.value, ...outcome.others] : outcome.others) judgeValue(schema, value, at, key);
	}
}

/** The item (of the doc or the update) holding an id; null if it was collected. */
export type ItemLookup = (id: Y.ID) => Y.Item | null;

export function judgeChanges(doc: Y.Doc, changes: ChangeSet, limits: BoardLimits, lookup: ItemLookup): void {
	for (const group of changes.groups.values()) {
		if (group.container.kind === 'record') judgeRecord(group, changes, lookup);
		else if (group.container.name === META) judgeMeta(group, changes, doc, lookup);
		else judgeRecordCount(group, changes, doc, limits);
	}
}
