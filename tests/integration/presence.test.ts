/**
 * Presence over Yjs awareness through the real server: what one watcher announces reaches the
 * others, a dropped watcher's entries vanish for everyone, and presence never enters the log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { addPin } from '../../src/lib/model/pin-operations';
import { HISTORY_API, type HistorySummary } from '../../src/lib/protocol/history';
import { PRESENCE_FIELD, readPresence, type Presence } from '../../src/lib/protocol/presence';
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

/** Cuts a client's socket without a goodbye (no close frame, no awareness removal) and stops it reconnecting. */
function drop(client: YjsClient): void {
	client.provider.shouldConnect = false;
	(client.provider.ws as unknown as WebSocket).terminate();
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

	it('a malformed presence is relayed as any awareness state but no receiver reads it as a watcher', async () => {
		const { id } = await createBoard(server.url, 'Malformed');
		const rogue = await connectSynced(server.wsUrl, id, 'rogue');
		const maya = await connectSynced(server.wsUrl, id, 'Maya');
		rogue.provider.awareness.setLocalStateField(PRESENCE_FIELD, { ...presence('<img src=x onerror=alert(1)>', null), colour: 'url(javascript:x)' });
		await waitFor(() => maya.provider.awareness.getStates().has(rogue.doc.clientID), { what: 'the rogue state to arrive' });
		expect(seenBy(maya).size).toBe(0);
		rogue.destroy();
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
