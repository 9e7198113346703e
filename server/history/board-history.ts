/**
 * Replay over the log, for the history API: the board at a moment, the change list, raw updates
 * page by page, a summary for the timeline, and forks. Coordinates the pieces; the caller checks
 * that the board exists.
 *
 * Two ways to the board at a moment, each where it fits: content (what the app shows) comes from
 * the cached timeline — fast at any moment of any log; the exact Yjs state (for scripts, forks)
 * comes from the nearest keyframe plus the updates after it — exact, but its cost grows with
 * the board's whole history (Yjs keeps a tombstone per overwritten value), so it is asked for.
 */
import * as Y from 'yjs';
import {
	MAX_UPDATES_PAGE,
	type ChangesPage,
	type ForkResponse,
	type HistoryState,
	type HistorySummary,
	type LatestChanges,
	type SinceAnswer,
	type UpdatesPage
} from '../../src/lib/protocol/history';
import type { BoardDirectory } from '../boards/board-directory';
import type { HistoryStorage } from '../storage/storage';
import type { ChangeFilter } from './change-query';
import { forkBoard } from './fork';
import { HistoryCache, type HistoryCacheOptions } from './history-cache';
import { stateAt, stateAtSeq, type BoardMoment, type Moment } from './time-travel';

export const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

export class BoardHistory {
	readonly cache: HistoryCache;

	constructor(
		private readonly storage: HistoryStorage,
		private readonly directory: BoardDirectory,
		options: Partial<HistoryCacheOptions> = {}
	) {
		this.cache = new HistoryCache(storage, options);
	}

	/** The board at a moment as a Y.Doc (keyframe + updates), which the caller destroys. */
	async moment(boardId: string, moment: Moment): Promise<BoardMoment> {
		if ('seq' in moment) return stateAtSeq(this.storage, boardId, moment.seq);
		return stateAt(this.storage, boardId, 'at' in moment ? moment.at : Infinity);
	}

	/** The board at a moment: content always; the encoded Yjs state if `withUpdate`. */
	async state(boardId: string, moment: Moment, { withUpdate = true } = {}): Promise<HistoryState> {
		const { seq, at, content } = await this.cache.contentAt(boardId, moment);
		if (!withUpdate) return { boardId, seq, at, content };
		const { doc } = await stateAtSeq(this.storage, boardId, seq);
		try {
			return { boardId, seq, at, content, update: toBase64(Y.encodeStateAsUpdate(doc)) };
		} finally {
			doc.destroy();
		}
	}

	changes(boardId: string, filter: ChangeFilter = {}): Promise<ChangesPage> {
		return this.cache.changes(boardId, filter);
	}

	/** What changed since a moment (a watcher's last visit), compared with the board now; `self`'s own changes are not news. */
	since(boardId: string, at: number, self?: string): Promise<SinceAnswer> {
		return this.cache.since(boardId, at, self);
	}

	latest(boardId: string): Promise<LatestChanges> {
		return this.cache.latest(boardId);
	}

	summary(boardId: string): Promise<HistorySummary> {
		return this.cache.summary(boardId);
	}

	/** Logged updates fromSeq..toSeq (inclusive), at most `limit` (≤ MAX_UPDATES_PAGE) of them. */
	async updates(boardId: string, range: { fromSeq?: number; toSeq?: number; limit?: number } = {}): Promise<UpdatesPage> {
		const head = await this.storage.seqAt(boardId, Infinity);
		const fromSeq = Math.max(1, range.fromSeq ?? 1);
		const end = Math.min(range.toSeq ?? head, head);
		const limit = Math.min(range.limit ?? MAX_UPDATES_PAGE, MAX_UPDATES_PAGE);
		// Sequence numbers are dense (1, 2, 3, ... per board), so a page is a seq range.
		const toSeq = Math.min(end, fromSeq + limit - 1);
		const rows = toSeq >= fromSeq ? await this.storage.readUpdates(boardId, fromSeq - 1, toSeq) : [];
		return {
			updates: rows.map((row) => ({ seq: row.seq, at: row.at, actor: row.actor, update: toBase64(row.update) })),
			next: toSeq < end ? toSeq + 1 : null
		};
	}

	async fork(boardId: string, request: { moment: Moment; title?: string; actor?: string }): Promise<ForkResponse> {
		const moment = await this.moment(boardId, request.moment);
		return forkBoard(this.directory, { sourceId: boardId, moment, title: request.title, actor: request.actor ?? 'server' });
	}

	close(): void {
		this.cache.clear();
	}
}
