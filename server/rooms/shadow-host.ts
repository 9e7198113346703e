/**
 * Where the shadow documents live. The room talks to this interface only; messages are applied
 * in the order they are sent, so a snapshot reflects every append sent before it.
 */
import { ShadowDocs } from './shadow-docs';

export interface ShadowHost {
	open(boardId: string, parts: readonly Uint8Array[]): void;
	append(boardId: string, updates: readonly Uint8Array[]): void;
	snapshot(boardId: string): Promise<Uint8Array>;
	close(boardId: string): void;
	/** Lets go of the host's thread, if it has one. */
	terminate(): Promise<void>;
}

/** Shadows in the calling thread: deterministic, for tests and for a host without workers. */
export function inThreadShadows(): ShadowHost {
	const shadows = new ShadowDocs();
	return {
		open: (boardId, parts) => shadows.open(boardId, parts),
		append: (boardId, updates) => shadows.append(boardId, updates),
		snapshot: async (boardId) => shadows.snapshot(boardId),
		close: (boardId) => shadows.close(boardId),
		terminate: async () => {}
	};
}
