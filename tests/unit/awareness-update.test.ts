/**
 * Our reading of the y-protocols awareness update: the same entries y-protocols writes, and a
 * named MalformedAwareness for anything that does not parse, never a partial result.
 */
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { decodeAwarenessUpdate, encodeAwarenessUpdate, MalformedAwareness } from '../../server/rooms/awareness-update';

/** An update written by hand: count, then each entry's id, clock and state bytes as given. */
function handWritten(count: number, entries: { id: number; clock: number; state: Uint8Array | string }[], tail: number[] = []): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, count);
	for (const { id, clock, state } of entries) {
		encoding.writeVarUint(encoder, id);
		encoding.writeVarUint(encoder, clock);
		if (typeof state === 'string') encoding.writeVarString(encoder, state);
		else encoding.writeVarUint8Array(encoder, state);
	}
	for (const byte of tail) encoding.writeUint8(encoder, byte);
	return encoding.toUint8Array(encoder);
}

describe('awareness update decoding', () => {
	it('reads what y-protocols writes: ids, clocks, states (null for a client that left) and their sizes', () => {
		const doc = new Y.Doc();
		const awareness = new awarenessProtocol.Awareness(doc);
		awareness.setLocalState({ presence: { name: 'Оле́на' } });
		const other = new awarenessProtocol.Awareness(new Y.Doc());
		other.setLocalState(null);
		const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
		const [entry] = decodeAwarenessUpdate(update);
		expect(entry).toMatchObject({ clientId: doc.clientID, clock: 1, state: { presence: { name: 'Оле́на' } } });
		expect(entry?.bytes).toBe(new TextEncoder().encode(JSON.stringify({ presence: { name: 'Оле́на' } })).length);
		const left = decodeAwarenessUpdate(awarenessProtocol.encodeAwarenessUpdate(other, [other.clientID]));
		expect(left).toEqual([{ clientId: other.clientID, clock: 1, state: null, json: 'null', bytes: 4 }]);
		expect(decodeAwarenessUpdate(handWritten(0, []))).toEqual([]);
		awareness.destroy();
		other.destroy();
	});

	it('writes back exactly what y-protocols applies, with the JSON unchanged', () => {
		const entries = decodeAwarenessUpdate(handWritten(2, [
			{ id: 7, clock: 3, state: '{"presence":{"name":"Taras"},"x":1}' },
			{ id: 2 ** 32 - 1, clock: 9, state: 'null' }
		]));
		const encoded = encodeAwarenessUpdate(entries);
		expect(decodeAwarenessUpdate(encoded)).toEqual(entries);
		const target = new awarenessProtocol.Awareness(new Y.Doc());
		awarenessProtocol.applyAwarenessUpdate(target, encoded, 'test');
		expect(target.getStates().get(7)).toEqual({ presence: { name: 'Taras' }, x: 1 });
		expect(target.meta.get(2 ** 32 - 1)?.clock).toBe(9);
		target.destroy();
	});

	it.each([
		['an empty buffer', new Uint8Array([]), /cut short in the entry count/],
		['a count with no entries after it', handWritten(2, []), /cut short in the client id of entry 1 of 2/],
		['an entry cut inside its clock', new Uint8Array([1, 5, 0x80]), /cut short in the clock of entry 1 of 1/],
		['a state longer than the bytes left', new Uint8Array([1, 5, 1, 20, 0x7b, 0x7d]), /cut short in the state of entry 1 of 1/],
		['a second entry missing', handWritten(2, [{ id: 1, clock: 1, state: '{}' }]), /entry 2 of 2/],
		['a varUint past 2^53', new Uint8Array([1, ...Array(9).fill(0xff), 1, 1, 2, 0x7b, 0x7d]), /cut short in the client id/],
		['bytes after the last entry', handWritten(1, [{ id: 1, clock: 1, state: '{}' }], [0, 0]), /2 bytes after its 1 entries/],
		['a state that is not UTF-8', handWritten(1, [{ id: 4, clock: 1, state: new Uint8Array([0xff, 0xfe]) }]), /client 4 is not UTF-8/],
		['a state that is not JSON', handWritten(1, [{ id: 4, clock: 1, state: '{presence:' }]), /client 4 is not JSON/]
	])('refuses %s with a MalformedAwareness naming what is wrong', (_what, bytes, message) => {
		expect(() => decodeAwarenessUpdate(bytes)).toThrow(MalformedAwareness);
		expect(() => decodeAwarenessUpdate(bytes)).toThrow(message);
	});

	it('never reads past the update when it is a view into a larger buffer', () => {
		// ws hands over frames that may be views into a pooled buffer: the bytes after the view are not ours.
		const pool = new Uint8Array([1, 5, 1, 2, 0x7b, 0x7d, 0x7b, 0x7d, 0, 0]);
		const view = pool.subarray(0, 5); // the state's length says 2 bytes, only 1 is in the view
		expect(() => decodeAwarenessUpdate(view)).toThrow(/cut short in the state/);
	});
});
