/**
 * Replay benchmark: a synthetic board of 100 000 small updates, written straight through the
 * storage API as a busy room would (batches of a tick, keyframes by the server's default policy), then
 * timed: the board at 200 random moments (target p95 < 50 ms), the whole change list derived
 * from the log, and the log's size on disk. Run: `npx tsx bench/replay.ts`; prints a markdown
 * table. REPLAY_UPDATES / REPLAY_SEEKS shrink it for a quick look.
 *
 * The updates come from the model's named operations on one Y.Doc that takes the client id of
 * the watcher acting (four watchers, four client ids, as in life: the state interleaves them), and
 * each transaction's `update` event is what gets logged. One document instead of one per watcher
 * kept in sync: the same bytes, a fifth of the work, so the bench fits in its two minutes.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import * as Y from 'yjs';
import { drawFront, removeFront, reshapeFront, updateFront } from '../src/lib/model/front-operations';
import { addPin, movePin, removePin, renamePin, updatePin } from '../src/lib/model/pin-operations';
import { gradeReport, postReport } from '../src/lib/model/report-operations';
import { CONFIDENCE_LEVELS } from '../src/lib/model/report';
import type { BoardContent } from '../src/lib/protocol/history';
import { DEFAULT_CONFIG } from '../server/config';
import { HistoryCache } from '../server/history/history-cache';
import { keyframeDue, keyframePolicy } from '../server/rooms/keyframe-policy';
import { stateAt } from '../server/history/time-travel';
import { DATABASE_FILE, openSqliteStorage } from '../server/storage/sqlite-storage';
import type { HistoryStorage, NewLogEntry } from '../server/storage/storage';

const UPDATES = Number(process.env.REPLAY_UPDATES ?? 100_000);
const SEEKS = Number(process.env.REPLAY_SEEKS ?? 200);
/** Exact-state seeks cost the board's whole history each (Yjs tombstones): fewer of them. */
const EXACT_SEEKS = Number(process.env.REPLAY_EXACT_SEEKS ?? 5);
const KEYFRAMES = keyframePolicy(DEFAULT_CONFIG.keyframeInterval, DEFAULT_CONFIG.keyframeMaxInterval);
/** Updates per storage call: one event-loop tick of a busy room. */
const TICK = 20;
const BOARD = 'replay-bench';
const ACTORS = ['Olena', 'Taras', 'Maya', 'Sam'];
const START = Date.parse('2022-09-06T06:50:00Z');
const SECTORS = ['sector-kharkiv', 'sector-izyum', 'sector-lyman', 'sector-kherson', 'sector-south'];

/** Deterministic randomness (mulberry32), so every run writes the same board. */
function random(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const rand = random(2022);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
const point = (): [number, number] => [46 + rand() * 4, 32 + rand() * 6];

async function writeBoard(storage: HistoryStorage): Promise<number> {
	await storage.createBoard({ id: BOARD, title: 'Replay bench', at: START });
	const board = new Y.Doc();
	const clientIds = ACTORS.map((_, index) => 1_000 + index);
	const pins: string[] = [];
	const fronts: string[] = [];
	const reports: string[] = [];
	let batch: NewLogEntry[] = [];
	let actor = ACTORS[0]!;
	let at = START;
	let seq = 0;
	let lastKeyframe = 0;
	let lastKeyframeBytes = 0;
	let tailBytes = 0;
	board.on('update', (update: Uint8Array) => batch.push({ update, actor, at }));

	const flush = async () => {
		// As the room does: the keyframe state is taken with the batch in it, stored after it.
		for (const entry of batch) tailBytes += entry.update.byteLength;
		const tail = { keyframeBytes: lastKeyframeBytes, updates: seq + batch.length - lastKeyframe, bytes: tailBytes };
		const state = keyframeDue(KEYFRAMES, tail) ? Y.encodeStateAsUpdate(board) : null;
		seq = await storage.appendUpdates(BOARD, batch);
		batch = [];
		if (state) {
			await storage.writeKeyframe(BOARD, { seq, at, state });
			lastKeyframe = seq;
			lastKeyframeBytes = state.byteLength;
			tailBytes = 0;
		}
	};

	for (let step = 0; step < UPDATES; step++) {
		const who = Math.floor(rand() * ACTORS.length);
		// Yjs numbers a client's changes by (clientID, clock); switching ids is a watcher switching.
		board.clientID = clientIds[who]!;
		at += rand() < 0.2 ? 0 : Math.floor(rand() * 3000); // ~40 hours; some share a millisecond
		const context = { actor: ACTORS[who]!, now: at };
		actor = context.actor;
		// Mostly edits of a bounded set of items (a live board), reports piling up slowly.
		const roll = rand();
		if (pins.length < 20 || (roll < 0.03 && pins.length < 400)) pins.push(addPin(board, { name: `Town ${step}`, lat: point()[0], lng: point()[1], sector: pick(SECTORS) }, context));
		else if (roll < 0.45) movePin(board, pick(pins), ...point(), context);
		else if (roll < 0.53) updatePin(board, pick(pins), { control: pick(['ukraine', 'russia', 'contested'] as const) }, context);
		else if (roll < 0.55) renamePin(board, pick(pins), `Town ${step}`, context);
		else if (roll < 0.56 && pins.length > 50) removePin(board, pins.splice(Math.floor(rand() * pins.length), 1)[0]!, context);
		else if ((roll < 0.58 && fronts.length < 150) || fronts.length < 5) fronts.push(drawFront(board, { kind: 'arrow', label: `Axis ${step}`, points: [point(), point(), point()] }, context));
		else if (roll < 0.74) reshapeFront(board, pick(fronts), Array.from({ length: 3 + Math.floor(rand() * 8) }, point), context);
		else if (roll < 0.75 && fronts.length > 20) removeFront(board, fronts.splice(Math.floor(rand() * fronts.length), 1)[0]!, context);
		else if (roll < 0.8) updateFront(board, pick(fronts), { state: pick(['ongoing', 'halted', 'predicted'] as const) }, context);
		else if (roll < 0.83 || reports.length < 5) reports.push(postReport(board, { text: `Report ${step}: something moved near town ${step % 97}.`, eventTime: at, sector: pick(SECTORS), confidence: 'rumour' }, context));
		else gradeReport(board, pick(reports), pick(CONFIDENCE_LEVELS), context);
		if (batch.length >= TICK) await flush();
	}
	if (batch.length > 0) await flush();
	board.destroy();
	return at;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const fileSize = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : 0);

/** A full GC, for a heap figure without garbage (--expose-gc switched on at run time). */
function collectGarbage(): void {
	v8.setFlagsFromString('--expose-gc');
	(vm.runInNewContext('gc') as () => void)();
}

/** Times `run` at `count` random moments of the log; sorted milliseconds. */
async function seeks(count: number, lastAt: number, run: (time: number) => Promise<void>): Promise<number[]> {
	const times: number[] = [];
	for (let index = 0; index < count; index++) {
		const time = START + Math.floor(rand() * (lastAt - START));
		const started = performance.now();
		await run(time);
		times.push(performance.now() - started);
	}
	return times.sort((a, b) => a - b);
}

async function main(): Promise<void> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'replay-bench-'));
	const storage = openSqliteStorage(dir);
	try {
		let started = performance.now();
		const lastAt = await writeBoard(storage);
		const writeSeconds = (performance.now() - started) / 1000;
		const head = await storage.seqAt(BOARD, Infinity);

		const cache = new HistoryCache(storage);
		started = performance.now();
		const changes = await cache.all(BOARD);
		const deriveSeconds = (performance.now() - started) / 1000;
		collectGarbage(); // so the heap is what the derived history keeps
		const heap = process.memoryUsage().heapUsed;

		// The board at T from the timeline: what GET …/history/state?at=T&update=false reads.
		const contents: BoardContent[] = [];
		const contentTimes = await seeks(SEEKS, lastAt, async (time) => {
			contents.push((await cache.contentAt(BOARD, { at: time })).content);
		});
		// …and what it then sends: the content as JSON (grows with the board, not its history).
		const jsonTimes: number[] = [];
		for (const content of contents) {
			started = performance.now();
			JSON.stringify(content);
			jsonTimes.push(performance.now() - started);
		}
		jsonTimes.sort((a, b) => a - b);
		// What ?update=true adds, and forks use: the exact Yjs document from keyframe + tail.
		const docTimes = await seeks(EXACT_SEEKS, lastAt, async (time) => {
			const moment = await stateAt(storage, BOARD, time);
			Buffer.from(Y.encodeStateAsUpdate(moment.doc)).toString('base64');
			moment.doc.destroy();
		});
		const keyframe = await storage.keyframeAtOrBefore(BOARD, head);

		started = performance.now();
		const olena = await cache.changes(BOARD, { actors: new Set(['Olena']), collections: new Set(['fronts']) });
		const queryMs = performance.now() - started;

		const database = path.join(dir, DATABASE_FILE);
		const onDisk = fileSize(database) + fileSize(`${database}-wal`);
		const db = new Database(database, { readonly: true });
		const keyframes = db.prepare('SELECT count(*) AS count, sum(length(state)) AS bytes FROM keyframes').get() as { count: number; bytes: number };
		db.close();
		const p95 = percentile(contentTimes, 95);
		const content = await cache.contentAt(BOARD, {});
		const items = [content.content.pins, content.content.fronts, content.content.reports].map((list) => list.length).join(' / ');
		const rows: [string, string][] = [
			[`updates logged, keyframes ${KEYFRAMES.minUpdates}–${KEYFRAMES.maxUpdates} apart (tail ≥ ${KEYFRAMES.tailShare} of the last)`, `${head.toLocaleString('en')} from 4 watchers (written in ${writeSeconds.toFixed(1)} s)`],
			['board at the end: pins / fronts / reports', items],
			['change list derived cold from the whole log', `${deriveSeconds.toFixed(2)} s → ${changes.length.toLocaleString('en')} changes (heap ${megabytes(heap)}, cache's estimate ${megabytes(cache.bytes)})`],
			[`**board at a random moment** (content, ${SEEKS} seeks): median / p95 / max`, `**${ms(percentile(contentTimes, 50))} / ${ms(p95)}** / ${ms(contentTimes.at(-1)!)}`],
			['… that content as JSON, as the API sends it: median / p95', `${ms(percentile(jsonTimes, 50))} / ${ms(percentile(jsonTimes, 95))}`],
			[`exact Yjs state at a random moment, keyframe + tail (${EXACT_SEEKS} seeks): median / p95`, `${ms(percentile(docTimes, 50))} / ${ms(percentile(docTimes, 95))}`],
			['newest keyframe (the whole Yjs state, tombstones included)', megabytes(keyframe?.state.byteLength ?? 0)],
			['filtered change query, warm (actor + collection, one page)', `${ms(queryMs)} → ${olena.changes.length} changes`],
			['log on disk (SQLite file + WAL)', `${megabytes(onDisk)}, of which ${keyframes.count} keyframes ${megabytes(keyframes.bytes)}`]
		];
		process.stdout.write(`\n### Replay (${os.cpus().length} cores, Node ${process.version}, load ${os.loadavg()[0]!.toFixed(1)})\n\n| measure | result |\n|---|---|\n`);
		for (const [measure, result] of rows) process.stdout.write(`| ${measure} | ${result} |\n`);
		process.stdout.write(`\nTarget p95 seek < 50 ms: ${p95 < 50 ? 'met' : 'MISSED'}\n`);
		cache.clear();
	} finally {
		await storage.close();
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

main().catch((error: Error) => {
	console.error(`replay bench failed: ${error.stack ?? error.message}`);
	process.exit(1);
});
