/**
 * A live board: one Y.Doc, its watchers, and the pipeline every change goes through —
 * validate → apply → append to the log (one transaction per tick) → broadcast (encoded once).
 * No watcher receives a change, nor a state containing it, before it is in the log.
 * Knows nothing of ws or SQLite: sockets are RoomSockets, storage is a BoardStorage.
 */
import * as random from 'lib0/random';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { roleAtLeast } from '../../src/lib/protocol/access';
import { CLOSE_CODES, CLOSE_REASONS } from '../../src/lib/protocol/close-codes';
import { changesNothing } from '../auth/read-only';
import type { Logger } from '../logger';
import { NO_METRICS, secondsSince, type BoardMetrics } from '../metrics/board-metrics';
import type { BoardStorage, LoggedUpdate, NewLogEntry } from '../storage/storage';
import { AwarenessGuard } from './awareness-guard';
import { decodeAwarenessUpdate, encodeAwarenessUpdate, type AwarenessEntry } from './awareness-update';
import type { Connection } from './connection';
import { Delivery } from './delivery';
import { FlushPace } from './flush-pace';
import { SharedMessage } from './room-socket';
import { SyncReplies } from './sync-replies';
import { ChangeDrafter } from './drafted-change';
import type { KeyframeMark, Keyframes } from './keyframes';
import { LogCatchUp } from './log-catch-up';
import { LogOutage, LogUnavailable } from './log-outage';
import { LogOrder } from './log-order';
import { isTransactionOrigin, PEER_ORIGIN, type TransactionOrigin } from './origins';
import type { RoomPeers } from './room-peers';
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
	readonly awareness: awarenessProtocol.Awareness;
	readonly connections = new Set<Connection>();
	/** Which connection owns which awareness client id, and the shape every state must have. */
	private readonly awarenessGuard: AwarenessGuard;
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
	/** Which of the log's seqs the document holds; with several writers they come out of order. */
	private readonly order: LogOrder;
	/** Reads back from the log what peers' messages did not bring (cluster mode). */
	private readonly logCatchUp: LogCatchUp;

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
		this.order = new LogOrder(seq);
		this.outage = new LogOutage(boardId, options.logger);
		this.logCatchUp = new LogCatchUp(() => this.readMissed(), options.logger, `board ${boardId}`);
		options.keyframes.open(boardId, [Y.encodeStateAsUpdate(doc)], lastKeyframe);
		this.awareness = new awarenessProtocol.Awareness(doc);
		this.awareness.setLocalState(null);
		this.awarenessGuard = new AwarenessGuard(this.awareness);
		// A catch-up carries the whole state, so it may only go out while nothing is unlogged.
		this.delivery = new Delivery(doc, this.connections, {
			maxBufferedBytes: options.maxBufferedBytes,
			slowReaderCloseMs: options.slowReaderCloseMs ?? Number.POSITIVE_INFINITY,
			onLagCheck: () => (this.stateIsLogged() ? this.delivery.catchUp() : this.delivery.closeStuck()),
			presence: () => this.presenceMessage()
		});
		this.syncReplies = new SyncReplies(doc, this.delivery, () => this.stateIsLogged(), (connection, code, reason) => this.refuse(connection, code, reason));
		doc.on('update', this.onDocUpdate);
		this.awareness.on('update', this.onAwarenessUpdate);
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
		const { orphaned, heirs } = this.awarenessGuard.release(connection);
		if (orphaned.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, orphaned, null);
		for (const { connection: heir, entry } of heirs) awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessUpdate([entry]), heir);
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
					this.refuse(connection, CLOSE_CODES.storageUnavailable, CLOSE_REASONS[CLOSE_CODES.storageUnavailable]);
					break;
				}
				this.applyFrom(connection, message.update);
				break;
			case 'awareness':
				this.receiveAwareness(connection, message.update);
				break;
			case 'query-awareness':
				// Answered even when nobody is here: the asker may be waiting for the answer itself.
				this.delivery.send(connection, this.presenceMessage() ?? messages.encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [])));
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
		if (this.options.peers && logged) await this.logCatchUp.now();
		this.logCatchUp.stop();
		const { due, lastKeyframeSeq } = await this.options.keyframes.close(this.boardId);
		// Idle now, so encoding here stalls nobody; the doc holds exactly the log up to its head.
		if (logged && due && !this.order.hasGap) {
			const keyframe = { seq: this.order.head, at: this.lastAt, state: Y.encodeStateAsUpdate(this.doc) };
			if (await this.options.keyframes.claim(this.boardId, keyframe.seq, lastKeyframeSeq)) {
				await this.options.storage.writeKeyframe(this.boardId, keyframe);
				this.metrics.keyframeWritten();
			}
		}
		for (const connection of this.connections) connection.close(CLOSE_CODES.goingAway, CLOSE_REASONS[CLOSE_CODES.goingAway]);
		this.connections.clear();
		this.doc.off('update', this.onDocUpdate);
		this.drafter?.destroy();
		this.awareness.off('update', this.onAwarenessUpdate);
		this.awareness.destroy();
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
		return this.order.newest;
	}

	/**
	 * Takes in changes another server logged (from Redis, or read back from the log): applied as
	 * peer changes — relayed to this room's watchers at once, never logged again. Seqs the
	 * document holds already are skipped; a gap left open is read from the log if it stays open.
	 */
	applyLogged(entries: readonly LoggedUpdate[]): void {
		if (this.destroyed) return;
		const missing = entries.filter((entry) => !this.order.holds(entry.seq));
		if (missing.length === 0) return;
		this.doc.transact(() => {
			for (const entry of missing) Y.applyUpdate(this.doc, entry.update);
		}, PEER_ORIGIN);
		const newest = missing.reduce((last, entry) => Math.max(last, entry.at), 0);
		this.lastAt = Math.max(this.lastAt, newest);
		this.recordLogged(missing);
	}

	/**
	 * Applies a presence change relayed from another server (checked there), for this room's
	 * watchers; the ids it sets are that server's to change (awareness-guard.ts).
	 */
	applyPeerAwareness(update: Uint8Array): void {
		if (this.destroyed) return;
		let entries: AwarenessEntry[];
		try {
			entries = decodeAwarenessUpdate(update);
		} catch (error) {
			this.options.logger.warn(`board ${this.boardId}: dropped a peer's presence update: ${(error as Error).message}`);
			return;
		}
		awarenessProtocol.applyAwarenessUpdate(this.awareness, update, PEER_ORIGIN);
		for (const { connection: heir, entry } of this.awarenessGuard.peerApplied(entries)) {
			awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessUpdate([entry]), heir);
		}
	}

	/** Every presence this room knows, for a server that just opened the board; null when none. */
	presenceUpdate(): Uint8Array | null {
		const states = [...this.awareness.getStates().keys()];
		return states.length > 0 ? awarenessProtocol.encodeAwarenessUpdate(this.awareness, states) : null;
	}

	/** Reads the log past the document's head now (after a Redis reconnect: messages may be lost). */
	catchUpFromLog(): Promise<void> {
		return this.logCatchUp.now();
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

	/** Applies what the guard admits of an awareness update (awareness-guard.ts says what and why). */
	private receiveAwareness(connection: Connection, update: Uint8Array): void {
		let entries: AwarenessEntry[];
		try {
			entries = decodeAwarenessUpdate(update);
		} catch (error) {
			this.refuse(connection, CLOSE_CODES.malformed, (error as Error).message);
			return;
		}
		const verdict = this.awarenessGuard.admit(connection, entries);
		if (!verdict.ok) this.refuse(connection, verdict.code, verdict.reason);
		else if (verdict.apply.length > 0) awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessUpdate(verdict.apply), connection);
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

	private readonly onAwarenessUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
		const changed = [...added, ...updated, ...removed];
		const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
		const message = new SharedMessage(messages.encodeAwareness(update));
		for (const connection of this.connections) this.delivery.send(connection, message);
		// Our watchers' changes (and their leaving) go to the other servers; theirs came from there.
		if (origin !== PEER_ORIGIN) this.options.peers?.awareness(this.boardId, update);
	};

	/** Every presence in the room as one awareness message, or null when nobody has one. */
	private presenceMessage(): Uint8Array | null {
		const states = [...this.awareness.getStates().keys()];
		return states.length > 0 ? messages.encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)) : null;
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
				if (!this.destroyed) this.outage.failed(error as Error, () => this.flush().catch(() => undefined));
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
			this.recordLogged(logged);
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

	/**
	 * Notes logged entries the document now holds; the part of the log that became contiguous goes
	 * to the keyframe shadow in log order (so a keyframe is the board at a known seq); a gap left
	 * open (another server's entries not here yet) is read from the log unless a message fills it.
	 */
	private recordLogged(entries: readonly LoggedUpdate[]): void {
		const run = this.order.accept(entries);
		const last = run.at(-1);
		if (last) this.options.keyframes.logged(this.boardId, run.map((entry) => entry.update), last.seq, last.at);
		if (this.order.hasGap) this.logCatchUp.soon();
	}

	/** Applies whatever the log holds past the document's head; answers whether a gap remains. */
	private async readMissed(): Promise<boolean> {
		if (this.destroyed) return false;
		this.applyLogged(await this.options.storage.readUpdates(this.boardId, this.order.head));
		return this.order.hasGap;
	}
}

/** A WebSocket close reason may be at most 123 bytes of UTF-8 (`ws` throws beyond that). */
export function closeReason(reason: string): string {
	const bytes = new TextEncoder().encode(reason);
	if (bytes.length <= 123) return reason;
	// Cut on a byte boundary; a multi-byte character split there decodes to U+FFFD, which goes.
	return new TextDecoder().decode(bytes.slice(0, 120)).replace(/\uFFFD+$/, '');
}
