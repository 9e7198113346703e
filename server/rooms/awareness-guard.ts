/**
 * What a watcher may put in a board's awareness (presence). Two rules:
 *
 * - **Shape**: every state in an update is null (the client left) or an object within
 *   MAX_AWARENESS_STATE_BYTES whose `presence` field, when there is one, fits presenceSchema. A state
 *   without that field (a stock Yjs client, another tool) passes. One bad state refuses the whole
 *   message (4422, naming the client and field) — nothing of it is applied.
 * - **Ownership**: an awareness client id belongs to the first live connection that sets a state
 *   for it, until that connection leaves. An entry from another connection that would change an
 *   owned id (a newer state, or null to remove it) is dropped; the rest of the message is applied.
 *
 * Why foreign entries are dropped rather than refused with a close: honest stock clients send them.
 * A y-websocket provider re-sends every awareness change it applies, so a browser tab relays what
 * its sibling tabs on the same board announce over BroadcastChannel — sometimes before the sibling's
 * own socket delivers it. And a tab that reconnects after a network drop comes back with the same
 * client id while its old socket may still look alive to the server (until the keep-alive fails).
 * A 44xx close would cut such a tab off for good (stock providers do not reconnect after one), and
 * a foreign entry is indistinguishable from a spoof; dropping it loses nothing, because the owner
 * sends its own state itself. Entries that would change nothing (echoes of what the room has) are
 * skipped whoever sends them, as y-protocols would.
 *
 * So that the reconnecting tab takes its id back the moment its old socket goes, a dropped entry
 * is kept as that connection's claim (the newest per id); when the owner leaves, a claim that is
 * still newer than the room's state takes the id over instead of the id being removed.
 *
 * - **One presence per connection**: a connection owns at most MAX_AWARENESS_CLIENTS_PER_CONNECTION
 *   ids (its own and relayed siblings'), and at most one of them may carry a `presence` at a time.
 *   Entries beyond are dropped like foreign ones, so one socket cannot fill every roster and map
 *   with watchers that are not there. A stock provider announces its own state first on a new
 *   socket, so its own id is the one that gets the roster entry; a sibling's relayed presence is
 *   shown through the sibling's own connection.
 */
import type { Awareness } from 'y-protocols/awareness';
import { ModelValidationError } from '../../src/lib/model/validation-error';
import { CLOSE_CODES } from '../../src/lib/protocol/close-codes';
import { MAX_AWARENESS_CLIENTS_PER_CONNECTION, MAX_AWARENESS_STATE_BYTES, PRESENCE_FIELD, presenceSchema } from '../../src/lib/protocol/presence';
import type { AwarenessEntry } from './awareness-update';
import type { Connection } from './connection';

export type AwarenessVerdict =
	| { ok: true; apply: AwarenessEntry[] }
	| { ok: false; code: typeof CLOSE_CODES.malformed | typeof CLOSE_CODES.rejected; reason: string };

/** A connection's newest dropped entry for an id another connection owns. */
export interface AwarenessClaim {
	connection: Connection;
	entry: AwarenessEntry;
}

/** Why a state may not be relayed, or null when it may. */
export function awarenessStateProblem(entry: AwarenessEntry): string | null {
	const what = `awareness state of client ${entry.clientId}`;
	if (entry.bytes > MAX_AWARENESS_STATE_BYTES) return `${what} is ${entry.bytes} bytes; at most ${MAX_AWARENESS_STATE_BYTES}`;
	const state = entry.state;
	if (state === null) return null;
	if (typeof state !== 'object' || Array.isArray(state)) return `${what} is not an object`;
	if (!Object.hasOwn(state, PRESENCE_FIELD)) return null;
	const parsed = presenceSchema.safeParse((state as Record<string, unknown>)[PRESENCE_FIELD]);
	return parsed.success ? null : ModelValidationError.fromZod(`presence of client ${entry.clientId}`, parsed.error).message;
}

export class AwarenessGuard {
	private readonly owners = new Map<number, Connection>();
	private readonly claims = new Map<number, AwarenessClaim>();
	/**
	 * Cluster mode: ids whose state came from another node, owned there. A connection here may
	 * not change them while that state stands (a watcher on one node must not rewrite one on
	 * another); its entry is kept as a claim, taken over when the other node removes the state —
	 * a tab that moved nodes with its client id gets it back as soon as its old node lets go.
	 */
	private readonly remote = new Set<number>();

	constructor(private readonly awareness: Awareness) {}

	/** The entries of an update from `connection` to apply, or why the whole update is refused. */
	admit(connection: Connection, entries: readonly AwarenessEntry[]): AwarenessVerdict {
		const ids = new Set<number>();
		for (const entry of entries) {
			if (ids.has(entry.clientId)) return { ok: false, code: CLOSE_CODES.malformed, reason: `client ${entry.clientId} appears twice in one awareness update` };
			ids.add(entry.clientId);
			const problem = awarenessStateProblem(entry);
			if (problem) return { ok: false, code: CLOSE_CODES.rejected, reason: problem };
		}
		const apply: AwarenessEntry[] = [];
		// States admitted from this update, not yet in the room: they count as held too.
		const admitted = new Map<number, unknown>();
		for (const entry of entries) {
			// The room's own id is never a watcher's (its own state stays null).
			if (entry.clientId === this.awareness.clientID || !this.changes(entry)) continue;
			const owner = this.owners.get(entry.clientId);
			if ((owner && owner !== connection && !owner.closed) || (!owner && this.heldRemotely(entry.clientId))) {
				if (this.hasRoom(connection, entry, admitted)) this.claims.set(entry.clientId, { connection, entry });
				continue;
			}
			if (!this.hasRoom(connection, entry, admitted)) continue;
			this.own(entry.clientId, connection);
			admitted.set(entry.clientId, entry.state);
			apply.push(entry);
		}
		return { ok: true, apply };
	}

	/**
	 * A connection left: the ids it owned go to a live claimant whose claim is still news (to be
	 * applied as theirs), the others are to be removed. Its own claims are forgotten.
	 */
	release(connection: Connection): { orphaned: number[]; heirs: AwarenessClaim[] } {
		const orphaned: number[] = [];
		const heirs: AwarenessClaim[] = [];
		for (const id of connection.awarenessClients) {
			if (this.owners.get(id) !== connection) continue;
			this.owners.delete(id);
			const heir = this.inherit(id);
			if (heir) heirs.push(heir);
			else orphaned.push(id);
		}
		connection.awarenessClients.clear();
		for (const [id, claim] of this.claims) if (claim.connection === connection) this.claims.delete(id);
		return { orphaned, heirs };
	}

	/**
	 * Another node's presence update was applied (`entries` as it sent them): ids it set are its
	 * own, unless a connection here owns them (a node answering a presence query echoes ours); ids
	 * it removed are free, and a live claim on one is the heir to apply.
	 */
	peerApplied(entries: readonly AwarenessEntry[]): AwarenessClaim[] {
		const heirs: AwarenessClaim[] = [];
		for (const { clientId, state } of entries) {
			if (this.owners.has(clientId)) continue;
			if (state !== null) {
				this.remote.add(clientId);
				continue;
			}
			this.remote.delete(clientId);
			const heir = this.inherit(clientId);
			if (heir) heirs.push(heir);
		}
		return heirs;
	}

	/** Who owns an id now (for tests and logs). */
	ownerOf(clientId: number): Connection | undefined {
		return this.owners.get(clientId);
	}

	/**
	 * Whether y-protocols would apply the entry: a newer clock, or a null at the same clock for a
	 * state the room has. A null for a state the room does not have changes nothing anyone sees,
	 * and is skipped so that it cannot push the id's clock out of its real client's reach.
	 */
	private changes(entry: AwarenessEntry): boolean {
		const clock = this.awareness.meta.get(entry.clientId)?.clock ?? 0;
		if (entry.state === null) return this.awareness.states.has(entry.clientId) && entry.clock >= clock;
		return entry.clock > clock;
	}

	/** Whether `connection` may hold `entry`: within its id cap, and no second presence. */
	private hasRoom(connection: Connection, entry: AwarenessEntry, admitted: ReadonlyMap<number, unknown> = new Map()): boolean {
		const owned = connection.awarenessClients.has(entry.clientId);
		if (!owned && connection.awarenessClients.size >= MAX_AWARENESS_CLIENTS_PER_CONNECTION) return false;
		if (!carriesPresence(entry.state)) return true;
		for (const id of connection.awarenessClients) {
			if (id === entry.clientId || this.owners.get(id) !== connection) continue;
			if (carriesPresence(admitted.has(id) ? admitted.get(id) : this.awareness.states.get(id))) return false;
		}
		return true;
	}

	/** An id just let go passes to a live claim that is still news, which is returned (to apply); null if none. */
	private inherit(id: number): AwarenessClaim | null {
		const claim = this.claims.get(id);
		this.claims.delete(id);
		if (!claim || claim.connection.closed || !this.changes(claim.entry) || !this.hasRoom(claim.connection, claim.entry)) return null;
		this.own(id, claim.connection);
		return claim;
	}

	/** Set by another node and still standing (a state timed out or removed frees its id). */
	private heldRemotely(id: number): boolean {
		if (!this.remote.has(id)) return false;
		if (this.awareness.states.has(id)) return true;
		this.remote.delete(id);
		return false;
	}

	private own(id: number, connection: Connection): void {
		this.remote.delete(id);
		const previous = this.owners.get(id);
		if (previous && previous !== connection) previous.awarenessClients.delete(id);
		this.owners.set(id, connection);
		connection.awarenessClients.add(id);
		if (this.claims.get(id)?.connection === connection) this.claims.delete(id);
	}
}

const carriesPresence = (state: unknown): boolean =>
	typeof state === 'object' && state !== null && Object.hasOwn(state, PRESENCE_FIELD);
