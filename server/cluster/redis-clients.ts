/**
 * The Redis connections of one cluster node (ioredis): a publisher, a subscriber, and a pair for
 * socket.io's Redis adapter. Redis carries messages between nodes and stores nothing, so losing
 * it must never lose an edit: the log of record is PostgreSQL, and a node that missed messages
 * reads them back from the log (rooms/log-catch-up.ts).
 *
 * Bounded on purpose: the board publisher does not queue while Redis is away (a publish then
 * fails at once and is dropped — peers catch up from the log), so an outage cannot grow memory
 * with every edit; the adapter's publisher queues for a few seconds at most and drops what then
 * fails (publishingSafely). ioredis reconnects by itself (retry below) and resubscribes; `onReconnect`
 * tells the node, which has every room read what it missed.
 */
import type { Redis, RedisOptions } from 'ioredis';
import type { Logger } from '../logger';
import type { ClusterSettings } from './cluster-settings';

const RETRY_MAX_MS = 2_000;
const CONNECT_TIMEOUT_MS = 5_000;

export interface RedisHealth {
	ok: boolean;
	latencyMs: number;
	/** This node's id, so an operator can tell which node answered. */
	node: string;
	error?: string;
}

export interface RedisClients {
	/** Publishes board messages; fails at once while Redis is away. */
	readonly publisher: Redis;
	readonly subscriber: Redis;
	/** For @socket.io/redis-adapter (which needs its own subscriber). */
	readonly adapterPublisher: Redis;
	readonly adapterSubscriber: Redis;
	/** Calls `listener` each time the subscriber is back after losing Redis. */
	onReconnect(listener: () => void): void;
	/** Calls `listener` whenever the subscriber's connection closes: messages may be missed from then. */
	onLost(listener: () => void): void;
	checkHealth(): Promise<RedisHealth>;
	close(): Promise<void>;
}

/** Opens every connection and waits until Redis answers; rejects, saying where, if it does not. */
export async function openRedisClients(settings: ClusterSettings, logger: Logger): Promise<RedisClients> {
	// Loaded only in cluster mode: a server on one process does not carry the client at all.
	const { Redis } = await import('ioredis');
	const where = describeRedisUrl(settings.redisUrl);
	const options: RedisOptions = {
		lazyConnect: true,
		connectTimeout: CONNECT_TIMEOUT_MS,
		maxRetriesPerRequest: 1,
		retryStrategy: (times) => Math.min(times * 100, RETRY_MAX_MS)
	};
	const publisher = new Redis(settings.redisUrl, { ...options, enableOfflineQueue: false });
	const subscriber = new Redis(settings.redisUrl, options);
	const adapterPublisher = publishingSafely(new Redis(settings.redisUrl, options), () => {
		if (droppedLogged) return;
		droppedLogged = true;
		logger.warn(`Redis at ${where}: control-plane messages to other nodes dropped while it is away (pings, alerts, receipts reach this node's watchers only)`);
	});
	const adapterSubscriber = new Redis(settings.redisUrl, options);
	const all = [publisher, subscriber, adapterPublisher, adapterSubscriber];
	const reconnectListeners: (() => void)[] = [];
	const lostListeners: (() => void)[] = [];
	subscriber.on('close', () => {
		for (const listener of lostListeners) listener();
	});
	let lostLogged = false;
	let droppedLogged = false;
	// An ioredis client without an error listener throws the error: the process would end.
	for (const client of all) {
		client.on('error', (error: Error) => {
			if (lostLogged) return;
			lostLogged = true;
			logger.warn(`Redis at ${where}: ${error.message || error.name}; reconnecting`);
		});
	}
	let readyOnce = false;
	subscriber.on('ready', () => {
		if (!readyOnce) return void (readyOnce = true);
		lostLogged = false;
		droppedLogged = false;
		logger.info(`Redis at ${where}: back; catching up from the log`);
		for (const listener of reconnectListeners) listener();
	});
	try {
		await Promise.all(all.map((client) => client.connect()));
	} catch (error) {
		for (const client of all) client.disconnect();
		throw new Error(`Redis at ${where}: ${(error as Error).message || 'no answer'}`, { cause: error });
	}
	let closed: Promise<void> | null = null;
	return {
		publisher,
		subscriber,
		adapterPublisher,
		adapterSubscriber,
		onReconnect: (listener) => void reconnectListeners.push(listener),
		onLost: (listener) => void lostListeners.push(listener),
		async checkHealth() {
			const started = performance.now();
			try {
				if (publisher.status !== 'ready') throw new Error(`not connected (${publisher.status})`);
				await publisher.ping();
				return { ok: true, latencyMs: performance.now() - started, node: settings.nodeId };
			} catch (error) {
				return { ok: false, latencyMs: performance.now() - started, node: settings.nodeId, error: (error as Error).message };
			}
		},
		close() {
			closed ??= Promise.all(all.map((client) => client.quit().catch(() => client.disconnect()))).then(() => undefined);
			return closed;
		}
	};
}

/** Host and port, never a password: for logs and errors. */
export function describeRedisUrl(url: string): string {
	try {
		const parsed = new URL(url);
		return `${parsed.hostname}:${parsed.port || '6379'}`;
	} catch {
		return '(unparseable URL)';
	}
}

/**
 * socket.io's Redis adapter publishes without awaiting the answer. While Redis is away ioredis
 * queues those publishes and, at every second reconnect attempt (`maxRetriesPerRequest: 1`), fails
 * what it queued — so the queue holds a few seconds at most, but each failure would be an unhandled
 * rejection. The adapter's messages are live only (a ping, an alert to other nodes' watchers, a
 * receipt), so a failed one is dropped, and `dropped` is told.
 */
export function publishingSafely(client: Redis, dropped: () => void): Redis {
	const publish = client.publish.bind(client) as (channel: string | Buffer, message: string | Buffer) => Promise<number>;
	client.publish = ((channel: string | Buffer, message: string | Buffer) =>
		publish(channel, message).catch(() => {
			dropped();
			return 0;
		})) as Redis['publish'];
	return client;
}
