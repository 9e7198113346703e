/**
 * [H10] What history may cost, on a real SQLite log: the cache stays within its byte budget while
 * boards are asked for in turn (and its answers stay right), one board is never built twice at
 * once, builds beyond the queue are refused, and a board too long for the budget is refused
 * without being built again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HistoryCache } from '../../server/history/history-cache';
import { HistoryBusyError, HistoryTooLongError } from '../../server/history/history-refusals';
import { openSqliteStorage } from '../../server/storage/sqlite-storage';
import type { ServerStorage } from '../../server/storage/storage';
import { writeLongBoard } from '../helpers/long-board';
import { tempDataDir } from '../helpers/server-process';

const BOARDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot'];
const UPDATES = 1_500;

describe('[H10] history limits', () => {
	let storage: ServerStorage;
	beforeAll(async () => {
		storage = openSqliteStorage(tempDataDir('history-budget'));
		for (const [index, boardId] of BOARDS.entries()) await writeLongBoard(storage, boardId, UPDATES, index + 1);
	});
	afterAll(() => storage.close());

	it('stays within its byte budget while many boards are asked for in turn, answering as a fresh cache does', async () => {
		const fresh = new Map<string, { changes: readonly unknown[]; bytes: number }>();
		for (const boardId of BOARDS) {
			const cache = new HistoryCache(storage);
			fresh.set(boardId, { changes: await cache.all(boardId), bytes: cache.bytes });
			cache.clear();
		}
		const largest = Math.max(...[...fresh.values()].map((board) => board.bytes));
		// Room for two and a half boards of six.
		const budget = Math.ceil(largest * 2.5);
		const cache = new HistoryCache(storage, { maxBytes: budget });
		for (const boardId of [...BOARDS, ...BOARDS.slice().reverse(), ...BOARDS]) {
			expect(await cache.all(boardId)).toEqual(fresh.get(boardId)!.changes);
			expect(cache.bytes).toBeLessThanOrEqual(budget);
			expect(cache.loaded.at(-1)).toBe(boardId);
			expect(cache.loaded.length).toBeLessThanOrEqual(2);
		}
		expect(cache.stats.evictions).toBeGreaterThan(BOARDS.length);
		cache.clear();
		expect(cache.bytes).toBe(0);
	});

	it('shares one build between concurrent first requests for a board', async () => {
		const cache = new HistoryCache(storage, { readBatch: 200 });
		const [changes, summary, again] = await Promise.all([cache.all('alpha'), cache.summary('alpha'), cache.all('alpha')]);
		expect(cache.stats.builds).toBe(1);
		expect(cache.stats.replayedUpdates).toBe(UPDATES);
		expect(again).toBe(changes);
		expect(summary.count).toBe(UPDATES);
		cache.clear();
	});

	it('runs one build at a time, queues as many as allowed, and refuses the rest as busy', async () => {
		// Pages of 100: every board here is a build.
		const cache = new HistoryCache(storage, { readBatch: 100, concurrentBuilds: 1, maxQueuedBuilds: 1 });
		const results = await Promise.allSettled(['alpha', 'bravo', 'charlie'].map((boardId) => cache.all(boardId)));
		const refused = results.filter((result) => result.status === 'rejected');
		expect(refused).toHaveLength(1);
		expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(HistoryBusyError);
		expect((refused[0] as PromiseRejectedResult).reason.code).toBe('busy');
		// The refused board kept what it had derived; asked again, it is built to the end.
		const index = results.indexOf(refused[0]!);
		const boardId = ['alpha', 'bravo', 'charlie'][index]!;
		expect((await cache.all(boardId)).length).toBe((await new HistoryCache(storage).all(boardId)).length);
		cache.clear();
	});

	it('refuses a board whose index alone outgrows the budget, and does not build it again', async () => {
		const measure = new HistoryCache(storage);
		await measure.all('alpha');
		const cache = new HistoryCache(storage, { maxBytes: Math.floor(measure.bytes / 2) });
		measure.clear();
		await expect(cache.all('alpha')).rejects.toThrow(HistoryTooLongError);
		const replayed = cache.stats.replayedUpdates;
		expect(replayed).toBeLessThan(UPDATES);
		await expect(cache.summary('alpha')).rejects.toMatchObject({ code: 'history_too_long', boardId: 'alpha' });
		expect(cache.stats.replayedUpdates).toBe(replayed);
		expect(cache.loaded).toEqual([]);
		expect(cache.bytes).toBe(0);
		// Shorter boards are still served.
		await writeLongBoard(storage, 'short', 100);
		expect((await cache.contentAt('short', { seq: 10 })).seq).toBe(10);
		cache.clear();
	});
});
