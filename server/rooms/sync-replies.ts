/**
 * Answers to sync step 1 ("send me what I lack"), at bounded cost per watcher. A reply may carry
 * the whole board, so an ask costs a full encode and a full copy in the asker's queue; a socket that
 * asks again and again without reading would make the server hold a board per ask. So each
 * connection has at most one reply in flight: asks that come meanwhile are merged into one
 * (the lower state vector asks for everything either lacks) and answered once that reply is
 * written. Asks of a receiver that lags are dropped: its catch-up carries the whole state anyway.
 * A reply also waits while the room has unlogged changes — nobody may receive state before it is logged.
 */
import * as Y from 'yjs';
import { CLOSE_CODES } from '../../src/lib/protocol/close-codes';
import type { Connection } from './connection';
import type { Delivery } from './delivery';
import * as messages from './sync-messages';

export class SyncReplies {
	/** Connections with an ask that waits for the log to catch up. */
	private readonly waiting = new Set<Connection>();

	constructor(
		private readonly doc: Y.Doc,
		private readonly delivery: Delivery,
		/** True while the document holds exactly what is logged (a reply may go out now). */
		private readonly stateIsLogged: () => boolean,
		private readonly refuse: (connection: Connection, code: number, reason: string) => void
	) {}

	get hasWaiting(): boolean {
		return this.waiting.size > 0;
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
		if (connection.syncReplyInFlight) return;
		if (this.stateIsLogged()) this.reply(connection);
		else this.waiting.add(connection);
	}

	/** Answers the asks that waited for the log; call once nothing is unlogged. */
	answerWaiting(): void {
		for (const connection of this.waiting) this.reply(connection);
		this.waiting.clear();
	}

	forget(connection: Connection): void {
		this.waiting.delete(connection);
	}

	private reply(connection: Connection): void {
		const stateVector = connection.pendingSyncAsk;
		connection.pendingSyncAsk = null;
		if (!stateVector || connection.closed) return;
		let message: Uint8Array;
		try {
			message = messages.encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector));
		} catch {
			this.refuse(connection, CLOSE_CODES.malformed, 'state vector does not decode');
			return;
		}
		connection.syncReplyInFlight = this.delivery.send(connection, message, () => this.written(connection));
	}

	/** The reply left the queue: an ask merged meanwhile may go now. */
	private written(connection: Connection): void {
		connection.syncReplyInFlight = false;
		if (!connection.pendingSyncAsk || connection.closed) return;
		if (this.stateIsLogged()) this.reply(connection);
		else this.waiting.add(connection);
	}
}
