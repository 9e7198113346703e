import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { addPin, movePin, renamePin } from '../../src/lib/model/pin-operations';
import { readAll } from '../../src/lib/model/records';
import { CLOSE_CODES } from '../../src/lib/protocol/close-codes';
import { createBoard } from '../helpers/http';
import { startServer, tempDataDir, type ServerProcess } from '../helpers/server-process';
import { waitFor } from '../helpers/wait-for';
import { canonical, connectSynced, connectYjs, snapshot } from '../helpers/yjs-client';

let server: ServerProcess;
const dataDir = tempDataDir('sync');
beforeAll(async () => {
	server = await startServer({ dataDir });
});
afterAll(async () => {
	await server?.stop();
});

/** Resolves with the close code of a raw socket after it sends `frames`. */
function closeCodeAfter(url: string, frames: (Buffer | string)[]): Promise<number> {
	return new Promise((resolve, reject) => {
		const ws = new WebSocket(url);
		ws.on('open', () => frames.forEach((frame) => ws.send(frame)));
		ws.on('close', (code) => resolve(code));
		ws.on('error', reject);
	});
}

describe('Yjs data plane', () => {
	it('two stock y-websocket clients converge on concurrent edits', async () => {
		const { id } = await createBoard(server.url, 'Convergence');
		const olena = await connectSynced(server.wsUrl, id, 'Olena');
		const taras = await connectSynced(server.wsUrl, id, 'Taras');
		const kupiansk = addPin(olena.doc, { name: 'Kupiansk', lat: 49.71, lng: 37.61, kind: 'rail-hub' });
		await waitFor(() => readAll(taras.doc, 'pins').length === 1, { what: 'the pin to reach Taras' });
		// Concurrent: both edit before either hears from the other.
		movePin(olena.doc, kupiansk, 49.72, 37.62);
		renamePin(taras.doc, kupiansk, 'Kupiansk hub');
		addPin(taras.doc, { name: 'Izium', lat: 49.21, lng: 37.26 });
		for (let i = 0; i < 20; i++) addPin(i % 2 ? olena.doc : taras.doc, { name: `p${i}`, lat: 48 + i / 100, lng: 37 });
		await waitFor(() => canonical(olena.doc) === canonical(taras.doc) && readAll(olena.doc, 'pins').length === 22, {
			what: 'replicas to converge'
		});
		expect(readAll(olena.doc, 'pins').find((pin) => pin.id === kupiansk)).toMatchObject({ name: 'Kupiansk hub', lat: 49.72, lng: 37.62 });
		olena.destroy();
		taras.destroy();
	});

	it('a board comes back exactly after a restart', async () => {
		const { id } = await createBoard(server.url, 'Restart');
		const writer = await connectSynced(server.wsUrl, id, 'Maya');
		for (let i = 0; i < 30; i++) addPin(writer.doc, { name: `town ${i}`, lat: 47 + i / 10, lng: 35 });
		const reader = await connectSynced(server.wsUrl, id, 'reader');
		await waitFor(() => readAll(reader.doc, 'pins').length === 30);
		const before = snapshot(writer.doc);
		writer.destroy();
		reader.destroy();
		expect(await server.stop()).toBe(0);
		server = await startServer({ dataDir });
		const after = await connectSynced(server.wsUrl, id, 'after');
		expect(snapshot(after.doc)).toEqual(before);
		after.destroy();
	});

	it('an unknown board is refused with a named close code', async () => {
		const client = connectYjs(server.wsUrl, 'no-such-board');
		await waitFor(() => client.closeCodes.length > 0);
		expect(client.closeCodes[0]).toBe(CLOSE_CODES.unknownBoard);
		client.destroy();
	});

	it('garbage, truncated and text frames close only the offending connection', async () => {
		const { id } = await createBoard(server.url, 'Bad frames');
		const good = await connectSynced(server.wsUrl, id, 'good');
		const url = `${server.wsUrl}/yjs/${id}`;
		expect(await closeCodeAfter(url, [Buffer.from([0x07, 0x01])])).toBe(CLOSE_CODES.malformed);
		expect(await closeCodeAfter(url, [Buffer.from([0x00, 0x02, 0x40, 0x01])])).toBe(CLOSE_CODES.malformed);
		expect(await closeCodeAfter(url, ['hello'])).toBe(CLOSE_CODES.malformed);
		addPin(good.doc, { name: 'still here', lat: 1, lng: 1 });
		const other = await connectSynced(server.wsUrl, id, 'other');
		await waitFor(() => readAll(other.doc, 'pins').length === 1);
		expect(good.provider.wsconnected).toBe(true);
		good.destroy();
		other.destroy();
	});

	it('a message over MAX_MESSAGE_BYTES is closed with 1009 and nothing accepted is lost', async () => {
		const small = await startServer({ env: { MAX_MESSAGE_BYTES: '4096' } });
		const { id } = await createBoard(small.url, 'Limits');
		const writer = await connectSynced(small.wsUrl, id, 'writer');
		addPin(writer.doc, { name: 'kept', lat: 1, lng: 1 });
		const watcher = await connectSynced(small.wsUrl, id, 'watcher');
		await waitFor(() => readAll(watcher.doc, 'pins').length === 1);
		expect(await closeCodeAfter(`${small.wsUrl}/yjs/${id}`, [Buffer.alloc(10_000, 1)])).toBe(CLOSE_CODES.tooLarge);
		expect(readAll(watcher.doc, 'pins').map((pin) => pin.name)).toEqual(['kept']);
		writer.destroy();
		watcher.destroy();
		await small.stop();
	});
});
