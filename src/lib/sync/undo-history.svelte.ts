/**
 * Undo and redo of this watcher's own changes only: a Y.UndoManager over the board's top-level
 * maps that tracks exactly the transactions carrying this browser's local origin. Changes from the
 * server (the provider's origin) and from this browser's offline copy are never tracked, so an
 * undo never takes back another watcher's edit. Quick successive changes (a drag's last moves)
 * merge into one step.
 */
import * as Y from 'yjs';
import { COLLECTION_NAMES, collection, metaMap } from '$lib/model/layout';

/** Changes within this long of each other undo together (one gesture). */
export const UNDO_CAPTURE_MS = 500;

export class UndoHistory {
	canUndo = $state(false);
	canRedo = $state(false);
	private readonly manager: Y.UndoManager;

	constructor(doc: Y.Doc, localOrigin: unknown) {
		const scope = [...COLLECTION_NAMES.map((name) => collection(doc, name)), metaMap(doc)];
		this.manager = new Y.UndoManager(scope, { trackedOrigins: new Set([localOrigin]), captureTimeout: UNDO_CAPTURE_MS });
		for (const event of ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const) this.manager.on(event, this.refresh);
	}

	undo(): void {
		this.manager.undo();
	}

	redo(): void {
		this.manager.redo();
	}

	/** Ends the current step, so the next change is undone on its own (not merged into the last). */
	stopCapturing(): void {
		this.manager.stopCapturing();
	}

	destroy(): void {
		for (const event of ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const) this.manager.off(event, this.refresh);
		this.manager.destroy();
	}

	private readonly refresh = () => {
		this.canUndo = this.manager.canUndo();
		this.canRedo = this.manager.canRedo();
	};
}
