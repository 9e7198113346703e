/**
 * The storage interface every backend implements (SQLite now; a networked one later).
 * Methods return promises so a networked backend fits; the SQLite one answers at once.
 * One contract suite (tests/integration/storage-contract.test.ts) runs against every backend.
 */
import type { AccessMode, Role } from '../../src/lib/protocol/access';
import type { Alert } from '../../src/lib/protocol/alerts';
import type { BoardSummary } from '../../src/lib/protocol/boards';

/** One accepted update as the log keeps it. */
export interface LoggedUpdate {
	seq: number;
	/** Server time of acceptance, epoch ms (the demo board records 2022 times). */
	at: number;
	/** The watcher (or bot, or server task) the update came from; null when unknown. */
	actor: string | null;
	update: Uint8Array;
}

export type NewLogEntry = Omit<LoggedUpdate, 'seq'>;

export interface Keyframe {
	/** The state includes every update with a sequence number ≤ seq. */
	seq: number;
	at: number;
	state: Uint8Array;
}

/** What it takes to bring a board back: the newest keyframe and every update after it. */
export interface StoredBoardState {
	keyframe: Keyframe | null;
	updates: LoggedUpdate[];
}

export interface BoardStorage {
	listBoards(): Promise<BoardSummary[]>;
	getBoard(id: string): Promise<BoardSummary | undefined>;
	/** Creates a board; rejects if the id is taken. */
	createBoard(board: { id: string; title: string; at: number }): Promise<BoardSummary>;
	renameBoard(id: string, title: string, at: number): Promise<BoardSummary | undefined>;

	/**
	 * Appends updates to a board's log in one durable step (all or none) and returns the
	 * sequence number given to the last one. When it resolves, the updates survive a crash.
	 */
	appendUpdates(boardId: string, entries: readonly NewLogEntry[]): Promise<number>;
	writeKeyframe(boardId: string, keyframe: Keyframe): Promise<void>;
	loadBoard(boardId: string): Promise<StoredBoardState>;
	/** Updates with from < seq ≤ to (to defaults to the end), oldest first. */
	readUpdates(boardId: string, from: number, to?: number): Promise<LoggedUpdate[]>;

	close(): Promise<void>;
}

/**
 * What replay needs on top: finding a moment in the log. Every backend implements it (the
 * contract suite checks); a live room needs only BoardStorage, so room tests can use a fake.
 * Log times never go backwards within a board, so "the board at time T" is a prefix of the log.
 */
export interface HistoryStorage extends BoardStorage {
	/** The newest keyframe covering at most `seq` (keyframe.seq ≤ seq), or null if none does. */
	keyframeAtOrBefore(boardId: string, seq: number): Promise<Keyframe | null>;
	/** The last sequence number logged at or before `time` (0 if none); `Infinity` gives the head. */
	seqAt(boardId: string, time: number): Promise<number>;
}

/** A board token as stored: the secret's SHA-256 hash (hex), never the secret. */
export interface StoredToken {
	id: string;
	boardId: string;
	hash: string;
	role: Role;
	label: string | null;
	createdAt: number;
	revokedAt: number | null;
}

/** Who may do what on a board (server/auth/board-access.ts is the one user). */
export interface AccessStorage {
	/** A board's mode; undefined if there is no such board. New boards start public-edit. */
	getAccessMode(boardId: string): Promise<AccessMode | undefined>;
	setAccessMode(boardId: string, mode: AccessMode): Promise<void>;
	/** Every board's mode, to filter the board list without a query per board. */
	accessModes(): Promise<Map<string, AccessMode>>;
	addToken(token: Omit<StoredToken, 'revokedAt'>): Promise<void>;
	findTokenByHash(hash: string): Promise<StoredToken | undefined>;
	/** Live (not revoked) tokens of a board, oldest first. */
	listTokens(boardId: string): Promise<StoredToken[]>;
	/** Marks a live token revoked; false if the board has no such live token. */
	revokeToken(boardId: string, id: string, at: number): Promise<boolean>;
	/** Revokes `id` and adds `replacement` with its role and label, in one step; undefined if not live. */
	rotateToken(boardId: string, id: string, replacement: { id: string; hash: string; at: number }): Promise<StoredToken | undefined>;
}

/**
 * Flash alerts and their receipts. An alert is stored with its recipients (the watchers of the
 * board when it was raised); a receipt sets one recipient's seenAt, once.
 */
export interface AlertStorage {
	/** Stores a new alert with its recipients (every seenAt null); rejects if the id is taken. */
	addAlert(alert: Alert): Promise<void>;
	/** Records that a recipient saw an alert; false if it is not a recipient of that alert on that board, or saw it already. */
	markAlertSeen(boardId: string, alertId: string, watcherId: string, at: number): Promise<boolean>;
	getAlert(boardId: string, alertId: string): Promise<Alert | undefined>;
	/** A board's alerts raised at or before `until` (default: all), newest first, at most `limit`. */
	listAlerts(boardId: string, options: { until?: number; limit: number }): Promise<Alert[]>;
}

/**
 * Several servers on one log (cluster mode): each keyframe is taken by one of them. Only the
 * PostgreSQL backend implements it; one process on SQLite needs no claims.
 */
export interface KeyframeClaims {
	/**
	 * Claims the keyframe at `seq` unless a keyframe newer than `known` (the last this server knows
	 * of) was claimed already: null when granted, else the seq of the newer claim.
	 */
	claimKeyframe(boardId: string, seq: number, known: number): Promise<number | null>;
}

/** The backend's answer to "can you serve now?", as /healthz reports it. */
export interface StorageHealth {
	backend: 'sqlite' | 'postgres';
	ok: boolean;
	/** How long the probe took, ms. */
	latencyMs: number;
	/** Why not, when not ok (never a password). */
	error?: string;
}

export interface HealthCheck {
	/** A trivial round trip; resolves (never rejects) within the backend's own timeouts. */
	checkHealth(): Promise<StorageHealth>;
}

/** Everything the server needs of its storage. */
export type ServerStorage = HistoryStorage & AccessStorage & AlertStorage & HealthCheck;
