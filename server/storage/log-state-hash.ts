/**
 * A board's state as its log makes it, as one hash: every logged update applied in seq order to a
 * fresh document, then SHA-256 of its encoded state. Two logs with the same hash make the same
 * board (encoding is deterministic: clients and deletions are written in a fixed order). The
 * migration computes it on each side, from each side's own rows.
 */
import { createHash } from 'node:crypto';
import * as Y from 'yjs';

export async function logStateHash(updates: Iterable<Uint8Array> | AsyncIterable<Uint8Array>): Promise<string> {
	const doc = new Y.Doc();
	try {
		for await (const update of updates) Y.applyUpdate(doc, update);
		return createHash('sha256').update(Y.encodeStateAsUpdate(doc)).digest('hex');
	} finally {
		doc.destroy();
	}
}
