/**
 * The SQLite schema and its migrations, keyed by PRAGMA user_version. Append a migration; never
 * edit one that has shipped.
 */
import type { Database } from 'better-sqlite3';

const MIGRATIONS: readonly string[] = [
	`CREATE TABLE boards (
		id TEXT PRIMARY KEY,
		title TEXT NOT NULL,
		created_at INTEGER NOT NULL,
		updated_at INTEGER NOT NULL
	);
	CREATE TABLE updates (
		board_id TEXT NOT NULL,
		seq INTEGER NOT NULL,
		at INTEGER NOT NULL,
		actor TEXT,
		data BLOB NOT NULL,
		PRIMARY KEY (board_id, seq)
	) WITHOUT ROWID;
	CREATE TABLE keyframes (
		board_id TEXT NOT NULL,
		seq INTEGER NOT NULL,
		at INTEGER NOT NULL,
		state BLOB NOT NULL,
		PRIMARY KEY (board_id, seq)
	) WITHOUT ROWID;`,
	// 2: replay finds "the last update at or before T" with one index seek (times never go
	// backwards per board, so the last by time is the last by seq).
	`CREATE INDEX updates_by_time ON updates (board_id, at);`,
	// 3: access. Boards from before it stay open to anyone who has the link (public-edit), as they
	// were. Tokens are kept as SHA-256 hashes only; a revoked one keeps its row (revoked_at) so the
	// owner's list can say what happened.
	`ALTER TABLE boards ADD COLUMN access TEXT NOT NULL DEFAULT 'public-edit';
	CREATE TABLE board_tokens (
		id TEXT PRIMARY KEY,
		board_id TEXT NOT NULL REFERENCES boards (id),
		hash TEXT NOT NULL UNIQUE,
		role TEXT NOT NULL,
		label TEXT,
		created_at INTEGER NOT NULL,
		revoked_at INTEGER
	);
	CREATE INDEX board_tokens_by_board ON board_tokens (board_id);`,
	// 4: flash alerts. Recipients are a table of their own, so a receipt is one UPDATE that says
	// whether it was new; place is JSON (the protocol's discriminated union, read back as is).
	`CREATE TABLE alerts (
		id TEXT PRIMARY KEY,
		board_id TEXT NOT NULL REFERENCES boards (id),
		raised_at INTEGER NOT NULL,
		priority TEXT NOT NULL,
		text TEXT NOT NULL,
		place TEXT,
		report_id TEXT,
		raised_by_id TEXT NOT NULL,
		raised_by_name TEXT NOT NULL
	);
	CREATE INDEX alerts_by_board ON alerts (board_id, raised_at);
	CREATE TABLE alert_recipients (
		alert_id TEXT NOT NULL REFERENCES alerts (id),
		watcher_id TEXT NOT NULL,
		name TEXT NOT NULL,
		seen_at INTEGER,
		PRIMARY KEY (alert_id, watcher_id)
	);`
];

/** The schema version this code writes; a data folder at an older one is brought up by opening it with the server. */
export const SQLITE_SCHEMA_VERSION = MIGRATIONS.length;

export function migrate(db: Database): void {
	const current = db.pragma('user_version', { simple: true }) as number;
	for (let version = current; version < MIGRATIONS.length; version++) {
		db.transaction(() => {
			db.exec(MIGRATIONS[version]!);
			db.pragma(`user_version = ${version + 1}`);
		})();
	}
}
