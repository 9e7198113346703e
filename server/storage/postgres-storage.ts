/**
 * ServerStorage on PostgreSQL (node-postgres), for servers that share one log of record. Its
 * parts by concern: the pool and its timeouts (postgres-pool.ts), schema and migrations
 * (postgres-schema.ts), log and keyframes (postgres-log.ts), boards, access and tokens
 * (postgres-boards.ts), alerts and receipts (postgres-alerts.ts). Opening it migrates the schema,
 * so a call that resolves has a database ready for every call.
 */
import { postgresAlertStorage } from './postgres-alerts';
import { postgresBoardStorage } from './postgres-boards';
import { postgresLogStorage } from './postgres-log';
import { openPostgresPool, type PostgresSettings } from './postgres-pool';
import { migratePostgres } from './postgres-schema';
import type { KeyframeClaims, ServerStorage } from './storage';

export async function openPostgresStorage(settings: PostgresSettings, onIdleError: (error: Error) => void = () => {}): Promise<ServerStorage & KeyframeClaims> {
	const pool = await openPostgresPool(settings, onIdleError);
	try {
		await migratePostgres(pool);
	} catch (error) {
		await pool.end().catch(() => undefined);
		throw new Error(`PostgreSQL at ${describePostgresUrl(settings.url)}: ${(error as Error).message}`, { cause: error });
	}
	let closed: Promise<void> | null = null;
	return {
		...postgresBoardStorage(pool),
		...postgresLogStorage(pool),
		...postgresAlertStorage(pool),
		async checkHealth() {
			const started = performance.now();
			try {
				await pool.query('SELECT 1');
				return { backend: 'postgres', ok: true, latencyMs: performance.now() - started };
			} catch (error) {
				return { backend: 'postgres', ok: false, latencyMs: performance.now() - started, error: (error as Error).message };
			}
		},
		close() {
			closed ??= pool.end();
			return closed;
		}
	};
}

/** Where a URL points, for logs and errors: host, port and database, never the password. */
export function describePostgresUrl(url: string): string {
	try {
		const parsed = new URL(url);
		return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
	} catch {
		return '(unparseable URL)';
	}
}
