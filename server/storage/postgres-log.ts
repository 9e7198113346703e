/**
 * The board log and keyframes on PostgreSQL: the log of record when several server processes
 * share one database.
 *
 * Sequence numbers come from each board's row in `board_heads`. An append is one statement (so
 * one transaction): it raises the head by the number of entries — an upsert, which takes the
 * row's lock — and inserts the entries numbered just below the new head. A second append to the
 * same board, from this process or another, waits on that lock until the first commits, then
 * counts on from the committed head. So numbers are dense (a rolled-back append gives its numbers
 * back: a SEQUENCE would leave gaps), per board, and commit in number order (a reader never sees
 * seq n+1 before n). The head lives in its own table rather than on `boards` because a log may be
 * written for a board id without a directory row (the contract allows it; rooms do not check),
 * and the first append creates the head. The statement returns only after COMMIT, which with
 * PostgreSQL's default synchronous_commit is durable.
 *
 * Times: a room never logs a time earlier than its previous one (R9), but two processes' clocks
 * and batches interleave. The head also keeps the newest logged time, and an append raises each
 * entry's time to at least the time logged before it (`prior_at`: the head's time as the upsert
 * found it), so the shared log's times never go backwards either and "the board at time T" stays
 * a prefix of the log.
 */
import type pg from 'pg';
import { bigintBound, bytesOf, inTransaction } from './postgres-pool';
import type { HistoryStorage, Keyframe, KeyframeClaims, LoggedUpdate } from './storage';

type LogStorage = Omit<HistoryStorage, 'listBoards' | 'getBoard' | 'createBoard' | 'renameBoard' | 'close'> & KeyframeClaims;

interface UpdateRow {
	seq: number;
	at: number;
	actor: string | null;
	data: Buffer;
}
interface KeyframeRow {
	seq: number;
	at: number;
	state: Buffer;
}

const toLogged = (row: UpdateRow): LoggedUpdate => ({ seq: row.seq, at: row.at, actor: row.actor, update: bytesOf(row.data) });
const toKeyframe = (row: KeyframeRow): Keyframe => ({ seq: row.seq, at: row.at, state: bytesOf(row.state) });

/**
 * $1 board, $2 entry count, $3 times, $4 actors, $5 updates, $6 the newest time. In the SET list
 * `h.` is the row as found, so prior_at keeps the time logged before this append (GREATEST
 * ignores its NULL on a board's first append).
 */
export const APPEND_QUERY = `
	WITH head AS (
		INSERT INTO board_heads AS h (board_id, head_seq, head_at) VALUES ($1, $2, $6)
		ON CONFLICT (board_id) DO UPDATE
		SET head_seq = h.head_seq + EXCLUDED.head_seq, prior_at = h.head_at, head_at = GREATEST(h.head_at, EXCLUDED.head_at)
		RETURNING head_seq, prior_at
	), logged AS (
		INSERT INTO updates (board_id, seq, at, actor, data)
		SELECT $1, head.head_seq - $2 + entry.ord, GREATEST(entry.at, head.prior_at), entry.actor, entry.data
		FROM head, unnest($3::bigint[], $4::text[], $5::bytea[]) WITH ORDINALITY AS entry (at, actor, data, ord)
	), touched AS (
		UPDATE boards SET updated_at = GREATEST(updated_at, $6) WHERE id = $1
	)
	SELECT head_seq FROM head`;

/** One seek on updates_by_time; seq breaks ties between updates of one millisecond. */
export const POSTGRES_SEQ_AT_QUERY = 'SELECT seq FROM updates WHERE board_id = $1 AND at <= $2 ORDER BY at DESC, seq DESC LIMIT 1';

const UPDATES_BETWEEN = 'SELECT seq, at, actor, data FROM updates WHERE board_id = $1 AND seq > $2 AND seq <= $3 ORDER BY seq';

export function postgresLogStorage(pool: pg.Pool): LogStorage {
	const headOf = async (boardId: string) =>
		(await pool.query<{ head_seq: number }>('SELECT head_seq FROM board_heads WHERE board_id = $1', [boardId])).rows[0]?.head_seq ?? 0;
	const updatesBetween = async (boardId: string, from: number, to: number) =>
		(await pool.query<UpdateRow>(UPDATES_BETWEEN, [boardId, bigintBound(from), bigintBound(to)])).rows.map(toLogged);

	const keyframeAtOrBefore = async (boardId: string, seq: number) => {
		const { rows } = await pool.query<KeyframeRow>(
			'SELECT seq, at, state FROM keyframes WHERE board_id = $1 AND seq <= $2 ORDER BY seq DESC LIMIT 1',
			[boardId, bigintBound(seq)]
		);
		return rows[0] ? toKeyframe(rows[0]) : null;
	};

	return {
		async appendUpdates(boardId, entries) {
			if (entries.length === 0) return headOf(boardId);
			const { rows } = await pool.query<{ head_seq: number }>(APPEND_QUERY, [
				boardId,
				entries.length,
				entries.map((entry) => entry.at),
				entries.map((entry) => entry.actor),
				entries.map((entry) => entry.update),
				entries.reduce((latest, entry) => Math.max(latest, entry.at), -Infinity)
			]);
			return rows[0]!.head_seq;
		},
		async writeKeyframe(boardId, keyframe) {
			// Two servers may snapshot the same seq; the states are the same board at the same point.
			await pool.query(
				`INSERT INTO keyframes (board_id, seq, at, state) VALUES ($1, $2, $3, $4)
				 ON CONFLICT (board_id, seq) DO UPDATE SET at = EXCLUDED.at, state = EXCLUDED.state`,
				[boardId, keyframe.seq, keyframe.at, keyframe.state]
			);
		},
		claimKeyframe(boardId, seq, known) {
			// The head row locked (FOR UPDATE reads the newest committed claim, after waiting for a
			// rival's): a one-statement compare-and-set read its answer from the statement's older
			// snapshot, so a loser could be told 0 instead of the claim that beat it. Two short
			// statements, once per keyframe interval; an append waits for them at most.
			return inTransaction(pool, async (client) => {
				const { rows } = await client.query<{ keyframe_claim: number }>('SELECT keyframe_claim FROM board_heads WHERE board_id = $1 FOR UPDATE', [boardId]);
				const current = rows[0]?.keyframe_claim;
				// No head row: nothing was ever appended, so nobody else can be taking a keyframe.
				if (current === undefined) return null;
				if (current > known || current >= seq) return current;
				await client.query('UPDATE board_heads SET keyframe_claim = $2 WHERE board_id = $1', [boardId, seq]);
				return null;
			});
		},
		async loadBoard(boardId) {
			const keyframe = await keyframeAtOrBefore(boardId, Infinity);
			return { keyframe, updates: await updatesBetween(boardId, keyframe?.seq ?? 0, Infinity) };
		},
		readUpdates(boardId, from, to = Infinity) {
			return updatesBetween(boardId, from, to);
		},
		keyframeAtOrBefore,
		async seqAt(boardId, time) {
			return (await pool.query<{ seq: number }>(POSTGRES_SEQ_AT_QUERY, [boardId, bigintBound(time)])).rows[0]?.seq ?? 0;
		}
	};
}
