/** Reading and changing the board-wide `meta` map (title, description, home view). */
import * as Y from 'yjs';
import { metaMap } from './layout';
import { metaFields, type BoardMeta, type MapView } from './meta';
import { transact, type OperationContext } from './operation-context';
import { parseOrThrow } from './validation-error';

export function readMeta(doc: Y.Doc): BoardMeta {
	const map = metaMap(doc);
	const meta: BoardMeta = {};
	const title = metaFields.title.safeParse(map.get('title'));
	if (title.success) meta.title = title.data;
	const description = metaFields.description.safeParse(map.get('description'));
	if (description.success) meta.description = description.data;
	const homeView = metaFields.homeView.safeParse(map.get('homeView'));
	if (homeView.success) meta.homeView = homeView.data;
	return meta;
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
