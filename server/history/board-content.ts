/**
 * A board document as plain JSON, the way the model reads it: valid records only (what the app
 * shows), sorted by id so that two equal boards give equal JSON. Meta also carries `forkedFrom`,
 * which the fork writes and the model's meta schema does not know yet.
 */
import type * as Y from 'yjs';
import { metaMap } from '../../src/lib/model/layout';
import { readMeta } from '../../src/lib/model/meta-operations';
import { readAll } from '../../src/lib/model/records';
import { FORKED_FROM_KEY, forkedFrom, type BoardContent } from '../../src/lib/protocol/history';

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function boardContent(doc: Y.Doc): BoardContent {
	const origin = forkedFrom.safeParse(metaMap(doc).get(FORKED_FROM_KEY));
	const meta = readMeta(doc);
	return {
		pins: readAll(doc, 'pins').sort(byId),
		fronts: readAll(doc, 'fronts').sort(byId),
		reports: readAll(doc, 'reports').sort(byId),
		sectors: readAll(doc, 'sectors').sort(byId),
		meta: origin.success ? { ...meta, forkedFrom: origin.data } : meta
	};
}
