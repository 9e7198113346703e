/**
 * The outside services cluster-mode tests run against — PostgreSQL (the log of record) and Redis
 * — and the one rule for when one is missing. On a developer's machine without them, the cases
 * that need them are skipped with one line saying why; where they must be there (CI=true, or
 * REQUIRE_CLUSTER_SERVICES=1 as .ci/run sets), a missing service fails the file instead, so a
 * green run can never mean "skipped everything that mattered".
 *
 * A test file asks at its top: `const POSTGRES = await clusterService('PostgreSQL')`, then
 * `describe.skipIf(!POSTGRES)`, and `useTestDatabase(POSTGRES)` for a database of its own.
 */
import net from 'node:net';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import type { PostgresSettings } from '../../server/storage/postgres-pool';

/** A database the test user may CREATE DATABASE from (trust auth on the CI machine). */
export const TEST_POSTGRES_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
const PROBE_TIMEOUT_MS = 3_000;

export type ClusterServiceName = 'PostgreSQL' | 'Redis';

/** True where a missing service is a failure, not a skip. */
export function clusterServicesRequired(env: Record<string, string | undefined> = process.env): boolean {
	return env.CI === 'true' || env.REQUIRE_CLUSTER_SERVICES === '1';
}

/** Null if PostgreSQL answers a query at `url`, else why not. */
export async function probePostgres(url = TEST_POSTGRES_URL): Promise<string | null> {
	const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: PROBE_TIMEOUT_MS, query_timeout: PROBE_TIMEOUT_MS });
	try {
		await client.connect();
		await client.query('SELECT 1');
		return null;
	} catch (error) {
		return `no PostgreSQL at ${redacted(url)} (${(error as Error).message || (error as Error).name}); set TEST_DATABASE_URL`;
	} finally {
		await client.end().catch(() => undefined);
	}
}

/** Null if Redis answers PING at `url`, else why not (raw RESP: no client package needed to ask). */
export async function probeRedis(url = TEST_REDIS_URL): Promise<string | null> {
	const { hostname, port } = new URL(url);
	return new Promise((resolve) => {
		const socket = net.connect({ host: hostname, port: Number(port || 6379) });
		const done = (reason: string | null) => {
			socket.destroy();
			resolve(reason);
		};
		socket.setTimeout(PROBE_TIMEOUT_MS, () => done(`no Redis at ${redacted(url)} (no answer in ${PROBE_TIMEOUT_MS} ms); set TEST_REDIS_URL`));
		socket.on('error', (error) => done(`no Redis at ${redacted(url)} (${error.message}); set TEST_REDIS_URL`));
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (data) => done(data.toString().startsWith('+PONG') ? null : `Redis at ${redacted(url)} answered PING with ${JSON.stringify(data.toString().trim())}`));
	});
}

/**
 * Whether `name` is there for this test file: true if so; if not, throws where it is required
 * and otherwise prints the one line saying what is skipped and why, and returns false.
 */
export async function clusterService(name: ClusterServiceName, env: Record<string, string | undefined> = process.env): Promise<boolean> {
	return serviceVerdict(name, name === 'PostgreSQL' ? await probePostgres() : await probeRedis(), env);
}

/** The rule itself, given what the probe found (null: the service answered). */
export function serviceVerdict(name: ClusterServiceName, reason: string | null, env: Record<string, string | undefined>, warn = console.warn): boolean {
	if (reason === null) return true;
	if (clusterServicesRequired(env)) {
		throw new Error(`${name} is required here (CI=true or REQUIRE_CLUSTER_SERVICES=1) but missing: ${reason}`);
	}
	warn(`Skipping the ${name} cases: ${reason}.`);
	return false;
}

const redacted = (url: string) => {
	const parsed = new URL(url);
	if (parsed.password) parsed.password = '***';
	return parsed.toString();
};

/** TEST_POSTGRES_URL with another database name (and optionally a schema first on the search path). */
export function postgresUrl(database: string, schema?: string): string {
	const url = new URL(TEST_POSTGRES_URL);
	url.pathname = `/${database}`;
	if (schema) url.searchParams.set('options', `-c search_path=${schema}`);
	return url.toString();
}

/** Storage settings for tests: a small pool and short waits, so a fault fails a test quickly. */
export function testPostgresSettings(url: string, overrides: Partial<PostgresSettings> = {}): PostgresSettings {
	return { url, poolSize: 4, connectTimeoutMs: 3_000, statementTimeoutMs: 10_000, ...overrides };
}

async function adminQuery(sql: string): Promise<void> {
	const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
	await client.connect();
	try {
		await client.query(sql);
	} finally {
		await client.end();
	}
}

/** A new empty database, `sb_test_<random>`; returns its name. */
export async function createTestDatabase(): Promise<string> {
	const name = `sb_test_${randomBytes(6).toString('hex')}`;
	await adminQuery(`CREATE DATABASE ${name}`);
	return name;
}

/** Drops a database made by createTestDatabase, even if connections to it are still open. */
export async function dropTestDatabase(name: string): Promise<void> {
	if (!/^sb_test_[0-9a-f]+$/.test(name)) throw new Error(`not a test database: ${name}`);
	await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

export interface TestDatabase {
	/** The file's database (valid from beforeAll on). */
	readonly url: string;
	/** A URL whose tables go to a new empty schema of the file's database: a fresh store without a database per test. */
	freshSchema(): Promise<string>;
}

/** One database for this test file, made before its tests and dropped after them; nothing if `enabled` is false. */
export function useTestDatabase(enabled: boolean): TestDatabase {
	let name: string | null = null;
	let schemas = 0;
	if (enabled) {
		beforeAll(async () => {
			name = await createTestDatabase();
		});
		afterAll(async () => {
			if (name) await dropTestDatabase(name);
		});
	}
	const database = () => {
		if (!name) throw new Error('the test database is made in beforeAll (and only when PostgreSQL is there)');
		return name;
	};
	return {
		get url() {
			return postgresUrl(database());
		},
		async freshSchema() {
			const schema = `store_${++schemas}`;
			const client = new pg.Client({ connectionString: postgresUrl(database()) });
			await client.connect();
			try {
				await client.query(`CREATE SCHEMA ${schema}`);
			} finally {
				await client.end();
			}
			return postgresUrl(database(), schema);
		}
	};
}
