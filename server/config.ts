/**
 * The one reader of process.env. Every option has a typed default and a reason; `.env.example`
 * mirrors this list. Other modules receive a `ServerConfig`, never the environment.
 */
import path from 'node:path';
import { ACCESS_MODES, type AccessMode } from '../src/lib/protocol/access';

export interface ServerConfig {
	/** TCP port of the one http.Server (app, Yjs, socket.io). */
	port: number;
	/** Interface to bind. `0.0.0.0` serves the LAN; `127.0.0.1` keeps a board private to this machine. */
	host: string;
	/** Where the SQLite file lives. Created if missing. */
	dataDir: string;
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
}

export const DEFAULT_CONFIG: ServerConfig = {
	port: 3000,
	host: '0.0.0.0',
	dataDir: './data',
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
	// Opening a replay asks for a state, a change page, the summary and latest (4–6 calls), and a
	// scrub asks once per frame; 10/s with a burst of 40 serves both and stops a loop that forces
	// rebuilds of a long board's index.
	historyPerSecond: 10,
	historyBurst: 40
};

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
	if (adminToken !== null && adminToken.length < 16) throw new Error('ADMIN_TOKEN must be at least 16 characters');
	return {
		port: integer(env, 'PORT', DEFAULT_CONFIG.port, 0),
		host: env.HOST || DEFAULT_CONFIG.host,
		dataDir: path.resolve(env.DATA_DIR || DEFAULT_CONFIG.dataDir),
		tileUrl: env.TILE_URL || null,
		keyframeInterval: integer(env, 'KEYFRAME_INTERVAL', DEFAULT_CONFIG.keyframeInterval, 1),
		keyframeMaxInterval: integer(env, 'KEYFRAME_MAX_INTERVAL', DEFAULT_CONFIG.keyframeMaxInterval, 1),
		roomIdleMs: integer(env, 'ROOM_IDLE_MS', DEFAULT_CONFIG.roomIdleMs, 0),
		maxMessageBytes: integer(env, 'MAX_MESSAGE_BYTES', DEFAULT_CONFIG.maxMessageBytes, 1024),
		maxBufferedBytes: integer(env, 'MAX_BUFFERED_BYTES', DEFAULT_CONFIG.maxBufferedBytes, 1024),
		seedDemo: flag(env, 'SEED_DEMO', DEFAULT_CONFIG.seedDemo),
		logLevel,
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
		historyBurst: integer(env, 'HISTORY_BURST', DEFAULT_CONFIG.historyBurst, 1)
	};
}
