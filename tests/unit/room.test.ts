import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addPin } from '../../src/lib/model/pin-operations';
import { readAll } from '../../src/lib/model/records';
import { CLOSE_CODES } from '../../src/lib/protocol/close-codes';
import { closeReason } from '../../server/rooms/room';
import { serverOrigin } from '../../server/rooms/origins';
import { inThreadShadows, type ShadowHost } from '../../server/rooms/shadow-host';
import * as messages from '../../server/rooms/sync-messages';
import { testRoom } from '../helpers/test-room';
import { waitFor } from '../helpers/wait-for';

function setup(events: string[] = [], keyframeInterval = 1000, host?: ShadowHost) {
	const { storage, room, join } = testRoom({ events, keyframeInterval, host });
	// Every send is an event, so a test can tell whether the log was written before a watcher heard.
	const joinLogged = (actor: string) => {
		const watcher = join(actor);
		const originalSend = watcher.socket.send.bind(watcher.socket);
		watcher.socket.send = (message) => {
			events.push(`send to ${actor}`);
			originalSend(message);
		};
		return watcher;
	};
	return { storage, room, join: joinLogged };
}

/** An update as a client would send it: a pin added on the client's own replica. */
function pinUpdate(name: string): Uint8Array {
	const doc = new Y.Doc();
	addPin(doc, { name, lat: 49, lng: 37 });
	return Y.encodeStateAsUpdate(doc);
}

describe('room', () => {
	it('[R1] appends an update to the log before any other watcher receives it', async () => {
		const events: string[] = [];
		const { room, join, storage } = setup(events);
		const olena = join('Olena');
		join('Taras');
		events.length = 0;
		room.receive(olena.connection, messages.encodeUpdate(pinUpdate('Kupiansk')));
		await waitFor(() => events.includes('send to Taras'));
		expect(events.indexOf('append 1')).toBeGreaterThanOrEqual(0);
		expect(events.indexOf('append 1')).toBeLessThan(events.indexOf('send to Taras'));
		expect(storage.log[0]?.actor).toBe('Olena');
		expect(events).not.toContain('send to Olena');
	});

	it('[R2] merges the updates of one tick into one logged batch and one message per watcher', async () => {
		const events: string[] = [];
		const { room, join, storage } = setup(events);
		const a = join('a');
		const b = join('b');
		const watcher = join('watcher');
		const before = watcher.socket.sent.length;
		room.receive(a.connection, messages.encodeUpdate(pinUpdate('one')));
		room.receive(b.connection, messages.encodeUpdate(pinUpdate('two')));
		await waitFor(() => storage.log.length === 2);
		await waitFor(() => watcher.socket.sent.length > before);
		expect(events.filter((event) => event.startsWith('append'))).toEqual(['append 2']);
		expect(watcher.socket.sent.length - before).toBe(1);
		expect(readAll(watcher.socket.replica(), 'pins').map((pin) => pin.name).sort()).toEqual(['one', 'two']);
	});

	it('[R3] a sync request is answered only with logged state', async () => {
		const { room, join, storage } = setup();
		const writer = join('writer');
		room.receive(writer.connection, messages.encodeUpdate(pinUpdate('Izium')));
		const late = join('late');
		room.receive(late.connection, messages.encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
		// The reply must wait for the append of the tick it arrived in.
		expect(late.socket.sent.some((message) => messages.decodeMessage(message).type === 'update')).toBe(false);
		await waitFor(() => late.socket.sent.some((message) => messages.decodeMessage(message).type === 'update'));
		expect(storage.log).toHaveLength(1);
		expect(readAll(late.socket.replica(), 'pins').map((pin) => pin.name)).toEqual(['Izium']);
	});

	it('[R4] a malformed frame closes only the sender, and the board is unchanged', async () => {
		const { room, join, storage } = setup();
		const good = join('good');
		const bad = join('bad');
		room.receive(good.connection, messages.encodeUpdate(pinUpdate('Lyman')));
		await waitFor(() => storage.log.length === 1);
		for (const garbage of [new Uint8Array([0, 2, 50, 1, 2]), new Uint8Array([7]), new Uint8Array([0, 0]), new Uint8Array([])]) {
			const victim = join('victim');
			room.receive(victim.connection, garbage);
			expect(victim.socket.closedWith?.code).toBe(CLOSE_CODES.malformed);
		}
		room.receive(bad.connection, messages.encodeUpdate(new Uint8Array([1, 2, 3, 4, 5])));
		expect(bad.socket.closedWith?.code).toBe(CLOSE_CODES.malformed);
		expect(good.socket.closedWith).toBeNull();
		expect(readAll(room.doc, 'pins').map((pin) => pin.name)).toEqual(['Lyman']);
		expect(storage.log).toHaveLength(1);
	});

	it('[R5] refuses an update that creates an unknown top-level type, with the reason', () => {
		const { room, join, storage } = setup();
		const client = join('client');
		const doc = new Y.Doc();
		doc.getMap('not-a-board-thing').set('x', 1);
		room.receive(client.connection, messages.encodeUpdate(Y.encodeStateAsUpdate(doc)));
		expect(client.socket.closedWith).toEqual({ code: CLOSE_CODES.rejected, reason: 'unknown top-level type "not-a-board-thing"' });
		expect(room.doc.share.has('not-a-board-thing')).toBe(false);
		expect(storage.log).toHaveLength(0);
	});

	it('[R6] writes a keyframe every keyframeInterval updates that reproduces the state', async () => {
		const { room, join, storage } = setup([], 3);
		const client = join('client');
		for (const name of ['a', 'b', 'c', 'd']) {
			room.receive(client.connection, messages.encodeUpdate(pinUpdate(name)));
			await waitFor(() => storage.log.length === ['a', 'b', 'c', 'd'].indexOf(name) + 1);
		}
		await waitFor(() => storage.keyframes.length === 1);
		const keyframe = storage.keyframes[0]!;
		expect(keyframe.seq).toBe(3);
		const restored = new Y.Doc();
		Y.applyUpdate(restored, keyframe.state);
		for (const entry of storage.log.filter((e) => e.seq > keyframe.seq)) Y.applyUpdate(restored, entry.update);
		expect(readAll(restored, 'pins').length).toBe(4);
	});

	it('[R12] an unloading room writes a keyframe at the head only when one is due and was not taken', async () => {
		const gone: ShadowHost = { ...inThreadShadows(), snapshot: () => Promise.reject(new Error('worker gone')) };
		for (const [host, edits, expected] of [[inThreadShadows(), 1, []], [gone, 3, [3]]] as const) {
			const { room, join, storage } = setup([], 2, host);
			const client = join('client');
			for (let i = 0; i < edits; i++) {
				room.receive(client.connection, messages.encodeUpdate(pinUpdate(`pin ${i}`)));
				await waitFor(() => storage.log.length === i + 1);
			}
			await room.close();
			// One edit, below the interval: nothing to write, the next load replays it. Three with
			// the worker gone: none could be taken while the room ran, so it writes one inline.
			expect(storage.keyframes.map((keyframe) => keyframe.seq)).toEqual(expected);
		}
	});

	it('[R9] log times never go backwards, and a keyframe carries the time of the update it covers', async () => {
		const { room, storage } = setup([], 2);
		addPin(room.doc, { name: 'a', lat: 1, lng: 1 }, { origin: serverOrigin('script', 5_000) });
		addPin(room.doc, { name: 'b', lat: 1, lng: 1 }, { origin: serverOrigin('script', 1_000) });
		await waitFor(() => storage.keyframes.length === 1);
		expect(storage.log.map((entry) => entry.at)).toEqual([5_000, 5_000]);
		expect(storage.keyframes[0]).toMatchObject({ seq: 2, at: 5_000 });
	});

	it('[R7] while the log cannot be written nobody receives the change, new edits are refused (4507) and watchers stay; once it is back the kept change is logged, then sent', async () => {
		const { room, join, storage } = setup();
		const writer = join('writer');
		const watcher = join('watcher');
		const other = join('other');
		const sentBefore = watcher.socket.sent.length;
		storage.down = true;
		room.receive(writer.connection, messages.encodeUpdate(pinUpdate('kept')));
		await waitFor(() => storage.failedAppends >= 2, { what: 'the append to fail, then be tried again' });
		expect(watcher.socket.sent.length).toBe(sentBefore);
		expect(watcher.socket.closedWith).toBeNull();
		// A new edit is refused with a named code a stock client retries (45xx); its sender keeps it.
		// It is held unread first (a client would reconnect and resend it at once), and closed when
		// the hold ends or the log is back, whichever comes first.
		room.receive(other.connection, messages.encodeUpdate(pinUpdate('refused')));
		expect(other.socket.inputPaused).toBe(true);
		expect(other.socket.closedWith).toBeNull();
		// The records API is told the same, before anything is applied.
		expect(() => room.applyChange(serverOrigin('bot'), (doc) => addPin(doc, { name: 'api', lat: 1, lng: 1 }))).toThrow(/storage unavailable/);
		storage.down = false;
		await waitFor(() => readAll(watcher.socket.replica(), 'pins').length === 1, { what: 'the kept edit to reach the watcher once logged' });
		expect(other.socket.closedWith?.code).toBe(CLOSE_CODES.storageUnavailable);
		expect(storage.log).toHaveLength(1);
		expect(readAll(watcher.socket.replica(), 'pins').map((pin) => pin.name)).toEqual(['kept']);
		expect(writer.socket.closedWith).toBeNull();
	});

	it('[R15] while the log cannot be written a watcher who joins reads the board as logged at once, never the kept change; once the log is back it gets the rest', async () => {
		// A shadow as the room keeps it, and one behind its document (in a cluster, while a gap is read back).
		const behind: ShadowHost = { ...inThreadShadows(), snapshot: async () => Y.encodeStateAsUpdate(new Y.Doc()) };
		for (const host of [inThreadShadows(), behind]) {
			const { room, join, storage } = setup([], 1000, host);
			const writer = join('writer');
			room.receive(writer.connection, messages.encodeUpdate(pinUpdate('logged')));
			await waitFor(() => storage.log.length === 1);
			storage.down = true;
			room.receive(writer.connection, messages.encodeUpdate(pinUpdate('kept')));
			await waitFor(() => storage.failedAppends >= 1, { what: 'the append to fail' });

			const newcomer = join('newcomer');
			room.receive(newcomer.connection, messages.encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
			await waitFor(() => newcomer.socket.sent.some((message) => messages.decodeMessage(message).type === 'update'), { what: 'an answer from the board as logged' });
			const names = () => readAll(newcomer.socket.replica(), 'pins').map((pin) => pin.name).sort();
			expect(names()).toEqual(host === behind ? [] : ['logged']);
			expect(newcomer.socket.closedWith).toBeNull();

			storage.down = false;
			await waitFor(() => names().length === 2, { what: 'the kept change and what the answer lacked, once logged' });
			expect(names()).toEqual(['kept', 'logged']);
			expect(storage.log).toHaveLength(2);
		}
	});

	it('[R15] a watcher who asked while the failing append was still under way is answered from the board as logged once it fails, not after the outage', async () => {
		const { room, join, storage } = setup();
		const writer = join('writer');
		room.receive(writer.connection, messages.encodeUpdate(pinUpdate('logged')));
		await waitFor(() => storage.log.length === 1);
		storage.down = true;
		room.receive(writer.connection, messages.encodeUpdate(pinUpdate('kept')));
		// Asked in the same turn: the append has not failed yet, so this ask waits for the flush.
		const newcomer = join('newcomer');
		room.receive(newcomer.connection, messages.encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
		await waitFor(() => newcomer.socket.sent.some((message) => messages.decodeMessage(message).type === 'update'), { what: 'an answer once the append failed' });
		expect(readAll(newcomer.socket.replica(), 'pins').map((pin) => pin.name)).toEqual(['logged']);
		storage.down = false;
		await waitFor(() => readAll(newcomer.socket.replica(), 'pins').length === 2, { what: 'the kept change once logged' });
	});

	it('[R8] a slow receiver stops getting messages and later gets one catch-up with everything', async () => {
		const { room, join, storage } = setup();
		const writer = join('writer');
		const slow = join('slow');
		slow.socket.bufferedAmount = 2 << 20;
		for (const name of ['a', 'b', 'c']) room.receive(writer.connection, messages.encodeUpdate(pinUpdate(name)));
		await waitFor(() => storage.log.length === 3);
		const whileSlow = slow.socket.sent.length;
		room.receive(writer.connection, messages.encodeUpdate(pinUpdate('d')));
		await waitFor(() => storage.log.length === 4);
		expect(slow.socket.sent.length).toBe(whileSlow);
		slow.socket.bufferedAmount = 0;
		await waitFor(() => readAll(slow.socket.replica(), 'pins').length === 4, { what: 'catch-up' });
	});

	it('[R10] an update that arrives before what it depends on gets a resync, not a fatal close', () => {
		const { room, join, storage } = setup();
		const client = join('offline editor');
		const replica = new Y.Doc();
		addPin(replica, { id: 'pin-a', name: 'a', lat: 1, lng: 1 });
		const first = Y.encodeStateAsUpdate(replica);
		const vector = Y.encodeStateVector(replica);
		addPin(replica, { id: 'pin-b', name: 'b', lat: 2, lng: 2 });
		const second = Y.encodeStateAsUpdate(replica, vector);
		const sentBefore = client.socket.sent.length;
		room.receive(client.connection, messages.encodeUpdate(second));
		expect(client.socket.closedWith).toBeNull();
		expect(messages.decodeMessage(client.socket.sent[sentBefore]!).type).toBe('sync-step-1');
		expect(readAll(room.doc, 'pins')).toEqual([]);
		room.receive(client.connection, messages.encodeUpdate(Y.mergeUpdates([first, second])));
		expect(readAll(room.doc, 'pins').map((pin) => pin.name).sort()).toEqual(['a', 'b']);
		expect(storage.log.length).toBe(0); // logged at the next flush, not before
	});

	it('[R11] close reasons fit the 123-byte limit even when cut inside a character', () => {
		expect(closeReason('short')).toBe('short');
		const cut = closeReason('pins/'.concat('ж'.repeat(100)));
		expect(new TextEncoder().encode(cut).length).toBeLessThanOrEqual(123);
		expect(cut).not.toContain('\uFFFD');
	});
});
