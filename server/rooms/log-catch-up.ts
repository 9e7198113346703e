/**
 * Reading what a room missed back from the log. In cluster mode a room learns of other servers'
 * changes from Redis; a message lost on the way (a Redis restart, a slow subscriber cut off)
 * shows as a gap in the seqs the room holds (log-order.ts). A gap that a late message does not
 * fill within GAP_GRACE_MS is read from the log of record; a read that fails (the database away)
 * is tried again, waiting longer each time, so the room converges instead of diverging.
 */
import type { Logger } from '../logger';

/** Long enough for the message that is merely late (another node's append, published after it commits). */
export const GAP_GRACE_MS = 250;
const RETRY_MAX_MS = 5_000;

export class LogCatchUp {
	private timer: ReturnType<typeof setTimeout> | null = null;
	private running: Promise<void> | null = null;
	private retryMs = GAP_GRACE_MS;
	private stopped = false;

	/** `read` applies what the log holds past the room's head and answers whether a gap remains. */
	constructor(
		private readonly read: () => Promise<boolean>,
		private readonly logger: Logger,
		private readonly what: string
	) {}

	/** Reads after the grace period unless a read is already due. */
	soon(): void {
		if (this.timer || this.running || this.stopped) return;
		this.timer = setTimeout(() => {
			this.timer = null;
			void this.now();
		}, this.retryMs);
		this.timer.unref?.();
	}

	/** Reads now (a reconnect, a close); resolves when the read settled, never rejects. */
	now(): Promise<void> {
		if (this.timer) clearTimeout(this.timer);
		this.timer = null;
		this.running ??= this.attempt().finally(() => (this.running = null));
		return this.running;
	}

	stop(): void {
		this.stopped = true;
		if (this.timer) clearTimeout(this.timer);
		this.timer = null;
	}

	private async attempt(): Promise<void> {
		let gapRemains: boolean;
		try {
			gapRemains = await this.read();
			this.retryMs = GAP_GRACE_MS;
		} catch (error) {
			this.logger.warn(`${this.what}: catching up from the log failed, trying again: ${(error as Error).message}`);
			this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
			gapRemains = true;
		}
		this.running = null;
		if (gapRemains) this.soon();
	}
}
