/**
 * [B4] Stock `y-websocket` providers under the bounds: several watchers on a board, one dragging a
 * pin at ~60 updates/s, on a server whose send cap is tiny (MAX_BUFFERED_BYTES=1024, so sends hit it
 * and lagging receivers are caught up) — everyone converges and nobody is closed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPin, movePin } from '../../src/lib/model/pin-operations';
import { readAll } from '../../src/lib/model/records';
import { postReport } from '../../src/lib/model/report-operations';
import { createBoard } from '../helpers/http';
import { startServer, type ServerProcess } from '../helpers/server-process';
import { waitFor } from '../helpers/wait-for';
import { canonical, connectSynced, type YjsClient } from '../helpers/yjs-client';

const WATCHERS = 8;
const DRAG_STEPS = 60;

let server: ServerProcess;
const clients: YjsClient[] = [];
beforeAll(async () => {
	server = await startServer({ env: { MAX_BUFFERED_BYTES: '1024' } });
});
afterAll(async () => {
	for (const client of clients) client.destroy();
	await server?.stop();
});

describe('stock clients under the bounds', () => {
	it('[B4] watchers sync, a dragged pin reaches everyone, and nobody is closed', async () => {
		const { id } = await createBoard(server.url, 'Stock');
		for (let i = 0; i < WATCHERS; i++) clients.push(await connectSynced(server.wsUrl, id, `watcher-${i}`));
		const [dragger, writer] = clients as [YjsClient, YjsClient];
		// Big enough that a whole-state reply crosses the 1 KiB cap.
		writer.doc.transact(() => {
			for (let i = 0; i < 20; i++) postReport(writer.doc, { text: `report ${i} `.repeat(40), eventTime: Date.now() });
		});
		const pin = addPin(dragger.doc, { name: 'dragged', lat: 49, lng: 37 });
		let step = 0;
		await new Promise<void>((resolve) => {
			const timer = setInterval(() => {
				movePin(dragger.doc, pin, 49 + ++step / 1000, 37);
				if (step === DRAG_STEPS) {
					clearInterval(timer);
					resolve();
				}
			}, 1000 / 60);
		});
		const late = await connectSynced(server.wsUrl, id, 'late');
		clients.push(late);
		await waitFor(() => clients.every((client) => canonical(client.doc) === canonical(dragger.doc)), {
			timeoutMs: 10_000,
			what: 'every watcher to converge'
		});
		expect(readAll(late.doc, 'pins')[0]?.lat).toBeCloseTo(49 + DRAG_STEPS / 1000);
		expect(readAll(late.doc, 'reports')).toHaveLength(20);
		expect(clients.flatMap((client) => client.closeCodes)).toEqual([]);
		expect(clients.every((client) => client.provider.wsconnected)).toBe(true);
	}, 30_000);
});
