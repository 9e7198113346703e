import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addPin, movePin } from '../../src/lib/model/pin-operations';
import { readAll } from '../../src/lib/model/records';
import { createBoard } from '../helpers/http';
import { startServer, tempDataDir, type ServerProcess } from '../helpers/server-process';
import { waitFor } from '../helpers/wait-for';
import { connectSynced } from '../helpers/yjs-client';

let server: ServerProcess | undefined;
afterAll(async () => {
	await server?.stop();
});

describe('crash safety', () => {
	it('after SIGKILL mid-burst, every edit another watcher had received is still there', async () => {
		const dataDir = tempDataDir('crash');
		server = await startServer({ dataDir });
		const { id } = await createBoard(server.url, 'Crash');
		const writer = await connectSynced(server.wsUrl, id, 'writer');
		const watcher = await connectSynced(server.wsUrl, id, 'watcher');
		// Burst: keep writing until the watcher has seen a good part of it, then kill without warning.
		for (let i = 0; i < 300; i++) {
			const pin = addPin(writer.doc, { name: `p${i}`, lat: 45 + (i % 90) / 10, lng: 30 });
			if (i % 3 === 0) movePin(writer.doc, pin, 46, 31);
		}
		await waitFor(() => readAll(watcher.doc, 'pins').length >= 50, { what: 'the watcher to receive part of the burst' });
		await server.kill();
		const seen = Y.encodeStateAsUpdate(watcher.doc);
		const seenPins = readAll(watcher.doc, 'pins');
		watcher.provider.disconnect();

		// Same port: the writer's provider keeps retrying it, as a real client would.
		server = await startServer({ dataDir, port: server.port });
		const fresh = await connectSynced(server.wsUrl, id, 'fresh');
		const restored = readAll(fresh.doc, 'pins');
		for (const pin of seenPins) expect(restored.find((candidate) => candidate.id === pin.id)).toEqual(pin);
		// Nothing the watcher saw is missing: applying its state adds nothing new.
		const before = Y.encodeStateVector(fresh.doc);
		const check = new Y.Doc();
		Y.applyUpdate(check, Y.encodeStateAsUpdate(fresh.doc));
		Y.applyUpdate(check, seen);
		expect(Y.encodeStateVector(check)).toEqual(before);
		// And the writer's edits the server never logged come back when it reconnects by itself.
		await waitFor(() => readAll(fresh.doc, 'pins').length === 300, { what: 'the writer to resend what was lost', timeoutMs: 10_000 });
		writer.destroy();
		watcher.destroy();
		fresh.destroy();
	});
});
