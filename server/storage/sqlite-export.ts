/**
 * Reads an SQLite data folder row for row, for `npm run migrate`: everything a board has — its
 * directory row, the whole log, keyframes, every token (revoked ones too), alerts and receipts in
 * the order they were stored — which the ServerStorage interface does not hand out (it lists live
 * tokens only, alerts up to a limit). Opened read-only: migrating never changes the source.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { SQLITE_SCHEMA_VERSION } from './sqlite-schema';
import { DATABASE_FILE } from './sqlite-storage';

export interface BoardRowDump {
	id: string;
	title: string;
	created_at: number;
	updated_at: number;
	access: string;
}
export interface UpdateRowDump {
	seq: number;
	at: number;
	actor: string | null;
	data: Buffer;
}
export interface KeyframeRowDump {
	seq: number;
	at: number;
	state: Buffer;
}
export interface TokenRowDump {
	id: string;
	hash: string;
	role: string;
	label: string | null;
	created_at: number;
	revoked_at: number | null;
}
export interface AlertRowDump {
	id: string;
	raised_at: number;
	priority: string;
	text: string;
	place: string | null;
	report_id: string | null;
	raised_by_id: string;
	raised_by_name: string;
	recipients: { watcher_id: string; name: string; seen_at: number | null }[];
}

/** One board, whole. `board` is null for a log without a directory row (possible, if unusual). */
export interface BoardDump {
	id: string;
	board: BoardRowDump | null;
	updates: UpdateRowDump[];
	keyframes: KeyframeRowDump[];
	tokens: TokenRowDump[];
	alerts: AlertRowDump[];
}

export interface SqliteExport {
	/** Every board id: the directory's, and any log without a directory row. */
	boardIds(): string[];
	readBoard(id: string): BoardDump;
	close(): void;
}

export function openSqliteExport(dataDir: string): SqliteExport {
	const file = path.join(dataDir, DATABASE_FILE);
	if (!fs.existsSync(file)) throw new Error(`no database at ${file} (is --from the server's DATA_DIR?)`);
	const db = new Database(file, { readonly: true, fileMustExist: true });
	const version = db.pragma('user_version', { simple: true }) as number;
	if (version !== SQLITE_SCHEMA_VERSION) {
		db.close();
		throw new Error(`${file} is at schema version ${version}, this code reads ${SQLITE_SCHEMA_VERSION}: start this version's server on it once first`);
	}
	const statements = {
		ids: db.prepare<[], { id: string }>('SELECT id FROM boards UNION SELECT DISTINCT board_id FROM updates ORDER BY 1'),
		board: db.prepare<[string], BoardRowDump>('SELECT id, title, created_at, updated_at, access FROM boards WHERE id = ?'),
		updates: db.prepare<[string], UpdateRowDump>('SELECT seq, at, actor, data FROM updates WHERE board_id = ? ORDER BY seq'),
		keyframes: db.prepare<[string], KeyframeRowDump>('SELECT seq, at, state FROM keyframes WHERE board_id = ? ORDER BY seq'),
		tokens: db.prepare<[string], TokenRowDump>(
			'SELECT id, hash, role, label, created_at, revoked_at FROM board_tokens WHERE board_id = ? ORDER BY rowid'
		),
		alerts: db.prepare<[string], Omit<AlertRowDump, 'recipients'>>(
			'SELECT id, raised_at, priority, text, place, report_id, raised_by_id, raised_by_name FROM alerts WHERE board_id = ? ORDER BY rowid'
		),
		recipients: db.prepare<[string], AlertRowDump['recipients'][number]>(
			'SELECT watcher_id, name, seen_at FROM alert_recipients WHERE alert_id = ? ORDER BY rowid'
		)
	};
	// One read transaction per board: its rows as of one moment, even if a server still writes.
	const readBoard = db.transaction(
		(id: string): BoardDump => ({
			id,
			board: statements.board.get(id) ?? null,
			updates: statements.updates.all(id),
			keyframes: statements.keyframes.all(id),
			tokens: statements.tokens.all(id),
			alerts: statements.alerts.all(id).map((alert) => ({ ...alert, recipients: statements.recipients.all(alert.id) }))
		})
	);
	return {
		boardIds: () => statements.ids.all().map((row) => row.id),
		readBoard: (id) => readBoard.deferred(id),
		close: () => db.close()
	};
}
