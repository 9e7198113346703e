/**
 * The board document's layout — the one place that knows how a board sits in a Y.Doc.
 *
 *   doc.getMap('pins')     id → Y.Map(record fields)   see pin.ts
 *   doc.getMap('fronts')   id → Y.Map(record fields)   see front.ts
 *   doc.getMap('reports')  id → Y.Map(record fields)   see report.ts
 *   doc.getMap('sectors')  id → Y.Map(record fields)   see sector.ts
 *   doc.getMap('meta')     key → plain value           see meta.ts
 *
 * A record is a nested Y.Map so that two watchers editing different fields of one pin (one moves
 * it, one renames it) both win. Array-valued fields (a front's points) are plain JSON values:
 * replaced whole, last writer wins — a shape edit is one gesture by one person.
 */
import * as Y from 'yjs';
import { frontSchema } from './front';
import { pinSchema } from './pin';
import { reportSchema } from './report';
import { sectorSchema } from './sector';

export const COLLECTIONS = {
	pins: pinSchema,
	fronts: frontSchema,
	reports: reportSchema,
	sectors: sectorSchema
} as const;
export type CollectionName = keyof typeof COLLECTIONS;
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];

export const META = 'meta';

/** Every top-level name a board document may have; anything else is not a board. */
export const TOP_LEVEL_NAMES: readonly string[] = [...COLLECTION_NAMES, META];

/** A record as stored: a Y.Map of its fields (the id is the key in the collection, not a field). */
export type RecordMap = Y.Map<unknown>;

export function collection(doc: Y.Doc, name: CollectionName): Y.Map<RecordMap> {
	return doc.getMap<RecordMap>(name);
}

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap<unknown>(META);
}
