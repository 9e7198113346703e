/**
 * A board document as plain JSON, the way the model reads it: valid records only (what the app
 * shows), sorted by id so that two equal boards give equal JSON.
 */
import type * as Y from 'yjs';
import { readMeta } from '../../src/lib/model/meta-operations';
import { readAll } from '../../src/lib/model/records';
import type { BoardContent } from '../../src/lib/protocol/history';

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function boardContent(doc: Y.Doc): BoardContent {
	return {
		pins: readAll(doc, 'pins').sort(byId),
		fronts: readAll(doc, 'fronts').sort(byId),
		reports: readAll(doc, 'reports').sort(byId),
		sectors: readAll(doc, 'sectors').sort(byId),
		meta: readMeta(doc)
	};
}
