/**
 * One Redis channel per open board (`<prefix>board:<id>`), subscribed while this node has the
 * board loaded, and one channel for cluster-wide events (`<prefix>events`, JSON: access changes).
 * A node only hears the boards its watchers have open, so Redis sends each node what it needs.
 * Messages from this process itself are skipped (Redis echoes a publisher's own subscriptions):
 * told apart by NODE_ID plus a random tag per process, so two nodes given the same NODE_ID by
 * mistake still hear each other rather than silently dropping each other's changes.
 */
import { randomBytes } from 'node:crypto';
import type { Logger } from '../logger';
import type { ClusterSettings } from './cluster-settings';
import { decodePeerMessage, encodePeerMessage, type PeerMessage } from './peer-messages';
import type { RedisClients } from './redis-clients';

type BoardHandler = (message: PeerMessage) => void;
type EventHandler = (event: unknown) => void;

export class BoardBus {
	private readonly boards = new Map<string, BoardHandler>();
	private readonly eventHandlers: EventHandler[] = [];
	private readonly boardPrefix: string;
	private readonly eventsChannel: string;
	/** This process on the bus: its NODE_ID and a tag no other process has. */
	readonly node: string;

	constructor(
		private readonly redis: RedisClients,
		private readonly settings: ClusterSettings,
		private readonly logger: Logger
	) {
		this.boardPrefix = `${settings.prefix}board:`;
		this.eventsChannel = `${settings.prefix}events`;
		this.node = `${settings.nodeId}#${randomBytes(4).toString('hex')}`;
		redis.subscriber.on('messageBuffer', (channel: Buffer, payload: Buffer) => this.receive(channel.toString(), payload));
	}

	/** Starts the events channel; resolves once subscribed. */
	async start(): Promise<void> {
		await this.redis.subscriber.subscribe(this.eventsChannel);
	}

	/** Hears a board's messages from now on; resolves once Redis confirmed the subscription. */
	async join(boardId: string, handler: BoardHandler): Promise<void> {
		this.boards.set(boardId, handler);
		await this.redis.subscriber.subscribe(this.boardPrefix + boardId);
	}

	leave(boardId: string): void {
		if (!this.boards.delete(boardId)) return;
		this.redis.subscriber.unsubscribe(this.boardPrefix + boardId).catch(() => undefined);
	}

	/** Sends to the board's other nodes; dropped while Redis is away (they read the log instead). */
	publish(boardId: string, message: PeerMessage): void {
		this.redis.publisher.publish(this.boardPrefix + boardId, Buffer.from(encodePeerMessage(message))).catch(() => undefined);
	}

	publishEvent(event: unknown): void {
		this.redis.publisher.publish(this.eventsChannel, JSON.stringify({ node: this.node, event })).catch(() => undefined);
	}

	onEvent(handler: EventHandler): void {
		this.eventHandlers.push(handler);
	}

	private receive(channel: string, payload: Buffer): void {
		try {
			if (channel === this.eventsChannel) return this.receiveEvent(payload);
			if (!channel.startsWith(this.boardPrefix)) return;
			const handler = this.boards.get(channel.slice(this.boardPrefix.length));
			if (!handler) return;
			const message = decodePeerMessage(new Uint8Array(payload.buffer, payload.byteOffset, payload.byteLength));
			if (message.node !== this.node) handler(message);
		} catch (error) {
			this.logger.warn(`cluster: dropped a message on ${channel}: ${(error as Error).message}`);
		}
	}

	private receiveEvent(payload: Buffer): void {
		const { node, event } = JSON.parse(payload.toString()) as { node: unknown; event: unknown };
		if (node === this.node) return;
		for (const handler of this.eventHandlers) handler(event);
	}
}
