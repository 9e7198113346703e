/**
 * [API] How the records API changes a live room: drafted on a copy, validated like a watcher's
 * update, applied with its actor, logged and broadcast — or refused with nothing applied.
 */
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { KeyedRateLimit } from '../../server/auth/rate-limit';
import { Connection } from '../../server/rooms/connection';
import { ChangeDrafter, DraftRefused, SHADOW_IDLE_MS } from '../../server/rooms/drafted-change';
import { keyframeEvery } from '../../server/rooms/keyframe-policy';
import { Keyframes, NO_KEYFRAME } from '../../server/rooms/keyframes';
import { apiOrigin } from '../../server/rooms/origins';
import { Room } from '../../server/rooms/room';
import { inThreadShadows } from '../../server/rooms/shadow-host';
import { validateUpdate, type UpdateValidator } from '../../server/rooms/update-validator';
import { addPin, movePin, removePin, renamePin } from '../../src/lib/model/pin-operations';
import { readRecord } from '../../src/lib/model/records';
import { MemorySocket } from '../helpers/memory-socket';
import { memoryStorage } from '../helpers/memory-storage';
import { waitFor } from '../helpers/wait-for';

const silent = { info() {}, warn() {} };

function setup(validator: UpdateValidator = validateUpdate) {
	const storage = memoryStorage();
	const keyframes = new Keyframes(inThreadShadows(), storage, keyframeEvery(1000), silent);
	const room = new Room('b', new Y.Doc(), 0, NO_KEYFRAME, 0, { storage, validator, logger: silent, keyframes, maxBufferedBytes: 1 << 20 });
	const socket = new MemorySocket();
	room.join(new Connection(socket, 'Olena'));
	return { storage, room, socket };
}

describe('a change made through the API', () => {
	it('is one logged update with the token’s name, and reaches a watcher', async () => {
		const { storage, room, socket } = setup();
		const before = socket.sent.length;
		const id = room.applyChange(apiOrigin('Wire bot', 'tok1'), (doc) => {
			const pin = addPin(doc, { name: 'Izium', lat: 49.2, lng: 37.2 }, { actor: 'Wire bot' });
			// Two more named operations in the same change: still one update in the log.
			movePin(doc, pin, 49.21, 37.26, { actor: 'Wire bot' });
			renamePin(doc, pin, 'Izium (city)', { actor: 'Wire bot' });
			return pin;
		});
		await room.flush();
		expect(storage.log.map((entry) => entry.actor)).toEqual(['Wire bot']);
		expect(readRecord(room.doc, 'pins', id)).toMatchObject({ name: 'Izium (city)', lat: 49.21, createdBy: 'Wire bot' });
		await waitFor(() => socket.sent.length > before, { what: 'the broadcast' });
	});

	it('writes as one client id per room, so the board’s state vector does not grow per request', () => {
		const { room } = setup();
		const ownId = room.doc.clientID;
		for (let i = 0; i < 5; i++) room.applyChange(apiOrigin('bot', null), (doc) => addPin(doc, { name: `P${i}`, lat: 49, lng: 37 }));
		expect(Y.decodeStateVector(Y.encodeStateVector(room.doc)).size).toBe(1);
		expect(room.doc.clientID).toBe(ownId);
		expect(room.doc.getMap('pins').size).toBe(5);
	});

	it('a refused change leaves the board, the log and the watchers untouched; the next one still works', async () => {
		let refuse = true;
		const { storage, room } = setup((doc, update) => (refuse ? { ok: false, malformed: false, reason: 'pins/p1.lat: too far north' } : validateUpdate(doc, update)));
		expect(() => room.applyChange(apiOrigin('bot', null), (doc) => addPin(doc, { id: 'p1', name: 'X', lat: 49, lng: 37 }))).toThrow(DraftRefused);
		await room.flush();
		expect(room.doc.getMap('pins').size).toBe(0);
		expect(storage.log).toEqual([]);
		refuse = false;
		room.applyChange(apiOrigin('bot', null), (doc) => addPin(doc, { id: 'p2', name: 'Y', lat: 49, lng: 37 }));
		expect([...room.doc.getMap('pins').keys()]).toEqual(['p2']);
	});

	it('a change that fails halfway applies nothing, and leaves no trace in the next draft', () => {
		const { room } = setup();
		expect(() =>
			room.applyChange(apiOrigin('bot', null), (doc) => {
				addPin(doc, { id: 'half', name: 'Half', lat: 49, lng: 37 });
				throw new Error('the second step failed');
			})
		).toThrow('the second step failed');
		room.applyChange(apiOrigin('bot', null), (doc) => addPin(doc, { id: 'whole', name: 'Whole', lat: 49, lng: 37 }));
		expect([...room.doc.getMap('pins').keys()]).toEqual(['whole']);
	});

	it('drafts on the board as watchers left it (the shadow follows the live document)', () => {
		const { room } = setup();
		room.applyChange(apiOrigin('bot', null), (doc) => addPin(doc, { id: 'p1', name: 'Kupiansk', lat: 49.7, lng: 37.6 }));
		// Watchers move one pin, add another and remove the first, on the live board.
		movePin(room.doc, 'p1', 49.71, 37.61, { actor: 'Olena' });
		addPin(room.doc, { id: 'p2', name: 'Izium', lat: 49.2, lng: 37.3 }, { actor: 'Taras' });
		removePin(room.doc, 'p1');
		// The bot's next draft sees exactly that board.
		const seen = room.applyChange(apiOrigin('bot', null), (doc) => [...doc.getMap('pins').keys()].sort());
		expect(seen).toEqual(['p2']);
		room.applyChange(apiOrigin('bot', null), (doc) => renamePin(doc, 'p2', 'Izium (city)', { actor: 'bot' }));
		expect(readRecord(room.doc, 'pins', 'p2')).toMatchObject({ name: 'Izium (city)', createdBy: 'Taras', updatedBy: 'bot' });
	});

	it('stops following the live document once no change has been drafted for a while', () => {
		vi.useFakeTimers();
		try {
			const doc = new Y.Doc();
			const drafter = new ChangeDrafter(doc, 7, validateUpdate);
			drafter.apply(null, (draft) => addPin(draft, { id: 'p1', name: 'Kupiansk', lat: 49.7, lng: 37.6 }));
			expect(drafter.following).toBe(true);
			vi.advanceTimersByTime(SHADOW_IDLE_MS - 1);
			drafter.apply(null, (draft) => movePin(draft, 'p1', 49.71, 37.6));
			vi.advanceTimersByTime(SHADOW_IDLE_MS - 1);
			expect(drafter.following).toBe(true);
			vi.advanceTimersByTime(1);
			expect(drafter.following).toBe(false);
			// The next draft copies the board afresh and sees what watchers did meanwhile.
			movePin(doc, 'p1', 49.8, 37.6);
			const lat = drafter.apply(null, (draft) => readRecord(draft, 'pins', 'p1')?.lat);
			expect(lat).toBe(49.8);
			drafter.destroy();
		} finally {
			vi.useRealTimers();
		}
	});
});

describe('per-token rate limit', () => {
	it('allows the burst, then says how long to wait; refills with time; keys are independent', () => {
		let now = 0;
		const limit = new KeyedRateLimit(2, 3, () => now);
		expect([1, 2, 3, 4].map(() => limit.take('a'))).toEqual([0, 0, 0, 500]);
		expect(limit.take('b')).toBe(0);
		now += 500;
		expect(limit.take('a')).toBe(0);
		expect(limit.take('a')).toBe(500);
	});
});
