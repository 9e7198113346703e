/**
 * BoardStorage on one SQLite file (better-sqlite3). WAL with synchronous=NORMAL: a committed
 * append survives the server process being killed (the OS has it); only a power cut can lose the
 * last moments. Appends of one tick go in one transaction.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { sqliteAlertStorage } from './sqlite-alerts';
import { migrate } from './sqlite-schema';
import { toSummary, toToken, type BoardRow, type TokenRow } from './storage-rows';
import type { AccessMode } from '../../src/lib/protocol/access';
import type { Keyframe, LoggedUpdate, NewLogEntry, ServerStorage, StoredBoardState } from './storage';

interface UpdateRow {
	seq: number;
	at: number;
	actor: string | null;
	data: Buffer;
}

const bytesOf = (data: Buffer) => new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
const toKeyframe = (row: { seq: number; at: number; state: Buffer }): Keyframe => ({ seq: row.seq, at: row.at, state: bytesOf(row.state) });
const toLogged = (row: UpdateRow): LoggedUpdate => ({
	seq: row.seq,
	at: row.at,
	actor: row.actor,
	update: bytesOf(row.data)
});

export const DATABASE_FILE = 'situation-board.sqlite';

/** One seek on the updates_by_time index; seq breaks ties between updates of one millisecond. */
export const SEQ_AT_QUERY = 'SELECT seq FROM updates WHERE board_id = ? AND at <= ? ORDER BY at DESC, seq DESC LIMIT 1';

export function openSqliteStorage(dataDir: string): ServerStorage {
	fs.mkdirSync(dataDir, { recursive: true });
	const db = new Database(path.join(dataDir, DATABASE_FILE));
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = NORMAL');
	db.pragma('foreign_keys = ON');
	migrate(db);

	const statements = {
		list: db.prepare<[], BoardRow>('SELECT * FROM boards ORDER BY updated_at DESC'),
		get: db.prepare<[string], BoardRow>('SELECT * FROM boards WHERE id = ?'),
		create: db.prepare('INSERT INTO boards (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)'),
		rename: db.prepare('UPDATE boards SET title = ?, updated_at = ? WHERE id = ?'),
		touch: db.prepare('UPDATE boards SET updated_at = max(updated_at, ?) WHERE id = ?'),
		lastSeq: db.prepare<[string], { seq: number | null }>('SELECT max(seq) AS seq FROM updates WHERE board_id = ?'),
		insertUpdate: db.prepare('INSERT INTO updates (board_id, seq, at, actor, data) VALUES (?, ?, ?, ?, ?)'),
		insertKeyframe: db.prepare('INSERT OR REPLACE INTO keyframes (board_id, seq, at, state) VALUES (?, ?, ?, ?)'),
		latestKeyframe: db.prepare<[string], { seq: number; at: number; state: Buffer }>(
			'SELECT seq, at, state FROM keyframes WHERE board_id = ? ORDER BY seq DESC LIMIT 1'
		),
		updatesBetween: db.prepare<[string, number, number], UpdateRow>(
			'SELECT seq, at, actor, data FROM updates WHERE board_id = ? AND seq > ? AND seq <= ? ORDER BY seq'
		),
		keyframeAtOrBefore: db.prepare<[string, number], { seq: number; at: number; state: Buffer }>(
			'SELECT seq, at, state FROM keyframes WHERE board_id = ? AND seq <= ? ORDER BY seq DESC LIMIT 1'
		),
		seqAt: db.prepare<[string, number], { seq: number }>(SEQ_AT_QUERY),
		getAccess: db.prepare<[string], { access: AccessMode }>('SELECT access FROM boards WHERE id = ?'),
		setAccess: db.prepare('UPDATE boards SET access = ? WHERE id = ?'),
		allAccess: db.prepare<[], { id: string; access: AccessMode }>('SELECT id, access FROM boards'),
		addToken: db.prepare('INSERT INTO board_tokens (id, board_id, hash, role, label, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
		tokenByHash: db.prepare<[string], TokenRow>('SELECT * FROM board_tokens WHERE hash = ?'),
		liveToken: db.prepare<[string, string], TokenRow>('SELECT * FROM board_tokens WHERE board_id = ? AND id = ? AND revoked_at IS NULL'),
		liveTokens: db.prepare<[string], TokenRow>('SELECT * FROM board_tokens WHERE board_id = ? AND revoked_at IS NULL ORDER BY created_at, id'),
		revokeToken: db.prepare('UPDATE board_tokens SET revoked_at = ? WHERE board_id = ? AND id = ? AND revoked_at IS NULL')
	};

	const rotate = db.transaction((boardId: string, id: string, replacement: { id: string; hash: string; at: number }) => {
		const old = statements.liveToken.get(boardId, id);
		if (!old) return undefined;
		statements.revokeToken.run(replacement.at, boardId, id);
		statements.addToken.run(replacement.id, boardId, replacement.hash, old.role, old.label, replacement.at);
		return toToken(statements.tokenByHash.get(replacement.hash)!);
	});

	/** Next sequence number per board, cached: a SELECT per append would be on the hot path. */
	const lastSeq = new Map<string, number>();
	const currentSeq = (boardId: string) => {
		let seq = lastSeq.get(boardId);
		if (seq === undefined) {
			seq = statements.lastSeq.get(boardId)?.seq ?? 0;
			lastSeq.set(boardId, seq);
		}
		return seq;
	};

	const append = db.transaction((boardId: string, entries: readonly NewLogEntry[]) => {
		let seq = currentSeq(boardId);
		let latest = 0;
		for (const entry of entries) {
			seq += 1;
			statements.insertUpdate.run(boardId, seq, entry.at, entry.actor, entry.update);
			latest = Math.max(latest, entry.at);
		}
		statements.touch.run(latest, boardId);
		return seq;
	});

	return {
		...sqliteAlertStorage(db),
		async listBoards() {
			return statements.list.all().map(toSummary);
		},
		async getBoard(id) {
			const row = statements.get.get(id);
			return row ? toSummary(row) : undefined;
		},
		async createBoard({ id, title, at }) {
			statements.create.run(id, title, at, at);
			return { id, title, createdAt: at, updatedAt: at };
		},
		async renameBoard(id, title, at) {
			statements.rename.run(title, at, id);
			const row = statements.get.get(id);
			return row ? toSummary(row) : undefined;
		},
		async appendUpdates(boardId, entries) {
			if (entries.length === 0) return currentSeq(boardId);
			const seqBefore = currentSeq(boardId);
			try {
				const seq = append(boardId, entries);
				lastSeq.set(boardId, seq);
				return seq;
			} catch (error) {
				lastSeq.set(boardId, seqBefore);
				throw error;
			}
		},
		async writeKeyframe(boardId, keyframe: Keyframe) {
			statements.insertKeyframe.run(boardId, keyframe.seq, keyframe.at, keyframe.state);
		},
		async loadBoard(boardId): Promise<StoredBoardState> {
			const row = statements.latestKeyframe.get(boardId);
			const keyframe = row ? toKeyframe(row) : null;
			const updates = statements.updatesBetween.all(boardId, keyframe?.seq ?? 0, Number.MAX_SAFE_INTEGER).map(toLogged);
			return { keyframe, updates };
		},
		async readUpdates(boardId, from, to = Number.MAX_SAFE_INTEGER) {
			return statements.updatesBetween.all(boardId, from, to).map(toLogged);
		},
		async keyframeAtOrBefore(boardId, seq) {
			const row = statements.keyframeAtOrBefore.get(boardId, Math.min(seq, Number.MAX_SAFE_INTEGER));
			return row ? toKeyframe(row) : null;
		},
		async seqAt(boardId, time) {
			return statements.seqAt.get(boardId, Math.min(Math.floor(time), Number.MAX_SAFE_INTEGER))?.seq ?? 0;
		},
		async getAccessMode(boardId) {
			return statements.getAccess.get(boardId)?.access;
		},
		async setAccessMode(boardId, mode) {
			statements.setAccess.run(mode, boardId);
		},
		async accessModes() {
			return new Map(statements.allAccess.all().map((row) => [row.id, row.access]));
		},
		async addToken(token) {
			statements.addToken.run(token.id, token.boardId, token.hash, token.role, token.label, token.createdAt);
		},
		async findTokenByHash(hash) {
			const row = statements.tokenByHash.get(hash);
			return row ? toToken(row) : undefined;
		},
		async listTokens(boardId) {
			return statements.liveTokens.all(boardId).map(toToken);
		},
		async revokeToken(boardId, id, at) {
			return statements.revokeToken.run(at, boardId, id).changes > 0;
		},
		async rotateToken(boardId, id, replacement) {
			return rotate(boardId, id, replacement);
		},
		async checkHealth() {
			const started = performance.now();
			try {
				db.prepare('SELECT 1').get();
				return { backend: 'sqlite', ok: true, latencyMs: performance.now() - started };
			} catch (error) {
				return { backend: 'sqlite', ok: false, latencyMs: performance.now() - started, error: (error as Error).message };
			}
		},
		async close() {
			if (db.open) db.close();
		}
	};
}
