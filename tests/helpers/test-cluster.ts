/**
 * Several real server processes as one cluster: each on its own port, all on one PostgreSQL
 * database (a fresh schema per cluster) and one Redis with a key prefix of their own, so test
 * clusters never hear each other. Nodes can be killed (SIGKILL) and more added mid-test.
 */
import { randomBytes } from 'node:crypto';
import { TEST_REDIS_URL } from './cluster-services';
import { startServer, type ServerProcess } from './server-process';

export interface TestCluster {
	readonly nodes: ServerProcess[];
	readonly prefix: string;
	/** Starts one more node of the same cluster. */
	addNode(env?: Record<string, string>): Promise<ServerProcess>;
	/** Stops every node still running. */
	stop(): Promise<void>;
}

export interface ClusterOptions {
	databaseUrl: string;
	redisUrl?: string;
	/** Settings for every node (e.g. a small KEYFRAME_INTERVAL). */
	env?: Record<string, string>;
	/** Run the compiled server (what `npm start` runs), as the bench does. */
	compiled?: boolean;
}

export async function startCluster(count: number, options: ClusterOptions): Promise<TestCluster> {
	const prefix = `sbtest-${randomBytes(4).toString('hex')}:`;
	const nodes: ServerProcess[] = [];
	// Numbered when asked for, not when started: nodes start in parallel, and two nodes with one
	// NODE_ID would each skip the other's messages as their own.
	let named = 0;
	const addNode = async (env: Record<string, string> = {}) => {
		const nodeId = `node-${++named}`;
		const node = await startServer({
			compiled: options.compiled,
			env: {
				DATABASE_URL: options.databaseUrl,
				REDIS_URL: options.redisUrl ?? TEST_REDIS_URL,
				REDIS_PREFIX: prefix,
				NODE_ID: nodeId,
				DATABASE_CONNECT_TIMEOUT_MS: '3000',
				...options.env,
				...env
			}
		});
		nodes.push(node);
		return node;
	};
	try {
		// One first, so the schema is migrated once before the others race to it.
		await addNode();
		await Promise.all(Array.from({ length: count - 1 }, () => addNode()));
	} catch (error) {
		await Promise.all(nodes.map((node) => node.kill()));
		throw error;
	}
	return {
		nodes,
		prefix,
		addNode,
		async stop() {
			await Promise.all(nodes.filter((node) => node.running()).map((node) => node.stop()));
		}
	};
}
