/**
 * Reading and writing records in the document's collections. Reads validate: an entry a foreign
 * client wrote that does not fit the schema is skipped rather than crashing a view.
 */
import * as Y from 'yjs';
import type { z } from 'zod';
import { collection, COLLECTIONS, type CollectionName, type RecordMap } from './layout';
import { stamp, transact, type OperationContext } from './operation-context';

export type RecordOf<C extends CollectionName> = z.infer<(typeof COLLECTIONS)[C]>;

/** The plain fields of a record map, with its id. */
export function recordFields(id: string, map: RecordMap): Record<string, unknown> {
	const fields: Record<string, unknown> = { id };
	for (const [key, value] of map.entries()) fields[key] = value;
	return fields;
}

export function readRecord<C extends CollectionName>(
	doc: Y.Doc,
	name: C,
	id: string
): RecordOf<C> | undefined {
	const map = collection(doc, name).get(id);
	if (!(map instanceof Y.Map)) return undefined;
	const parsed = COLLECTIONS[name].safeParse(recordFields(id, map));
	return parsed.success ? (parsed.data as RecordOf<C>) : undefined;
}

/** Every valid record of a collection, in no particular order. */
export function readAll<C extends CollectionName>(doc: Y.Doc, name: C): RecordOf<C>[] {
	const records: RecordOf<C>[] = [];
	for (const [id, map] of collection(doc, name).entries()) {
		if (!(map instanceof Y.Map)) continue;
		const parsed = COLLECTIONS[name].safeParse(recordFields(id, map));
		if (parsed.success) records.push(parsed.data as RecordOf<C>);
	}
	return records;
}

/** Writes fields into a record map; `undefined` deletes a field. Call inside a transaction. */
export function writeFields(map: RecordMap, fields: Record<string, unknown>): void {
	for (const [key, value] of Object.entries(fields)) {
		if (key === 'id') continue;
		if (value === undefined) map.delete(key);
		else if (map.get(key) !== value) map.set(key, value);
	}
}

/** Creates a record map holding `fields` (without its id). Call inside a transaction. */
export function newRecordMap(fields: Record<string, unknown>): RecordMap {
	const map = new Y.Map<unknown>();
	for (const [key, value] of Object.entries(fields)) {
		if (key !== 'id' && value !== undefined) map.set(key, value);
	}
	return map;
}

/** Stores a new record under `id` in one transaction, stamped with who made it and when. */
export function insertRecord(doc: Y.Doc, name: CollectionName, id: string, fields: Record<string, unknown>, context: OperationContext): void {
	const { by, at } = stamp(context);
	transact(doc, context, () => {
		collection(doc, name).set(id, newRecordMap({ ...fields, createdBy: by, createdAt: at }));
	});
}
