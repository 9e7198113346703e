/**
 * Sending to watchers, with back-pressure per receiver on every send — logged changes, sync
 * replies, presence relays, join messages alike. A receiver whose queue is over the cap is sent
 * nothing more and no longer read (its input is held: a peer that does not read cannot make us
 * queue more for it); once it has drained it gets the room's whole state and every presence as one
 * catch-up (Yjs and awareness ignore what they already have). So a slow receiver costs bounded
 * memory and loses nothing; one whose queue never drains is closed (4408) instead of held forever.
 * Logged changes go out as one merged message per tick, encoded and framed once for everyone.
 */
import * as Y from 'yjs';
import { CLOSE_CODES, CLOSE_REASONS } from '../../src/lib/protocol/close-codes';
import type { Connection } from './connection';
import { SharedMessage, type Outgoing } from './room-socket';
import * as messages from './sync-messages';

/** How often lagging receivers are checked for a drained queue, in ms. */
const LAG_CHECK_MS = 100;

export interface DeliveryOptions {
	/** A receiver with more than this many bytes queued is sent a catch-up later instead. */
	maxBufferedBytes: number;
	/** A receiver whose queue stays over the cap this long is closed (4408). */
	slowReaderCloseMs: number;
	/** Called every LAG_CHECK_MS while a receiver lags; the room calls catchUp when it is safe. */
	onLagCheck: () => void;
	/** Every presence in the room, as one awareness message (or null if there is none), for a catch-up. */
	presence: () => Uint8Array | null;
}

export class Delivery {
	private lagTimer: ReturnType<typeof setInterval> | null = null;

	constructor(
		private readonly doc: Y.Doc,
		private readonly connections: ReadonlySet<Connection>,
		private readonly options: DeliveryOptions
	) {}

	/**
	 * Sends one message unless the receiver is behind; then it is marked lagging and gets a catch-up
	 * later. Answers whether the message was queued (`onWritten` runs only then).
	 */
	send(connection: Connection, message: Outgoing, onWritten?: () => void): boolean {
		if (connection.closed || connection.lagging) return false;
		if (connection.socket.bufferedAmount > this.options.maxBufferedBytes) {
			this.markLagging(connection);
			return false;
		}
		connection.sendUnchecked(message, onWritten);
		return true;
	}

	broadcast(batch: readonly { update: Uint8Array; connection: Connection | null }[]): void {
		const first = batch[0];
		if (!first) return;
		const merged = batch.length === 1 ? first.update : Y.mergeUpdates(batch.map((entry) => entry.update));
		const message = new SharedMessage(messages.encodeUpdate(merged));
		// A sender needs no echo of its own change; when several sent, each gets the merged message.
		const soleSender = batch.every((entry) => entry.connection === first.connection) ? first.connection : null;
		for (const connection of this.connections) if (connection !== soleSender) this.send(connection, message);
	}

	/**
	 * Sends one catch-up to each lagging receiver whose queue has drained, and closes those that
	 * stayed over the cap too long. Call when no change is unlogged (the state goes out whole).
	 */
	catchUp(): void {
		let stillLagging = false;
		let state: Uint8Array | null = null;
		let presence: Uint8Array | null | undefined;
		for (const connection of this.connections) {
			if (!connection.lagging || connection.closed) continue;
			if (connection.socket.bufferedAmount > this.options.maxBufferedBytes / 4) {
				if (!this.closeIfStuck(connection)) stillLagging = true;
				continue;
			}
			state ??= messages.encodeSyncStep2(Y.encodeStateAsUpdate(this.doc));
			presence = presence === undefined ? this.options.presence() : presence;
			connection.laggingSince = null;
			// The whole state answers any ask that waited.
			connection.pendingSyncAsk = null;
			connection.sendUnchecked(state);
			if (presence) connection.sendUnchecked(presence);
			connection.releaseInput('queue');
		}
		if (!stillLagging) this.stopWatching();
	}

	/** Closes lagging receivers that never drained; for lag checks while a catch-up is not yet safe. */
	closeStuck(): void {
		for (const connection of this.connections) if (connection.lagging && !connection.closed) this.closeIfStuck(connection);
	}

	destroy(): void {
		this.stopWatching();
	}

	private markLagging(connection: Connection): void {
		connection.laggingSince = performance.now();
		connection.holdInput('queue');
		if (this.lagTimer) return;
		this.lagTimer = setInterval(this.options.onLagCheck, LAG_CHECK_MS);
		this.lagTimer.unref?.();
	}

	private closeIfStuck(connection: Connection): boolean {
		if (performance.now() - connection.laggingSince! < this.options.slowReaderCloseMs) return false;
		connection.close(CLOSE_CODES.slowReader, CLOSE_REASONS[CLOSE_CODES.slowReader]);
		return true;
	}

	private stopWatching(): void {
		if (this.lagTimer) clearInterval(this.lagTimer);
		this.lagTimer = null;
	}
}
