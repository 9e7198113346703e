/**
 * [C*] Content validation, one rule per test, each with a raw update a hand-written client could
 * send: a scratch Y.Doc synced from the board writes straight into the maps (bypassing the model),
 * and the diff against the board's state vector is what goes over the wire.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { drawFront } from '../../src/lib/model/front-operations';
import { renameBoard } from '../../src/lib/model/meta-operations';
import { addPin } from '../../src/lib/model/pin-operations';
import { postReport } from '../../src/lib/model/report-operations';
import { createUpdateValidator, validateUpdate, type Verdict } from '../../server/rooms/update-validator';

function board(): Y.Doc {
	const doc = new Y.Doc();
	addPin(doc, { id: 'pin-a', name: 'Kupiansk', lat: 49.71, lng: 37.61 });
	drawFront(doc, { id: 'front-a', kind: 'line', points: [[49, 37], [49.5, 37.5]] });
	postReport(doc, { id: 'report-a', text: 'Bridge down', eventTime: 1_662_000_000_000 });
	renameBoard(doc, 'Kharkiv');
	return doc;
}

/** What a raw client sends after writing `write` on its own replica of `live`. */
function raw(live: Y.Doc, write: (scratch: Y.Doc) => void): Uint8Array {
	const scratch = new Y.Doc();
	Y.applyUpdate(scratch, Y.encodeStateAsUpdate(live));
	write(scratch);
	return Y.encodeStateAsUpdate(scratch, Y.encodeStateVector(live));
}

const record = (doc: Y.Doc, collection: string, id: string) => doc.getMap<Y.Map<unknown>>(collection).get(id)!;

function refused(write: (scratch: Y.Doc) => void, live = board(), validate = validateUpdate): Extract<Verdict, { ok: false }> {
	const verdict = validate(live, raw(live, write));
	if (verdict.ok) throw new Error('expected a refusal');
	expect(Buffer.byteLength(verdict.reason)).toBeLessThanOrEqual(120);
	return verdict;
}

function newPin(doc: Y.Doc, id: string, fields: Record<string, unknown>): void {
	const map = new Y.Map<unknown>();
	for (const [key, value] of Object.entries(fields)) map.set(key, value);
	doc.getMap('pins').set(id, map);
}

describe('content validation', () => {
	it('[C1] refuses an unknown top-level type', () => {
		expect(refused((d) => d.getMap('secrets').set('x', 1))).toEqual({ ok: false, malformed: false, reason: 'unknown top-level type "secrets"' });
	});

	it('[C2] refuses a record that is not a Y.Map, and list positions in a collection', () => {
		expect(refused((d) => d.getMap('pins').set('pin-b', 5)).reason).toBe('pins/pin-b: a record must be a Y.Map');
		expect(refused((d) => d.getMap('pins').set('pin-b', new Y.Array())).reason).toBe('pins/pin-b: a Y.Array is not part of a board');
		expect(refused((d) => d.getMap('pins').set('not an id!', new Y.Map())).reason).toMatch(/^pins\/"not an id!": an id is 1-64/);
		expect(refused((d) => d.getArray('fronts').insert(0, [1])).reason).toBe('fronts: is a map, its entries need a key');
	});

	it('[C3] refuses an unknown field', () => {
		expect(refused((d) => record(d, 'pins', 'pin-a').set('colour', 'red')).reason).toBe('pins/pin-a: unknown field "colour"');
		expect(refused((d) => record(d, 'pins', 'pin-a').set('id', 'pin-z')).reason).toBe('pins/pin-a: unknown field "id"');
	});

	it('[C4] refuses a field of the wrong type', () => {
		expect(refused((d) => record(d, 'pins', 'pin-a').set('lat', 'north')).reason).toBe('pins/pin-a.lat: must be a number (got "north")');
		expect(refused((d) => record(d, 'pins', 'pin-a').set('kind', 'castle')).reason).toMatch(/^pins\/pin-a\.kind: must be one of town, city, .*\(got "castle"\)$/);
	});

	it('[C5] refuses a latitude of 123', () => {
		expect(refused((d) => record(d, 'pins', 'pin-a').set('lat', 123)).reason).toBe('pins/pin-a.lat: must be between -90 and 90 (got 123)');
	});

	it('[C6] refuses text over the limits', () => {
		expect(refused((d) => record(d, 'reports', 'report-a').set('text', 'x'.repeat(4001))).reason).toBe(
			'reports/report-a.text: must have at most 4000 characters (got 4001)'
		);
		expect(refused((d) => record(d, 'pins', 'pin-a').set('name', ' ')).reason).toBe('pins/pin-a.name: must not be empty');
	});

	it('[C7] refuses a javascript: source link, and keys a value\'s schema does not know', () => {
		const sources = [{ url: 'javascript:alert(1)' }];
		expect(refused((d) => record(d, 'reports', 'report-a').set('sources', sources)).reason).toBe(
			'reports/report-a.sources.0.url: a source must be an http(s) link'
		);
		const place = { lat: 49, lng: 37, payload: 'x' };
		expect(refused((d) => record(d, 'reports', 'report-a').set('place', place)).reason).toBe('reports/report-a.place: unknown key "payload"');
	});

	it('[C8] refuses nested Yjs types inside a record', () => {
		expect(refused((d) => record(d, 'pins', 'pin-a').set('note', new Y.Array())).reason).toBe('pins/pin-a.note: a Y.Array is not part of a board');
		expect(refused((d) => record(d, 'pins', 'pin-a').set('note', new Y.Text('hi'))).reason).toBe('pins/pin-a.note: a Y.Text is not part of a board');
		expect(refused((d) => record(d, 'pins', 'pin-a').set('note', new Y.Map())).reason).toBe('pins/pin-a.note: a field holds a plain value, not a nested type');
		expect(refused((d) => d.getMap('meta').set('title', new Y.Map())).reason).toBe('meta.title: must be a plain value');
	});

	it('[C9] refuses subdocuments and binary values', () => {
		expect(refused((d) => record(d, 'pins', 'pin-a').set('note', new Y.Doc())).reason).toBe('pins/pin-a.note: subdocuments are not part of a board');
		expect(refused((d) => record(d, 'pins', 'pin-a').set('note', new Uint8Array([1]))).reason).toBe('pins/pin-a.note: binary values are not part of a board');
	});

	it('[C10] refuses a new record missing a required field, or breaking a cross-field rule', () => {
		expect(refused((d) => newPin(d, 'pin-b', { lat: 49, lng: 37 })).reason).toBe('pins/pin-b.name: is required');
		expect(refused((d) => d.getMap('pins').set('pin-b', new Y.Map())).reason).toBe('pins/pin-b.name: is required');
		const area = new Y.Map<unknown>();
		area.set('kind', 'area');
		area.set('points', [[49, 37], [49.5, 37.5]]);
		expect(refused((d) => d.getMap('fronts').set('front-b', area)).reason).toBe('fronts/front-b.points: an area needs at least 3 points');
		expect(refused((d) => record(d, 'fronts', 'front-a').set('points', [[49, 37]])).reason).toBe('fronts/front-a.points: a line needs at least 2 points');
	});

	it('[C11] refuses deleting a required field; deleting optional fields and whole records is fine', () => {
		expect(refused((d) => record(d, 'pins', 'pin-a').delete('name')).reason).toBe('pins/pin-a.name: is required and cannot be removed');
		const live = board();
		for (const write of [
			(d: Y.Doc) => record(d, 'pins', 'pin-a').delete('createdAt'),
			(d: Y.Doc) => d.getMap('pins').delete('pin-a'),
			(d: Y.Doc) => d.transact(() => ['pins', 'fronts', 'reports'].forEach((name) => d.getMap(name).clear()))
		]) {
			expect(validateUpdate(live, raw(live, write))).toEqual({ ok: true });
		}
	});

	it('[C11b] refuses deleting meta.title, which the board list mirrors; replacing it is fine', () => {
		expect(refused((d) => d.getMap('meta').delete('title')).reason).toBe('meta.title: is required and cannot be removed');
		expect(refused((d) => d.getMap('meta').clear()).reason).toBe('meta.title: is required and cannot be removed');
		const live = board();
		expect(validateUpdate(live, raw(live, (d) => d.transact(() => {
			d.getMap('meta').delete('title');
			d.getMap('meta').set('title', 'Kharkiv axis');
		})))).toEqual({ ok: true });
		// A board whose document never had a title (created by a bare Yjs client) may still be given one.
		const untitled = new Y.Doc();
		expect(validateUpdate(untitled, raw(untitled, (d) => d.getMap('meta').set('title', 'Named at last')))).toEqual({ ok: true });
	});

	it('[C13b] refuses a title with a line break, a NUL or a bidi override', () => {
		expect(refused((d) => d.getMap('meta').set('title', 'Kharkiv\nFAKE ROW')).reason).toMatch(/^meta\.title: must not contain control characters.*\(found U\+000A\)$/);
		expect(refused((d) => d.getMap('meta').set('title', 'evil\u202Egnp.exe')).reason).toMatch(/\(found U\+202E\)$/);
		expect(refused((d) => d.getMap('meta').set('title', 'nul\u0000')).reason).toMatch(/\(found U\+0000\)$/);
	});

	it('[C12] refuses more records than the board allows; replacing a record does not count', () => {
		const validate = createUpdateValidator({ records: { pins: 2, fronts: 10, reports: 10, sectors: 10 }, boardBytes: 1 << 20 });
		const live = board();
		const second = raw(live, (d) => newPin(d, 'pin-b', { name: 'b', lat: 1, lng: 1 }));
		expect(validate(live, second)).toEqual({ ok: true });
		Y.applyUpdate(live, second);
		expect(refused((d) => newPin(d, 'pin-c', { name: 'c', lat: 1, lng: 1 }), live, validate).reason).toBe('pins: a board holds at most 2 pins');
		expect(validate(live, raw(live, (d) => newPin(d, 'pin-b', { name: 'b2', lat: 2, lng: 2 })))).toEqual({ ok: true });
	});

	it('[C13] refuses unknown and invalid meta keys', () => {
		expect(refused((d) => d.getMap('meta').set('owner', 'me')).reason).toBe('meta: unknown key "owner"');
		expect(refused((d) => d.getMap('meta').set('title', '')).reason).toBe('meta.title: must not be empty');
		expect(refused((d) => d.getMap('meta').set('homeView', { lat: 49, lng: 37, zoom: 30 })).reason).toBe('meta.homeView.zoom: must be between 0 and 20 (got 30)');
	});

	it('[C14] reasons are short ASCII whatever a client names things', () => {
		const reason = refused((d) => record(d, 'pins', 'pin-a').set(`ключ-${'x'.repeat(300)}`, 1)).reason;
		expect(reason).toMatch(/^pins\/pin-a: unknown field "\?{4}-x+\.\.\."$/);
		expect(refused((d) => d.getMap('日本'.repeat(100)).set('x', 1)).reason).toMatch(/^unknown top-level type "\?+\.\.\."$/);
	});
});
