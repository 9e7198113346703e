/**
 * Whether the server is taking this browser's edits. While its storage is away it refuses them
 * (close 4507): the browser keeps them (IndexedDB, and the provider resends on every reconnect),
 * but the watcher must know they are not saved yet — "offline" would be wrong, the board is live.
 * Over once a connection has synced and was not refused within the server's hold: the resent
 * edits were taken.
 */
import { STORAGE_REFUSAL_HOLD_MS } from '../protocol/close-codes';

/** A margin over the server's hold, for the close frame to arrive. */
const RESUMED_AFTER_MS = STORAGE_REFUSAL_HOLD_MS + 1_000;

export class SavingPause {
	paused = false;
	private timer: ReturnType<typeof setTimeout> | null = null;

	constructor(private readonly changed: () => void) {}

	/** The server refused an edit: it cannot save now. */
	refused(): void {
		this.clearTimer();
		if (this.paused) return;
		this.paused = true;
		this.changed();
	}

	/** A connection synced: unless it is refused within the hold, saving is back. */
	synced(): void {
		if (!this.paused) return;
		this.clearTimer();
		this.timer = setTimeout(() => {
			this.timer = null;
			this.paused = false;
			this.changed();
		}, RESUMED_AFTER_MS);
	}

	/**
	 * The connection closed for another reason (the server unreachable, a dead link): saving is
	 * not what is wrong now, and the indicator should say what is ("offline").
	 */
	otherClose(): void {
		this.clearTimer();
		if (!this.paused) return;
		this.paused = false;
		this.changed();
	}

	destroy(): void {
		this.clearTimer();
	}

	private clearTimer(): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = null;
	}
}
