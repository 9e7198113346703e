/**
 * Whether an update from a viewer changes nothing. A stock y-websocket provider answers the
 * server's sync step 1 with a sync step 2 on every join, even when it has nothing new: for a fresh
 * viewer that is an empty update, for a reconnecting one it repeats structs and deletions the
 * server already has. Those must pass silently; anything new is refused with a close code.
 */
import * as Y from 'yjs';

export function changesNothing(doc: Y.Doc, update: Uint8Array): boolean {
	try {
		// Cheap common case first: a fresh viewer's step 2 is "no structs, no deletions".
		const { structs, ds } = Y.decodeUpdate(update);
		if (structs.length === 0 && ds.clients.size === 0) return true;
		// Otherwise: is every struct and deletion already in the board? (Walks the doc's delete set;
		// viewers send this once per join, so the cost is paid rarely.)
		return Y.snapshotContainsUpdate(Y.snapshot(doc), update);
	} catch {
		// Does not decode: not "nothing"; the caller refuses it.
		return false;
	}
}
