/**
 * [B1] Bounded cost per watcher, in a room without a network: repeated asks for the whole state are
 * merged while a reply is in flight, every send checks the receiver's queue, and a receiver that
 * lags is no longer read until its catch-up.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addPin } from '../../src/lib/model/pin-operations';
import * as messages from '../../server/rooms/sync-messages';
import { awarenessFrame } from '../helpers/awareness-frame';
import { testRoom } from '../helpers/test-room';
import { waitFor } from '../helpers/wait-for';

const EMPTY_ASK = messages.encodeSyncStep1(Y.encodeStateVector(new Y.Doc()));
const replies = (sent: Uint8Array[]) => sent.filter((message) => messages.decodeMessage(message).type === 'update').length;

function pinUpdate(name: string): Uint8Array {
	const doc = new Y.Doc();
	addPin(doc, { name, lat: 49, lng: 37 });
	return Y.encodeStateAsUpdate(doc);
}

describe('sync replies', () => {
	it('[B1] asks while a reply is unwritten are merged into one reply, sent once it is written', async () => {
		const { room, join } = testRoom();
		const asker = join('asker');
		asker.socket.holdWrites = true;
		for (let i = 0; i < 1000; i++) room.receive(asker.connection, EMPTY_ASK);
		expect(replies(asker.socket.sent)).toBe(1);
		asker.socket.flushWrites();
		expect(replies(asker.socket.sent)).toBe(2);
		asker.socket.flushWrites();
		expect(replies(asker.socket.sent)).toBe(2);
	});

	it('[B1] a receiver over the cap gets no reply, relay or echo and is not read; once drained, one catch-up', async () => {
		const { room, join } = testRoom();
		const writer = join('writer');
		const slow = join('slow');
		slow.socket.bufferedAmount = 2 << 20;
		const before = slow.socket.sent.length;
		room.receive(slow.connection, EMPTY_ASK);
		room.receive(writer.connection, awarenessFrame([7, 1, { user: 'writer' }]));
		room.receive(writer.connection, messages.encodeUpdate(pinUpdate('Lyman')));
		await waitFor(() => room.loggedSeq === 1);
		expect(slow.socket.sent.length).toBe(before);
		expect(slow.socket.inputPaused).toBe(true);
		slow.socket.bufferedAmount = 0;
		await waitFor(() => !slow.connection.lagging, { what: 'the catch-up' });
		const types = slow.socket.sent.slice(before).map((message) => messages.decodeMessage(message).type);
		expect(types).toEqual(['update', 'awareness']);
		expect(slow.socket.inputPaused).toBe(false);
	});
});
