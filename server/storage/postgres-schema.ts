/**
 * The PostgreSQL schema and its migrations, numbered by the one row of `schema_version`. Append a
 * migration; never edit one that has shipped. Servers of a cluster may start at the same moment:
 * each migration runs under one advisory lock, so exactly one of them applies it and the others
 * find it done.
 *
 * The tables mirror the SQLite ones (sqlite-schema.ts), with two differences a shared database
 * needs: `board_heads` holds each board's last sequence number (the row every append locks, so
 * appends from several processes get dense, ordered numbers; postgres-log.ts), and alerts and
 * recipients carry an explicit order instead of SQLite's rowid.
 */
import type pg from 'pg';
import { inTransaction } from './postgres-pool';

/** Any fixed number, the same in every process: the key of the migration lock. */
const MIGRATION_LOCK = 16_2026;

const MIGRATIONS: readonly string[] = [
	`CREATE TABLE boards (
		id TEXT PRIMARY KEY,
		title TEXT NOT NULL,
		created_at BIGINT NOT NULL,
		updated_at BIGINT NOT NULL,
		access TEXT NOT NULL DEFAULT 'public-edit'
	);
	CREATE TABLE board_heads (
		board_id TEXT PRIMARY KEY,
		head_seq BIGINT NOT NULL,
		head_at BIGINT NOT NULL,
		prior_at BIGINT
	);
	CREATE TABLE updates (
		board_id TEXT NOT NULL,
		seq BIGINT NOT NULL,
		at BIGINT NOT NULL,
		actor TEXT,
		data BYTEA NOT NULL,
		PRIMARY KEY (board_id, seq)
	);
	CREATE INDEX updates_by_time ON updates (board_id, at, seq);
	CREATE TABLE keyframes (
		board_id TEXT NOT NULL,
		seq BIGINT NOT NULL,
		at BIGINT NOT NULL,
		state BYTEA NOT NULL,
		PRIMARY KEY (board_id, seq)
	);
	CREATE TABLE board_tokens (
		id TEXT PRIMARY KEY,
		board_id TEXT NOT NULL REFERENCES boards (id),
		hash TEXT NOT NULL UNIQUE,
		role TEXT NOT NULL,
		label TEXT,
		created_at BIGINT NOT NULL,
		revoked_at BIGINT
	);
	CREATE INDEX board_tokens_by_board ON board_tokens (board_id);
	CREATE TABLE alerts (
		id TEXT PRIMARY KEY,
		board_id TEXT NOT NULL REFERENCES boards (id),
		raised_order BIGINT GENERATED ALWAYS AS IDENTITY,
		raised_at BIGINT NOT NULL,
		priority TEXT NOT NULL,
		text TEXT NOT NULL,
		place TEXT,
		report_id TEXT,
		raised_by_id TEXT NOT NULL,
		raised_by_name TEXT NOT NULL
	);
	CREATE INDEX alerts_by_board ON alerts (board_id, raised_at, raised_order);
	CREATE TABLE alert_recipients (
		alert_id TEXT NOT NULL REFERENCES alerts (id),
		watcher_id TEXT NOT NULL,
		position INTEGER NOT NULL,
		name TEXT NOT NULL,
		seen_at BIGINT,
		PRIMARY KEY (alert_id, watcher_id)
	);`,
	// Cluster mode: the newest keyframe some server claimed, so each is taken by one (postgres-log.ts).
	`ALTER TABLE board_heads ADD COLUMN keyframe_claim BIGINT NOT NULL DEFAULT 0;
	UPDATE board_heads h SET keyframe_claim = k.seq FROM (SELECT board_id, max(seq) AS seq FROM keyframes GROUP BY board_id) k WHERE k.board_id = h.board_id;`
];

export const POSTGRES_SCHEMA_VERSION = MIGRATIONS.length;

export async function migratePostgres(pool: pg.Pool): Promise<void> {
	await inTransaction(pool, async (client) => {
		// Held to the end of the transaction: a second server starting now waits, then finds the work done.
		await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
		await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
		const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_version');
		if (rows.length === 0) await client.query('INSERT INTO schema_version (version) VALUES (0)');
		const current = rows[0]?.version ?? 0;
		if (current > MIGRATIONS.length) {
			throw new Error(`the database's schema is version ${current}, newer than this server's ${MIGRATIONS.length}: run a newer server`);
		}
		for (let version = current; version < MIGRATIONS.length; version++) {
			await client.query(MIGRATIONS[version]!);
			await client.query('UPDATE schema_version SET version = $1', [version + 1]);
		}
	});
}
