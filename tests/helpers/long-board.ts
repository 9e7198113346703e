/**
 * A long board, written quickly: the model's named operations on one Y.Doc (as bench/replay.ts
 * does), each transaction's update appended straight to storage in batches of a busy room's
 * tick — no server, no sockets, no keyframes (the history cache never reads them). Seeded, so
 * the same call writes the same log.
 */
import * as Y from 'yjs';
import { drawFront, reshapeFront } from '../../src/lib/model/front-operations';
import { addPin, movePin, renamePin } from '../../src/lib/model/pin-operations';
import { gradeReport, postReport } from '../../src/lib/model/report-operations';
import type { BoardStorage, NewLogEntry } from '../../server/storage/storage';
import { seededRandom } from './seeded-random';

/** Updates per storage call: one event-loop tick of a busy room. */
const TICK = 50;
const ACTORS = ['Olena', 'Taras', 'Maya', 'Sam'];
/** Items the edits cycle over: a live board edits a bounded set, so versions pile up per item. */
const PINS = 60;
const FRONTS = 20;

/** Creates board `id` and logs `updates` edits to it (moves, reshapes, reports, grades). */
export async function writeLongBoard(storage: BoardStorage, id: string, updates: number, seed = 2022): Promise<void> {
	const start = Date.parse('2022-09-06T06:50:00Z');
	await storage.createBoard({ id, title: `Long board ${id}`, at: start });
	const rand = seededRandom(seed);
	const point = (): [number, number] => [46 + rand() * 4, 32 + rand() * 6];
	const doc = new Y.Doc();
	const pins: string[] = [];
	const fronts: string[] = [];
	const reports: string[] = [];
	const batch: NewLogEntry[] = [];
	let context = { actor: ACTORS[0]!, now: start };
	doc.on('update', (update: Uint8Array) => batch.push({ update, actor: context.actor, at: context.now }));
	for (let step = 0; step < updates; step++) {
		context = { actor: ACTORS[step % ACTORS.length]!, now: context.now + Math.floor(rand() * 2000) };
		const roll = rand();
		const [lat, lng] = point();
		if (pins.length < PINS) pins.push(addPin(doc, { name: `Town ${step}`, lat, lng }, context));
		else if (fronts.length < FRONTS) fronts.push(drawFront(doc, { kind: 'arrow', label: `Axis ${step}`, points: [point(), point()] }, context));
		else if (roll < 0.5) movePin(doc, pins[step % PINS]!, lat, lng, context);
		else if (roll < 0.6) renamePin(doc, pins[step % PINS]!, `Town ${step}`, context);
		else if (roll < 0.8) reshapeFront(doc, fronts[step % FRONTS]!, [point(), point(), point()], context);
		else if (roll < 0.9 || reports.length === 0) reports.push(postReport(doc, { text: `Report ${step}`, eventTime: context.now }, context));
		else gradeReport(doc, reports[step % reports.length]!, 'confirmed', context);
		if (batch.length >= TICK) await storage.appendUpdates(id, batch.splice(0));
	}
	if (batch.length > 0) await storage.appendUpdates(id, batch);
	doc.destroy();
}
