/**
 * What every named operation is told besides its input: who acts (recorded as createdBy /
 * updatedBy), the transaction origin (so an UndoManager or the server can tell whose change it
 * is), and the clock (so the demo board can be recorded at 2022 times and tests are repeatable).
 */
import * as Y from 'yjs';

export interface OperationContext {
	actor?: string;
	origin?: unknown;
	now?: number;
}

export function stamp(context: OperationContext): { by: string | undefined; at: number } {
	return { by: context.actor, at: context.now ?? Date.now() };
}

/** Runs `change` as one Yjs transaction carrying the context's origin. */
export function transact<T>(doc: Y.Doc, context: OperationContext, change: () => T): T {
	let result!: T;
	doc.transact(() => {
		result = change();
	}, context.origin ?? null);
	return result;
}
