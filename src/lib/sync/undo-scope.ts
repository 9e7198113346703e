/**
 * The undo scope of one watcher: a Y.UndoManager over the board's top-level maps that tracks only
 * transactions carrying `localOrigin` (this browser's named operations). Remote updates arrive with
 * the provider as origin and this browser's offline copy with y-indexeddb's, so neither is ever
 * undone here. Changes within UNDO_CAPTURE_MS of each other (a drag's last moves) are one step.
 */
import * as Y from 'yjs';
import { COLLECTION_NAMES, collection, metaMap } from '../model/layout';

export const UNDO_CAPTURE_MS = 500;

export function ownEditsUndoManager(doc: Y.Doc, localOrigin: unknown): Y.UndoManager {
	const scope = [...COLLECTION_NAMES.map((name) => collection(doc, name)), metaMap(doc)];
	return new Y.UndoManager(scope, { trackedOrigins: new Set([localOrigin]), captureTimeout: UNDO_CAPTURE_MS });
}
