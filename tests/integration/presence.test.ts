/**
 * Presence over Yjs awareness through the real server: what one watcher announces reaches the
 * others, a dropped watcher's entries vanish for everyone, presence never enters the log, and a
 * watcher can neither remove nor rewrite another's presence nor announce one that does not fit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { addPin } from '../../src/lib/model/pin-operations';
import { CLOSE_CODES } from '../../src/lib/protocol/close-codes';
import { ACTOR_PARAM, YJS_PATH } from '../../src/lib/protocol/endpoints';
import { HISTORY_API, type HistorySummary } from '../../src/lib/protocol/history';
import { PRESENCE_FIELD, readPresence, type Presence } from '../../src/lib/protocol/presence';
import { decodeMessage, encodeSyncStep1 } from '../../server/rooms/sync-messages';
import { awarenessFrame } from '../helpers/awareness-frame';
import { createBoard } from '../helpers/http';
import { startServer, type ServerProcess } from '../helpers/server-process';
import { waitFor } from '../helpers/wait-for';
import { connectSynced, type YjsClient } from '../helpers/yjs-client';

let server: ServerProcess;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.stop();
});

const presence = (name: string, sector: string | null): Presence => ({
	name,
	colour: '#4363d8',
	activity: 'active',
	sector,
	cursor: { lat: 49.2, lng: 37.3 },
	view: { lat: 49.2, lng: 37.3, zoom: 9 }
});

/** The valid presences a client sees from others, by name. */
function seenBy(client: YjsClient): Map<string, Presence> {
	const seen = new Map<string, Presence>();
	for (const [clientId, state] of client.provider.awareness.getStates()) {
		if (clientId === client.doc.clientID) continue;
		const read = readPresence(state);
		if (read) seen.set(read.name, read);
	}
	return seen;
}

/** The socket under a stock provider, to send what the provider never would. */
const socketOf = (client: YjsClient) => client.provider.ws as unknown as WebSocket;

/** A bare y-websocket connection: sends frames, and can wait until the server has handled them. */
async function rawSocket(url: string) {
	const ws = new WebSocket(url);
	let closed = false;
	let syncReplies = 0;
	ws.on('close', () => (closed = true));
	ws.on('message', (data: Buffer) => {
		if (decodeMessage(new Uint8Array(data)).type === 'update') syncReplies++;
	});
	await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
	return {
		send: (frame: Uint8Array) => ws.send(frame),
		get closed() {
			return closed;
		},
		/** Asks for the board's state: the answer comes after everything sent before it was handled. */
		async roundTrip() {
			const before = syncReplies;
			ws.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
			await waitFor(() => syncReplies > before || closed, { what: 'the sync answer' });
		},
		close: () => ws.close()
	};
}

/** Cuts a client's socket without a goodbye (no close frame, no awareness removal) and stops it reconnecting. */
function drop(client: YjsClient): void {
	client.provider.shouldConnect = false;
	socketOf(client).terminate();
}

describe('presence over awareness', () => {
	it("two named watchers' presence, sector and cursor reach a third client", async () => {
		const { id } = await createBoard(server.url, 'Presence');
		const olena = await connectSynced(server.wsUrl, id, 'Olena');
		const taras = await connectSynced(server.wsUrl, id, 'Taras');
		olena.provider.awareness.setLocalStateField(PRESENCE_FIELD, presence('Olena', 'sector-izyum'));
		taras.provider.awareness.setLocalStateField(PRESENCE_FIELD, presence('Taras', 'sector-lyman'));
		// Maya joins after both announced: the server hands a newcomer everyone already here.
		const maya = await connectSynced(server.wsUrl, id, 'Maya');
		const seen = await waitFor(() => (seenBy(maya).size === 2 ? seenBy(maya) : null), { what: 'Maya to see Olena and Taras' });
		expect(seen.get('Olena')).toEqual(presence('Olena', 'sector-izyum'));
		expect(seen.get('Taras')?.sector).toBe('sector-lyman');

		// A later change (a cursor move) reaches her too.
		olena.provider.awareness.setLocalStateField(PRESENCE_FIELD, { ...presence('Olena', 'sector-izyum'), cursor: { lat: 50, lng: 36.25 } });
		await waitFor(() => seenBy(maya).get('Olena')?.cursor?.lat === 50, { what: "Olena's cursor move to reach Maya" });
		for (const client of [olena, taras, maya]) client.destroy();
	});

	it("a dropped client's awareness entries vanish for the others within seconds", async () => {
		const { id } = await createBoard(server.url, 'Drop');
		const olena = await connectSynced(server.wsUrl, id, 'Olena');
		const taras = await connectSynced(server.wsUrl, id, 'Taras');
		const maya = await connectSynced(server.wsUrl, id, 'Maya');
		olena.provider.awareness.setLocalStateField(PRESENCE_FIELD, presence('Olena', null));
		taras.provider.awareness.setLocalStateField(PRESENCE_FIELD, presence('Taras', null));
		await waitFor(() => seenBy(maya).size === 2, { what: 'Maya to see both' });

		const droppedAt = Date.now();
		drop(olena);
		await waitFor(() => !maya.provider.awareness.getStates().has(olena.doc.clientID), { timeoutMs: 5_000, what: "Olena's entry to vanish for Maya" });
		await waitFor(() => !taras.provider.awareness.getStates().has(olena.doc.clientID), { timeoutMs: 5_000, what: "Olena's entry to vanish for Taras" });
		expect(Date.now() - droppedAt).toBeLessThan(3_000);
		expect([...seenBy(maya).keys()]).toEqual(['Taras']);
		olena.destroy();
		taras.destroy();
		maya.destroy();
	});

	it('a watcher cannot remove or rewrite another’s presence: it is ignored, and both stay connected', async () => {
		const { id } = await createBoard(server.url, 'Spoof');
		const olena = await connectSynced(server.wsUrl, id, 'Olena');
		const taras = await connectSynced(server.wsUrl, id, 'Taras');
		const maya = await connectSynced(server.wsUrl, id, 'Maya');
		olena.provider.awareness.setLocalStateField(PRESENCE_FIELD, presence('Olena', 'sector-izyum'));
		taras.provider.awareness.setLocalStateField(PRESENCE_FIELD, presence('Taras', null));
		await waitFor(() => seenBy(maya).size === 2, { what: 'Maya to see both' });

		// Taras's socket sends, with clocks well ahead of Olena's: her removal, then her impersonation.
		const olenaId = olena.doc.clientID;
		const clock = olena.provider.awareness.meta.get(olenaId)!.clock;
		socketOf(taras).send(awarenessFrame([olenaId, clock + 100, null]));
		socketOf(taras).send(awarenessFrame([olenaId, clock + 101, { [PRESENCE_FIELD]: { ...presence('Olena', null), colour: '#000075' } }]));
		// Then a change of his own on the same socket: once it reaches Maya, the two before it were handled.
		taras.provider.awareness.setLocalStateField(PRESENCE_FIELD, presence('Taras', 'sector-lyman'));
		await waitFor(() => seenBy(maya).get('Taras')?.sector === 'sector-lyman', { what: "Taras's own change to reach Maya" });

		expect(seenBy(maya).get('Olena')).toEqual(presence('Olena', 'sector-izyum'));
		expect(maya.provider.awareness.meta.get(olenaId)?.clock).toBe(clock);
		expect(taras.closeCodes).toEqual([]);
		olena.provider.awareness.setLocalStateField(PRESENCE_FIELD, { ...presence('Olena', 'sector-izyum'), cursor: { lat: 50, lng: 36.25 } });
		await waitFor(() => seenBy(maya).get('Olena')?.cursor?.lat === 50, { what: 'Olena to be heard as before' });
		for (const client of [olena, taras, maya]) client.destroy();
	});

	it('a malformed presence is refused (4422 naming the field) and never reaches anyone', async () => {
		const { id } = await createBoard(server.url, 'Malformed');
		const rogue = await connectSynced(server.wsUrl, id, 'rogue');
		const maya = await connectSynced(server.wsUrl, id, 'Maya');
		const taras = await connectSynced(server.wsUrl, id, 'Taras');
		rogue.provider.awareness.setLocalStateField(PRESENCE_FIELD, { ...presence('<img src=x onerror=alert(1)>', null), colour: 'url(javascript:x)' });
		await waitFor(() => rogue.closeCodes.length > 0, { what: 'the rogue to be closed' });
		expect(rogue.closeCodes).toEqual([CLOSE_CODES.rejected]);
		expect(rogue.closeReasons).toEqual([`presence of client ${rogue.doc.clientID}: colour a colour is #rrggbb`]);
		// A change made after the refusal reaches Maya after anything the rogue's could have.
		taras.provider.awareness.setLocalStateField(PRESENCE_FIELD, presence('Taras', null));
		await waitFor(() => seenBy(maya).has('Taras'), { what: "Taras's presence to reach Maya" });
		expect(maya.provider.awareness.getStates().has(rogue.doc.clientID)).toBe(false);
		for (const client of [rogue, maya, taras]) client.destroy();
	});

	it('a state without a presence (a stock Yjs tool) is relayed as it is', async () => {
		const { id } = await createBoard(server.url, 'Stock');
		const tool = await connectSynced(server.wsUrl, id, 'editor bot');
		const maya = await connectSynced(server.wsUrl, id, 'Maya');
		tool.provider.awareness.setLocalStateField('user', { name: 'editor bot', color: '#30bced' });
		await waitFor(() => maya.provider.awareness.getStates().get(tool.doc.clientID)?.user?.name === 'editor bot', { what: "the tool's state to reach Maya" });
		expect(tool.closeCodes).toEqual([]);
		expect(seenBy(maya).size).toBe(0);
		tool.destroy();
		maya.destroy();
	});

	it('a tab back with the same client id while its old socket still lives is not refused, and takes over when that socket goes', async () => {
		const { id } = await createBoard(server.url, 'Reconnect');
		const olena = await connectSynced(server.wsUrl, id, 'Olena');
		const maya = await connectSynced(server.wsUrl, id, 'Maya');
		olena.provider.awareness.setLocalStateField(PRESENCE_FIELD, presence('Olena', null));
		await waitFor(() => seenBy(maya).has('Olena'), { what: 'Maya to see Olena' });
		const olenaId = olena.doc.clientID;
		const removals: number[] = [];
		maya.provider.awareness.on('change', ({ removed }: { removed: number[] }) => removals.push(...removed));

		// Her tab's new socket (the old one is still open on the server) announces where she is now.
		const twin = await rawSocket(`${server.wsUrl}${YJS_PATH}/${id}?${ACTOR_PARAM}=Olena`);
		const moved = { ...presence('Olena', null), cursor: { lat: 48.5, lng: 35 } };
		twin.send(awarenessFrame([olenaId, olena.provider.awareness.meta.get(olenaId)!.clock + 1, { [PRESENCE_FIELD]: moved }]));
		await twin.roundTrip();
		expect(twin.closed).toBe(false);
		expect(seenBy(maya).get('Olena')).toEqual(presence('Olena', null));

		drop(olena);
		await waitFor(() => seenBy(maya).get('Olena')?.cursor?.lat === 48.5, { what: 'the new socket’s presence to take over' });
		expect(removals).not.toContain(olenaId);
		expect(twin.closed).toBe(false);
		twin.close();
		await waitFor(() => !maya.provider.awareness.getStates().has(olenaId), { what: 'Olena to go with her last socket' });
		olena.destroy();
		maya.destroy();
	});

	it('presence is never written to the board log', async () => {
		const { id } = await createBoard(server.url, 'Ephemeral');
		const olena = await connectSynced(server.wsUrl, id, 'Olena');
		const logged = async () => ((await (await fetch(`${server.url}${HISTORY_API.summary(id)}`)).json()) as HistorySummary).count;
		const before = await logged();
		addPin(olena.doc, { name: 'Izium', lat: 49.21, lng: 37.26 });
		await waitFor(async () => (await logged()) === before + 1, { what: 'a real edit to be logged (the count can move)' });
		const maya = await connectSynced(server.wsUrl, id, 'Maya');
		for (let step = 0; step < 20; step++) {
			olena.provider.awareness.setLocalStateField(PRESENCE_FIELD, { ...presence('Olena', null), cursor: { lat: 49 + step / 100, lng: 37 } });
		}
		await waitFor(() => seenBy(maya).get('Olena')?.cursor?.lat === 49.19, { what: 'the last cursor move to arrive' });
		expect(await logged()).toBe(before + 1);
		olena.destroy();
		maya.destroy();
	});
});
