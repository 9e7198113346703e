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
 * Runs `change` on a copy of `doc` and returns the update it made. The copy writes with the live
 * document's own client id: nothing else writes with it between the copy and the apply (both
 * happen in one synchronous turn), so its clock continues the live one and the board's state
 * vector does not grow by one client per request.
 */
export function draftChange<T>(doc: Y.Doc, change: (draft: Y.Doc) => T): Draft<T> {
	const draft = new Y.Doc({ gc: doc.gc });
	draft.clientID = doc.clientID;
	try {
		Y.applyUpdate(draft, Y.encodeStateAsUpdate(doc));
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
export function applyDrafted<T>(doc: Y.Doc, validator: UpdateValidator, origin: unknown, change: (draft: Y.Doc) => T): T {
	const { result, update } = draftChange(doc, change);
	const verdict = validator(doc, update);
	if (!verdict.ok) throw new DraftRefused(verdict.reason);
	Y.applyUpdate(doc, update, origin);
	return result;
}
