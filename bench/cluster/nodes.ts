/**
 * Ours on PostgreSQL, for `--cluster`: one node on PostgreSQL alone (`ours-postgres`), or two
 * nodes of one cluster (`ours-cluster`: PostgreSQL + Redis). Every run gets a database of its own,
 * created here and dropped when the run stops, and a Redis prefix of its own, so a run never sees
 * an earlier run's log or another worktree's test traffic on the shared services. The nodes are
 * the compiled server `npm start` runs, with the same settings as ours on SQLite (launch.ts).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { YJS_PATH } from '../../src/lib/protocol/endpoints';
import type { ClusterKind, Target } from '../load/messages';
import { COMPILED_SERVER, createBoard, spawnServer, stopper, type HelperPids, type RunningServer } from '../servers/launch';

/** Where the bench may CREATE DATABASE (trust auth on the bench machine), and the Redis to use. */
export const ADMIN_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379';
/** Nodes of the cluster: the brief's two; watchers and writers are split over them in halves. */
export const CLUSTER_NODES = 2;

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5_000 });
	await client.connect();
	try {
		return await work(client);
	} finally {
		await client.end().catch(() => undefined);
	}
}

function databaseUrl(name: string): string {
	const url = new URL(ADMIN_URL);
	url.pathname = `/${name}`;
	return url.toString();
}

/** The Redis server's pid, if it runs on this machine (its CPU is the cluster's fan-out cost, shared with anyone else using it). */
function redisPids(): number[] {
	const pids: number[] = [];
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			if (fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'redis-server') pids.push(Number(entry));
		} catch {
			// Gone meanwhile.
		}
	}
	return pids;
}

export async function startNodes(kind: ClusterKind): Promise<RunningServer> {
	const database = `sb_bench_${randomBytes(6).toString('hex')}`;
	const prefix = `sbbench-${randomBytes(4).toString('hex')}:`;
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-bench-'));
	await admin((client) => client.query(`CREATE DATABASE ${database}`));
	const started: { child: import('node:child_process').ChildProcess; port: number; output: () => string }[] = [];
	const stops: (() => Promise<void>)[] = [];
	// Dropped even with connections still open (FORCE): a node killed mid-run leaves none behind anyway.
	const dropAll = async () => {
		await Promise.all(stops.map((stop) => stop()));
		await admin((client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)).catch(() => undefined);
		fs.rmSync(dataDir, { recursive: true, force: true });
	};
	const count = kind === 'ours-cluster' ? CLUSTER_NODES : 1;
	const envFor = (index: number): Record<string, string> => ({
		PORT: '0',
		HOST: '127.0.0.1',
		// Each node its own folder: in cluster mode nothing of the log is in it, but nodes share nothing local.
		DATA_DIR: path.join(dataDir, `node-${index + 1}`),
		SEED_DEMO: 'false',
		LOG_LEVEL: 'info',
		MAX_CONNECTIONS_PER_ADDRESS: '5000',
		DATABASE_URL: databaseUrl(database),
		...(kind === 'ours-cluster' ? { REDIS_URL, REDIS_PREFIX: prefix, NODE_ID: `bench-node-${index + 1}` } : {})
	});
	try {
		// The first node migrates the fresh schema; the others start after it, not racing to it.
		for (let index = 0; index < count; index++) {
			fs.mkdirSync(path.join(dataDir, `node-${index + 1}`), { recursive: true });
			const node = await spawnServer([COMPILED_SERVER], envFor(index), /listening on http:\/\/[^:]+:(\d+)/);
			started.push(node);
			stops.push(stopper(node.child, () => undefined));
		}
		const urls = started.map((node) => `ws://127.0.0.1:${node.port}${YJS_PATH}`);
		const boardId = await createBoard(started[0]!.port);
		const target: Target = { kind, dialect: 'y-websocket', serverUrl: urls[0]!, room: boardId, ...(count > 1 ? { nodeUrls: urls } : {}) };
		return {
			pid: started[0]!.child.pid ?? 0,
			pids: started.map((node) => node.child.pid ?? 0),
			target,
			output: () => started.map((node, index) => `[node ${index + 1}]\n${node.output()}`).join('\n'),
			stop: dropAll,
			helperPids: async (): Promise<HelperPids> => ({
				database: await admin(async (client) => {
					const rows = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [database]);
					return rows.rows.map((row) => row.pid);
				}),
				redis: kind === 'ours-cluster' ? redisPids() : []
			})
		};
	} catch (error) {
		await dropAll();
		throw error;
	}
}
