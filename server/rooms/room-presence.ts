/**
 * A room's presence (y-protocols awareness): never logged, but checked before it is relayed —
 * what a watcher may set is the guard's call (awareness-guard.ts) — and, in cluster mode, shared
 * with the other nodes: their watchers' states come in as peer changes, ours go out. Every change
 * that stands is handed to `relay` once, with whether it came from a peer (those are not sent back).
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { CLOSE_CODES } from '../../src/lib/protocol/close-codes';
import type { Logger } from '../logger';
import { AwarenessGuard } from './awareness-guard';
import { decodeAwarenessUpdate, encodeAwarenessUpdate, type AwarenessEntry } from './awareness-update';
import type { Connection } from './connection';
import { PEER_ORIGIN } from './origins';

export interface RoomPresenceDeps {
	/** For log lines. */
	boardId: string;
	logger: Logger;
	/** A change that stands, as an awareness update; `fromPeer` when another node made it. */
	relay: (update: Uint8Array, fromPeer: boolean) => void;
	/** Closes a connection whose message is refused. */
	refuse: (connection: Connection, code: number, reason: string) => void;
}

type ChangedClients = { added: number[]; updated: number[]; removed: number[] };

export class RoomPresence {
	readonly awareness: awarenessProtocol.Awareness;
	/** Which connection owns which awareness client id, and the shape every state must have. */
	private readonly guard: AwarenessGuard;

	constructor(
		doc: Y.Doc,
		private readonly deps: RoomPresenceDeps
	) {
		this.awareness = new awarenessProtocol.Awareness(doc);
		this.awareness.setLocalState(null);
		this.guard = new AwarenessGuard(this.awareness);
		this.awareness.on('update', this.onUpdate);
	}

	/** Applies what the guard admits of a watcher's awareness update (awareness-guard.ts says what and why). */
	receive(connection: Connection, update: Uint8Array): void {
		let entries: AwarenessEntry[];
		try {
			entries = decodeAwarenessUpdate(update);
		} catch (error) {
			this.deps.refuse(connection, CLOSE_CODES.malformed, (error as Error).message);
			return;
		}
		const verdict = this.guard.admit(connection, entries);
		if (!verdict.ok) this.deps.refuse(connection, verdict.code, verdict.reason);
		else if (verdict.apply.length > 0) awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessUpdate(verdict.apply), connection);
	}

	/** A watcher left: its ids go to their heirs (a live claim) or are removed. */
	release(connection: Connection): void {
		const { orphaned, heirs } = this.guard.release(connection);
		if (orphaned.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, orphaned, null);
		for (const { connection: heir, entry } of heirs) awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessUpdate([entry]), heir);
	}

	/** A presence change another node relayed (checked there); the ids it sets are that node's to change. */
	applyPeer(update: Uint8Array): void {
		let entries: AwarenessEntry[];
		try {
			entries = decodeAwarenessUpdate(update);
		} catch (error) {
			this.deps.logger.warn(`board ${this.deps.boardId}: dropped a peer's presence update: ${(error as Error).message}`);
			return;
		}
		awarenessProtocol.applyAwarenessUpdate(this.awareness, update, PEER_ORIGIN);
		for (const { connection: heir, entry } of this.guard.peerApplied(entries)) {
			awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessUpdate([entry]), heir);
		}
	}

	/** Every presence as one awareness update (`allowEmpty`: an empty update rather than null). */
	everyone(allowEmpty = false): Uint8Array | null {
		const states = [...this.awareness.getStates().keys()];
		return states.length > 0 || allowEmpty ? awarenessProtocol.encodeAwarenessUpdate(this.awareness, states) : null;
	}

	destroy(): void {
		this.awareness.off('update', this.onUpdate);
		this.awareness.destroy();
	}

	private readonly onUpdate = ({ added, updated, removed }: ChangedClients, origin: unknown): void => {
		this.deps.relay(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...added, ...updated, ...removed]), origin === PEER_ORIGIN);
	};
}
