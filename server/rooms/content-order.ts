/**
 * Replays, without applying anything, the order in which `Y.applyUpdate` would integrate an
 * update's structs into the live doc (yjs `integrateStructs`): each client's structs in clock
 * order, and a struct only once everything it refers to — its origin, right origin and parent
 * item — is integrated, fetching another client's structs first when the update carries them.
 *
 * What Yjs cannot integrate it keeps as *pending* and integrates silently when a later update
 * fills the gap — content that would never pass this validator as a whole. So an update must be
 * integrable in full, now: a gap in a client's history or a reference to a change the board does
 * not have is refused (a stock client's sync step 2 is a full diff against the server's state
 * vector, so it always carries its dependencies); a circular or forward reference, which no Yjs
 * encoder produces and which would make Yjs throw half-way through a transaction, is malformed.
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { malformed, missing } from './content-reasons';
import { docState, docStruct, type Integrated, type Struct } from './content-yjs';

export class UpdateStructs {
	private readonly byClient = new Map<number, Struct[]>();
	private readonly startState = new Map<number, number>();

	constructor(
		private readonly doc: Y.Doc,
		update: Uint8Array,
		structs: readonly Struct[]
	) {
		for (const struct of structs) {
			let list = this.byClient.get(struct.id.client);
			if (!list) this.byClient.set(struct.id.client, (list = []));
			list.push(struct);
		}
		// A client listed twice (or with no structs) is invisible once decoded, but Yjs keeps only its
		// last block — a gap left pending. No encoder writes that: one block per client with structs.
		if (decoding.readVarUint(decoding.createDecoder(update)) !== this.byClient.size) {
			throw malformed('update lists a client twice, or with no changes');
		}
	}

	clients(): number[] {
		return [...this.byClient.keys()];
	}

	structsOf(client: number): readonly Struct[] {
		return this.byClient.get(client) ?? [];
	}

	/** The doc's clock for a client before this update. */
	docClock(client: number): number {
		let clock = this.startState.get(client);
		if (clock === undefined) this.startState.set(client, (clock = docState(this.doc, client)));
		return clock;
	}

	/** The struct holding `id`: the doc's if it has the clock, else this update's (never a Skip). */
	lookup(id: Y.ID): { struct: Integrated; fresh: boolean } | null {
		if (id.clock < this.docClock(id.client)) return { struct: docStruct(this.doc, id), fresh: false };
		const list = this.byClient.get(id.client);
		if (!list) return null;
		let low = 0;
		let high = list.length - 1;
		while (low <= high) {
			const mid = (low + high) >> 1;
			const struct = list[mid]!;
			if (id.clock < struct.id.clock) high = mid - 1;
			else if (id.clock >= struct.id.clock + struct.length) low = mid + 1;
			else return struct instanceof Y.Skip ? null : { struct, fresh: true };
		}
		return null;
	}
}

function references(struct: Y.Item | Y.GC): Y.ID[] {
	if (!(struct instanceof Y.Item)) return [];
	const ids: Y.ID[] = [];
	if (struct.origin) ids.push(struct.origin);
	if (struct.rightOrigin) ids.push(struct.rightOrigin);
	if (struct.parent instanceof Y.ID) ids.push(struct.parent);
	return ids;
}

/**
 * The update's new structs (those the doc lacks, in whole or in part) in an order Yjs could
 * integrate them, and each client's clock after the update. Throws a Refusal when some struct
 * could not be integrated now.
 */
export function integrationOrder(update: UpdateStructs): { order: (Y.Item | Y.GC)[]; stateAfter: (client: number) => number } {
	const done = new Map<number, number>();
	const cursor = new Map<number, number>();
	const clockOf = (client: number) => done.get(client) ?? update.docClock(client);
	const order: (Y.Item | Y.GC)[] = [];

	for (const first of update.clients()) {
		// An explicit stack (not recursion): a crafted update may chain thousands of clients.
		const frames = [{ client: first, until: Infinity }];
		const active = new Set([first]);
		while (frames.length > 0) {
			const frame = frames[frames.length - 1]!;
			const state = clockOf(frame.client);
			const index = cursor.get(frame.client) ?? 0;
			const next = update.structsOf(frame.client)[index];
			if (state > frame.until || (!next && frame.until === Infinity)) {
				frames.pop();
				active.delete(frame.client);
				continue;
			}
			if (!next || next.id.clock > state) throw missing('update depends on changes the board does not have');
			const end = next.id.clock + next.length;
			if (next instanceof Y.Skip || end <= state) {
				cursor.set(frame.client, index + 1); // nothing to integrate (a Skip leaves a gap behind it)
				continue;
			}
			const wanted = references(next).find((id) => id.clock >= clockOf(id.client));
			if (wanted) {
				if (wanted.client === frame.client) throw malformed('a change refers to a later change');
				if (active.has(wanted.client)) throw malformed('changes refer to each other in a circle');
				if (update.structsOf(wanted.client).length === 0) throw missing('update depends on changes the board does not have');
				frames.push({ client: wanted.client, until: wanted.clock });
				active.add(wanted.client);
				continue;
			}
			order.push(next); // (a struct the doc holds in part is integrated from where the doc ends)
			done.set(frame.client, end);
			cursor.set(frame.client, index + 1);
		}
	}
	return { order, stateAfter: clockOf };
}
