/**
 * [H5] Time travel and change lists over a real SQLite log: a board written update by update
 * (keyframes every few updates, as the room writes them), then the state at every seq and at
 * times in between compared with what the board was; change lists extended incrementally
 * compared with one derived from scratch.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { drawFront, reshapeFront } from '../../src/lib/model/front-operations';
import { addPin, movePin, removePin, renamePin } from '../../src/lib/model/pin-operations';
import { gradeReport, postReport } from '../../src/lib/model/report-operations';
import { boardContent } from '../../server/history/board-content';
import { HistoryCache } from '../../server/history/history-cache';
import { SeqOutOfRangeError, stateAt, stateAtSeq } from '../../server/history/time-travel';
import { openSqliteStorage } from '../../server/storage/sqlite-storage';
import type { HistoryStorage } from '../../server/storage/storage';
import { tempDataDir } from '../helpers/server-process';
import { canonical } from '../helpers/yjs-client';

const ACTORS = ['Olena', 'Taras', 'Maya'];

/** Writes `count` edits to board `id`, a keyframe every `interval`; returns the board after each seq. */
async function writeBoard(storage: HistoryStorage, id: string, count: number, interval: number, startAt = 1_000) {
	const source = new Y.Doc();
	const boards = [canonical(source)];
	const times = [0];
	const pins: string[] = [];
	const stepUpdates: Uint8Array[] = [];
	let lastKeyframe = (await storage.keyframeAtOrBefore(id, Infinity))?.seq ?? 0;
	source.on('update', (update: Uint8Array) => stepUpdates.push(update));
	for (let step = 0; step < count; step++) {
		const actor = ACTORS[step % ACTORS.length]!;
		const at = startAt + Math.floor(step / 2) * 10; // two steps share each time
		const n = step % 6;
		if (n === 0) pins.push(addPin(source, { id: `pin-${id}-${startAt}-${step}`, name: `Town ${step}`, lat: 49, lng: 37 }));
		else if (n === 1) movePin(source, pins.at(-1)!, 49.5, 37.5);
		else if (n === 2) drawFront(source, { id: `front-${startAt}-${step}`, kind: 'line', points: [[49, 37], [50, 38]] });
		else if (n === 3) reshapeFront(source, `front-${startAt}-${step - 1}`, [[49, 37], [50, 38], [51, 39]]);
		else if (n === 4) postReport(source, { id: `report-${startAt}-${step}`, text: `Report ${step}`, eventTime: at });
		else gradeReport(source, `report-${startAt}-${step - 1}`, 'confirmed');
		// Some steps make two updates, as a watcher's quick double edit would.
		if (step % 11 === 10) renamePin(source, pins.at(-1)!, `Renamed ${step}`);
		if (step % 13 === 12) removePin(source, pins.shift()!);
		let seq = 0;
		for (const update of stepUpdates.splice(0)) {
			seq = await storage.appendUpdates(id, [{ update, actor, at }]);
			times[seq] = at;
		}
		// As the room does: a keyframe holds exactly the updates up to its seq (here, a step's end).
		if (seq - lastKeyframe >= interval) {
			await storage.writeKeyframe(id, { seq, at, state: Y.encodeStateAsUpdate(source) });
			lastKeyframe = seq;
		}
		// Only the step's last seq is a board a watcher saw; its state is checked below.
		boards[times.length - 1] = canonical(source);
	}
	return { boards, times, source };
}

describe('[H5] time travel over the log', () => {
	it('the board at every seq, and at every time between updates, is exactly what it was', async () => {
		const storage = openSqliteStorage(tempDataDir('travel'));
		const { boards, times } = await writeBoard(storage, 'b', 60, 7);
		// A keyframe written before log times were clamped carries its write time, not its update's.
		const old = (await storage.keyframeAtOrBefore('b', 20))!;
		await storage.writeKeyframe('b', { ...old, at: 99_999_999 });
		const cache = new HistoryCache(storage);
		for (let seq = 0; seq < times.length; seq++) {
			const moment = await stateAtSeq(storage, 'b', seq);
			if (boards[seq] !== undefined) expect(canonical(moment.doc), `seq ${seq}`).toBe(boards[seq]);
			expect(moment.at).toBe(seq === 0 ? null : times[seq]);
			// The timeline's content (the fast path) is the model's reading of the exact document.
			expect(await cache.contentAt('b', { seq })).toEqual({ seq, at: moment.at, content: boardContent(moment.doc) });
			moment.doc.destroy();
		}
		for (let seq = 1; seq < times.length; seq++) {
			const last = times.lastIndexOf(times[seq]!); // equal times: the state after the last of them
			const moment = await stateAt(storage, 'b', times[seq]! + 5);
			expect(moment.seq).toBe(last);
			expect((await cache.contentAt('b', { at: times[seq]! + 5 })).seq).toBe(last);
			expect(canonical(moment.doc)).toBe(boards[last]);
			moment.doc.destroy();
		}
		expect((await stateAt(storage, 'b', 0)).seq).toBe(0);
		await expect(stateAtSeq(storage, 'b', times.length)).rejects.toThrow(SeqOutOfRangeError);
		await expect(stateAtSeq(storage, 'b', -1)).rejects.toThrow(SeqOutOfRangeError);
		await expect(cache.contentAt('b', { seq: times.length })).rejects.toThrow(SeqOutOfRangeError);
		expect((await cache.contentAt('b', {})).seq).toBe(times.length - 1);
		await storage.close();
	});

	it('a change list extended as the log grows equals one derived from scratch', async () => {
		const storage = openSqliteStorage(tempDataDir('travel'));
		const log = new HistoryCache(storage, { readBatch: 4 });
		await writeBoard(storage, 'b', 20, 5);
		const early = [...(await log.all('b'))];
		expect(early.length).toBeGreaterThan(15);
		const more = await writeBoard(storage, 'b', 10, 5, 10_000);
		// Two requests at once extend once; both see the whole log.
		const [extended, concurrent] = await Promise.all([log.all('b'), log.all('b')]);
		expect(concurrent).toBe(extended);
		expect(extended.slice(0, early.length)).toEqual(early);
		const fresh = await new HistoryCache(storage).all('b');
		expect(extended).toEqual(fresh);
		expect(fresh.length).toBeGreaterThan(early.length);
		const summary = await log.summary('b');
		expect(summary.count).toBe(await storage.seqAt('b', Infinity));
		expect(summary.actors.map((actor) => actor.actor).sort()).toEqual(ACTORS.slice().sort());
		more.source.destroy();
		await storage.close();
	});

	it('boards over the memory limits are let go and derived again when asked for', async () => {
		const storage = openSqliteStorage(tempDataDir('travel'));
		await writeBoard(storage, 'b', 20, 5);
		await writeBoard(storage, 'other', 5, 5);
		const [b, other] = [new HistoryCache(storage), new HistoryCache(storage)];
		const fresh = { b: await b.all('b'), other: await other.all('other') };
		// Room for either board alone, not for both.
		const small = new HistoryCache(storage, { maxBytes: Math.max(b.bytes, other.bytes) });
		for (const boardId of ['b', 'other', 'b', 'other'] as const) {
			expect(await small.all(boardId)).toEqual(fresh[boardId]);
			expect(small.loaded).toEqual([boardId]); // only the newest stays
		}
		await storage.close();
	});
});
