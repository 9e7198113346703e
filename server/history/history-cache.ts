/**
 * What replay derives from a board's log — its change list, its timeline (every version of every
 * item), its activity — cached per board in memory and extended incrementally: a request replays
 * only the updates logged since the last one (the log is append-only, so what was derived stays
 * true). The first request on a long log replays it all, in batches that yield to the event loop
 * so live boards keep flowing meanwhile. A few boards are kept; the least recently asked-for one
 * is let go.
 */
import {
	SINCE_COLLECTIONS,
	type BoardContent,
	type ChangeEntry,
	type ChangesPage,
	type HistorySummary,
	type LatestChanges,
	type SinceAnswer,
	type SinceCollection
} from '../../src/lib/protocol/history';
import type { HistoryStorage } from '../storage/storage';
import { BoardActivity } from './board-activity';
import { ChangeTracker } from './change-tracker';
import { firstIndex, selectChanges, type ChangeFilter } from './change-query';
import { sinceDiff } from './since-diff';
import { SeqOutOfRangeError, type Moment } from './time-travel';

export interface HistoryCacheOptions {
	/** Boards whose derived history stays in memory. */
	maxBoards: number;
	/**
	 * Logged updates whose derived history stays in memory, over all boards: it takes roughly
	 * 2 KB per update (the change list, every version of every item, the replay document).
	 */
	maxUpdates: number;
	/** Updates read from storage per step. */
	readBatch: number;
}

const DEFAULTS: HistoryCacheOptions = { maxBoards: 8, maxUpdates: 250_000, readBatch: 2000 };

interface DerivedBoard {
	tracker: ChangeTracker;
	changes: ChangeEntry[];
	activity: BoardActivity;
	/** The newest change of each item (the first entry of its newest update), for "who last changed this". */
	latest: Map<SinceCollection, Map<string, ChangeEntry>>;
	/** Extensions of one board run one after another. */
	queue: Promise<unknown>;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class HistoryCache {
	private readonly boards = new Map<string, DerivedBoard>();
	private readonly options: HistoryCacheOptions;

	constructor(
		private readonly storage: HistoryStorage,
		options: Partial<HistoryCacheOptions> = {}
	) {
		this.options = { ...DEFAULTS, ...options };
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
	async since(boardId: string, at: number): Promise<SinceAnswer> {
		const { tracker, changes } = await this.current(boardId);
		const { timeline } = tracker;
		const [seq, head] = [timeline.seqAt(at), timeline.head];
		const ends = { boardId, since: { seq, at: timeline.timeOf(seq) }, now: { seq: head, at: timeline.timeOf(head) } };
		const window = changes.slice(firstIndex(changes, (entry) => entry.seq > seq));
		return { ...ends, ...sinceDiff(timeline.contentAt(seq), timeline.contentAt(head), window) };
	}

	/** The newest change of every item on the board now (removed items left out). */
	async latest(boardId: string): Promise<LatestChanges> {
		const { tracker, latest } = await this.current(boardId);
		const items = Object.fromEntries(
			SINCE_COLLECTIONS.map((name) => [
				name,
				Object.fromEntries([...latest.get(name)!].map(([id, { at, actor, action }]) => [id, { at, actor, action }]))
			])
		) as LatestChanges['items'];
		return { seq: tracker.seq, items };
	}

	/** The whole derived list (for benchmarks and tests); do not mutate. */
	async all(boardId: string): Promise<readonly ChangeEntry[]> {
		return (await this.current(boardId)).changes;
	}

	/** Boards held in memory, least recently asked-for first. */
	get loaded(): string[] {
		return [...this.boards.keys()];
	}

	/** Lets go of every derived board. */
	clear(): void {
		for (const boardId of [...this.boards.keys()]) this.drop(boardId);
	}

	private async current(boardId: string): Promise<DerivedBoard> {
		let board = this.boards.get(boardId);
		if (board) this.boards.delete(boardId); // re-inserted below: Map order is recency order
		board ??= { tracker: new ChangeTracker(), changes: [], activity: new BoardActivity(), latest: emptyLatest(), queue: Promise.resolve() };
		this.boards.set(boardId, board);
		this.evict();
		const derived = board;
		const run = derived.queue.then(() => this.extend(boardId, derived));
		derived.queue = run.catch(() => {
			// A failed replay may have left the tracker half-way through an update: start afresh.
			if (this.boards.get(boardId) === derived) this.drop(boardId);
		});
		await run;
		this.evict(); // what was just derived counts now
		return derived;
	}

	private async extend(boardId: string, board: DerivedBoard): Promise<void> {
		for (;;) {
			const from = board.tracker.seq;
			const batch = await this.storage.readUpdates(boardId, from, from + this.options.readBatch);
			for (const update of batch) {
				const changes = board.tracker.apply(update);
				for (const change of changes) {
					board.changes.push(change);
					noteLatest(board.latest, change);
				}
				board.activity.add(update, changes);
			}
			if (batch.length < this.options.readBatch) return;
			await nextTurn();
		}
	}

	/** Lets go of the least recently asked-for boards while over either limit; never the newest. */
	private evict(): void {
		let updates = 0;
		for (const board of this.boards.values()) updates += board.tracker.seq;
		while (this.boards.size > 1 && (this.boards.size > this.options.maxBoards || updates > this.options.maxUpdates)) {
			const [boardId, oldest] = this.boards.entries().next().value!;
			updates -= oldest.tracker.seq;
			this.drop(boardId);
		}
	}

	private drop(boardId: string): void {
		const board = this.boards.get(boardId);
		if (!board) return;
		this.boards.delete(boardId);
		void board.queue.finally(() => board.tracker.destroy());
	}
}

const emptyLatest = () => new Map<SinceCollection, Map<string, ChangeEntry>>(SINCE_COLLECTIONS.map((name) => [name, new Map()]));

/** One update may give an item several entries, most telling first (CHANGE_ACTIONS order): keep that one. */
function noteLatest(latest: Map<SinceCollection, Map<string, ChangeEntry>>, change: ChangeEntry): void {
	if (change.collection === 'meta') return;
	const byId = latest.get(change.collection)!;
	if (change.action === 'removed') {
		byId.delete(change.itemId);
		return;
	}
	const previous = byId.get(change.itemId);
	if (previous && previous.seq === change.seq) return;
	byId.set(change.itemId, change);
}
