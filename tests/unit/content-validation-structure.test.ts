/**
 * [C*] Content validation of an update's structure: what Yjs would keep pending (and integrate
 * later, unchecked), a client listed twice, a race that would leave a record without a required
 * field, the board's byte budget, and how the room answers a refusal.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addPin, removePin, renamePin } from '../../src/lib/model/pin-operations';
import { readRecord } from '../../src/lib/model/records';
import { CLOSE_CODES } from '../../src/lib/protocol/close-codes';
import { Connection } from '../../server/rooms/connection';
import { keyframeEvery } from '../../server/rooms/keyframe-policy';
import { Keyframes, NO_KEYFRAME } from '../../server/rooms/keyframes';
import { Room } from '../../server/rooms/room';
import { inThreadShadows } from '../../server/rooms/shadow-host';
import * as messages from '../../server/rooms/sync-messages';
import { createUpdateValidator, validateUpdate } from '../../server/rooms/update-validator';
import { MemorySocket } from '../helpers/memory-socket';
import { memoryStorage } from '../helpers/memory-storage';

/** The update a change makes on `doc` (what a y-websocket provider sends for it). */
function captured(doc: Y.Doc, change: () => void): Uint8Array {
	let update: Uint8Array | undefined;
	const keep = (next: Uint8Array) => (update = next);
	doc.on('update', keep);
	change();
	doc.off('update', keep);
	return update!;
}

function replicaOf(live: Y.Doc, clientID?: number): Y.Doc {
	const doc = new Y.Doc();
	if (clientID !== undefined) doc.clientID = clientID;
	Y.applyUpdate(doc, Y.encodeStateAsUpdate(live));
	return doc;
}

const pin = { name: 'Balakliia', lat: 49.46, lng: 36.84 };

describe('content validation of structure', () => {
	it('[C15] refuses what Yjs would leave pending: a gap in history, a delete of an unknown change', () => {
		const client = new Y.Doc();
		captured(client, () => addPin(client, { ...pin, id: 'pin-1' }));
		const second = captured(client, () => addPin(client, { ...pin, id: 'pin-2' }));
		const removal = captured(client, () => removePin(client, 'pin-1'));
		expect(validateUpdate(new Y.Doc(), second)).toEqual({
			ok: false,
			malformed: true,
			missingDependencies: true,
			reason: 'update depends on changes the board does not have'
		});
		expect(validateUpdate(new Y.Doc(), removal)).toMatchObject({ ok: false, missingDependencies: true, reason: 'update deletes changes the board does not have' });
	});

	it('[C16] refuses an update listing one client twice (Yjs would keep only the last block)', () => {
		const client = new Y.Doc();
		const parts = [1, 2].map((n) => captured(client, () => addPin(client, { ...pin, id: `pin-${n}` })));
		for (const part of parts) expect([part[0], part[part.length - 1]]).toEqual([1, 0]); // one block, no deletes
		const twice = Uint8Array.from([2, ...parts.flatMap((part) => [...part.subarray(1, part.length - 1)]), 0]);
		const naive = new Y.Doc();
		Y.applyUpdate(naive, twice);
		expect(naive.store.pendingStructs).not.toBeNull(); // the hazard: content waiting, unchecked
		expect(validateUpdate(new Y.Doc(), twice)).toEqual({ ok: false, malformed: true, reason: 'update lists a client twice, or with no changes' });
	});

	it('[C17] refuses a race that would leave a record without a required field; a fair race passes', () => {
		for (const [clientA, expected] of [
			[50, { ok: false, malformed: false, reason: 'pins/pin-r.name: is required and cannot be removed' }],
			[300, { ok: true }]
		] as const) {
			const live = new Y.Doc();
			live.clientID = 100;
			addPin(live, { ...pin, id: 'pin-r' });
			const a = replicaOf(live, clientA);
			const b = replicaOf(live, 200);
			Y.applyUpdate(live, captured(b, () => renamePin(b, 'pin-r', 'renamed by b')));
			const renameA = captured(a, () => renamePin(a, 'pin-r', 'renamed by a'));
			const deleter = replicaOf(live);
			const deleteName = captured(deleter, () => deleter.getMap<Y.Map<unknown>>('pins').get('pin-r')!.delete('name'));
			const crafted = Y.mergeUpdates([renameA, deleteName]);
			expect(validateUpdate(live, crafted)).toEqual(expected);
			// Check the prediction against Yjs itself.
			const copy = replicaOf(live);
			Y.applyUpdate(copy, crafted);
			expect(readRecord(copy, 'pins', 'pin-r')?.name).toBe(expected.ok ? 'renamed by a' : undefined);
		}
	});

	it('[C18] keeps a board within its byte budget, but lets a full board delete', () => {
		const validate = createUpdateValidator({ records: { pins: 100, fronts: 1, reports: 1, sectors: 1 }, boardBytes: 2_000 });
		const live = new Y.Doc();
		const client = replicaOf(live);
		let refused: string | null = null;
		for (let n = 0; n < 40 && !refused; n++) {
			const verdict = validate(live, captured(client, () => addPin(client, { ...pin, id: `pin-${n}`, note: 'x'.repeat(100) })));
			if (verdict.ok) Y.applyUpdate(live, Y.encodeStateAsUpdate(client, Y.encodeStateVector(live)));
			else refused = verdict.reason;
		}
		expect(refused).toBe('board is full (2 KiB): remove something first');
		expect(Y.encodeStateAsUpdate(live).byteLength).toBeLessThanOrEqual(2_000);
		const board = replicaOf(live);
		expect(validate(live, captured(board, () => removePin(board, 'pin-0')))).toEqual({ ok: true });
	});

	it('[C19] the room closes a refused sender with 4422 and the reason; nothing is applied, logged or sent', async () => {
		const live = new Y.Doc();
		addPin(live, { ...pin, id: 'pin-a' });
		const storage = memoryStorage();
		const room = new Room('b', live, 0, NO_KEYFRAME, 0, {
			storage,
			validator: validateUpdate,
			logger: { info() {}, warn() {} },
			keyframes: new Keyframes(inThreadShadows(), storage, keyframeEvery(1000), { info() {}, warn() {} }),
			maxBufferedBytes: 1 << 20
		});
		const [sender, watcher] = [new MemorySocket(), new MemorySocket()];
		const connection = new Connection(sender, 'raw');
		room.join(connection);
		room.join(new Connection(watcher, 'watcher'));
		const before = Y.encodeStateAsUpdate(live);
		const client = replicaOf(live);
		const bad = captured(client, () => client.getMap<Y.Map<unknown>>('pins').get('pin-a')!.set('lat', 123));
		room.receive(connection, messages.encodeUpdate(bad));
		await room.flush();
		expect(sender.closedWith).toEqual({ code: CLOSE_CODES.rejected, reason: 'pins/pin-a.lat: must be between -90 and 90 (got 123)' });
		expect(watcher.closedWith).toBeNull();
		expect(Y.encodeStateAsUpdate(live)).toEqual(before);
		expect(storage.log).toHaveLength(0);
		expect(watcher.sent.map((message) => messages.decodeMessage(message).type)).not.toContain('update');
	});
});
