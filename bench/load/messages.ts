/**
 * What the orchestrator (run.ts) and the load process (load/client.ts) say to each other over the
 * child-process IPC channel. The load process reports each phase as it starts, so the orchestrator
 * can read the server's CPU and memory at exactly those moments from /proc.
 */
import type { Percentiles } from '../metrics/stats';

/** `floor` is no peer: the least work per delivery, the yardstick for CPU per delivered update. */
export type ServerKind = 'ours' | 'hocuspocus' | 'y-websocket' | 'floor' | ClusterKind;
/**
 * Ours on PostgreSQL (one node, no Redis), and ours as a cluster of nodes (PostgreSQL + Redis):
 * only `--cluster` runs them (bench/cluster/), next to `ours` on SQLite.
 */
export type ClusterKind = 'ours-postgres' | 'ours-cluster';

/** Where the load process finds the board and which wire dialect the server speaks. */
export interface Target {
	kind: ServerKind;
	dialect: 'y-websocket' | 'hocuspocus';
	/** Base URL of the Yjs endpoint, without the document: `ws://127.0.0.1:PORT/yjs`, `ws://127.0.0.1:PORT`. */
	serverUrl: string;
	/** Board id (ours) or document name (peers). */
	room: string;
	/**
	 * A cluster's nodes (Yjs base URLs like serverUrl): watchers and writers are split over them in
	 * contiguous blocks (watchers.ts `baseUrl`). Absent: every socket opens serverUrl.
	 */
	nodeUrls?: string[];
}

export interface LoadPlan {
	/** Watchers in total; `probes` of them are real Y.Doc providers, the rest light sockets. */
	watchers: number;
	probes: number;
	writers: number;
	/** Updates per second, all writers together. */
	rate: number;
	/** Handshakes in flight at once while connecting. */
	connectConcurrency: number;
	connectTimeoutMs: number;
	warmupMs: number;
	steadyMs: number;
	/** After writing stops, how long to wait for stragglers before counting them lost. */
	drainMs: number;
}

export interface LoadResult {
	/** Seconds until all N watchers had completed the handshake. */
	connectSeconds: number;
	/** Updates written in the steady window, and the rate actually achieved. */
	measured: number;
	achievedRate: number;
	delivered: number;
	/** Share of measured updates that reached every probe's Y.Doc with the right content. */
	probeDelivered: number;
	perReceiver: Percentiles;
	toLast: Percentiles;
	/** The load process's own CPU over the steady window, as a share of one core. */
	harnessCpu: number;
	/** Sockets the server closed during the run, by close code. */
	closes: Record<string, number>;
	/** Messages each light watcher received per second in the steady window (merging shows here). */
	framesPerWatcherSecond: number;
	/** Milliseconds the drain took (≤ drainMs). */
	drainMs: number;
}

export type ToLoad = { type: 'start'; target: Target; plan: LoadPlan };

export type FromLoad =
	| { type: 'ready' }
	| { type: 'connected' }
	| { type: 'steady-start' }
	| { type: 'steady-end' }
	| { type: 'result'; result: LoadResult }
	| { type: 'error'; message: string };
