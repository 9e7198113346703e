/**
 * Copies of live boards kept only to take keyframes from. A shadow is fed exactly the updates
 * the room has logged, in log order, so a snapshot of it is the board at a known sequence number
 * — whatever the live document has taken in since. Pure Yjs: runs in the keyframe worker, or in
 * the room's own thread where no worker is wanted (unit tests).
 */
import * as Y from 'yjs';

export class ShadowDocs {
	private readonly docs = new Map<string, Y.Doc>();

	/** Starts a board's shadow from the parts its log is made of (a keyframe and the updates after it). */
	open(boardId: string, parts: readonly Uint8Array[]): void {
		this.close(boardId);
		const doc = new Y.Doc();
		doc.transact(() => {
			for (const part of parts) Y.applyUpdate(doc, part);
		});
		this.docs.set(boardId, doc);
	}

	append(boardId: string, updates: readonly Uint8Array[]): void {
		const doc = this.docs.get(boardId);
		if (!doc) throw new Error(`no shadow of board ${boardId}`);
		doc.transact(() => {
			for (const update of updates) Y.applyUpdate(doc, update);
		});
	}

	snapshot(boardId: string): Uint8Array {
		const doc = this.docs.get(boardId);
		if (!doc) throw new Error(`no shadow of board ${boardId}`);
		return Y.encodeStateAsUpdate(doc);
	}

	close(boardId: string): void {
		this.docs.get(boardId)?.destroy();
		this.docs.delete(boardId);
	}

	get size(): number {
		return this.docs.size;
	}
}
