/**
 * Answers to sync step 1 ("send me what I lack"), at bounded cost per watcher. A reply may carry
 * the whole board, so an ask costs a full encode and a full copy in the asker's queue; a socket that
 * asks again and again without reading would make the server hold a board per ask. So each
 * connection has at most one reply in flight: asks that come meanwhile are merged into one
 * (the lower state vector asks for everything either lacks) and answered once that reply is
 * written. Asks of a receiver that lags are dropped: its catch-up carries the whole state anyway.
 * A reply also waits while the room has unlogged changes — nobody may receive state before it is logged.
 * Unless the log is down (an outage keeps a failed batch unlogged for as long as it lasts): then
 * the reply is cut from the board as logged (the keyframe shadow), so a watcher joining meanwhile
 * reads the board at once, and is sent what that lacked of the document once all is logged.
 */
import * as Y from 'yjs';
import { CLOSE_CODES } from '../../src/lib/protocol/close-codes';
import type { Connection } from './connection';
import type { Delivery } from './delivery';
import * as messages from './sync-messages';

export class SyncReplies {
	/** Connections with an ask that waits for the log to catch up. */
	private readonly waiting = new Set<Connection>();
	/** Connections answered from the logged state, with its state vector: owed the rest once logged. */
	private readonly owed = new Map<Connection, Uint8Array>();

	constructor(
		private readonly doc: Y.Doc,
		private readonly delivery: Delivery,
		/** True while the document holds exactly what is logged (a reply may go out now). */
		private readonly stateIsLogged: () => boolean,
		private readonly refuse: (connection: Connection, code: number, reason: string) => void,
		/** The board as logged, while the log is down; null otherwise (a reply then waits). */
		private readonly loggedState: () => Promise<Uint8Array> | null = () => null
	) {}

	get hasWaiting(): boolean {
		return this.waiting.size > 0 || this.owed.size > 0;
	}

	ask(connection: Connection, stateVector: Uint8Array): void {
		if (connection.lagging) return;
		if (connection.pendingSyncAsk) {
			try {
				connection.pendingSyncAsk = messages.lowerStateVector(connection.pendingSyncAsk, stateVector);
			} catch {
				this.refuse(connection, CLOSE_CODES.malformed, 'state vector does not decode');
			}
			return;
		}
		connection.pendingSyncAsk = stateVector;
		if (!connection.syncReplyInFlight) this.replyOrWait(connection);
	}

	/** Answers the asks that waited for the log, and what answers from it lacked; call once nothing is unlogged. */
	answerWaiting(): void {
		for (const [connection, stateVector] of this.owed) {
			if (!connection.closed && !connection.lagging) this.delivery.send(connection, messages.encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector)));
		}
		this.owed.clear();
		for (const connection of this.waiting) this.reply(connection);
		this.waiting.clear();
	}

	/**
	 * The log just went down: asks that were waiting for a flush (it may have taken a database
	 * timeout to fail) would now wait for the whole outage — answer them from the logged state.
	 */
	logWentDown(): void {
		const waiting = [...this.waiting];
		this.waiting.clear();
		for (const connection of waiting) this.replyOrWait(connection);
	}

	forget(connection: Connection): void {
		this.waiting.delete(connection);
		this.owed.delete(connection);
	}

	private replyOrWait(connection: Connection): void {
		if (this.stateIsLogged()) return this.reply(connection);
		const logged = this.loggedState();
		if (!logged) {
			this.waiting.add(connection);
			return;
		}
		// In flight from now, so asks meanwhile merge into pendingSyncAsk and go with this reply.
		connection.syncReplyInFlight = true;
		logged.then(
			(state) => {
				connection.syncReplyInFlight = false;
				if (this.stateIsLogged()) this.reply(connection);
				else this.reply(connection, state);
			},
			() => {
				connection.syncReplyInFlight = false;
				if (connection.closed) return;
				// No snapshot: from the document if it holds only what is logged, else once it does.
				if (this.stateIsLogged()) this.reply(connection);
				else this.waiting.add(connection);
			}
		);
	}

	/** Sends what the asker lacks of the document, or of `logged` (the board as logged) when given. */
	private reply(connection: Connection, logged?: Uint8Array): void {
		const stateVector = connection.pendingSyncAsk;
		connection.pendingSyncAsk = null;
		if (!stateVector || connection.closed) return;
		let message: Uint8Array;
		try {
			message = messages.encodeSyncStep2(logged ? Y.diffUpdate(logged, stateVector) : Y.encodeStateAsUpdate(this.doc, stateVector));
		} catch {
			this.refuse(connection, CLOSE_CODES.malformed, 'state vector does not decode');
			return;
		}
		if (logged) this.owed.set(connection, lowest(this.owed.get(connection), Y.encodeStateVectorFromUpdate(logged)));
		connection.syncReplyInFlight = this.delivery.send(connection, message, () => this.written(connection));
	}

	/** The reply left the queue: an ask merged meanwhile may go now. */
	private written(connection: Connection): void {
		connection.syncReplyInFlight = false;
		if (connection.pendingSyncAsk && !connection.closed) this.replyOrWait(connection);
	}
}

/** Of two state vectors of the logged board, the one that owes more (either may be older). */
function lowest(held: Uint8Array | undefined, next: Uint8Array): Uint8Array {
	return held ? messages.lowerStateVector(held, next) : next;
}
