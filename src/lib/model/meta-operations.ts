/** Reading and changing the board-wide `meta` map (title, description, home view, fork origin). */
import * as Y from 'yjs';
import { metaMap } from './layout';
import { FORKED_FROM_KEY, metaFields, type BoardMeta, type ForkedFrom, type MapView, type MetaKey } from './meta';
import { transact, type OperationContext } from './operation-context';
import { parseOrThrow } from './validation-error';

export function readMeta(doc: Y.Doc): BoardMeta {
	const map = metaMap(doc);
	const meta: Record<string, unknown> = {};
	// Each key by its own schema: a value that does not fit is left out, never a broken board.
	for (const key of Object.keys(metaFields) as MetaKey[]) {
		const parsed = metaFields[key].safeParse(map.get(key));
		if (parsed.success) meta[key] = parsed.data;
	}
	return meta as BoardMeta;
}

/** Notes where a new board was forked from (the fork writes it once, with the copied state). */
export function markForked(doc: Y.Doc, origin: ForkedFrom, context: OperationContext = {}): void {
	const value = parseOrThrow(metaFields.forkedFrom, origin, 'forkedFrom');
	transact(doc, context, () => metaMap(doc).set(FORKED_FROM_KEY, value));
}

export function renameBoard(doc: Y.Doc, title: string, context: OperationContext = {}): void {
	const value = parseOrThrow(metaFields.title, title, 'title');
	transact(doc, context, () => metaMap(doc).set('title', value));
}

export function describeBoard(doc: Y.Doc, description: string, context: OperationContext = {}): void {
	const value = parseOrThrow(metaFields.description, description, 'description');
	transact(doc, context, () => metaMap(doc).set('description', value));
}

export function setHomeView(doc: Y.Doc, view: MapView, context: OperationContext = {}): void {
	const value = parseOrThrow(metaFields.homeView, view, 'homeView');
	transact(doc, context, () => metaMap(doc).set('homeView', value));
}
