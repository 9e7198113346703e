/**
 * [H9] A long board's first history request on a real SQLite log: the event loop keeps turning
 * while its index is built (live boards and /healthz answer meanwhile), and the memory the cache
 * says it holds is the memory the index really retains (the byte budget is only as good as it).
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HistoryCache } from '../../server/history/history-cache';
import { openSqliteStorage } from '../../server/storage/sqlite-storage';
import type { ServerStorage } from '../../server/storage/storage';
import { writeLongBoard } from '../helpers/long-board';
import { tempDataDir } from '../helpers/server-process';

/** Long enough that replaying it takes about a second: seconds of stall if done in one go. */
const UPDATES = 20_000;
const BOARD = 'long';

/** A full GC, so the heap figure is what is retained (--expose-gc switched on at run time). */
function collectGarbage(): void {
	v8.setFlagsFromString('--expose-gc');
	(vm.runInNewContext('gc') as () => void)();
}

describe('[H9] a long board’s history', () => {
	let storage: ServerStorage;
	beforeAll(async () => {
		storage = openSqliteStorage(tempDataDir('long-history'));
		await writeLongBoard(storage, BOARD, UPDATES);
	});
	afterAll(() => storage.close());

	it('is built without stalling the event loop: a 10 ms timer never waits 200 ms', async () => {
		const cache = new HistoryCache(storage);
		let last = performance.now();
		let longestGap = 0;
		let ticks = 0;
		const timer = setInterval(() => {
			const now = performance.now();
			longestGap = Math.max(longestGap, now - last);
			last = now;
			ticks += 1;
		}, 10);
		const started = performance.now();
		const changes = await cache.all(BOARD);
		const buildMs = performance.now() - started;
		clearInterval(timer);
		// Generous on any machine: slices are 10 ms; a build in one go stalls for the whole replay.
		expect(longestGap, `build took ${buildMs.toFixed(0)} ms, ${ticks} ticks`).toBeLessThan(200);
		expect(changes.length).toBeGreaterThan(UPDATES / 2);
		expect(cache.stats.replayedUpdates).toBe(UPDATES);
		cache.clear();
	});

	it('is estimated within a factor of 1.5 of the heap it retains', async () => {
		const cache = new HistoryCache(storage);
		collectGarbage();
		const before = process.memoryUsage().heapUsed;
		await cache.all(BOARD);
		collectGarbage();
		const retained = process.memoryUsage().heapUsed - before;
		const ratio = cache.bytes / retained;
		expect(ratio, `estimate ${cache.bytes} B, retained ${retained} B`).toBeGreaterThan(1 / 1.5);
		expect(ratio, `estimate ${cache.bytes} B, retained ${retained} B`).toBeLessThan(1.5);
		cache.clear();
	});
});
