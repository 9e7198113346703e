/**
 * Undo and redo of this watcher's own changes only (see undo-scope.ts), with reactive
 * `canUndo` / `canRedo` for the buttons.
 */
import type * as Y from 'yjs';
import { ownEditsUndoManager } from './undo-scope';

export class UndoHistory {
	canUndo = $state(false);
	canRedo = $state(false);
	private readonly manager: Y.UndoManager;

	constructor(doc: Y.Doc, localOrigin: unknown) {
		this.manager = ownEditsUndoManager(doc, localOrigin);
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
