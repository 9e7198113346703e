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
		this.refill();
		if (this.tokens < 1) return false;
		this.tokens -= 1;
		return true;
	}

	/** Takes up to `count` tokens, never below empty: use spent elsewhere that draws on the same budget. */
	drain(count: number): void {
		this.refill();
		this.tokens = Math.max(0, this.tokens - count);
	}

	/** Milliseconds until `take` would succeed (0 if it would now). */
	msUntilNext(): number {
		const tokens = this.level();
		return tokens >= 1 ? 0 : Math.ceil(((1 - tokens) / this.perSecond) * 1000);
	}

	/** True when the bucket has refilled completely: forgetting it changes nothing. */
	isFull(): boolean {
		return this.level() >= this.burst;
	}

	/** Adds what accrued since the last look. */
	private refill(): void {
		const now = this.now();
		this.tokens = this.level(now);
		this.last = now;
	}

	/** Tokens available now, without taking one. */
	private level(now = this.now()): number {
		return Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
	}
}

/**
 * One bucket per caller (an HTTP API token, or an address for callers without one). Unlike a
 * socket, an HTTP client can be told to wait: a refusal says how long (Retry-After). Buckets that
 * have refilled are forgotten, so memory follows the callers active in the last `burst/perSecond` s.
 */
export class KeyedRateLimit {
	private readonly buckets = new Map<string, TokenBucket>();

	constructor(
		private readonly perSecond: number,
		private readonly burst: number,
		private readonly now: () => number = () => performance.now()
	) {}

	/** Takes one token from `key`'s bucket: 0 when allowed, else the milliseconds to wait. */
	take(key: string): number {
		if (this.buckets.size > 1000) this.forgetFull();
		let bucket = this.buckets.get(key);
		if (!bucket) this.buckets.set(key, (bucket = new TokenBucket(this.perSecond, this.burst, this.now)));
		return bucket.take() ? 0 : Math.max(1, bucket.msUntilNext());
	}

	private forgetFull(): void {
		for (const [key, bucket] of this.buckets) if (bucket.isFull()) this.buckets.delete(key);
	}
}
