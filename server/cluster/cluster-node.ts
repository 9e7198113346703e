/**
 * This server as one node of a cluster (cluster mode: REDIS_URL with DATABASE_URL). It joins the
 * pieces that know nothing of each other: rooms (RoomPeers), the board bus on Redis, the access
 * rules and socket.io's Redis adapter.
 *
 * - A room opening subscribes to its board's channel *before* it reads the log tail once more,
 *   so nothing logged between its load and the subscription is missed; then it asks the other
 *   nodes for their watchers' presence.
 * - What a room logs goes to the board's other nodes after it is durable (the room calls
 *   `peers.logged` only after the append): no node can show a change the log may lose.
 * - After Redis comes back every open room reads what it missed from the log.
 * - Access changes (a revoked token, a board made private) reach the watchers on every node.
 */
import type { AccessChange, BoardAccess } from '../auth/board-access';
import { ACCESS_MODES, type AccessMode } from '../../src/lib/protocol/access';
import type { Logger } from '../logger';
import type { Room } from '../rooms/room';
import type { RoomPeers } from '../rooms/room-peers';
import { BoardBus } from './board-bus';
import type { ClusterSettings } from './cluster-settings';
import type { PeerMessage } from './peer-messages';
import { openRedisClients, type RedisClients, type RedisHealth } from './redis-clients';

/** A second read after a reconnect: the resubscription may complete just after the first. */
const SECOND_CATCH_UP_MS = 1_000;

export class ClusterNode {
	readonly peers: RoomPeers;
	private readonly rooms = new Map<string, Room>();
	/** Set by relayAccess: re-read on reconnect, as access news may have been lost meanwhile. */
	private access: BoardAccess | null = null;
	private readonly peerLoggedListeners: ((boardId: string, node: string, count: number) => void)[] = [];

	private constructor(
		private readonly redis: RedisClients,
		private readonly bus: BoardBus,
		private readonly logger: Logger,
		private readonly createAdapter: typeof import('@socket.io/redis-adapter').createAdapter
	) {
		this.peers = {
			logged: (boardId, entries) => bus.publish(boardId, { type: 'logged', node: bus.node, entries: [...entries] }),
			awareness: (boardId, update) => bus.publish(boardId, { type: 'awareness', node: bus.node, update })
		};
		redis.onReconnect(() => {
			this.catchUpAll();
			setTimeout(() => this.catchUpAll(), SECOND_CATCH_UP_MS).unref?.();
		});
	}

	static async open(settings: ClusterSettings, logger: Logger): Promise<ClusterNode> {
		// Imported here, not at the top: a server on one process never loads the adapter (nor ioredis).
		const { createAdapter } = await import('@socket.io/redis-adapter');
		const redis = await openRedisClients(settings, logger);
		const bus = new BoardBus(redis, settings, logger);
		await bus.start();
		logger.info(`cluster: node ${settings.nodeId} joined over Redis (prefix ${settings.prefix})`);
		return new ClusterNode(redis, bus, logger, createAdapter);
	}

	/** A room just opened here: hear its board, read what was logged meanwhile, ask for presence. */
	roomLoaded(room: Room): void {
		this.rooms.set(room.boardId, room);
		this.bus
			.join(room.boardId, (message) => this.receive(room, message))
			.then(() => {
				void room.catchUpFromLog();
				this.bus.publish(room.boardId, { type: 'awareness-query', node: this.bus.node });
			})
			.catch((error: Error) => this.logger.warn(`cluster: board ${room.boardId}: not subscribed (${error.message}); it catches up once Redis is back`));
	}

	roomUnloaded(room: Room): void {
		if (this.rooms.get(room.boardId) !== room) return;
		this.rooms.delete(room.boardId);
		this.bus.leave(room.boardId);
	}

	/** Hears how many updates of an open board another node logged (the board's budget is the cluster's). */
	onPeerLogged(listener: (boardId: string, node: string, count: number) => void): void {
		this.peerLoggedListeners.push(listener);
	}

	/** Relays access changes both ways between this node and the others. */
	relayAccess(access: BoardAccess): () => void {
		this.access = access;
		// Another node's revocation may go unheard from now: answers kept for a database outage go.
		this.redis.onLost(() => access.forgetRemembered());
		this.bus.onEvent((event) => {
			const change = accessChangeOf(event);
			if (change) access.announce(change);
		});
		return access.onChange((change, fromPeer) => {
			if (!fromPeer) this.bus.publishEvent({ kind: 'access', change });
		});
	}

	/** socket.io's Redis adapter: rooms, broadcasts and fetchSockets span every node. */
	socketIoAdapter(prefix: string) {
		return this.createAdapter(this.redis.adapterPublisher, this.redis.adapterSubscriber, { key: `${prefix}socket.io` });
	}

	checkHealth(): Promise<RedisHealth> {
		return this.redis.checkHealth();
	}

	close(): Promise<void> {
		return this.redis.close();
	}

	private receive(room: Room, message: PeerMessage): void {
		if (message.type === 'logged') {
			room.applyLogged(message.entries);
			for (const listener of this.peerLoggedListeners) listener(room.boardId, message.node, message.entries.length);
		}
		else if (message.type === 'awareness') room.applyPeerAwareness(message.update);
		else {
			const presence = room.presenceUpdate();
			if (presence) this.peers.awareness(room.boardId, presence);
		}
	}

	/** After Redis was away: what crossed nowhere meanwhile is read back — changes, presence, access. */
	private catchUpAll(): void {
		for (const room of this.rooms.values()) {
			void room.catchUpFromLog();
			this.bus.publish(room.boardId, { type: 'awareness-query', node: this.bus.node });
			this.access?.recheck(room.boardId).catch((error: Error) => this.logger.warn(`cluster: re-checking access to ${room.boardId}: ${error.message}`));
		}
	}
}

/** An access change as another node sent it, or null if the event is not one. */
function accessChangeOf(event: unknown): AccessChange | null {
	if (typeof event !== 'object' || event === null || (event as { kind?: unknown }).kind !== 'access') return null;
	const change = (event as { change?: Record<string, unknown> }).change;
	if (!change || typeof change.boardId !== 'string') return null;
	if (change.type === 'revoked' && typeof change.tokenId === 'string') return { type: 'revoked', boardId: change.boardId, tokenId: change.tokenId };
	if (change.type === 'mode' && isAccessMode(change.mode)) return { type: 'mode', boardId: change.boardId, mode: change.mode };
	return null;
}

const isAccessMode = (value: unknown): value is AccessMode => (ACCESS_MODES as readonly unknown[]).includes(value);
