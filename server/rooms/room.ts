/**
 * A live board: one Y.Doc, its watchers, and the pipeline every change goes through —
 * validate → apply → append to the log (one transaction per tick) → broadcast (encoded once).
 * No watcher receives a change, nor a state containing it, before it is in the log.
 * Knows nothing of ws or SQLite: sockets are RoomSockets, storage is a BoardStorage.
 */
import * as random from 'lib0/random';
import * as Y from 'yjs';
import { roleAtLeast } from '../../src/lib/protocol/access';
import { CLOSE_CODES, CLOSE_REASONS } from '../../src/lib/protocol/close-codes';
import { changesNothing } from '../auth/read-only';
import type { Logger } from '../logger';
import { NO_METRICS, secondsSince, type BoardMetrics } from '../metrics/board-metrics';
import type { BoardStorage, LoggedUpdate, NewLogEntry } from '../storage/storage';
import type { Connection } from './connection';
import { Delivery } from './delivery';
import { FlushPace } from './flush-pace';
import { SharedMessage } from './room-socket';
import { SyncReplies } from './sync-replies';
import { ChangeDrafter } from './drafted-change';
import type { KeyframeMark, Keyframes } from './keyframes';
import { LogOutage, LogUnavailable } from './log-outage';
import { LogPosition } from './log-position';
import { isTransactionOrigin, PEER_ORIGIN, type TransactionOrigin } from './origins';
import type { RoomPeers } from './room-peers';
import { RoomPresence } from './room-presence';
import * as messages from './sync-messages';
import type { UpdateValidator } from './update-validator';

export interface RoomOptions {
	storage: BoardStorage;
	validator: UpdateValidator;
	logger: Logger;
	/** Takes keyframes off the broadcast path (keyframes.ts). */
	keyframes: Keyframes;
	/** A receiver with more than this many bytes queued is sent a merged catch-up later instead. */
	maxBufferedBytes: number;
	/** A receiver whose queue stays over `maxBufferedBytes` this long is closed (4408); default: never. */
	slowReaderCloseMs?: number;
	/** Where appends, broadcasts, refusals and keyframes are reported (metrics off: dropped). */
	metrics?: BoardMetrics;
	/** Called when the last watcher leaves. */
	onEmpty?: (room: Room) => void;
	/** The other servers of the cluster (cluster mode only): told what this room logged and its presence changes. */
	peers?: RoomPeers;
}

type PendingEntry = NewLogEntry & { connection: Connection | null };

/**
 * Unlogged updates past which the room stops reading their senders until the log has caught up:
 * input is taken no faster than it is logged. Far above a tick's worth at the board's rate limit.
 */
const MAX_UNLOGGED_UPDATES = 5000;

export class Room {
	/** Presence: checked, relayed, shared with other nodes (room-presence.ts). */
	private readonly presence: RoomPresence;
	readonly connections = new Set<Connection>();
	private readonly delivery: Delivery;
	private pending: PendingEntry[] = [];
	private flushScheduled = false;
	private readonly flushPace = new FlushPace();
	private flushing: Promise<void> | null = null;
	private readonly syncReplies: SyncReplies;
	/** Senders not read until the pending updates are logged (MAX_UNLOGGED_UPDATES). */
	private readonly heldForBacklog = new Set<Connection>();
	/** Set while the log cannot be written: edits are refused, the failed batch is kept and retried. */
	private readonly outage: LogOutage;
	/** Set once closed: late peer messages and log reads have no document to go to. */
	private destroyed = false;
	/** Drafts the server's changes on someone's behalf; made on the first one (drafted-change.ts). */
	private drafter: ChangeDrafter | null = null;
	private readonly metrics: BoardMetrics;
	/** Which of the log's seqs the document holds (with several writers they come out of order), kept whole. */
	private readonly position: LogPosition;

	constructor(
		readonly boardId: string,
		readonly doc: Y.Doc,
		seq: number,
		lastKeyframe: KeyframeMark,
		/**
		 * Time of the newest logged update. Times in the log never go backwards (a clock step back
		 * is clamped), so "the board at time T" is exactly a prefix of the log.
		 */
		private lastAt: number,
		private readonly options: RoomOptions
	) {
		this.metrics = options.metrics ?? NO_METRICS;
		this.position = new LogPosition(boardId, seq, {
			keyframes: options.keyframes,
			storage: options.storage,
			logger: options.logger,
			apply: (entries, via) => this.applyLogged(entries, via)
		});
		this.outage = new LogOutage(boardId, options.logger);
		options.keyframes.open(boardId, [Y.encodeStateAsUpdate(doc)], lastKeyframe);
		this.presence = new RoomPresence(doc, {
			boardId,
			logger: options.logger,
			relay: (update, fromPeer) => this.relayPresence(update, fromPeer),
			refuse: (connection, code, reason) => this.refuse(connection, code, reason)
		});
		// A catch-up carries the whole state, so it may only go out while nothing is unlogged.
		this.delivery = new Delivery(doc, this.connections, {
			maxBufferedBytes: options.maxBufferedBytes,
			slowReaderCloseMs: options.slowReaderCloseMs ?? Number.POSITIVE_INFINITY,
			onLagCheck: () => (this.stateIsLogged() ? this.delivery.catchUp() : this.delivery.closeStuck()),
			presence: () => this.presenceMessage()
		});
		this.syncReplies = new SyncReplies(
			doc,
			this.delivery,
			() => this.stateIsLogged(),
			(connection, code, reason) => this.refuse(connection, code, reason),
			// While the log is down: the board as logged, for watchers who join (see log-outage.ts).
			() => this.outage.loggedState(this.position.head, () => this.options.keyframes.loggedState(this.boardId))
		);
		doc.on('update', this.onDocUpdate);
	}

	/** True while the log cannot be written (the room keeps a batch and refuses edits). */
	get logDown(): boolean {
		return this.outage.down;
	}

	/** Adds a watcher: sends our state vector (so it sends what we lack) and who else is here. */
	join(connection: Connection): void {
		this.connections.add(connection);
		this.delivery.send(connection, messages.encodeSyncStep1(Y.encodeStateVector(this.doc)));
		const presence = this.presenceMessage();
		if (presence) this.delivery.send(connection, presence);
	}

	leave(connection: Connection): void {
		if (!this.connections.delete(connection)) return;
		this.syncReplies.forget(connection);
		this.heldForBacklog.delete(connection);
		this.presence.release(connection);
		if (this.connections.size === 0) this.options.onEmpty?.(this);
	}

	/** Handles one frame from a watcher. A bad frame closes that connection only. */
	receive(connection: Connection, data: Uint8Array): void {
		// Frames still in flight after a refusal are not this room's business any more.
		if (connection.closed) return;
		let message: messages.IncomingMessage;
		try {
			message = messages.decodeMessage(data);
		} catch (error) {
			this.refuse(connection, CLOSE_CODES.malformed, (error as Error).message);
			return;
		}
		switch (message.type) {
			case 'sync-step-1':
				this.syncReplies.ask(connection, message.stateVector);
				break;
			case 'update':
				// A viewer may only repeat what the board has (a stock client's sync step 2 on join).
				if (!roleAtLeast(connection.role, 'editor')) {
					if (!changesNothing(this.doc, message.update)) this.refuse(connection, CLOSE_CODES.readOnly, CLOSE_REASONS[CLOSE_CODES.readOnly]);
					break;
				}
				// Not taken while it could not be saved; the client keeps it and resends it on reconnect.
				if (this.outage.down && !changesNothing(this.doc, message.update)) {
					this.outage.refuse(connection, () => this.refuse(connection, CLOSE_CODES.storageUnavailable, CLOSE_REASONS[CLOSE_CODES.storageUnavailable]));
					break;
				}
				this.applyFrom(connection, message.update);
				break;
			case 'awareness':
				this.presence.receive(connection, message.update);
				break;
			case 'query-awareness':
				// Answered even when nobody is here: the asker may be waiting for the answer itself.
				this.delivery.send(connection, messages.encodeAwareness(this.presence.everyone(true)!));
				break;
			case 'auth':
				break;
		}
	}

	/**
	 * Writes everything pending to the log, then broadcasts it. Resolves when all is durable;
	 * rejects with LogUnavailable when the log cannot be written (the batch is kept and retried).
	 */
	async flush(): Promise<void> {
		while (this.flushing) await this.flushing;
		if (this.pending.length === 0 && !this.syncReplies.hasWaiting) return;
		this.flushing = this.flushBatch();
		try {
			await this.flushing;
		} finally {
			this.flushing = null;
		}
		if (this.pending.length > 0 && this.outage.down) throw new LogUnavailable(this.boardId);
		// An ask that came in the last moment of the batch would otherwise wait for the next change.
		if (this.stateIsLogged()) this.syncReplies.answerWaiting();
	}

	/**
	 * Flushes, writes a keyframe at the head if one is due (so the next load replays a short tail
	 * at most), lets any remaining watchers go, then lets go of the document.
	 */
	async close(): Promise<void> {
		// Still unwritable: what it kept is lost here, but only from the server — nobody was sent it,
		// and the watchers who made it still hold it and resend it when they next connect.
		const logged = await this.flush().then(
			() => true,
			(error: Error) => (this.options.logger.warn(`board ${this.boardId}: closing with ${this.pending.length} unlogged updates: ${error.message}`), false)
		);
		this.outage.stop();
		// With peers the document may miss some of the log: read it to the end, so a final keyframe is whole.
		if (this.options.peers && logged) await this.position.readMissing();
		this.position.stop();
		const { due, lastKeyframeSeq } = await this.options.keyframes.close(this.boardId);
		// Idle now, so encoding here stalls nobody; the doc holds exactly the log up to its head.
		if (logged && due && !this.position.hasGap) {
			const keyframe = { seq: this.position.head, at: this.lastAt, state: Y.encodeStateAsUpdate(this.doc) };
			if (await this.options.keyframes.claim(this.boardId, keyframe.seq, lastKeyframeSeq)) {
				await this.options.storage.writeKeyframe(this.boardId, keyframe);
				this.metrics.keyframeWritten();
			}
		}
		for (const connection of this.connections) connection.close(CLOSE_CODES.goingAway, CLOSE_REASONS[CLOSE_CODES.goingAway]);
		this.connections.clear();
		this.doc.off('update', this.onDocUpdate);
		this.drafter?.destroy();
		this.presence.destroy();
		this.delivery.destroy();
		this.destroyed = true;
		this.doc.destroy();
	}

	/**
	 * Applies a change the server makes for someone (the records API): drafted on a copy, checked
	 * by the same validator as a watcher's update, then applied with `origin`, so it is logged with
	 * its actor and broadcast like any change. Throws DraftRefused naming the record and field.
	 */
	applyChange<T>(origin: TransactionOrigin, change: (doc: Y.Doc) => T): T {
		if (this.outage.down) throw new LogUnavailable(this.boardId);
		this.drafter ??= new ChangeDrafter(this.doc, random.uint32(), this.options.validator);
		return this.drafter.apply(origin, change);
	}

	/** Starts the idle countdown if nobody watches (after the server changed an unwatched board). */
	releaseIfIdle(): void {
		if (this.connections.size === 0) this.options.onEmpty?.(this);
	}

	/** The newest logged seq the document holds. */
	get loggedSeq(): number {
		return this.position.newest;
	}

	/**
	 * Takes in changes another server logged (from Redis, or read back from the log): applied as
	 * peer changes — relayed to this room's watchers at once, never logged again. Seqs the
	 * document holds already are skipped; a gap left open is read from the log if it stays open.
	 */
	applyLogged(entries: readonly LoggedUpdate[], via: 'peer' | 'log' = 'peer'): void {
		if (this.destroyed) return;
		const missing = this.position.unheld(entries);
		if (missing.length === 0) return;
		this.doc.transact(() => {
			for (const entry of missing) Y.applyUpdate(this.doc, entry.update);
		}, PEER_ORIGIN);
		const newest = missing.reduce((last, entry) => Math.max(last, entry.at), 0);
		this.lastAt = Math.max(this.lastAt, newest);
		this.position.record(missing);
		this.metrics.peerUpdates(missing.length, via);
	}

	/** The awareness (presence) of this board, as y-protocols keeps it. */
	get awareness() {
		return this.presence.awareness;
	}

	/** Applies a presence change relayed from another server (checked there), for this room's watchers. */
	applyPeerAwareness(update: Uint8Array): void {
		if (!this.destroyed) this.presence.applyPeer(update);
	}

	/** Every presence this room knows, for a server that just opened the board; null when none. */
	presenceUpdate(): Uint8Array | null {
		return this.presence.everyone();
	}

	/** Reads the log past the document's head now (after a Redis reconnect: messages may be lost). */
	catchUpFromLog(): Promise<void> {
		return this.position.readMissing();
	}

	private applyFrom(connection: Connection, update: Uint8Array): void {
		const verdict = this.options.validator(this.doc, update);
		if (!verdict.ok && verdict.missingDependencies) {
			// Not bad, only early (an edit made offline, sent before the resync finished). Stock
			// clients never reconnect after a 44xx close, so ask for everything again instead: the
			// client's answer carries the update with what it depends on.
			this.delivery.send(connection, messages.encodeSyncStep1(Y.encodeStateVector(this.doc)));
			return;
		}
		if (!verdict.ok) {
			this.refuse(connection, verdict.malformed ? CLOSE_CODES.malformed : CLOSE_CODES.rejected, verdict.reason);
			return;
		}
		try {
			Y.applyUpdate(this.doc, update, { source: 'connection', connection } satisfies TransactionOrigin);
		} catch {
			this.refuse(connection, CLOSE_CODES.malformed, 'update could not be applied');
		}
	}

	private refuse(connection: Connection, code: number, reason: string): void {
		this.options.logger.warn(`board ${this.boardId}: closing ${connection.actor ?? 'anonymous'} (${code}): ${reason}`);
		this.metrics.refused(code);
		connection.close(code, closeReason(reason));
	}

	private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
		const tagged = isTransactionOrigin(origin) ? origin : null;
		if (tagged?.source === 'storage') return;
		// Logged already (by a peer): nothing to wait for, so it goes to this room's watchers now.
		if (tagged?.source === 'peer') return this.delivery.broadcast([{ update, connection: null }]);
		const connection = tagged?.source === 'connection' ? tagged.connection : null;
		const actor = tagged?.source === 'connection' ? tagged.connection.actor : tagged ? tagged.actor : null;
		const requested = tagged?.source === 'server' && tagged.at !== undefined ? tagged.at : Date.now();
		const at = Math.max(requested, this.lastAt);
		this.lastAt = at;
		this.pending.push({ update, actor, at, connection });
		if (connection && this.pending.length > MAX_UNLOGGED_UPDATES && !connection.isHeld('backlog')) {
			connection.holdInput('backlog');
			this.heldForBacklog.add(connection);
		}
		if (!this.flushScheduled) {
			this.flushScheduled = true;
			const run = () => {
				this.flushScheduled = false;
				// A log outage is handled inside (kept, retried, edits refused); nothing to do here.
				this.flush().catch(() => undefined);
			};
			// Timers fire in whole milliseconds: a wait shorter than one is the next turn.
			const delay = this.flushPace.delay();
			if (delay < 1) setImmediate(run);
			else setTimeout(run, delay);
		}
	};

	/** A presence change that stands goes to this room's watchers, and ours to the other nodes. */
	private relayPresence(update: Uint8Array, fromPeer: boolean): void {
		const message = new SharedMessage(messages.encodeAwareness(update));
		for (const connection of this.connections) this.delivery.send(connection, message);
		if (!fromPeer) this.options.peers?.awareness(this.boardId, update);
	}

	/** Every presence in the room as one awareness message, or null when nobody has one. */
	private presenceMessage(): Uint8Array | null {
		const update = this.presence.everyone();
		return update ? messages.encodeAwareness(update) : null;
	}

	/** True while the document holds exactly what is logged: only then may whole states go out. */
	private stateIsLogged(): boolean {
		return this.pending.length === 0 && !this.flushing;
	}

	private async flushBatch(): Promise<void> {
		const batch = this.pending;
		this.pending = [];
		if (batch.length > 0) {
			const appending = performance.now();
			let last: number;
			try {
				last = await this.options.storage.appendUpdates(this.boardId, batch);
			} catch (error) {
				// Unlogged, so unsent: kept first in line, tried again; edits are refused meanwhile.
				this.pending = batch.concat(this.pending);
				if (!this.destroyed) {
					const wasDown = this.outage.down;
					this.outage.failed(error as Error, () => this.flush().catch(() => undefined));
					if (!wasDown) this.syncReplies.logWentDown();
				}
				return;
			}
			this.outage.recovered();
			this.metrics.logged(batch.length, secondsSince(appending));
			const broadcasting = performance.now();
			this.delivery.broadcast(batch);
			this.metrics.broadcast(secondsSince(broadcasting));
			// One append numbers its entries consecutively, ending at `last`.
			const logged = batch.map(({ update, actor, at }, index) => ({ seq: last - batch.length + 1 + index, at, actor, update }));
			this.options.peers?.logged(this.boardId, logged);
			this.position.record(logged);
			// The loop's own work (the append may wait on a database: waiting costs the loop nothing).
			this.flushPace.took(broadcasting);
		}
		// Replies and catch-ups carry the whole state: only while nothing unlogged is in it.
		if (this.pending.length === 0) {
			for (const connection of this.heldForBacklog) connection.releaseInput('backlog');
			this.heldForBacklog.clear();
			this.syncReplies.answerWaiting();
			this.delivery.catchUp();
		}
	}
}

/** A WebSocket close reason may be at most 123 bytes of UTF-8 (`ws` throws beyond that). */
export function closeReason(reason: string): string {
	const bytes = new TextEncoder().encode(reason);
	if (bytes.length <= 123) return reason;
	// Cut on a byte boundary; a multi-byte character split there decodes to U+FFFD, which goes.
	return new TextDecoder().decode(bytes.slice(0, 120)).replace(/\uFFFD+$/, '');
}
