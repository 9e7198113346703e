/**
 * The board metrics (board-metrics.ts) as prom-client series, plus Node's own (event-loop lag,
 * memory, CPU, handles) from prom-client's default collectors, in one registry served as
 * Prometheus text by http/metrics-route.ts. prom-client is imported only here and only when
 * metrics are on (METRICS_TOKEN), so a server without them does not carry it or its event-loop
 * monitor.
 */
import type { BoardMetrics } from './board-metrics';

/** Every series of ours starts with this, so it is easy to find next to other exporters'. */
export const METRIC_PREFIX = 'situation_board_';

/** Gauges read when scraped, from whatever holds the count (set once the server is wired). */
export interface GaugeSources {
	yjsConnections(): number;
	controlConnections(): number;
	boardsLoaded(): number;
}

export interface PrometheusMetrics {
	readonly metrics: BoardMetrics;
	/** Wires the scrape-time gauges; until then they read 0. */
	observe(sources: GaugeSources): void;
	/** The Content-Type of `scrape()`'s text. */
	readonly contentType: string;
	scrape(): Promise<string>;
}

// Log appends are a SQLite transaction (sub-ms to a few ms); broadcasts a write per receiver
// (up to tens of ms at a thousand watchers). Buckets span both with room on either side.
const LATENCY_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

export async function createPrometheusMetrics(): Promise<PrometheusMetrics> {
	const client = await import('prom-client');
	const registry = new client.Registry();
	client.collectDefaultMetrics({ register: registry });
	let sources: GaugeSources = { yjsConnections: () => 0, controlConnections: () => 0, boardsLoaded: () => 0 };
	const name = (suffix: string) => `${METRIC_PREFIX}${suffix}`;

	new client.Gauge({
		name: name('connections'),
		help: 'Open connections, by plane (yjs: board sync; control: socket.io).',
		labelNames: ['plane'],
		registers: [registry],
		collect() {
			this.set({ plane: 'yjs' }, sources.yjsConnections());
			this.set({ plane: 'control' }, sources.controlConnections());
		}
	});
	new client.Gauge({
		name: name('boards_loaded'),
		help: 'Boards live in memory (a room with its document).',
		registers: [registry],
		collect() {
			this.set(sources.boardsLoaded());
		}
	});
	const accepted = new client.Counter({ name: name('updates_accepted_total'), help: 'Updates accepted and logged.', registers: [registry] });
	const refused = new client.Counter({
		name: name('messages_refused_total'),
		help: 'Yjs messages refused, by the close code their sender was closed with.',
		labelNames: ['code'],
		registers: [registry]
	});
	const append = new client.Histogram({
		name: name('log_append_seconds'),
		help: 'Time to append one batch of updates to the log (one storage transaction).',
		buckets: LATENCY_BUCKETS,
		registers: [registry]
	});
	const broadcast = new client.Histogram({
		name: name('broadcast_seconds'),
		help: 'Time to hand one logged batch to every receiver of its board.',
		buckets: LATENCY_BUCKETS,
		registers: [registry]
	});
	const keyframes = new client.Counter({ name: name('keyframes_written_total'), help: 'Keyframes written to the log.', registers: [registry] });
	const peerUpdates = new client.Counter({
		name: name('peer_updates_total'),
		help: 'Cluster mode: updates other nodes logged, taken in from Redis (via=peer) or read back from the log after missed messages (via=log).',
		labelNames: ['via'],
		registers: [registry]
	});
	// Bytes are counted once per frame per receiver, the hottest path of a broadcast: a plain
	// number there, handed to prom-client only when scraped (its inc hashes labels each call).
	const traffic = { received: 0, sent: 0 };
	const drained = (key: keyof typeof traffic) =>
		function collect(this: { inc(value: number): void }) {
			this.inc(traffic[key]);
			traffic[key] = 0;
		};
	new client.Counter({ name: name('received_bytes_total'), help: 'Bytes of Yjs frames read from watchers.', registers: [registry], collect: drained('received') });
	new client.Counter({ name: name('sent_bytes_total'), help: 'Bytes of Yjs frames queued to watchers.', registers: [registry], collect: drained('sent') });

	return {
		metrics: {
			logged(updates, seconds) {
				accepted.inc(updates);
				append.observe(seconds);
			},
			broadcast: (seconds) => broadcast.observe(seconds),
			refused: (code) => refused.inc({ code: String(code) }),
			keyframeWritten: () => keyframes.inc(),
			peerUpdates: (updates, via) => peerUpdates.inc({ via }, updates),
			received: (bytes) => {
				traffic.received += bytes;
			},
			sent: (bytes) => {
				traffic.sent += bytes;
			}
		},
		observe(wired) {
			sources = wired;
		},
		contentType: registry.contentType,
		scrape: async () => spellNaN(await registry.metrics())
	};
}

/**
 * prom-client 15 writes a NaN sample as `Nan` (its event-loop lag mean is NaN until the monitor's
 * first 10 ms sample). Prometheus reads that, its float parser ignores case, but the exposition
 * format spells `NaN` and stricter readers (OpenMetrics, our tests) refuse anything else.
 */
export function spellNaN(text: string): string {
	return text.replace(/ Nan$/gm, ' NaN');
}
