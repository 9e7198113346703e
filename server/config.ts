/**
 * The one reader of process.env. Every option has a typed default and a reason; `.env.example`
 * mirrors this list. Other modules receive a `ServerConfig`, never the environment.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { ACCESS_MODES, type AccessMode } from '../src/lib/protocol/access';
import type { ClusterSettings } from './cluster/cluster-settings';
import type { PostgresSettings } from './storage/postgres-pool';

export const LOG_FORMATS = ['text', 'json'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** Shortest METRICS_TOKEN and ADMIN_TOKEN accepted: a guessable secret is no secret. */
const MIN_SECRET_LENGTH = 16;

export interface ServerConfig {
	/** TCP port of the one http.Server (app, Yjs, socket.io). */
	port: number;
	/** Interface to bind. `0.0.0.0` serves the LAN; `127.0.0.1` keeps a board private to this machine. */
	host: string;
	/** Where the SQLite file lives. Created if missing. Unused for storage when `database` is set. */
	dataDir: string;
	/**
	 * PostgreSQL as the log of record (`DATABASE_URL`), so several server processes can share
	 * boards; null keeps everything in the SQLite file in `dataDir`. docs/deploy.md.
	 */
	database: PostgresSettings | null;
	/**
	 * Cluster mode (`REDIS_URL`, with `DATABASE_URL`): this server is one node of several sharing
	 * every board; Redis carries logged changes, presence and the control plane between them.
	 * Null: one process. docs/deploy.md.
	 */
	cluster: ClusterSettings | null;
	/** Optional raster tiles, e.g. `https://tile.openstreetmap.org/{z}/{x}/{y}.png`. Unset: offline basemap. */
	tileUrl: string | null;
	/**
	 * Fewest logged updates between full-state keyframes. Past it a keyframe is due once the
	 * updates since the last weigh half of it (keyframe-policy.ts), or at `keyframeMaxInterval`.
	 */
	keyframeInterval: number;
	/** Most logged updates between keyframes: bounds the tail a load or a time travel replays. */
	keyframeMaxInterval: number;
	/** Keep a board in memory this long after its last watcher leaves, to absorb quick reconnects. */
	roomIdleMs: number;
	/** Largest WebSocket message accepted, in bytes; larger ones close the connection with 1009. */
	maxMessageBytes: number;
	/** A watcher with more than this many bytes unsent gets a merged catch-up later instead of more. */
	maxBufferedBytes: number;
	/** Create the 2022 demo board on first start. */
	seedDemo: boolean;
	/** `info` logs lifecycle lines; `warn` only problems; `silent` for tests. */
	logLevel: 'info' | 'warn' | 'silent';
	/** `text`: one readable line per event; `json`: one JSON object per line (pino), for a log collector. */
	logFormat: LogFormat;
	/**
	 * Serves `GET /metrics` (Prometheus text) to a scraper presenting this as a bearer token. Unset:
	 * metrics are off — /metrics answers 404 and prom-client is never loaded.
	 */
	metricsToken: string | null;
	/** Access mode of a newly created board. `public-edit`: a link to the board is enough to help. */
	defaultAccess: AccessMode;
	/** `anyone` may create boards, or only callers presenting ADMIN_TOKEN (`token`). */
	boardCreation: 'anyone' | 'token';
	/** Server-wide secret: may create boards and is owner of every board (recovers a lost owner link). */
	adminToken: string | null;
	/** Sustained messages per second one Yjs connection may send; beyond the burst it is closed (4429). */
	rateLimitPerSecond: number;
	/** Messages one Yjs connection may send at once before the sustained rate applies. */
	rateLimitBurst: number;
	/** Yjs connections one board accepts; the next is closed with 4503. */
	maxConnectionsPerBoard: number;
	/** A watcher whose send queue stays over `maxBufferedBytes` this long is closed (4408): it is not reading. */
	slowReaderCloseMs: number;
	/** Sustained Yjs updates per second one caller (token, or address without one) may send over all its connections; beyond: 4430. */
	callerUpdatesPerSecond: number;
	/** Yjs updates one caller may send at once before the sustained rate applies. */
	callerUpdatesBurst: number;
	/**
	 * Sustained updates per second one board accepts from all its watchers together. Over it, a
	 * connection sending more than its fair share (this rate over the board's senders) is closed (4431).
	 */
	boardUpdatesPerSecond: number;
	/** Updates one board accepts at once before the sustained rate applies. */
	boardUpdatesBurst: number;
	/** Yjs connections one address may hold open, over all boards; the next is closed with 4432. */
	maxConnectionsPerAddress: number;
	/** Yjs connections one token (a share link, an API token) may hold open, over all boards; beyond: 4432. */
	maxConnectionsPerToken: number;
	/** Sustained requests per second one caller (token, or address without one) may make to the records API; beyond: 429. */
	apiRateLimitPerSecond: number;
	/** Records API requests one caller may make at once before the sustained rate applies. */
	apiRateLimitBurst: number;
	/**
	 * Addresses of reverse proxies whose `X-Forwarded-For` is believed (comma-separated). Per-address
	 * limits count the forwarded client behind them; anyone else's header is ignored.
	 */
	trustedProxies: string[];
	/** Boards one address may create per hour (HTTP and socket.io together, forks included); beyond: 429. */
	boardsPerHour: number;
	/** Boards one address may create at once before the hourly rate applies. */
	boardsBurst: number;
	/** Sustained history and export queries per second per caller (token, or address without one); beyond: 429. */
	historyPerSecond: number;
	/** History and export queries one caller may make at once. */
	historyBurst: number;
	/** Flash alerts one caller (token, or address without one) may raise per minute over all its connections; beyond: rate_limited. */
	alertsPerMinute: number;
	/** Alerts one caller may raise at once before the per-minute rate applies. */
	alertsBurst: number;
	/** Flash alerts one board carries per minute, whoever raises them: each sounds a tone on every watcher's map. */
	boardAlertsPerMinute: number;
	/** Alerts one board carries at once before its per-minute rate applies. */
	boardAlertsBurst: number;
	/** Map pings one caller (token, or address without one) may send per second over all its connections. */
	pingsPerSecond: number;
	/** Pings one caller may send at once before the per-second rate applies. */
	pingsBurst: number;
	/** Map pings one board carries per second, whoever sends them: each lights up every watcher's map. */
	boardPingsPerSecond: number;
	/** Pings one board carries at once before its per-second rate applies. */
	boardPingsBurst: number;
	/**
	 * Memory for derived history (change lists, every version of every item, replay documents),
	 * in MB over all boards, by estimate (server/history/memory-estimate.ts): past it the least
	 * recently asked-for boards are let go; a board whose history alone outgrows it is refused
	 * (507 history_too_long).
	 */
	historyCacheMb: number;
	/** History builds (replays of a long stretch of a log) run at once, server-wide. */
	historyBuilds: number;
	/** History builds that may wait for a turn; the next request needing one is refused (503 busy). */
	historyBuildQueue: number;
}

export const DEFAULT_CONFIG: ServerConfig = {
	port: 3000,
	host: '0.0.0.0',
	dataDir: './data',
	database: null,
	cluster: null,
	tileUrl: null,
	keyframeInterval: 500,
	// A load or time travel applies at most 2 000 updates after its keyframe: ~0.5 s on this 2-core
	// machine on a 100 000-update board (bench/replay.ts), on top of decoding the keyframe itself.
	keyframeMaxInterval: 2000,
	roomIdleMs: 10_000,
	maxMessageBytes: 8 * 1024 * 1024,
	maxBufferedBytes: 4 * 1024 * 1024,
	seedDemo: true,
	logLevel: 'info',
	// Readable in a terminal, where `npm start` is first run; collectors ask for json.
	logFormat: 'text',
	// Memory and series are an operator's choice, as is who may read them: off until a token is set.
	metricsToken: null,
	defaultAccess: 'public-edit',
	boardCreation: 'anyone',
	adminToken: null,
	// A dragged pin sends ~60 updates/s plus awareness; the bench's top point drives 2 000 updates/s
	// through 4 writers (500/s each, bench/config.ts). 1 000/s with a 2 000 burst leaves both
	// unaffected and still stops a client stuck in a send loop (tens of thousands per second).
	rateLimitPerSecond: 1000,
	rateLimitBurst: 2000,
	maxConnectionsPerBoard: 2000,
	// A phone on a poor link drains a few MiB within seconds; 30 s over the cap (the keep-alive's
	// period) is a socket that has stopped reading, whose queue would otherwise be held forever.
	slowReaderCloseMs: 30_000,
	// The bench's top point sends 2 000 updates/s from 127.0.0.1 through 4 anonymous writers, and
	// ~1 000 watchers from that address each send an (empty) sync step 2 on join; a team behind one
	// NAT drags pins at ~60/s each. 3 000/s (burst 6 000) serves all of these; 30 flooding sockets
	// from one host (27 000/s) are closed within a quarter of a second.
	callerUpdatesPerSecond: 3000,
	callerUpdatesBurst: 6000,
	// Twice the bench's top point: what one board's log and watchers absorb on a 2-core machine
	// while every other board stays responsive. Only senders above their fair share are closed.
	boardUpdatesPerSecond: 4000,
	boardUpdatesBurst: 8000,
	// An office behind one NAT: 100 people with two tabs each. The bench opens ~1 000 sockets from
	// 127.0.0.1 and raises this for its own server (bench/servers/launch.ts).
	maxConnectionsPerAddress: 200,
	// A share link handed to a newsroom: several hundred people, a tab or two each.
	maxConnectionsPerToken: 500,
	// A wire bot posts a few reports a minute; a sync script reads a board's four lists and writes a
	// batch of moves. 5/s with a burst of 60 serves both and stops a runaway loop within a second.
	apiRateLimitPerSecond: 5,
	apiRateLimitBurst: 60,
	trustedProxies: [],
	// A newsroom sets up a few boards for a story; 300 boards in a second were a listing spam.
	boardsPerHour: 30,
	boardsBurst: 10,
	// Playing a replay asks for the board every 150 ms and a scrub up to every 80 ms (aborted asks
	// still arrive), opening one asks 4–6 things, and a newsroom's watchers may share one address.
	// Answers from a built index are cheap (the build itself is bounded by the history cache), so
	// this only stops a loop: 30/s with a burst of 120.
	historyPerSecond: 30,
	historyBurst: 120,
	// One connection may raise 5 alerts at once, then one every 6 s (CONTROL_RATES). A caller gets
	// the same pace however many sockets it opens — 50 sockets on one token raised 250 alerts in
	// 5 s — with a burst of 10 for a team sharing one editor link. A board takes twice that from
	// everyone together: past 20 a minute an alert is noise, not news.
	alertsPerMinute: 10,
	alertsBurst: 10,
	boardAlertsPerMinute: 20,
	boardAlertsBurst: 20,
	// A watcher points a few times while talking (one connection: 5 at once, then 1/s). A caller
	// gets twice one connection's pace (a team on one link, a watcher with two tabs); a board 10/s,
	// a ring every 100 ms on every map, which is already more than anyone can follow.
	pingsPerSecond: 2,
	pingsBurst: 10,
	boardPingsPerSecond: 10,
	boardPingsBurst: 30,
	// A derived board holds 1–2 KB per logged update (the replay bench's 100 000-update board
	// ≈ 190 MB; the 277 000-update board of issue 14 took 283 MB): 512 MB keeps such a board
	// replayable and a handful of ordinary ones warm, well inside Node's default heap.
	historyCacheMb: 512,
	// A build is CPU work on the one JavaScript thread: a second at once only slows the first
	// and holds a second growing index.
	historyBuilds: 1,
	// Four waiting builds of the longest board the budget holds wait about a minute in all.
	historyBuildQueue: 4
};

/**
 * PostgreSQL connection defaults. 10 connections: appends are one short statement each, so a few
 * carry a busy server, and several servers stay well inside PostgreSQL's default 100. Waits are
 * bounded so an outage makes edits fail fast (the room refuses them) rather than hang: 5 s to get a
 * connection, 15 s for a statement — a long board's whole log is read in well under that.
 */
export const DATABASE_DEFAULTS = { poolSize: 10, connectTimeoutMs: 5_000, statementTimeoutMs: 15_000 } as const;

type Env = Record<string, string | undefined>;

function integer(env: Env, key: string, fallback: number, min: number): number {
	const raw = env[key];
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < min) {
		throw new Error(`${key} must be a whole number ≥ ${min}, got "${raw}"`);
	}
	return value;
}

function flag(env: Env, key: string, fallback: boolean): boolean {
	const raw = env[key];
	if (raw === undefined || raw === '') return fallback;
	if (/^(1|true|yes|on)$/i.test(raw)) return true;
	if (/^(0|false|no|off)$/i.test(raw)) return false;
	throw new Error(`${key} must be true or false, got "${raw}"`);
}

/** DATABASE_URL, checked at start: a typo should stop the server with the reason, not fail its first edit. */
function databaseUrl(raw: string): string {
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw new Error('DATABASE_URL must be a URL like postgres://user:password@host:5432/database, got something that is not a URL');
	}
	// The value may hold a password: name only the part that is wrong.
	if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
		throw new Error(`DATABASE_URL must start with postgres:// or postgresql://, got "${url.protocol}//…"`);
	}
	if (url.hostname === '') throw new Error('DATABASE_URL names no host (postgres://user:password@host:5432/database)');
	if (url.pathname.length <= 1) throw new Error('DATABASE_URL names no database (postgres://user:password@host:5432/database)');
	return raw;
}

function database(env: Env): PostgresSettings | null {
	if (!env.DATABASE_URL) return null;
	return {
		url: databaseUrl(env.DATABASE_URL),
		poolSize: integer(env, 'DATABASE_POOL_SIZE', DATABASE_DEFAULTS.poolSize, 1),
		connectTimeoutMs: integer(env, 'DATABASE_CONNECT_TIMEOUT_MS', DATABASE_DEFAULTS.connectTimeoutMs, 100),
		statementTimeoutMs: integer(env, 'DATABASE_STATEMENT_TIMEOUT_MS', DATABASE_DEFAULTS.statementTimeoutMs, 100)
	};
}

function cluster(env: Env, database: PostgresSettings | null): ClusterSettings | null {
	if (!env.REDIS_URL) return null;
	let url: URL;
	try {
		url = new URL(env.REDIS_URL);
	} catch {
		throw new Error('REDIS_URL must be a URL like redis://host:6379, got something that is not a URL');
	}
	if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new Error(`REDIS_URL must start with redis:// or rediss://, got "${url.protocol}//…"`);
	// Several processes on one SQLite file would each count seqs from their own memory.
	if (!database) throw new Error('REDIS_URL (cluster mode) needs DATABASE_URL: the nodes of a cluster share their log in PostgreSQL');
	const prefix = env.REDIS_PREFIX || 'sb:';
	if (!/^[\w:.-]{1,64}$/.test(prefix)) throw new Error(`REDIS_PREFIX must be 1-64 letters, digits or _ : . -, got "${prefix}"`);
	const nodeId = env.NODE_ID || `${os.hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
	return { redisUrl: env.REDIS_URL, prefix, nodeId };
}

/** Reads the configuration from an environment (process.env by default); throws on a bad value. */
export function readConfig(env: Env = process.env): ServerConfig {
	const logLevel = env.LOG_LEVEL ?? DEFAULT_CONFIG.logLevel;
	if (logLevel !== 'info' && logLevel !== 'warn' && logLevel !== 'silent') {
		throw new Error(`LOG_LEVEL must be info, warn or silent, got "${logLevel}"`);
	}
	const defaultAccess = (env.DEFAULT_ACCESS || DEFAULT_CONFIG.defaultAccess) as AccessMode;
	if (!ACCESS_MODES.includes(defaultAccess)) {
		throw new Error(`DEFAULT_ACCESS must be one of ${ACCESS_MODES.join(', ')}, got "${defaultAccess}"`);
	}
	const boardCreation = env.BOARD_CREATION || DEFAULT_CONFIG.boardCreation;
	if (boardCreation !== 'anyone' && boardCreation !== 'token') {
		throw new Error(`BOARD_CREATION must be anyone or token, got "${boardCreation}"`);
	}
	const adminToken = env.ADMIN_TOKEN || null;
	if (boardCreation === 'token' && !adminToken) throw new Error('BOARD_CREATION=token needs ADMIN_TOKEN');
	if (adminToken !== null && adminToken.length < MIN_SECRET_LENGTH) throw new Error(`ADMIN_TOKEN must be at least ${MIN_SECRET_LENGTH} characters`);
	const logFormat = (env.LOG_FORMAT || DEFAULT_CONFIG.logFormat) as LogFormat;
	if (!LOG_FORMATS.includes(logFormat)) throw new Error(`LOG_FORMAT must be one of ${LOG_FORMATS.join(', ')}, got "${logFormat}"`);
	const metricsToken = env.METRICS_TOKEN || DEFAULT_CONFIG.metricsToken;
	if (metricsToken !== null && metricsToken.length < MIN_SECRET_LENGTH) throw new Error(`METRICS_TOKEN must be at least ${MIN_SECRET_LENGTH} characters`);
	const postgres = database(env);
	return {
		port: integer(env, 'PORT', DEFAULT_CONFIG.port, 0),
		host: env.HOST || DEFAULT_CONFIG.host,
		dataDir: path.resolve(env.DATA_DIR || DEFAULT_CONFIG.dataDir),
		database: postgres,
		cluster: cluster(env, postgres),
		tileUrl: env.TILE_URL || null,
		keyframeInterval: integer(env, 'KEYFRAME_INTERVAL', DEFAULT_CONFIG.keyframeInterval, 1),
		keyframeMaxInterval: integer(env, 'KEYFRAME_MAX_INTERVAL', DEFAULT_CONFIG.keyframeMaxInterval, 1),
		roomIdleMs: integer(env, 'ROOM_IDLE_MS', DEFAULT_CONFIG.roomIdleMs, 0),
		maxMessageBytes: integer(env, 'MAX_MESSAGE_BYTES', DEFAULT_CONFIG.maxMessageBytes, 1024),
		maxBufferedBytes: integer(env, 'MAX_BUFFERED_BYTES', DEFAULT_CONFIG.maxBufferedBytes, 1024),
		seedDemo: flag(env, 'SEED_DEMO', DEFAULT_CONFIG.seedDemo),
		logLevel,
		logFormat,
		metricsToken,
		defaultAccess,
		boardCreation,
		adminToken,
		rateLimitPerSecond: integer(env, 'RATE_LIMIT_PER_SECOND', DEFAULT_CONFIG.rateLimitPerSecond, 1),
		rateLimitBurst: integer(env, 'RATE_LIMIT_BURST', DEFAULT_CONFIG.rateLimitBurst, 1),
		maxConnectionsPerBoard: integer(env, 'MAX_CONNECTIONS_PER_BOARD', DEFAULT_CONFIG.maxConnectionsPerBoard, 1),
		slowReaderCloseMs: integer(env, 'SLOW_READER_CLOSE_MS', DEFAULT_CONFIG.slowReaderCloseMs, 100),
		callerUpdatesPerSecond: integer(env, 'CALLER_UPDATES_PER_SECOND', DEFAULT_CONFIG.callerUpdatesPerSecond, 1),
		callerUpdatesBurst: integer(env, 'CALLER_UPDATES_BURST', DEFAULT_CONFIG.callerUpdatesBurst, 1),
		boardUpdatesPerSecond: integer(env, 'BOARD_UPDATES_PER_SECOND', DEFAULT_CONFIG.boardUpdatesPerSecond, 1),
		boardUpdatesBurst: integer(env, 'BOARD_UPDATES_BURST', DEFAULT_CONFIG.boardUpdatesBurst, 1),
		maxConnectionsPerAddress: integer(env, 'MAX_CONNECTIONS_PER_ADDRESS', DEFAULT_CONFIG.maxConnectionsPerAddress, 1),
		maxConnectionsPerToken: integer(env, 'MAX_CONNECTIONS_PER_TOKEN', DEFAULT_CONFIG.maxConnectionsPerToken, 1),
		apiRateLimitPerSecond: integer(env, 'API_RATE_LIMIT_PER_SECOND', DEFAULT_CONFIG.apiRateLimitPerSecond, 1),
		apiRateLimitBurst: integer(env, 'API_RATE_LIMIT_BURST', DEFAULT_CONFIG.apiRateLimitBurst, 1),
		trustedProxies: (env.TRUSTED_PROXIES ?? '')
			.split(',')
			.map((address) => address.trim())
			.filter((address) => address !== ''),
		boardsPerHour: integer(env, 'BOARDS_PER_HOUR', DEFAULT_CONFIG.boardsPerHour, 1),
		boardsBurst: integer(env, 'BOARDS_BURST', DEFAULT_CONFIG.boardsBurst, 1),
		historyPerSecond: integer(env, 'HISTORY_PER_SECOND', DEFAULT_CONFIG.historyPerSecond, 1),
		historyBurst: integer(env, 'HISTORY_BURST', DEFAULT_CONFIG.historyBurst, 1),
		alertsPerMinute: integer(env, 'ALERTS_PER_MINUTE', DEFAULT_CONFIG.alertsPerMinute, 1),
		alertsBurst: integer(env, 'ALERTS_BURST', DEFAULT_CONFIG.alertsBurst, 1),
		boardAlertsPerMinute: integer(env, 'BOARD_ALERTS_PER_MINUTE', DEFAULT_CONFIG.boardAlertsPerMinute, 1),
		boardAlertsBurst: integer(env, 'BOARD_ALERTS_BURST', DEFAULT_CONFIG.boardAlertsBurst, 1),
		pingsPerSecond: integer(env, 'PINGS_PER_SECOND', DEFAULT_CONFIG.pingsPerSecond, 1),
		pingsBurst: integer(env, 'PINGS_BURST', DEFAULT_CONFIG.pingsBurst, 1),
		boardPingsPerSecond: integer(env, 'BOARD_PINGS_PER_SECOND', DEFAULT_CONFIG.boardPingsPerSecond, 1),
		boardPingsBurst: integer(env, 'BOARD_PINGS_BURST', DEFAULT_CONFIG.boardPingsBurst, 1),
		historyCacheMb: integer(env, 'HISTORY_CACHE_MB', DEFAULT_CONFIG.historyCacheMb, 1),
		historyBuilds: integer(env, 'HISTORY_BUILDS', DEFAULT_CONFIG.historyBuilds, 1),
		historyBuildQueue: integer(env, 'HISTORY_BUILD_QUEUE', DEFAULT_CONFIG.historyBuildQueue, 0)
	};
}
