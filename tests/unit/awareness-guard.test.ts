/**
 * The awareness guard inside a room over in-memory sockets: a connection sets and removes only
 * the awareness ids it owns, states have the presence shape and a size cap, and the honest
 * relays of stock clients (echoes, a reconnecting tab's same id) never close anyone.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CLOSE_CODES } from '../../src/lib/protocol/close-codes';
import { MAX_AWARENESS_STATE_BYTES, PRESENCE_FIELD, type Presence } from '../../src/lib/protocol/presence';
import { awarenessStateProblem } from '../../server/rooms/awareness-guard';
import { decodeAwarenessUpdate } from '../../server/rooms/awareness-update';
import * as messages from '../../server/rooms/sync-messages';
import { awarenessFrame as frame } from '../helpers/awareness-frame';
import type { MemorySocket } from '../helpers/memory-socket';
import { testRoom } from '../helpers/test-room';

const presence = (name: string, lat = 49.2): Presence => ({
	name,
	colour: '#4363d8',
	activity: 'active',
	sector: null,
	cursor: { lat, lng: 37.3 },
	view: { lat: 49.2, lng: 37.3, zoom: 9 }
});
const withPresence = (value: unknown) => ({ [PRESENCE_FIELD]: value });

const observers: awarenessProtocol.Awareness[] = [];
afterEach(() => observers.splice(0).forEach((awareness) => awareness.destroy()));

/** The awareness states a watcher holds after applying everything its socket received. */
function statesSeenBy(socket: MemorySocket): Map<number, unknown> {
	const awareness = new awarenessProtocol.Awareness(new Y.Doc());
	observers.push(awareness);
	awareness.setLocalState(null);
	for (const message of socket.sent) {
		const decoded = messages.decodeMessage(message);
		if (decoded.type === 'awareness') awarenessProtocol.applyAwarenessUpdate(awareness, decoded.update, 'server');
	}
	return awareness.getStates();
}

/** How many awareness messages a socket received that carry `clientId`. */
const mentions = (socket: MemorySocket, clientId: number) =>
	socket.sent.filter((message) => {
		const decoded = messages.decodeMessage(message);
		return decoded.type === 'awareness' && decodeAwarenessUpdate(decoded.update).some((entry) => entry.clientId === clientId);
	}).length;

const OLENA = 1001;
const TARAS = 2002;

describe('awareness guard: ownership', () => {
	it('[A1] another connection cannot remove or rewrite a watcher’s state; the rest of its message applies and it stays open', () => {
		const { room, join } = testRoom();
		const olena = join('Olena');
		const taras = join('Taras');
		const maya = join('Maya');
		room.receive(olena.connection, frame([OLENA, 1, withPresence(presence('Olena'))]));
		room.receive(taras.connection, frame([TARAS, 1, withPresence(presence('Taras'))]));

		room.receive(taras.connection, frame([OLENA, 50, null]));
		room.receive(taras.connection, frame([OLENA, 51, withPresence(presence('Taras the impostor'))], [TARAS, 2, withPresence(presence('Taras', 50))]));

		expect(taras.socket.closedWith).toBeNull();
		const seen = statesSeenBy(maya.socket);
		expect(seen.get(OLENA)).toEqual(withPresence(presence('Olena')));
		expect(seen.get(TARAS)).toEqual(withPresence(presence('Taras', 50)));
		expect(room.awareness.meta.get(OLENA)?.clock).toBe(1);
	});

	it('[A2] echoes of what the room has (a stock provider re-sends every change) are skipped, whoever sends them', () => {
		const { room, join } = testRoom();
		const olena = join('Olena');
		const taras = join('Taras');
		room.receive(olena.connection, frame([OLENA, 3, withPresence(presence('Olena'))]));
		const before = mentions(taras.socket, OLENA);
		room.receive(taras.connection, frame([OLENA, 3, withPresence(presence('Olena'))]));
		room.receive(taras.connection, frame([OLENA, 2, null]));
		room.receive(olena.connection, frame([OLENA, 3, withPresence(presence('Olena'))]));
		expect(olena.socket.closedWith).toBeNull();
		expect(taras.socket.closedWith).toBeNull();
		expect(mentions(taras.socket, OLENA)).toBe(before);
	});

	it('[A3] the owner keeps its id after setting it to null; nobody else can bring it back meanwhile', () => {
		const { room, join } = testRoom();
		const olena = join('Olena');
		const taras = join('Taras');
		const maya = join('Maya');
		room.receive(olena.connection, frame([OLENA, 1, withPresence(presence('Olena'))]));
		room.receive(olena.connection, frame([OLENA, 2, null]));
		room.receive(taras.connection, frame([OLENA, 3, withPresence(presence('Ghost'))]));
		expect(statesSeenBy(maya.socket).has(OLENA)).toBe(false);
		room.receive(olena.connection, frame([OLENA, 4, withPresence(presence('Olena'))]));
		expect(statesSeenBy(maya.socket).get(OLENA)).toEqual(withPresence(presence('Olena')));
	});

	it('[A4] a tab back with the same id while its old socket still looks alive takes it over when that socket goes', () => {
		const { room, join } = testRoom();
		const old = join('Olena');
		const maya = join('Maya');
		room.receive(old.connection, frame([OLENA, 5, withPresence(presence('Olena'))]));
		const reconnected = join('Olena');
		room.receive(reconnected.connection, frame([OLENA, 6, withPresence(presence('Olena', 50))]));
		room.receive(reconnected.connection, frame([OLENA, 7, withPresence(presence('Olena', 51))]));
		expect(reconnected.socket.closedWith).toBeNull();
		expect(statesSeenBy(maya.socket).get(OLENA)).toEqual(withPresence(presence('Olena')));

		const sentBefore = maya.socket.sent.length;
		room.leave(old.connection);
		// One message, the newest claim: no moment without her in between.
		expect(maya.socket.sent.length).toBe(sentBefore + 1);
		expect(statesSeenBy(maya.socket).get(OLENA)).toEqual(withPresence(presence('Olena', 51)));
		room.receive(reconnected.connection, frame([OLENA, 8, withPresence(presence('Olena', 52))]));
		expect(statesSeenBy(maya.socket).get(OLENA)).toEqual(withPresence(presence('Olena', 52)));
		room.leave(reconnected.connection);
		expect(statesSeenBy(maya.socket).has(OLENA)).toBe(false);
	});

	it('[A5] when the owner leaves, a claim the room has already seen (an echo) does not bring its state back', () => {
		const { room, join } = testRoom();
		const olena = join('Olena');
		const sibling = join('Olena, other tab');
		const maya = join('Maya');
		// The sibling tab relays Olena's state before her own socket delivers it: dropped, kept as a claim.
		room.receive(olena.connection, frame([OLENA, 1, withPresence(presence('Olena'))]));
		room.receive(sibling.connection, frame([OLENA, 2, withPresence(presence('Olena', 50))]));
		room.receive(olena.connection, frame([OLENA, 2, withPresence(presence('Olena', 50))]));
		room.leave(olena.connection);
		expect(statesSeenBy(maya.socket).has(OLENA)).toBe(false);
		expect(sibling.socket.closedWith).toBeNull();
	});

	it('[A6] a refused connection no longer holds its ids, and its leaving later removes nothing of the new owner', () => {
		const { room, join } = testRoom();
		const rogue = join('rogue');
		const maya = join('Maya');
		room.receive(rogue.connection, frame([OLENA, 1, withPresence(presence('Olena'))]));
		room.receive(rogue.connection, frame([TARAS, 1, withPresence({ ...presence('x'), colour: 'red' })]));
		expect(rogue.socket.closedWith?.code).toBe(CLOSE_CODES.rejected);
		const olena = join('Olena');
		room.receive(olena.connection, frame([OLENA, 2, withPresence(presence('Olena', 50))]));
		room.leave(rogue.connection);
		expect(statesSeenBy(maya.socket).get(OLENA)).toEqual(withPresence(presence('Olena', 50)));
	});

	it('[A7] nobody may set the room’s own id, and a null for a state the room lacks does not move its clock', () => {
		const { room, join } = testRoom();
		const rogue = join('rogue');
		room.receive(rogue.connection, frame([room.awareness.clientID, 99, withPresence(presence('Server'))]));
		expect(room.awareness.getStates().has(room.awareness.clientID)).toBe(false);
		room.receive(rogue.connection, frame([OLENA, 2 ** 40, null]));
		expect(room.awareness.meta.has(OLENA)).toBe(false);
		const olena = join('Olena');
		room.receive(olena.connection, frame([OLENA, 1, withPresence(presence('Olena'))]));
		expect(room.awareness.getStates().get(OLENA)).toEqual(withPresence(presence('Olena')));
		expect(rogue.socket.closedWith).toBeNull();
	});

	it('[A12] a state another node set cannot be changed from here while it stands; a tab that moved here with that id takes it over once the other node lets go', () => {
		const { room, join } = testRoom();
		const maya = join('Maya');
		const impostor = join('Impostor');
		const fromPeer = (...entries: [number, number, unknown][]) => messages.decodeMessage(frame(...entries));
		const peerUpdate = (...entries: [number, number, unknown][]) => {
			const decoded = fromPeer(...entries);
			if (decoded.type !== 'awareness') throw new Error('not an awareness frame');
			room.applyPeerAwareness(decoded.update);
		};
		peerUpdate([OLENA, 3, withPresence(presence('Olena on node A'))]);
		expect(statesSeenBy(maya.socket).get(OLENA)).toEqual(withPresence(presence('Olena on node A')));

		room.receive(impostor.connection, frame([OLENA, 9, withPresence(presence('Not Olena'))]));
		room.receive(impostor.connection, frame([OLENA, 10, null]));
		expect(impostor.socket.closedWith).toBeNull();
		expect(statesSeenBy(maya.socket).get(OLENA)).toEqual(withPresence(presence('Olena on node A')));
		room.leave(impostor.connection);

		// Her tab reconnects here with the same id before node A has noticed she left it.
		const moved = join('Olena');
		room.receive(moved.connection, frame([OLENA, 5, withPresence(presence('Olena, moved', 50))]));
		expect(statesSeenBy(maya.socket).get(OLENA)).toEqual(withPresence(presence('Olena on node A')));
		peerUpdate([OLENA, 4, null]);
		expect(statesSeenBy(maya.socket).get(OLENA)).toEqual(withPresence(presence('Olena, moved', 50)));
		room.receive(moved.connection, frame([OLENA, 6, withPresence(presence('Olena, moved', 51))]));
		expect(statesSeenBy(maya.socket).get(OLENA)).toEqual(withPresence(presence('Olena, moved', 51)));
	});
});

describe('awareness guard: shape', () => {
	it.each([
		['a presence with a bad colour', withPresence({ ...presence('Olena'), colour: 'url(javascript:x)' }), /^presence of client 1001: colour a colour is #rrggbb$/],
		['a presence with an empty name', withPresence(presence(' ')), /^presence of client 1001: name /],
		['a presence off the globe', withPresence({ ...presence('Olena'), cursor: { lat: 91, lng: 0 } }), /^presence of client 1001: cursor\.lat /],
		['a presence that is null', withPresence(null), /^presence of client 1001: /],
		['a state that is a number', 42, /^awareness state of client 1001 is not an object$/],
		['a state that is an array', [withPresence(presence('Olena'))], /^awareness state of client 1001 is not an object$/],
		['a state over the cap', { note: 'x'.repeat(MAX_AWARENESS_STATE_BYTES) }, new RegExp(`^awareness state of client 1001 is \\d+ bytes; at most ${MAX_AWARENESS_STATE_BYTES}$`)]
	])('[A8] %s is refused (4422, naming it) and nothing of its message is applied', (_what, state, reason) => {
		const { room, join } = testRoom();
		const sender = join('sender');
		const maya = join('Maya');
		room.receive(sender.connection, frame([TARAS, 1, withPresence(presence('Taras'))], [OLENA, 1, state]));
		expect(sender.socket.closedWith?.code).toBe(CLOSE_CODES.rejected);
		expect(sender.socket.closedWith?.reason).toMatch(reason);
		expect(statesSeenBy(maya.socket).size).toBe(0);
		expect(room.awareness.getStates().size).toBe(0);
	});

	it('[A9] a state without a presence (a stock Yjs client, another tool) and a null state pass', () => {
		const { room, join } = testRoom();
		const tool = join('tool');
		const maya = join('Maya');
		room.receive(tool.connection, frame([TARAS, 1, { user: { name: 'editor bot', color: '#123456' } }], [OLENA, 1, {}]));
		room.receive(tool.connection, frame([OLENA, 2, null]));
		expect(tool.socket.closedWith).toBeNull();
		const seen = statesSeenBy(maya.socket);
		expect(seen.get(TARAS)).toEqual({ user: { name: 'editor bot', color: '#123456' } });
		expect(seen.has(OLENA)).toBe(false);
	});

	it('[A10] the largest presence the schema allows fits the cap with room to spare', () => {
		const largest: Presence = {
			name: '\u0001'.repeat(64),
			colour: '#ABCDEF',
			activity: 'active',
			sector: 's'.repeat(64),
			// eslint-disable-next-line no-loss-of-precision -- the longest numbers JSON can carry: digits past a double's on purpose
			cursor: { lat: -89.12345678901234, lng: -179.12345678901234 },
			// eslint-disable-next-line no-loss-of-precision -- as above
			view: { lat: -89.12345678901234, lng: -179.12345678901234, zoom: 12.345678901234567 }
		};
		const json = JSON.stringify(withPresence(largest));
		const bytes = new TextEncoder().encode(json).length;
		expect(awarenessStateProblem({ clientId: 1, clock: 1, state: withPresence(largest), json, bytes })).toBeNull();
		expect(bytes * 2).toBeLessThan(MAX_AWARENESS_STATE_BYTES);
	});

	it('[A11] bytes that are not an awareness update, or an id twice in one, close the sender with 4400 and the reason', () => {
		const { room, join } = testRoom();
		const garbled = join('garbled');
		room.receive(garbled.connection, messages.encodeAwareness(new Uint8Array([2, 1, 1])));
		expect(garbled.socket.closedWith).toEqual({ code: CLOSE_CODES.malformed, reason: 'awareness update is cut short in the state of entry 1 of 2' });
		const twice = join('twice');
		room.receive(twice.connection, frame([OLENA, 1, {}], [OLENA, 2, null]));
		expect(twice.socket.closedWith).toEqual({ code: CLOSE_CODES.malformed, reason: 'client 1001 appears twice in one awareness update' });
	});
});
