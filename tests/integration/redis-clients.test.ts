/**
 * [CF1] The node's Redis connections through a Redis restart, on a redis-server of the test's own:
 * socket.io's adapter publishes without awaiting, and ioredis fails what it queued while Redis is
 * away — each failure must be a dropped message (said once), never an unhandled rejection.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openRedisClients, type RedisClients } from '../../server/cluster/redis-clients';
import { serviceVerdict } from '../helpers/cluster-services';
import { privateRedisMissing, startPrivateRedis, type PrivateRedis } from '../helpers/private-redis';
import { waitFor } from '../helpers/wait-for';

const PRIVATE_REDIS = serviceVerdict('Redis', privateRedisMissing(), process.env);

describe.skipIf(!PRIVATE_REDIS)('[CF1] Redis clients while Redis is away', () => {
	let redis: PrivateRedis | undefined;
	let clients: RedisClients | undefined;
	afterAll(async () => {
		await clients?.close();
		await redis?.close();
	});

	it('[CF1] the adapter\'s publishes fail as dropped messages, said once, not as unhandled rejections; once Redis is back they go again', async () => {
		redis = await startPrivateRedis();
		const lines: string[] = [];
		const logger = { info: (line: string) => lines.push(line), warn: (line: string) => lines.push(line) };
		clients = await openRedisClients({ redisUrl: redis.url, prefix: 'sb-test:', nodeId: 'node-a' }, logger);
		const unhandled: unknown[] = [];
		const onUnhandled = (reason: unknown) => unhandled.push(reason);
		process.on('unhandledRejection', onUnhandled);
		try {
			await redis.stop();
			await waitFor(() => clients!.adapterPublisher.status !== 'ready', { what: 'the client to notice Redis gone' });
			// As the adapter does: fire and forget.
			for (let i = 0; i < 5; i++) void clients.adapterPublisher.publish('sb-test:socket.io#board#', `message ${i}`);
			await waitFor(() => lines.some((line) => /control-plane messages to other nodes dropped/.test(line)), {
				timeoutMs: 15_000,
				what: 'the queued publishes to be failed and the drop said'
			});
			expect(lines.filter((line) => /dropped/.test(line))).toHaveLength(1);
			expect(unhandled).toEqual([]);

			await redis.start();
			await waitFor(() => clients!.adapterPublisher.status === 'ready', { timeoutMs: 15_000, what: 'the client to reconnect' });
			expect(await clients.adapterPublisher.publish('sb-test:socket.io#board#', 'after')).toBe(0);
			expect(unhandled).toEqual([]);
		} finally {
			process.off('unhandledRejection', onUnhandled);
		}
	}, 60_000);
});
