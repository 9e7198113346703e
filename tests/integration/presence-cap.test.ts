/**
 * [B3] One presence per connection: a socket announcing 2 000 valid-looking presences under fresh
 * client ids shows, to a stock client, as at most MAX_AWARENESS_CLIENTS_PER_CONNECTION ids and one
 * presence — not as a crowd in every roster and on every map.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { MAX_AWARENESS_CLIENTS_PER_CONNECTION, PRESENCE_FIELD, readPresence } from '../../src/lib/protocol/presence';
import { decodeMessage, encodeSyncStep1 } from '../../server/rooms/sync-messages';
import { awarenessFrame, type AwarenessFrameEntry } from '../helpers/awareness-frame';
import { createBoard } from '../helpers/http';
import { startServer, type ServerProcess } from '../helpers/server-process';
import { waitFor } from '../helpers/wait-for';
import { connectSynced, openRawYjsSocket, type YjsClient } from '../helpers/yjs-client';

const FAKES = 2000;
const MARKER_ID = 999_999;

let server: ServerProcess;
const clients: YjsClient[] = [];
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	for (const client of clients) client.destroy();
	await server?.stop();
});

const open = (boardId: string) => openRawYjsSocket(server.wsUrl, boardId);

const fake = (clientId: number): AwarenessFrameEntry => [
	clientId,
	1,
	{ [PRESENCE_FIELD]: { name: `Ghost ${clientId}`, colour: '#e6194b', activity: 'active', sector: null, cursor: { lat: 49, lng: 37 }, view: null } }
];

describe('presence cap', () => {
	it('[B3] 2 000 fake presences from one connection show as at most 4 ids and one presence', async () => {
		const { id } = await createBoard(server.url, 'Ghosts');
		const observer = await connectSynced(server.wsUrl, id, 'observer');
		clients.push(observer);
		const faker = await open(id);
		for (let start = 1; start <= FAKES; start += 100) {
			faker.send(awarenessFrame(...Array.from({ length: 100 }, (_, i) => fake(start + i))));
		}
		// The sync answer comes after every frame sent before it was handled; relays to the observer go
		// out in order, so once a later socket's state reaches the observer, so has every ghost.
		await new Promise<void>((resolve) => {
			faker.on('message', (data: Buffer) => decodeMessage(new Uint8Array(data)).type === 'update' && resolve());
			faker.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
		});
		const marker = await open(id);
		marker.send(awarenessFrame([MARKER_ID, 1, { user: 'marker' }]));
		const states = observer.provider.awareness.getStates();
		await waitFor(() => states.has(MARKER_ID), { what: 'the marker to reach the observer' });

		const ghosts = [...states.keys()].filter((clientId) => clientId !== MARKER_ID && clientId !== observer.doc.clientID);
		const shown = ghosts.filter((clientId) => readPresence(states.get(clientId)) !== null);
		expect(ghosts.length).toBeLessThanOrEqual(MAX_AWARENESS_CLIENTS_PER_CONNECTION);
		expect(shown.length).toBe(1);
		expect(faker.readyState).toBe(WebSocket.OPEN);
		faker.close();
		marker.close();
	});
});
