/**
 * A change of hands is stamped with when it happened, whoever makes it: the board's editor and a
 * bot writing through the records API go through the same model operation.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { BoardDirectory } from '../../server/boards/board-directory';
import { RecordsWriter } from '../../server/api/records-writer';
import { keyframeEvery } from '../../server/rooms/keyframe-policy';
import { Keyframes, NO_KEYFRAME } from '../../server/rooms/keyframes';
import { Room } from '../../server/rooms/room';
import { inThreadShadows } from '../../server/rooms/shadow-host';
import { validateUpdate } from '../../server/rooms/update-validator';
import { addPin, updatePin } from '../../src/lib/model/pin-operations';
import { readRecord } from '../../src/lib/model/records';
import { memoryStorage } from '../helpers/memory-storage';

const MINUTE = 60_000;
const at = Date.parse('2022-09-10T08:00:00Z');

describe('changing who holds a pin (model)', () => {
	it('stamps controlSince to the minute of the change', () => {
		const doc = new Y.Doc();
		const id = addPin(doc, { name: 'Kupiansk', lat: 49.71, lng: 37.61, control: 'russia' });
		updatePin(doc, id, { control: 'contested' }, { actor: 'Olena', now: at + 42_000 });
		expect(readRecord(doc, 'pins', id)).toMatchObject({ control: 'contested', controlSince: at, updatedBy: 'Olena' });
	});

	it('keeps a time the change gives, and leaves the stamp alone when control does not change', () => {
		const doc = new Y.Doc();
		const id = addPin(doc, { name: 'Izium', lat: 49.21, lng: 37.26, control: 'russia', controlSince: 5 * MINUTE });
		updatePin(doc, id, { control: 'ukraine', controlSince: 7 * MINUTE }, { now: at });
		expect(readRecord(doc, 'pins', id)?.controlSince).toBe(7 * MINUTE);
		updatePin(doc, id, { control: 'ukraine', note: 'Retaken' }, { now: at + 10 * MINUTE });
		expect(readRecord(doc, 'pins', id)?.controlSince).toBe(7 * MINUTE);
	});
});

describe('changing who holds a pin through the records API', () => {
	it('stamps controlSince like the board’s editor does', async () => {
		const silent = { info() {}, warn() {} };
		const storage = memoryStorage();
		const keyframes = new Keyframes(inThreadShadows(), storage, keyframeEvery(1000), silent);
		const room = new Room('b', new Y.Doc(), 0, NO_KEYFRAME, 0, { storage, validator: validateUpdate, logger: silent, keyframes, maxBufferedBytes: 1 << 20 });
		room.doc.transact(() => addPin(room.doc, { id: 'pin-lyman', name: 'Lyman', lat: 48.98, lng: 37.8, control: 'russia' }));
		// The writer needs only the room the board lives in.
		const directory = { withRoom: async (_id: string, use: (room: Room) => void) => use(room) } as unknown as BoardDirectory;
		const before = Date.now();

		const pin = await new RecordsWriter(directory).updatePin('b', 'pin-lyman', { control: 'ukraine' }, { name: 'Wire bot', tokenId: 'tok1' });

		expect(pin).toMatchObject({ control: 'ukraine', updatedBy: 'Wire bot' });
		expect(pin.controlSince).toBeGreaterThanOrEqual(Math.floor(before / MINUTE) * MINUTE);
		expect(pin.controlSince).toBeLessThanOrEqual(Date.now());
	});
});
