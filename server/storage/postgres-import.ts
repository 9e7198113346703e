/**
 * Writes one board's rows, as read from SQLite (sqlite-export.ts), into PostgreSQL — seq, time and
 * actor of every log entry kept — and reads them back for the check. Runs inside the caller's
 * transaction (board-migration.ts), so a board arrives whole or not at all.
 */
import type pg from 'pg';
import type { BoardDump } from './sqlite-export';

/** Log entries per INSERT: few statements, none too large to send. */
const UPDATE_CHUNK = 2_000;

export async function boardIsInPostgres(client: pg.PoolClient, id: string): Promise<boolean> {
	const { rows } = await client.query(
		'SELECT 1 FROM boards WHERE id = $1 UNION ALL SELECT 1 FROM board_heads WHERE board_id = $1 UNION ALL SELECT 1 FROM keyframes WHERE board_id = $1 LIMIT 1',
		[id]
	);
	return rows.length > 0;
}

/** Removes every row of a board (for --replace): receipts, alerts, tokens, keyframes, log, head, directory row. */
export async function deleteBoardFromPostgres(client: pg.PoolClient, id: string): Promise<void> {
	await client.query('DELETE FROM alert_recipients WHERE alert_id IN (SELECT id FROM alerts WHERE board_id = $1)', [id]);
	for (const table of ['alerts', 'board_tokens', 'keyframes', 'updates', 'board_heads']) {
		await client.query(`DELETE FROM ${table} WHERE board_id = $1`, [id]);
	}
	await client.query('DELETE FROM boards WHERE id = $1', [id]);
}

export async function insertBoardIntoPostgres(client: pg.PoolClient, dump: BoardDump): Promise<void> {
	const { id, board } = dump;
	if (board) {
		await client.query('INSERT INTO boards (id, title, created_at, updated_at, access) VALUES ($1, $2, $3, $4, $5)', [
			id,
			board.title,
			board.created_at,
			board.updated_at,
			board.access
		]);
	}
	for (let start = 0; start < dump.updates.length; start += UPDATE_CHUNK) {
		const chunk = dump.updates.slice(start, start + UPDATE_CHUNK);
		await client.query(
			`INSERT INTO updates (board_id, seq, at, actor, data)
			 SELECT $1, entry.seq, entry.at, entry.actor, entry.data FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::bytea[]) AS entry (seq, at, actor, data)`,
			[id, chunk.map((row) => row.seq), chunk.map((row) => row.at), chunk.map((row) => row.actor), chunk.map((row) => row.data)]
		);
	}
	const head = dump.updates.at(-1);
	if (head) await client.query('INSERT INTO board_heads (board_id, head_seq, head_at) VALUES ($1, $2, $3)', [id, head.seq, head.at]);
	for (const keyframe of dump.keyframes) {
		await client.query('INSERT INTO keyframes (board_id, seq, at, state) VALUES ($1, $2, $3, $4)', [id, keyframe.seq, keyframe.at, keyframe.state]);
	}
	for (const token of dump.tokens) {
		await client.query('INSERT INTO board_tokens (id, board_id, hash, role, label, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
			token.id,
			id,
			token.hash,
			token.role,
			token.label,
			token.created_at,
			token.revoked_at
		]);
	}
	// In stored order: raised_order (an identity) then keeps SQLite's rowid order for alerts of one millisecond.
	for (const alert of dump.alerts) {
		await client.query(
			`INSERT INTO alerts (id, board_id, raised_at, priority, text, place, report_id, raised_by_id, raised_by_name)
			 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
			[alert.id, id, alert.raised_at, alert.priority, alert.text, alert.place, alert.report_id, alert.raised_by_id, alert.raised_by_name]
		);
		for (const [position, recipient] of alert.recipients.entries()) {
			await client.query('INSERT INTO alert_recipients (alert_id, watcher_id, position, name, seen_at) VALUES ($1, $2, $3, $4, $5)', [
				alert.id,
				recipient.watcher_id,
				position + 1,
				recipient.name,
				recipient.seen_at
			]);
		}
	}
}

/** What a board has in PostgreSQL, counted there (the migration's check reads the target, not what it sent). */
export interface BoardCounts {
	updates: number;
	keyframes: number;
	tokens: number;
	alerts: number;
	receipts: number;
}

export async function countBoardInPostgres(client: pg.PoolClient, id: string): Promise<BoardCounts> {
	const { rows } = await client.query<BoardCounts>(
		`SELECT
			(SELECT count(*) FROM updates WHERE board_id = $1)::int AS updates,
			(SELECT count(*) FROM keyframes WHERE board_id = $1)::int AS keyframes,
			(SELECT count(*) FROM board_tokens WHERE board_id = $1)::int AS tokens,
			(SELECT count(*) FROM alerts WHERE board_id = $1)::int AS alerts,
			(SELECT count(*) FROM alert_recipients r JOIN alerts a ON a.id = r.alert_id WHERE a.board_id = $1 AND r.seen_at IS NOT NULL)::int AS receipts`,
		[id]
	);
	return rows[0]!;
}

/** The board's log as PostgreSQL holds it, in seq order, a chunk at a time. */
export async function* logInPostgres(client: pg.PoolClient, id: string): AsyncGenerator<Uint8Array> {
	for (let after = 0; ; ) {
		const { rows } = await client.query<{ seq: number; data: Buffer }>(
			'SELECT seq, data FROM updates WHERE board_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
			[id, after, UPDATE_CHUNK]
		);
		for (const row of rows) yield row.data;
		if (rows.length < UPDATE_CHUNK) return;
		after = rows.at(-1)!.seq;
	}
}
