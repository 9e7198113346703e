/**
 * Keyframes are taken by a worker thread from a shadow of the board (server/rooms/keyframes.ts).
 * Against a real server and its SQLite file: they are written while watchers edit, and each one
 * is exactly the board at its sequence number.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addPin, movePin } from '../../src/lib/model/pin-operations';
import { readAll } from '../../src/lib/model/records';
import { DATABASE_FILE } from '../../server/storage/sqlite-storage';
import { createBoard } from '../helpers/http';
import { startServer, type ServerProcess } from '../helpers/server-process';
import { waitFor } from '../helpers/wait-for';
import { connectSynced } from '../helpers/yjs-client';

let server: ServerProcess | undefined;
afterAll(async () => {
	await server?.stop();
});

describe('keyframes from the worker', () => {
	it('[K4] a live room writes keyframes off its thread, each the board at its sequence number', async () => {
		server = await startServer({ env: { KEYFRAME_INTERVAL: '5', KEYFRAME_MAX_INTERVAL: '20' } });
		const { id } = await createBoard(server.url, 'Keyframes');
		const writer = await connectSynced(server.wsUrl, id, 'writer');
		const db = new Database(join(server.dataDir, DATABASE_FILE), { readonly: true });
		const count = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM updates WHERE board_id = ?');
		// Rounds of edits, each logged before the next, so the room logs several batches.
		for (let round = 0; round < 8; round++) {
			for (let i = 0; i < 5; i++) {
				const pin = addPin(writer.doc, { name: `p${round}-${i}`, lat: 48 + i / 100, lng: 37 });
				movePin(writer.doc, pin, 48.5, 37 + round / 100);
			}
			await waitFor(() => count.get(id)!.n >= (round + 1) * 10, { what: `round ${round} to be logged` });
		}
		const keyframes = () =>
			db.prepare<[string], { seq: number; state: Buffer }>('SELECT seq, state FROM keyframes WHERE board_id = ? ORDER BY seq').all(id);
		// The worker may still be starting on a busy machine; its messages wait for it.
		await waitFor(() => keyframes().length >= 2, { what: 'keyframes to be written', timeoutMs: 20_000 });
		const updates = db.prepare<[string], { seq: number; data: Buffer }>('SELECT seq, data FROM updates WHERE board_id = ? ORDER BY seq').all(id);
		for (const keyframe of keyframes()) {
			const fromLog = new Y.Doc();
			for (const row of updates.filter((row) => row.seq <= keyframe.seq)) Y.applyUpdate(fromLog, row.data);
			const fromKeyframe = new Y.Doc();
			Y.applyUpdate(fromKeyframe, keyframe.state);
			expect(readAll(fromKeyframe, 'pins')).toEqual(readAll(fromLog, 'pins'));
			expect(Y.encodeStateVector(fromKeyframe)).toEqual(Y.encodeStateVector(fromLog));
		}
		db.close();
		writer.destroy();
	});
});
