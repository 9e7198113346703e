/** The board directory rows, access modes and board tokens on PostgreSQL (tables in postgres-schema.ts). */
import type pg from 'pg';
import type { AccessMode } from '../../src/lib/protocol/access';
import type { AccessStorage, BoardStorage } from './storage';
import { toSummary, toToken, type BoardRow, type TokenRow } from './storage-rows';

type DirectoryStorage = Pick<BoardStorage, 'listBoards' | 'getBoard' | 'createBoard' | 'renameBoard'>;


const BOARD_COLUMNS = 'id, title, created_at, updated_at';

export function postgresBoardStorage(pool: pg.Pool): DirectoryStorage & AccessStorage {
	const oneBoard = async (sql: string, values: unknown[]) => {
		const row = (await pool.query<BoardRow>(sql, values)).rows[0];
		return row ? toSummary(row) : undefined;
	};
	return {
		async listBoards() {
			return (await pool.query<BoardRow>(`SELECT ${BOARD_COLUMNS} FROM boards ORDER BY updated_at DESC`)).rows.map(toSummary);
		},
		getBoard(id) {
			return oneBoard(`SELECT ${BOARD_COLUMNS} FROM boards WHERE id = $1`, [id]);
		},
		async createBoard({ id, title, at }) {
			await pool.query('INSERT INTO boards (id, title, created_at, updated_at) VALUES ($1, $2, $3, $3)', [id, title, at]);
			return { id, title, createdAt: at, updatedAt: at };
		},
		renameBoard(id, title, at) {
			return oneBoard(`UPDATE boards SET title = $2, updated_at = $3 WHERE id = $1 RETURNING ${BOARD_COLUMNS}`, [id, title, at]);
		},
		async getAccessMode(boardId) {
			return (await pool.query<{ access: AccessMode }>('SELECT access FROM boards WHERE id = $1', [boardId])).rows[0]?.access;
		},
		async setAccessMode(boardId, mode) {
			await pool.query('UPDATE boards SET access = $2 WHERE id = $1', [boardId, mode]);
		},
		async accessModes() {
			const { rows } = await pool.query<{ id: string; access: AccessMode }>('SELECT id, access FROM boards');
			return new Map(rows.map((row) => [row.id, row.access]));
		},
		async addToken(token) {
			await pool.query('INSERT INTO board_tokens (id, board_id, hash, role, label, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
				token.id,
				token.boardId,
				token.hash,
				token.role,
				token.label,
				token.createdAt
			]);
		},
		async findTokenByHash(hash) {
			const row = (await pool.query<TokenRow>('SELECT * FROM board_tokens WHERE hash = $1', [hash])).rows[0];
			return row ? toToken(row) : undefined;
		},
		async listTokens(boardId) {
			const { rows } = await pool.query<TokenRow>('SELECT * FROM board_tokens WHERE board_id = $1 AND revoked_at IS NULL ORDER BY created_at, id', [boardId]);
			return rows.map(toToken);
		},
		async revokeToken(boardId, id, at) {
			const result = await pool.query('UPDATE board_tokens SET revoked_at = $3 WHERE board_id = $1 AND id = $2 AND revoked_at IS NULL', [boardId, id, at]);
			return (result.rowCount ?? 0) > 0;
		},
		async rotateToken(boardId, id, replacement) {
			// One statement: the UPDATE locks the old row, so of two rotations at once only one finds it live.
			const { rows } = await pool.query<TokenRow>(
				`WITH old AS (
					UPDATE board_tokens SET revoked_at = $5 WHERE board_id = $1 AND id = $2 AND revoked_at IS NULL RETURNING role, label
				)
				INSERT INTO board_tokens (id, board_id, hash, role, label, created_at)
				SELECT $3, $1, $4, old.role, old.label, $5 FROM old
				RETURNING *`,
				[boardId, id, replacement.id, replacement.hash, replacement.at]
			);
			return rows[0] ? toToken(rows[0]) : undefined;
		}
	};
}
