/**
 * [PG3] The real server with DATABASE_URL keeps its boards in PostgreSQL, not in DATA_DIR: a board
 * made over the API and edited by a stock y-websocket client (ws, disableBc) comes back after a
 * restart — on a fresh, empty DATA_DIR — with the same state, history and board list.
 */
import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import { addPin, movePin } from '../../src/lib/model/pin-operations';
import { postReport } from '../../src/lib/model/report-operations';
import { API } from '../../src/lib/protocol/endpoints';
import { HISTORY_API, type ChangesPage, type HistoryState } from '../../src/lib/protocol/history';
import { clusterService, useTestDatabase } from '../helpers/cluster-services';
import { createBoard, getOk } from '../helpers/http';
import { startServer, type ServerProcess } from '../helpers/server-process';
import { waitFor } from '../helpers/wait-for';
import { connectSynced, snapshot } from '../helpers/yjs-client';

const POSTGRES = await clusterService('PostgreSQL');
const database = useTestDatabase(POSTGRES);

describe.skipIf(!POSTGRES)('[PG3] the server on PostgreSQL', () => {
	let server: ServerProcess | null = null;
	afterAll(async () => {
		await server?.stop();
	});
	const start = () => startServer({ env: { DATABASE_URL: database.url } });

	it('[PG3] a board edited by a stock Yjs client answers the same state and history after a restart', async () => {
		server = await start();
		expect(server.log()).toMatch(/data in PostgreSQL at 127\.0\.0\.1:5432\/sb_test_/);
		const { id } = await createBoard(server.url, 'Kupiansk axis');
		const client = await connectSynced(server.wsUrl, id, 'Olena');
		const context = { actor: 'Olena', now: Date.parse('2022-09-08T07:00:00Z') };
		const pin = addPin(client.doc, { name: 'Kupiansk', lat: 49.71, lng: 37.61 }, context);
		movePin(client.doc, pin, 49.72, 37.62, { ...context, now: context.now + 60_000 });
		postReport(client.doc, { text: 'Crossing at the Oskil', eventTime: context.now }, context);
		const edited = snapshot(client.doc);
		const stateUrl = `${server.url}${HISTORY_API.state(id)}`;
		// Logged (and so in PostgreSQL) once the history API sees every edit.
		const before = await waitFor(
			async () => {
				const state = await getOk<HistoryState>(stateUrl);
				return state.content.reports.length === 1 && state.content.pins[0]?.lat === 49.72 ? state : null;
			},
			{ timeoutMs: 15_000, what: 'the edits to be logged' }
		);
		const changesBefore = await getOk<ChangesPage>(`${server.url}${HISTORY_API.changes(id)}`);
		const boardsBefore = await getOk<unknown>(`${server.url}${API.boards}`);
		client.destroy();
		expect(await server.stop()).toBe(0);

		// A new DATA_DIR: nothing of the board can come from a SQLite file.
		server = await start();
		expect(await getOk<HistoryState>(stateUrl.replace(/^http:\/\/[^/]+/, server.url))).toEqual(before);
		expect(await getOk<ChangesPage>(`${server.url}${HISTORY_API.changes(id)}`)).toEqual(changesBefore);
		expect(await getOk<unknown>(`${server.url}${API.boards}`)).toEqual(boardsBefore);
		const again = await connectSynced(server.wsUrl, id, 'Taras');
		expect(snapshot(again.doc)).toEqual(edited);
		const rebuilt = new Y.Doc();
		Y.applyUpdate(rebuilt, Buffer.from(before.update!, 'base64'));
		expect(snapshot(rebuilt)).toEqual(edited);
		again.destroy();
	}, 120_000);
});
