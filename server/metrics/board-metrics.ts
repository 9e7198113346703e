/**
 * What the data plane reports as it works, for whoever measures it. Rooms and the transport call
 * this small interface where the events happen; they never see prom-client (the Prometheus adapter,
 * prometheus-metrics.ts, implements it, and only when metrics are on). Calls are cheap and
 * synchronous: they sit on the broadcast path.
 */
export interface BoardMetrics {
	/** A batch of updates made durable in one log append, and how long the append took. */
	logged(updates: number, seconds: number): void;
	/** A logged batch handed to every receiver's socket, and how long that took. */
	broadcast(seconds: number): void;
	/** A message refused; its sender was closed with this code (protocol/close-codes.ts). */
	refused(code: number): void;
	/** A keyframe written to the log. */
	keyframeWritten(): void;
	/**
	 * Cluster mode: updates another node logged, taken into a room — from Redis as they were
	 * logged (`peer`), or read back from the log to fill a gap (`log`: messages were missed).
	 */
	peerUpdates(updates: number, via: 'peer' | 'log'): void;
	/** Bytes of Yjs frames read from watchers. */
	received(bytes: number): void;
	/** Bytes of Yjs frames queued to watchers. */
	sent(bytes: number): void;
}

/** Metrics off: every report is dropped. */
export const NO_METRICS: BoardMetrics = {
	logged: () => {},
	broadcast: () => {},
	refused: () => {},
	keyframeWritten: () => {},
	peerUpdates: () => {},
	received: () => {},
	sent: () => {}
};

/** Seconds since a `performance.now()` reading. */
export const secondsSince = (started: number): number => (performance.now() - started) / 1000;
