/**
 * [PS1] [PS2] The private Redis and PostgreSQL that fault tests stop and restart: each starts on a
 * port of its own (never the shared 6379 / 5432), answers, refuses connections once stopped, and
 * comes back on the same port — PostgreSQL with its data, Redis empty (it persists nothing).
 *
 * Gated on the binaries, not on the shared services (clusterService probes those): where they
 * must be there (CI=true, REQUIRE_CLUSTER_SERVICES=1) a missing one fails the file.
 */
import net from 'node:net';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { serviceVerdict } from '../helpers/cluster-services';
import { privatePostgresMissing, startPrivatePostgres, type PrivatePostgres } from '../helpers/private-postgres';
import { privateRedisMissing, startPrivateRedis, type PrivateRedis } from '../helpers/private-redis';

const REDIS = serviceVerdict('Redis', privateRedisMissing(), process.env);
const POSTGRES = serviceVerdict('PostgreSQL', privatePostgresMissing(), process.env);

/** The error code of a plain TCP connect to 127.0.0.1:port, or 'connected'. */
function connectOutcome(port: number): Promise<string> {
	return new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		socket.once('connect', () => {
			socket.destroy();
			resolve('connected');
		});
		socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
	});
}

describe.skipIf(!REDIS)('[PS1] a private Redis', () => {
	let redis: PrivateRedis | undefined;
	afterAll(async () => {
		await redis?.close();
	});

	/** SET then GET through a client that never retries: a refused connection must fail here, not wait. */
	async function roundTrip(url: string, key: string): Promise<{ before: string | null; after: string | null }> {
		const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
		client.on('error', () => undefined); // the refusal is asserted through connect(); no "unhandled error event" noise
		try {
			await client.connect();
			const before = await client.get(key);
			await client.set(key, 'value');
			return { before, after: await client.get(key) };
		} finally {
			client.disconnect();
		}
	}

	it('[PS1] answers on its own port, refuses once stopped, and comes back empty on the same port', async () => {
		redis = await startPrivateRedis();
		expect(redis.port).not.toBe(6379);
		expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
		expect(await roundTrip(redis.url, 'k')).toEqual({ before: null, after: 'value' });

		await redis.stop();
		expect(await connectOutcome(redis.port)).toBe('ECONNREFUSED');
		await expect(roundTrip(redis.url, 'k')).rejects.toThrow();

		await redis.start();
		expect(await roundTrip(redis.url, 'k')).toEqual({ before: null, after: 'value' });

		await redis.restart();
		expect(await roundTrip(redis.url, 'k')).toEqual({ before: null, after: 'value' });

		await redis.close();
		await redis.close();
		expect(await connectOutcome(redis.port)).toBe('ECONNREFUSED');
	});
});

describe.skipIf(!POSTGRES)('[PS2] a private PostgreSQL', () => {
	let postgres: PrivatePostgres | undefined;
	afterAll(async () => {
		await postgres?.close();
	});

	async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
		const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
		client.on('error', () => undefined);
		try {
			await client.connect();
			return (await client.query<T>(sql)).rows;
		} finally {
			await client.end().catch(() => undefined);
		}
	}

	it('[PS2] answers on its own port, refuses once stopped, and comes back with its data on the same port', async () => {
		postgres = await startPrivatePostgres();
		expect(postgres.port).not.toBe(5432);
		expect(postgres.url).toBe(`postgres://postgres@127.0.0.1:${postgres.port}/postgres`);
		expect(await query(postgres.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
		await query(postgres.url, "CREATE TABLE kept (id int PRIMARY KEY, note text); INSERT INTO kept VALUES (1, 'before the stop')");

		await postgres.stop();
		expect(await connectOutcome(postgres.port)).toBe('ECONNREFUSED');
		await expect(query(postgres.url, 'SELECT 1')).rejects.toThrow(/ECONNREFUSED/);

		await postgres.start();
		expect(await query(postgres.url, 'SELECT id, note FROM kept')).toEqual([{ id: 1, note: 'before the stop' }]);

		await postgres.restart();
		expect(await query(postgres.url, 'SELECT count(*)::int AS n FROM kept')).toEqual([{ n: 1 }]);

		await postgres.close();
		await postgres.close();
		expect(await connectOutcome(postgres.port)).toBe('ECONNREFUSED');
	});
});
