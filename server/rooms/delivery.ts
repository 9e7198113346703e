/**
 * Sending logged changes to watchers: one merged message per tick, encoded once for everyone,
 * and back-pressure per receiver. A receiver whose send buffer is over the cap stops getting
 * messages; once it has drained it gets the room's whole state as one sync message (Yjs ignores
 * what it already has). So a slow receiver costs bounded memory and still loses nothing.
 */
import * as Y from 'yjs';
import type { Connection } from './connection';
import * as messages from './sync-messages';

/** How often lagging receivers are checked for a drained buffer, in ms. */
const LAG_CHECK_MS = 100;

export class Delivery {
	private lagTimer: ReturnType<typeof setInterval> | null = null;

	constructor(
		private readonly doc: Y.Doc,
		private readonly maxBufferedBytes: number,
		/** Called every LAG_CHECK_MS while a receiver lags; the room calls catchUp when it is safe. */
		private readonly onLagCheck: () => void
	) {}

	broadcast(batch: readonly { update: Uint8Array; connection: Connection | null }[], connections: Iterable<Connection>): void {
		const first = batch[0];
		if (!first) return;
		const merged = batch.length === 1 ? first.update : Y.mergeUpdates(batch.map((entry) => entry.update));
		const message = messages.encodeUpdate(merged);
		// A sender needs no echo of its own change; when several sent, each gets the merged message.
		const soleSender = batch.every((entry) => entry.connection === first.connection) ? first.connection : null;
		for (const connection of connections) {
			if (connection === soleSender || connection.closed) continue;
			if (connection.lagging) continue;
			if (connection.socket.bufferedAmount > this.maxBufferedBytes) {
				connection.lagging = true;
				this.watchLag();
				continue;
			}
			connection.send(message);
		}
	}

	/** Sends one catch-up to each lagging receiver whose buffer has drained. Call when no change is unlogged. */
	catchUp(connections: Iterable<Connection>): void {
		let stillLagging = false;
		let state: Uint8Array | null = null;
		for (const connection of connections) {
			if (!connection.lagging || connection.closed) continue;
			if (connection.socket.bufferedAmount > this.maxBufferedBytes / 4) {
				stillLagging = true;
				continue;
			}
			state ??= messages.encodeSyncStep2(Y.encodeStateAsUpdate(this.doc));
			connection.lagging = false;
			connection.send(state);
		}
		if (!stillLagging) this.stopWatching();
	}

	destroy(): void {
		this.stopWatching();
	}

	private watchLag(): void {
		if (this.lagTimer) return;
		this.lagTimer = setInterval(this.onLagCheck, LAG_CHECK_MS);
		this.lagTimer.unref?.();
	}

	private stopWatching(): void {
		if (this.lagTimer) clearInterval(this.lagTimer);
		this.lagTimer = null;
	}
}
