/**
 * A change the server makes on someone's behalf (the records API), held to the same rules as a
 * watcher's update. The change is drafted on a copy of the board and only its difference is
 * validated and applied to the live document — so a request that would break a board limit or a
 * schema is refused before anything is applied, logged or broadcast, exactly like a refused
 * Yjs update, instead of trusting the server's own code path.
 *
 * The copy costs one encode and one decode of the board per request (~1 ms for the demo board):
 * fine for the rate-limited API, and why live editing does not work this way.
 */
import * as Y from 'yjs';
import type { UpdateValidator } from './update-validator';

/** The content validator said no; `reason` names the record and field. */
export class DraftRefused extends Error {
	constructor(readonly reason: string) {
		super(reason);
		this.name = 'DraftRefused';
	}
}

export interface Draft<T> {
	/** What the change function returned (e.g. the id of a new record). */
	result: T;
	/** The Yjs update to apply to the live document: exactly what the change wrote. */
	update: Uint8Array;
}

/**
 * Runs `change` on a copy of `doc`, writing as `clientId`, and returns the update it made. The
 * caller keeps one writer id per live board (not the board document's own: Yjs gives a document
 * a new id when a remote update carries its own, and not a fresh one per call: every id stays in
 * the board's state vector forever). Draft and apply happen in one synchronous turn, so nothing
 * else writes as that id in between and its clock continues where the board's left off.
 */
export function draftChange<T>(doc: Y.Doc, clientId: number, change: (draft: Y.Doc) => T): Draft<T> {
	const draft = new Y.Doc({ gc: doc.gc });
	try {
		Y.applyUpdate(draft, Y.encodeStateAsUpdate(doc));
		// Set after loading: loading a state that holds this id's writes would make Yjs pick another.
		draft.clientID = clientId;
		// The transaction's own update carries only its own deletions, not the board's whole delete set.
		const written: Uint8Array[] = [];
		draft.on('update', (update: Uint8Array) => written.push(update));
		let result!: T;
		// One transaction, however many named operations the change runs: one logged update.
		draft.transact(() => {
			result = change(draft);
		});
		return { result, update: written.length === 1 ? written[0]! : Y.mergeUpdates(written) };
	} finally {
		draft.destroy();
	}
}

/** Drafts, validates against the live document, and applies with `origin`; throws DraftRefused. */
export function applyDrafted<T>(doc: Y.Doc, clientId: number, validator: UpdateValidator, origin: unknown, change: (draft: Y.Doc) => T): T {
	const { result, update } = draftChange(doc, clientId, change);
	const verdict = validator(doc, update);
	if (!verdict.ok) throw new DraftRefused(verdict.reason);
	Y.applyUpdate(doc, update, origin);
	return result;
}
