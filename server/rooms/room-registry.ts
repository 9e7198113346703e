/**
 * The live boards of this server: loads a board's document on first use (newest keyframe plus
 * the updates after it), shares one Room among all its watchers, and unloads it once nobody has
 * watched for a while — after its state is in the log and a fresh keyframe is written.
 */
import * as Y from 'yjs';
import { detached } from '../error-boundary';
import type { Logger } from '../logger';
import type { BoardStorage } from '../storage/storage';
import { STORAGE_ORIGIN } from './origins';
import { Room, type RoomOptions } from './room';

export interface RegistryOptions extends Omit<RoomOptions, 'onEmpty'> {
	storage: BoardStorage;
	logger: Logger;
	/** How long an unwatched room stays loaded. */
	idleMs: number;
	/** Called once per loaded room, e.g. to watch its title. */
	onLoad?: (room: Room) => void;
	/** Called once a room is let go (unloaded). */
	onUnload?: (room: Room) => void;
}

export class RoomRegistry {
	private readonly rooms = new Map<string, Promise<Room>>();
	private readonly idleTimers = new Map<string, ReturnType<typeof setTimeout>>();
	/** Rooms being unloaded: a new load of the same board waits, so it reads the final state. */
	private readonly unloading = new Map<string, Promise<void>>();
	/** Idle rooms kept loaded because their log is down (said once each). */
	private readonly keptWhileDown = new Set<string>();

	constructor(private readonly options: RegistryOptions) {}

	/** The live room of a board, loading it if needed. The caller must know the board exists. */
	open(boardId: string): Promise<Room> {
		this.cancelIdle(boardId);
		let room = this.rooms.get(boardId);
		if (!room) {
			room = this.load(boardId);
			this.rooms.set(boardId, room);
			room.catch(() => this.rooms.delete(boardId));
		}
		return room;
	}

	/** The room if it is loaded, without loading it. */
	async peek(boardId: string): Promise<Room | undefined> {
		return this.rooms.get(boardId);
	}

	get loadedCount(): number {
		return this.rooms.size;
	}

	/** Flushes and unloads every room, closing its connections (shutdown). */
	async closeAll(): Promise<void> {
		for (const timer of this.idleTimers.values()) clearTimeout(timer);
		this.idleTimers.clear();
		const rooms = [...this.rooms.keys()];
		await Promise.all(rooms.map((boardId) => this.unload(boardId, 'shutdown')));
	}

	private async load(boardId: string): Promise<Room> {
		await this.unloading.get(boardId);
		const started = performance.now();
		const stored = await this.options.storage.loadBoard(boardId);
		const doc = new Y.Doc();
		doc.transact(() => {
			if (stored.keyframe) Y.applyUpdate(doc, stored.keyframe.state);
			for (const entry of stored.updates) Y.applyUpdate(doc, entry.update);
		}, STORAGE_ORIGIN);
		const seq = stored.updates.at(-1)?.seq ?? stored.keyframe?.seq ?? 0;
		const lastAt = stored.updates.at(-1)?.at ?? stored.keyframe?.at ?? 0;
		const lastKeyframe = {
			seq: stored.keyframe?.seq ?? 0,
			bytes: stored.keyframe?.state.byteLength ?? 0,
			tailBytes: stored.updates.reduce((sum, entry) => sum + entry.update.byteLength, 0)
		};
		const room = new Room(boardId, doc, seq, lastKeyframe, lastAt, {
			...this.options,
			onEmpty: (empty) => this.scheduleIdle(empty.boardId)
		});
		this.options.onLoad?.(room);
		const ms = (performance.now() - started).toFixed(1);
		this.options.logger.info(`board ${boardId}: loaded ${stored.updates.length} updates after keyframe ${stored.keyframe?.seq ?? '-'} in ${ms} ms`);
		return room;
	}

	private scheduleIdle(boardId: string): void {
		this.cancelIdle(boardId);
		const timer = setTimeout(() => {
			this.idleTimers.delete(boardId);
			detached(this.options.logger, `board ${boardId}: unloading`, this.unload(boardId, 'idle'));
		}, this.options.idleMs);
		timer.unref?.();
		this.idleTimers.set(boardId, timer);
	}

	private cancelIdle(boardId: string): void {
		const timer = this.idleTimers.get(boardId);
		if (timer) clearTimeout(timer);
		this.idleTimers.delete(boardId);
	}

	private async unload(boardId: string, why: 'idle' | 'shutdown'): Promise<void> {
		const pending = this.rooms.get(boardId);
		if (!pending) return;
		const room = await pending.catch(() => null);
		if (!room || this.rooms.get(boardId) !== pending) return;
		// While its log is down an idle room stays: unloading would drop the batch it keeps, and
		// loading it again needs the database — its watchers, back in a moment, could not rejoin.
		if (why === 'idle' && room.logDown) {
			if (!this.keptWhileDown.has(boardId)) this.options.logger.info(`board ${boardId}: idle, kept loaded while its log is down`);
			this.keptWhileDown.add(boardId);
			return this.scheduleIdle(boardId);
		}
		this.keptWhileDown.delete(boardId);
		this.rooms.delete(boardId);
		this.options.onUnload?.(room);
		const done = room.close().finally(() => this.unloading.delete(boardId));
		this.unloading.set(boardId, done);
		await done;
		this.options.logger.info(`board ${boardId}: unloaded at seq ${room.loggedSeq}`);
	}
}
