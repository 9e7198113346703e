/**
 * Checks an incoming Yjs update before it is applied, stored or broadcast: it must decode, be
 * integrable in full, and leave the board valid by the model's schemas. It works from the decoded
 * update and read-only lookups into the live doc — never a copy of the doc — because it runs on
 * every change (content-yjs.ts holds the few Yjs internals it reads). The steps:
 *
 *   decode → top-level names (Yjs creates them while decoding, before anything integrates)
 *   → integration order (content-order.ts: nothing may be left pending)
 *   → where each new item lands (content-placement.ts) and what may never be written (content-changes.ts)
 *   → what the delete set removes from the doc (content-deletes.ts)
 *   → each touched record, meta key and collection judged after the update (content-records.ts)
 *   → the board's size budget (content-board.ts).
 *
 * A refusal names the record and field in ≤ 120 ASCII bytes: it is sent as the close reason.
 */
import * as Y from 'yjs';
import { TOP_LEVEL_NAMES } from '../../src/lib/model/layout';
import { spendBudget } from './content-board';
import { ChangeSet } from './content-changes';
import { Deletions } from './content-deletes';
import { BOARD_LIMITS, type BoardLimits } from '../../src/lib/model/board-limits';
import { integrationOrder, UpdateStructs } from './content-order';
import { Placements } from './content-placement';
import { clip, malformed, quote, Refusal, rejected } from './content-reasons';
import { judgeChanges } from './content-records';
import { decodedParent, type DecodedUpdate } from './content-yjs';

export type Verdict =
	| { ok: true }
	| {
			ok: false;
			/** Not a well-formed update (close 4400) rather than content the board refuses (4422). */
			malformed: boolean;
			reason: string;
			/**
			 * It depends on changes the board does not have (a client that edited before its
			 * sync step 2 arrived). The change is not lost: a resync (send the client sync step 1)
			 * would bring it with its dependencies — better than closing the connection.
			 */
			missingDependencies?: boolean;
	  };

export type UpdateValidator = (doc: Y.Doc, update: Uint8Array) => Verdict;

const topLevel = new Set(TOP_LEVEL_NAMES);
const MAX_WALK_STEPS = 20_000;

function check(doc: Y.Doc, update: Uint8Array, limits: BoardLimits): void {
	let decoded: DecodedUpdate;
	try {
		decoded = Y.decodeUpdate(update);
	} catch {
		throw malformed('update does not decode');
	}
	for (const struct of decoded.structs) {
		const parent = struct instanceof Y.Item ? decodedParent(struct) : null;
		if (typeof parent === 'string' && !topLevel.has(parent)) throw rejected(`unknown top-level type ${quote(parent)}`);
	}
	const structs = new UpdateStructs(doc, update, decoded.structs);
	const { order, stateAfter } = integrationOrder(structs);
	const deletions = new Deletions(decoded.ds);
	deletions.requireKnown(stateAfter);

	const placements = new Placements(structs);
	const changes = new ChangeSet(deletions);
	for (const struct of order) {
		if (struct instanceof Y.Item) changes.addItem(struct, placements.place(struct));
	}
	deletions.forEachDocItem(doc, (client) => structs.docClock(client), (item) => changes.addDocDeletion(item, placements.ofDocItem(item)));
	// Concurrent edits walk up a key's history (content-outcome.ts); a crafted update could make
	// every one of its items walk far. Past this many steps outcomes are left open (judged strictly).
	let walkSteps = MAX_WALK_STEPS;
	judgeChanges(doc, changes, limits, (id) => {
		const found = walkSteps-- > 0 ? structs.lookup(id) : null;
		return found?.struct instanceof Y.Item ? found.struct : null;
	});
	spendBudget(doc, update, order.length > 0, limits.boardBytes);
}

/** A validator with the given board limits (tests use small ones). */
export function createUpdateValidator(limits: BoardLimits = BOARD_LIMITS): UpdateValidator {
	return (doc, update) => {
		try {
			check(doc, update, limits);
			return { ok: true };
		} catch (error) {
			if (error instanceof Refusal) {
				const verdict = { ok: false as const, malformed: error.malformed, reason: clip(error.reason) };
				return error.missingDependencies ? { ...verdict, missingDependencies: true } : verdict;
			}
			// A bug here must not let content through, nor take the server down: refuse it.
			return { ok: false, malformed: true, reason: clip(`update could not be checked: ${(error as Error)?.message ?? error}`) };
		}
	};
}

export const validateUpdate: UpdateValidator = createUpdateValidator();
