/**
 * A room whose log cannot be written (PostgreSQL away, a disk full). Nothing unlogged may reach
 * anyone, and nothing may be acknowledged and then lost, so while the log is down the room:
 * keeps the batch that failed (in the document, unsent) and tries it again — at once when the
 * outage is over, waiting longer between tries meanwhile; refuses new edits with 4507, which a
 * stock y-websocket client takes as "try again later" (45xx) and resends on reconnect; and keeps
 * serving what is logged to the watchers it has (they keep the board and each other's presence),
 * and to watchers who join meanwhile: their first state comes from the board as logged (the
 * keyframe shadow), since the document holds the kept batch.
 */
import { STORAGE_REFUSAL_HOLD_MS } from '../../src/lib/protocol/close-codes';
import type { Logger } from '../logger';
import type { Connection } from './connection';

const FIRST_RETRY_MS = 250;
const RETRY_MAX_MS = 5_000;
/**
 * How long a sender whose edit was refused is held, unread, before it is closed. A client
 * reconnects within 100–200 ms of a close and resends the same edit, to be refused again — each
 * round a full join and sync reply; held first, it makes a round every couple of seconds instead
 * of five a second. (The browser reads it too: a sync not closed within it means edits went in.)
 */
export const REFUSAL_HOLD_MS = STORAGE_REFUSAL_HOLD_MS;

/** The records API's answer while the log is down (HTTP 503): nothing was confirmed. */
export class LogUnavailable extends Error {
	constructor(readonly boardId: string, cause?: unknown) {
		super(`board ${boardId}: storage unavailable; the change is not saved`, { cause });
	}
}

export class LogOutage {
	private timer: ReturnType<typeof setTimeout> | null = null;
	private retryMs = FIRST_RETRY_MS;
	private since: number | null = null;
	/** The board as logged at a log head, taken for watchers who join while down. */
	private logged: { head: number; state: Promise<Uint8Array> } | null = null;
	/** Senders refused while down, held until closed: the timer, and the close. */
	private readonly refused = new Map<Connection, { timer: ReturnType<typeof setTimeout>; close: () => void }>();

	constructor(
		private readonly boardId: string,
		private readonly logger: Logger
	) {}

	get down(): boolean {
		return this.since !== null;
	}

	/** An append failed: note it (once per outage in the log) and try again later. */
	failed(error: Error, retry: () => void): void {
		if (this.since === null) {
			this.since = Date.now();
			this.logger.warn(`board ${this.boardId}: log write failed, edits refused (4507) until it is back: ${error.message}`);
		}
		if (this.timer) return;
		this.timer = setTimeout(() => {
			this.timer = null;
			retry();
		}, this.retryMs);
		this.timer.unref?.();
		this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
	}

	/**
	 * The board as logged, while down (null when up: a reply then waits the moment a flush takes).
	 * One snapshot per log head, however many join; `take` reads it (from the keyframe shadow).
	 */
	loggedState(head: number, take: () => Promise<Uint8Array>): Promise<Uint8Array> | null {
		if (!this.down) return null;
		if (this.logged?.head !== head) {
			const logged = { head, state: take() };
			logged.state.catch(() => {
				if (this.logged === logged) this.logged = null;
			});
			this.logged = logged;
		}
		return this.logged.state;
	}

	/**
	 * A sender's edit cannot be taken now: it is no longer read, and `close` (4507) comes after
	 * REFUSAL_HOLD_MS — or as soon as the log is back, so it reconnects and resends at once.
	 */
	refuse(connection: Connection, close: () => void): void {
		if (this.refused.has(connection) || connection.closed) return;
		connection.holdInput('refused');
		const timer = setTimeout(() => this.closeRefused(connection), REFUSAL_HOLD_MS);
		timer.unref?.();
		this.refused.set(connection, { timer, close });
	}

	/** An append succeeded. */
	recovered(): void {
		this.logged = null;
		for (const connection of [...this.refused.keys()]) this.closeRefused(connection);
		if (this.since === null) return;
		this.logger.info(`board ${this.boardId}: log writable again after ${Date.now() - this.since} ms; edits accepted`);
		this.since = null;
		this.retryMs = FIRST_RETRY_MS;
		this.stop();
	}

	stop(): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = null;
		// The room is closing and closes every connection itself.
		for (const { timer } of this.refused.values()) clearTimeout(timer);
		this.refused.clear();
	}

	private closeRefused(connection: Connection): void {
		const refused = this.refused.get(connection);
		if (!refused) return;
		clearTimeout(refused.timer);
		this.refused.delete(connection);
		if (!connection.closed) refused.close();
	}
}
