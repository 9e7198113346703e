import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addPin, movePin, removePin, renamePin, updatePin } from '../../src/lib/model/pin-operations';
import { readAll, readRecord } from '../../src/lib/model/records';
import { collection } from '../../src/lib/model/layout';
import { ModelValidationError } from '../../src/lib/model/validation-error';

const context = { actor: 'Olena', now: Date.parse('2022-09-10T08:00:00Z') };

describe('pin operations', () => {
	it('adds a pin as a nested Y.Map keyed by its id, with provenance', () => {
		const doc = new Y.Doc();
		const id = addPin(doc, { name: 'Kupiansk', lat: 49.7106, lng: 37.6156, kind: 'rail-hub' }, context);
		const stored = collection(doc, 'pins').get(id);
		expect(stored).toBeInstanceOf(Y.Map);
		expect(readRecord(doc, 'pins', id)).toMatchObject({
			id,
			name: 'Kupiansk',
			lat: 49.7106,
			lng: 37.6156,
			kind: 'rail-hub',
			control: 'unknown',
			createdBy: 'Olena',
			createdAt: context.now
		});
	});

	it('keeps a caller-chosen id (the demo board uses readable ids)', () => {
		const doc = new Y.Doc();
		expect(addPin(doc, { id: 'pin-izium', name: 'Izium', lat: 49.21, lng: 37.26 })).toBe('pin-izium');
	});

	it('moves, renames and updates in one transaction each, stamping who and when', () => {
		const doc = new Y.Doc();
		const id = addPin(doc, { name: 'Lyman', lat: 48.98, lng: 37.8 }, context);
		let transactions = 0;
		doc.on('afterTransaction', () => (transactions += 1));
		movePin(doc, id, 48.99, 37.81, { actor: 'Taras', now: 5 });
		renamePin(doc, id, 'Lyman junction', { actor: 'Taras', now: 6 });
		updatePin(doc, id, { control: 'ukraine', controlSince: 7 }, { actor: 'Maya', now: 8 });
		expect(transactions).toBe(3);
		expect(readRecord(doc, 'pins', id)).toMatchObject({
			lat: 48.99,
			lng: 37.81,
			name: 'Lyman junction',
			control: 'ukraine',
			controlSince: 7,
			updatedBy: 'Maya',
			updatedAt: 8,
			kind: 'other'
		});
	});

	it('an update leaves fields it does not name alone (no defaults sneak in)', () => {
		const doc = new Y.Doc();
		const id = addPin(doc, { name: 'Izium', lat: 49.21, lng: 37.26, kind: 'rail-hub', side: 'russia' });
		updatePin(doc, id, { note: 'railway hub' });
		expect(readRecord(doc, 'pins', id)).toMatchObject({ kind: 'rail-hub', side: 'russia', note: 'railway hub' });
	});

	it('removes a pin', () => {
		const doc = new Y.Doc();
		const id = addPin(doc, { name: 'Balakliia', lat: 49.46, lng: 36.86 });
		removePin(doc, id);
		expect(readAll(doc, 'pins')).toEqual([]);
	});

	it.each([
		['an empty name', { name: '   ', lat: 1, lng: 1 }, 'name'],
		['a latitude of 123', { name: 'x', lat: 123, lng: 1 }, 'lat'],
		['a longitude of -181', { name: 'x', lat: 1, lng: -181 }, 'lng'],
		['an unknown kind', { name: 'x', lat: 1, lng: 1, kind: 'castle' }, 'kind'],
		['a name over 120 characters', { name: 'x'.repeat(121), lat: 1, lng: 1 }, 'name']
	])('refuses %s, naming the field, and changes nothing', (_what, input, field) => {
		const doc = new Y.Doc();
		let error: unknown;
		try {
			addPin(doc, input as never);
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(ModelValidationError);
		expect((error as ModelValidationError).field).toBe(field);
		expect(collection(doc, 'pins').size).toBe(0);
	});

	it('refuses to move a pin off the globe or a pin that does not exist', () => {
		const doc = new Y.Doc();
		const id = addPin(doc, { name: 'Kherson', lat: 46.64, lng: 32.61 });
		expect(() => movePin(doc, id, 91, 0)).toThrow(ModelValidationError);
		expect(() => movePin(doc, 'pin-nope', 1, 1)).toThrow(/no pin/);
		expect(readRecord(doc, 'pins', id)).toMatchObject({ lat: 46.64, lng: 32.61 });
	});

	it('two replicas editing different fields of one pin both win', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		const id = addPin(a, { name: 'Kupiansk', lat: 49.7, lng: 37.6 });
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		movePin(a, id, 49.71, 37.62);
		renamePin(b, id, 'Kupiansk (rail hub)');
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		expect(readRecord(a, 'pins', id)).toEqual(readRecord(b, 'pins', id));
		expect(readRecord(a, 'pins', id)).toMatchObject({ name: 'Kupiansk (rail hub)', lat: 49.71, lng: 37.62 });
	});

	it('reading skips an entry a foreign client wrote that does not fit the schema', () => {
		const doc = new Y.Doc();
		addPin(doc, { name: 'Good', lat: 1, lng: 1 });
		const bad = new Y.Map<unknown>();
		bad.set('name', 42);
		collection(doc, 'pins').set('pin-bad', bad);
		expect(readAll(doc, 'pins').map((pin) => pin.name)).toEqual(['Good']);
	});
});
