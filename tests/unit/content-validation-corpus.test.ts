/**
 * [C*] What legitimate clients send must pass the content validator: every named operation, the
 * whole demo session step by step, sync step 2 of a stock provider, offline edits that race, and
 * a relay's merged update. Each update is validated against the board state just before it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { drawFront, removeFront, reshapeFront, updateFront } from '../../src/lib/model/front-operations';
import { describeBoard, renameBoard, setHomeView } from '../../src/lib/model/meta-operations';
import type { OperationContext } from '../../src/lib/model/operation-context';
import { addPin, movePin, removePin, renamePin, updatePin } from '../../src/lib/model/pin-operations';
import { gradeReport, postReport, removeReport } from '../../src/lib/model/report-operations';
import { readAll } from '../../src/lib/model/records';
import { addSector, removeSector, updateSector } from '../../src/lib/model/sector-operations';
import { loadDemoBoard } from '../../server/demo/load-demo';
import { applyDemoStep } from '../../server/demo/demo-steps';
import { validateUpdate } from '../../server/rooms/update-validator';
import type { DemoBoard } from '../../server/demo/demo-script';

/** A client replica of `live`: its local changes are validated against, then applied to, `live`. */
function replica(live: Y.Doc) {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, Y.encodeStateAsUpdate(live));
	const refusals: string[] = [];
	doc.on('update', (update: Uint8Array) => {
		const verdict = validateUpdate(live, update);
		if (verdict.ok) Y.applyUpdate(live, update);
		else refusals.push(verdict.reason);
	});
	return { doc, refusals };
}

/** Sends what `from` has and `to` lacks, as sync step 2 does, and applies it if accepted. */
function syncStep2(from: Y.Doc, to: Y.Doc) {
	const update = Y.encodeStateAsUpdate(from, Y.encodeStateVector(to));
	const verdict = validateUpdate(to, update);
	if (verdict.ok) Y.applyUpdate(to, update);
	return verdict;
}

describe('content validation accepts what clients send', () => {
	let KHARKIV_2022: DemoBoard;
	beforeAll(async () => {
		KHARKIV_2022 = await loadDemoBoard();
	});

	it('[C20] every named operation, with and without an actor', () => {
		for (const context of [{ actor: 'Olena', now: 1_662_000_000_000 }, {}] as OperationContext[]) {
			const live = new Y.Doc();
			const { doc, refusals } = replica(live);
			const sector = addSector(doc, { name: 'Izium', colour: '#aa3300' }, context);
			updateSector(doc, sector, { area: [[49, 37], [49.2, 37.4], [49.1, 37.1]], note: 'south' }, context);
			const pin = addPin(doc, { name: 'Izium', lat: 49.2, lng: 37.27, kind: 'city', sector }, context);
			movePin(doc, pin, 49.21, 37.28, context);
			renamePin(doc, pin, 'Izium (city)', context);
			updatePin(doc, pin, { control: 'ukraine', controlSince: 1_662_800_000_000, note: 'liberated' }, context);
			updatePin(doc, pin, { kind: 'unit', unitType: 'armour', echelon: 'brigade', side: 'ukraine' }, context);
			const front = drawFront(doc, { kind: 'arrow', points: [[49, 36.8], [49.2, 37.2]], state: 'predicted' }, context);
			reshapeFront(doc, front, [[49, 36.8], [49.1, 37], [49.2, 37.3]], context);
			updateFront(doc, front, { label: 'Axis', state: 'ongoing', sector }, context);
			const report = postReport(doc, {
				text: 'Izium retaken',
				eventTime: 1_662_900_000_000,
				sources: [{ url: 'https://example.org/a', title: 'wire' }],
				place: { lat: 49.2, lng: 37.27 },
				links: [pin, front],
				admiralty: { reliability: 'B', credibility: 2 }
			}, context);
			gradeReport(doc, report, 'confirmed', context);
			renameBoard(doc, 'Kharkiv 2022', context);
			describeBoard(doc, 'Autumn counter-offensive', context);
			setHomeView(doc, { lat: 49.5, lng: 37, zoom: 8 }, context);
			removeReport(doc, report, context);
			removeFront(doc, front, context);
			removePin(doc, pin, context);
			removeSector(doc, sector, context);
			expect(refusals).toEqual([]);
			expect(Y.encodeStateVector(live)).toEqual(Y.encodeStateVector(doc));
		}
	});

	it('[C21] the demo session, each of its steps against the board before it', () => {
		const live = new Y.Doc();
		const { doc, refusals } = replica(live);
		for (const step of KHARKIV_2022.steps) applyDemoStep(doc, step, { actor: step.actor, now: Date.parse(step.at) });
		expect(KHARKIV_2022.steps.length).toBeGreaterThan(100);
		expect(refusals).toEqual([]);
		// The same steps as sync-step-2 diffs, which carry the whole delete set every time.
		const board = new Y.Doc();
		for (const step of KHARKIV_2022.steps) {
			const client = new Y.Doc();
			Y.applyUpdate(client, Y.encodeStateAsUpdate(board));
			applyDemoStep(client, step, { actor: step.actor, now: Date.parse(step.at) });
			expect(syncStep2(client, board)).toEqual({ ok: true });
		}
	});

	it('[C22] sync step 2: a full board into an empty one, and a replica that has everything', () => {
		const demo = new Y.Doc();
		for (const step of KHARKIV_2022.steps) applyDemoStep(demo, step, { actor: step.actor, now: Date.parse(step.at) });
		expect(syncStep2(demo, new Y.Doc())).toEqual({ ok: true });
		const copy = new Y.Doc();
		Y.applyUpdate(copy, Y.encodeStateAsUpdate(demo));
		expect(syncStep2(copy, demo)).toEqual({ ok: true });
		expect(validateUpdate(demo, Y.encodeStateAsUpdate(demo))).toEqual({ ok: true });
	});

	it('[C23] offline edits that race: same fields, a removed record, a replaced record', () => {
		const live = new Y.Doc();
		const pin = addPin(live, { id: 'pin-race', name: 'Lyman', lat: 48.99, lng: 37.8 });
		const front = drawFront(live, { id: 'front-race', kind: 'line', points: [[48, 37], [49, 38]] });
		const [a, b] = [new Y.Doc(), new Y.Doc()];
		for (const doc of [a, b]) Y.applyUpdate(doc, Y.encodeStateAsUpdate(live));
		movePin(a, pin, 49, 37.9, { actor: 'a' });
		renamePin(a, pin, 'Lyman (a)', { actor: 'a' });
		movePin(b, pin, 48.9, 37.7, { actor: 'b' });
		removeFront(b, front);
		updateFront(a, front, { label: 'edited offline' }, { actor: 'a' });
		addPin(b, { id: 'pin-twice', name: 'b', lat: 1, lng: 1 });
		addPin(a, { id: 'pin-twice', name: 'a', lat: 2, lng: 2 });
		expect(syncStep2(b, live)).toEqual({ ok: true });
		expect(syncStep2(a, live)).toEqual({ ok: true });
		expect(syncStep2(live, a)).toEqual({ ok: true });
		expect(syncStep2(live, b)).toEqual({ ok: true });
		for (const doc of [live, a, b]) {
			expect(readAll(doc, 'pins').map((pin) => pin.id).sort()).toEqual(['pin-race', 'pin-twice']);
			expect(readAll(doc, 'fronts')).toEqual([]);
		}
	});

	it('[C24] a relay\'s merged update with concurrent values for one field', () => {
		const live = new Y.Doc();
		const pin = addPin(live, { id: 'pin-merge', name: 'Kreminna', lat: 49.05, lng: 38.2 });
		const edits = [49.1, 49.2, 123].map((lat) => {
			const doc = new Y.Doc();
			Y.applyUpdate(doc, Y.encodeStateAsUpdate(live));
			const before = Y.encodeStateVector(doc);
			doc.getMap<Y.Map<unknown>>('pins').get(pin)!.set('lat', lat); // raw: movePin would refuse 123 itself
			return Y.encodeStateAsUpdate(doc, before);
		});
		expect(validateUpdate(live, Y.mergeUpdates([edits[0]!, edits[1]!]))).toEqual({ ok: true });
		expect(validateUpdate(live, Y.mergeUpdates([edits[0]!, edits[2]!]))).toMatchObject({ ok: false, reason: 'pins/pin-merge.lat: must be between -90 and 90 (got 123)' });
	});
});
