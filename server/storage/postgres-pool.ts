/**
 * The PostgreSQL connection pool behind the PostgreSQL storage. Every wait is bounded, so an
 * unreachable or stuck database makes a call reject — and a room refuse edits — instead of
 * hanging: getting a connection (connectionTimeoutMillis), a statement on the server
 * (statement_timeout), the answer on the wire (query_timeout, for a server that vanished without
 * closing the socket), and a transaction left open by a dead client (idle_in_transaction).
 */
// Loaded only when PostgreSQL is configured: the driver and its parsers are about 16 MB of a
// process's memory, which a server on SQLite has no use for.
import type pg from 'pg';

export interface PostgresSettings {
	/** postgres://user:password@host:5432/database (query options such as sslmode pass through). */
	url: string;
	/** Connections this process holds at most. */
	poolSize: number;
	/** Longest wait for a connection (a new one, or a free one from the pool) before a call rejects. */
	connectTimeoutMs: number;
	/** Longest one statement may run on the server before it is cancelled and the call rejects. */
	statementTimeoutMs: number;
}

/** int8 (bigint) as a JS number: seqs and epoch-ms times stay far below 2^53. */
const INT8_OID = 20;

export async function openPostgresPool(settings: PostgresSettings, onIdleError: (error: Error) => void): Promise<pg.Pool> {
	const { default: driver } = await import('pg');
	const types = {
		getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
			oid === INT8_OID ? (value: string) => Number(value) : driver.types.getTypeParser(oid, format)) as typeof driver.types.getTypeParser
	};
	const pool = new driver.Pool({
		connectionString: settings.url,
		max: settings.poolSize,
		connectionTimeoutMillis: settings.connectTimeoutMs,
		statement_timeout: settings.statementTimeoutMs,
		// The client-side bound is a little longer, so the server's own cancel normally wins and says why.
		query_timeout: settings.statementTimeoutMs + settings.connectTimeoutMs,
		idle_in_transaction_session_timeout: settings.statementTimeoutMs,
		keepAlive: true,
		application_name: 'situation-board',
		types
	});
	// An idle connection that dies (database restarted, network cut) is reported here; unhandled,
	// it would end the process. The pool replaces it; calls meanwhile reject and say why.
	pool.on('error', onIdleError);
	return pool;
}

/** Runs `work` in one transaction on one connection: COMMIT if it resolves, ROLLBACK if it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
	const client = await pool.connect();
	let broken: Error | undefined;
	try {
		await client.query('BEGIN');
		const result = await work(client);
		await client.query('COMMIT');
		return result;
	} catch (error) {
		// A connection that cannot even roll back is dropped, not handed to the next caller.
		await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
		throw error;
	} finally {
		client.release(broken);
	}
}

/** A bytea as the storage interface hands it out: a plain Uint8Array view, like the SQLite backend's. */
export const bytesOf = (data: Buffer): Uint8Array => new Uint8Array(data.buffer, data.byteOffset, data.byteLength);

/** Epoch ms or seq bounds as PostgreSQL bigints: Infinity means "no bound". */
export const bigintBound = (value: number): number => Math.min(Math.floor(value), Number.MAX_SAFE_INTEGER);
