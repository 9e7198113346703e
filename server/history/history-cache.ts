/**
 * What replay derives from a board's log — its change list, its timeline (every version of every
 * item), its activity — cached per board in memory and extended incrementally: a request replays
 * only the updates logged since the last one (the log is append-only, so what was derived stays
 * true).
 *
 * What a long log may cost is bounded three ways (docs/history.md, "Costs under load"):
 * - memory: the cache is sized in estimated bytes (memory-estimate.ts), not in boards; past the
 *   budget the least recently asked-for boards not in use are let go, and a board whose index
 *   alone would outgrow the budget is refused (HistoryTooLongError) and remembered as such;
 * - the event loop: replay runs in slices of a few milliseconds with a yield between them, so
 *   live boards and other requests keep being answered while a long board is derived;
 * - the CPU: replay past one page of the log is a build, and builds take turns server-wide
 *   (build-slots.ts), a short queue behind them, refused beyond it (HistoryBusyError).
 * Requests for one board run one after another on its queue: a second request during a build
 * waits for it and then finds nothing left to replay, so one board is never built twice at once.
 */
import type { BoardContent, ChangeEntry, ChangesPage, HistorySummary, LatestChanges, SinceAnswer } from '../../src/lib/protocol/history';
import { DEFAULT_CONFIG, type ServerConfig } from '../config';
import type { HistoryStorage, LoggedUpdate } from '../storage/storage';
import { BuildSlots, type ReleaseSlot } from './build-slots';
import { firstIndex, selectChanges, type ChangeFilter } from './change-query';
import { DerivedBoard } from './derived-board';
import { HistoryBusyError, HistoryTooLongError } from './history-refusals';
import { BYTES_PER_MB } from './memory-estimate';
import { sinceDiff } from './since-diff';
import { SeqOutOfRangeError, type Moment } from './time-travel';

export interface HistoryCacheOptions {
	/** Estimated bytes of derived history kept over all boards; also the most one board may take. */
	maxBytes: number;
	/** Builds run at once, server-wide. */
	concurrentBuilds: number;
	/** Builds that may wait for a turn; the next is refused with HistoryBusyError. */
	maxQueuedBuilds: number;
	/** Updates read from storage per page; a replay within one page is not a build. */
	readBatch: number;
	/** Longest run of replay between two yields to the event loop, in ms. */
	sliceMs: number;
}

/** The limits the server's configuration sets. */
export function historyCacheLimits(config: Pick<ServerConfig, 'historyCacheMb' | 'historyBuilds' | 'historyBuildQueue'>) {
	return { maxBytes: config.historyCacheMb * BYTES_PER_MB, concurrentBuilds: config.historyBuilds, maxQueuedBuilds: config.historyBuildQueue };
}

const DEFAULTS: HistoryCacheOptions = {
	...historyCacheLimits(DEFAULT_CONFIG),
	readBatch: 1000,
	// A watcher's update waits at most about this long behind a build; far under a blink.
	sliceMs: 10
};

/** What the cache has done, for tests, benches and diagnostics. */
export interface HistoryCacheStats {
	/** Extensions that replayed at least one update (a cold derivation, or catching up). */
	builds: number;
	replayedUpdates: number;
	/** Boards let go to stay within the byte budget. */
	evictions: number;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class HistoryCache {
	readonly stats: HistoryCacheStats = { builds: 0, replayedUpdates: 0, evictions: 0 };
	private readonly boards = new Map<string, DerivedBoard>();
	/** Boards whose index outgrew the budget: the log only grows, so they always would again. */
	private readonly tooLong = new Map<string, HistoryTooLongError>();
	private readonly options: HistoryCacheOptions;
	private readonly slots: BuildSlots;
	private totalBytes = 0;

	constructor(
		private readonly storage: HistoryStorage,
		options: Partial<HistoryCacheOptions> = {}
	) {
		this.options = { ...DEFAULTS, ...options };
		this.slots = new BuildSlots(this.options.concurrentBuilds, this.options.maxQueuedBuilds);
	}

	/** One page of a board's changes, up to date with its log. */
	async changes(boardId: string, filter: ChangeFilter = {}): Promise<ChangesPage> {
		return selectChanges((await this.current(boardId)).changes, filter);
	}

	async summary(boardId: string): Promise<HistorySummary> {
		return (await this.current(boardId)).activity.summary(boardId);
	}

	/** The board as it stood at a moment (content only; the model's reading of every item). */
	async contentAt(boardId: string, moment: Moment): Promise<{ seq: number; at: number | null; content: BoardContent }> {
		const { timeline } = (await this.current(boardId)).tracker;
		const seq = 'seq' in moment ? moment.seq : 'at' in moment ? timeline.seqAt(moment.at) : timeline.head;
		if (!Number.isSafeInteger(seq) || seq < 0 || seq > timeline.head) throw new SeqOutOfRangeError(seq, timeline.head);
		return { seq, at: timeline.timeOf(seq), content: timeline.contentAt(seq) };
	}

	/**
	 * What changed between a moment (a watcher's last visit) and now: the timeline's content at
	 * both ends and the change list between them, compared by since-diff.ts.
	 */
	async since(boardId: string, at: number, self?: string): Promise<SinceAnswer> {
		const { tracker, changes } = await this.current(boardId);
		const { timeline } = tracker;
		const [seq, head] = [timeline.seqAt(at), timeline.head];
		const ends = { boardId, since: { seq, at: timeline.timeOf(seq) }, now: { seq: head, at: timeline.timeOf(head) } };
		const window = changes.slice(firstIndex(changes, (entry) => entry.seq > seq));
		return { ...ends, ...sinceDiff(timeline.contentAt(seq), timeline.contentAt(head), window, self) };
	}

	/** The newest change of every item on the board now (removed items left out). */
	async latest(boardId: string): Promise<LatestChanges> {
		const { tracker, latest } = await this.current(boardId);
		return { seq: tracker.seq, items: latest.items() };
	}

	/** The whole derived list (for benchmarks and tests); do not mutate. */
	async all(boardId: string): Promise<readonly ChangeEntry[]> {
		return (await this.current(boardId)).changes;
	}

	/** Boards held in memory, least recently asked-for first. */
	get loaded(): string[] {
		return [...this.boards.keys()];
	}

	/** Estimated heap bytes of every derived board held. */
	get bytes(): number {
		return this.totalBytes;
	}

	/** Lets go of every derived board. */
	clear(): void {
		for (const boardId of [...this.boards.keys()]) this.drop(boardId);
	}

	private async current(boardId: string): Promise<DerivedBoard> {
		const refused = this.tooLong.get(boardId);
		if (refused) throw refused;
		let board = this.boards.get(boardId);
		if (board) this.boards.delete(boardId); // re-inserted below: Map order is recency order
		board ??= new DerivedBoard();
		this.boards.set(boardId, board);
		const derived = board;
		derived.users += 1;
		try {
			const run = derived.queue.then(() => this.extend(boardId, derived));
			derived.queue = run.catch((error: unknown) => {
				// Refused for a turn, the board holds whole updates only: the next request goes on from there.
				if (error instanceof HistoryBusyError) return;
				// A failed replay may have left the tracker half-way through an update: start afresh.
				if (this.boards.get(boardId) === derived) this.drop(boardId);
			});
			await run;
		} finally {
			derived.users -= 1;
		}
		this.evict(); // what was just derived counts now
		return derived;
	}

	private async extend(boardId: string, board: DerivedBoard): Promise<void> {
		const refused = this.tooLong.get(boardId); // found by a request queued before this one
		if (refused) throw refused;
		const { readBatch, sliceMs } = this.options;
		let release: ReleaseSlot | undefined;
		let replayed = 0;
		let sliceStart = performance.now();
		try {
			for (let page = 0; ; page++) {
				// A second page makes it a build: wait for a turn (or be refused) before going on.
				if (page === 1) release = await this.slots.acquire();
				const from = board.tracker.seq;
				const batch = await this.storage.readUpdates(boardId, from, from + readBatch);
				for (const update of batch) {
					this.replay(boardId, board, update);
					replayed += 1;
					if (performance.now() - sliceStart >= sliceMs) {
						this.evict();
						await nextTurn();
						sliceStart = performance.now();
					}
				}
				if (batch.length < readBatch) return;
			}
		} finally {
			release?.();
			if (replayed > 0) {
				this.stats.builds += 1;
				this.stats.replayedUpdates += replayed;
			}
		}
	}

	/** Replays one update into a board and counts what it added against the budget. */
	private replay(boardId: string, board: DerivedBoard, update: LoggedUpdate): void {
		const added = board.apply(update);
		// A board dropped after a failed replay may still be extended by requests queued on it:
		// it answers them, but is no longer the cache's to count.
		if (this.boards.get(boardId) === board) this.totalBytes += added;
		if (board.bytes > this.options.maxBytes) {
			const error = new HistoryTooLongError(boardId, update.seq, this.options.maxBytes);
			this.tooLong.set(boardId, error);
			throw error;
		}
	}

	/** Lets go of the least recently asked-for boards not in use while over the byte budget. */
	private evict(): void {
		for (const [boardId, board] of this.boards) {
			if (this.totalBytes <= this.options.maxBytes) return;
			if (board.users > 0) continue;
			this.drop(boardId);
			this.stats.evictions += 1;
		}
	}

	private drop(boardId: string): void {
		const board = this.boards.get(boardId);
		if (!board) return;
		this.boards.delete(boardId);
		this.totalBytes -= board.bytes;
		void board.queue.finally(() => board.destroy());
	}
}
