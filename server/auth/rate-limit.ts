/**
 * A token bucket per connection: `burst` messages at once, refilled at `perSecond`. A client over
 * it is closed with a named code (4429) rather than slowed, because a y-websocket client cannot be
 * told to wait and queuing its frames would only move the memory problem into the server.
 */
export class TokenBucket {
	private tokens: number;
	private last: number;

	constructor(
		private readonly perSecond: number,
		private readonly burst: number,
		private readonly now: () => number = () => performance.now()
	) {
		this.tokens = burst;
		this.last = now();
	}

	/** Takes one token; false when the bucket is empty (the caller refuses the message). */
	take(): boolean {
		const now = this.now();
		this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
		this.last = now;
		if (this.tokens < 1) return false;
		this.tokens -= 1;
		return true;
	}
}
