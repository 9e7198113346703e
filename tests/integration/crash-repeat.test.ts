/**
 * [R13] Three writers, SIGKILL in the middle of their burst, restart, reconnect — repeated. Nothing
 * any writer wrote is lost (what the server had not logged comes back from the writers, who keep
 * it) and every replica ends identical.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { addPin, movePin } from '../../src/lib/model/pin-operations';
import { readAll } from '../../src/lib/model/records';
import { createBoard } from '../helpers/http';
import { startServer, tempDataDir, type ServerProcess } from '../helpers/server-process';
import { waitFor } from '../helpers/wait-for';
import { canonical, connectSynced, type YjsClient } from '../helpers/yjs-client';

const ROUNDS = 4;
const PINS_PER_WRITER = 120;

let server: ServerProcess | undefined;
const clients: YjsClient[] = [];
afterAll(async () => {
	for (const client of clients) client.destroy();
	await server?.stop();
});

describe('crash safety, repeated', () => {
	it('[R13] three writers, SIGKILL mid-burst, restart: zero updates lost and all replicas identical, round after round', async () => {
		const dataDir = tempDataDir('crash-repeat');
		server = await startServer({ dataDir });
		const port = server.port;
		const { id } = await createBoard(server.url, 'Crash rounds');
		const writers = await Promise.all(['Olena', 'Taras', 'Maya'].map((name) => connectSynced(server!.wsUrl, id, name)));
		const watcher = await connectSynced(server.wsUrl, id, 'watcher');
		clients.push(...writers, watcher);

		for (let round = 0; round < ROUNDS; round++) {
			const before = readAll(watcher.doc, 'pins').length;
			// All three write at once; the server dies once the watcher has seen some of it.
			writers.forEach((writer, w) => {
				for (let i = 0; i < PINS_PER_WRITER; i++) {
					const pin = addPin(writer.doc, { id: `r${round}-w${w}-${i}`, name: `r${round} w${w} #${i}`, lat: 45 + i / 100, lng: 30 + w });
					if (i % 4 === 0) movePin(writer.doc, pin, 46 + i / 100, 31 + w);
				}
			});
			await waitFor(() => readAll(watcher.doc, 'pins').length > before + 20, { what: `round ${round}: the burst to start arriving` });
			await server.kill();
			server = await startServer({ dataDir, port });

			const expected = before + 3 * PINS_PER_WRITER;
			await waitFor(() => readAll(watcher.doc, 'pins').length === expected, { timeoutMs: 20_000, what: `round ${round}: every pin back at the watcher` });
			const fresh = await connectSynced(server.wsUrl, id, `fresh-${round}`);
			clients.push(fresh);
			await waitFor(() => [...writers, watcher].every((client) => canonical(client.doc) === canonical(fresh.doc)), {
				timeoutMs: 20_000,
				what: `round ${round}: all replicas identical`
			});
			expect(readAll(fresh.doc, 'pins').length).toBe(expected);
			fresh.destroy();
		}
	});
});
