/**
 * [API] The records API for bots against the real server and a real SQLite file: every call, its
 * auth failure and its validation failure; writes go through the live room, so an already
 * connected Yjs client sees them and the history names the token that made them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawFront } from '../../src/lib/model/front-operations';
import type { Pin } from '../../src/lib/model/pin';
import { readRecord } from '../../src/lib/model/records';
import type { Report } from '../../src/lib/model/report';
import { addSector } from '../../src/lib/model/sector-operations';
import { ACCESS_API, type CreatedBoard, type CreatedToken } from '../../src/lib/protocol/access';
import { RECORDS_API } from '../../src/lib/protocol/endpoints';
import { HISTORY_API, type ChangesPage } from '../../src/lib/protocol/history';
import { callApi } from '../helpers/http';
import { startServer, type ServerProcess } from '../helpers/server-process';
import { waitFor } from '../helpers/wait-for';
import { connectSynced, type YjsClient } from '../helpers/yjs-client';

let server: ServerProcess;
let board: CreatedBoard;
let bot: CreatedToken;
let viewer: CreatedToken;
let watcher: YjsClient;

const call = (method: string, path: string, options: Parameters<typeof callApi>[3] = {}) => callApi(server.url, method, path, options);
const asBot = (method: string, path: string, body?: object | string) => call(method, path, { secret: bot.token, body });
const pins = () => RECORDS_API.list(board.id, 'pins');
const reports = () => RECORDS_API.list(board.id, 'reports');

/** The square around Izyum, drawn by a watcher: new pins and reports inside it belong to it. */
const IZYUM: [number, number][] = [
	[49.0, 37.0],
	[49.4, 37.0],
	[49.4, 37.6],
	[49.0, 37.6]
];

beforeAll(async () => {
	server = await startServer();
	board = (await call('POST', '/api/boards', { body: { title: 'Bot board' } })).body as CreatedBoard;
	const owner = board.ownerToken.token;
	expect((await call('POST', ACCESS_API.access(board.id), { secret: owner, body: { mode: 'private' } })).status).toBe(200);
	bot = (await call('POST', ACCESS_API.tokens(board.id), { secret: owner, body: { role: 'editor', label: 'Wire bot' } })).body as CreatedToken;
	viewer = (await call('POST', ACCESS_API.tokens(board.id), { secret: owner, body: { role: 'viewer', label: 'press' } })).body as CreatedToken;
	// A watcher with the board open, as a browser would have it.
	watcher = await connectSynced(`${server.wsUrl}`, board.id, 'Olena', { token: owner });
	addSector(watcher.doc, { id: 'sector-izyum', name: 'Izyum', area: IZYUM }, { actor: 'Olena' });
	drawFront(watcher.doc, { id: 'front-oskil', kind: 'line', label: 'Oskil line', points: [[49.85, 37.68], [49.69, 37.63]] }, { actor: 'Olena' });
	await waitFor(async () => (await asBot('GET', RECORDS_API.list(board.id, 'fronts'))).body.length === 1, { what: 'the watcher’s edits to reach the server' });
});
afterAll(async () => {
	watcher?.destroy();
	await server?.stop();
});

describe('records API: pins', () => {
	it('POST adds a pin as the token’s name, in the sector it lies in; a connected watcher sees it live', async () => {
		const created = await asBot('POST', pins(), { id: 'pin-balakliia', name: 'Balakliia', lat: 49.2, lng: 37.3, kind: 'town' });
		expect(created.status).toBe(201);
		expect(created.headers.get('location')).toBe(RECORDS_API.item(board.id, 'pins', 'pin-balakliia'));
		expect(created.body).toMatchObject({ id: 'pin-balakliia', name: 'Balakliia', sector: 'sector-izyum', createdBy: 'Wire bot', control: 'unknown' });
		const live = await waitFor(() => readRecord(watcher.doc, 'pins', 'pin-balakliia'), { what: 'the pin on the watcher’s board' });
		expect(live).toMatchObject({ name: 'Balakliia', createdBy: 'Wire bot' });
	});

	it('GET lists (sorted by id, filterable by sector) and reads one pin', async () => {
		await asBot('POST', pins(), { id: 'pin-kupiansk', name: 'Kupiansk', lat: 49.71, lng: 37.61 });
		const list = await call('GET', pins(), { secret: viewer.token });
		expect(list.status).toBe(200);
		expect((list.body as Pin[]).map((pin) => pin.id)).toEqual(['pin-balakliia', 'pin-kupiansk']);
		const inIzyum = await call('GET', `${pins()}?sector=sector-izyum`, { secret: viewer.token });
		expect((inIzyum.body as Pin[]).map((pin) => pin.id)).toEqual(['pin-balakliia']);
		expect(await call('GET', RECORDS_API.item(board.id, 'pins', 'pin-kupiansk'), { secret: viewer.token })).toMatchObject({ status: 200, body: { name: 'Kupiansk', lat: 49.71 } });
	});

	it('PATCH moves a pin (and renames it in the same change); the watcher sees the new position', async () => {
		const moved = await asBot('PATCH', RECORDS_API.item(board.id, 'pins', 'pin-kupiansk'), { lat: 49.72, lng: 37.62, name: 'Kupiansk-Vuzlovyi' });
		expect(moved).toMatchObject({ status: 200, body: { lat: 49.72, lng: 37.62, name: 'Kupiansk-Vuzlovyi', updatedBy: 'Wire bot' } });
		await waitFor(() => readRecord(watcher.doc, 'pins', 'pin-kupiansk')?.lat === 49.72, { what: 'the move on the watcher’s board' });
	});

	it('refuses bad pins with 422 naming the field, a taken id with 409, an unknown pin with 404', async () => {
		expect(await asBot('POST', pins(), { name: 'Nowhere', lat: 123, lng: 37 })).toMatchObject({ status: 422, body: { error: { code: 'invalid', field: 'lat' } } });
		expect(await asBot('POST', pins(), { name: '', lat: 49, lng: 37 })).toMatchObject({ status: 422, body: { error: { field: 'name' } } });
		expect(await asBot('POST', pins(), { name: 'Typo', lat: 49, lng: 37, latitude: 49 })).toMatchObject({ status: 422, body: { error: { code: 'invalid' } } });
		expect((await asBot('POST', pins(), { name: 'Typo', lat: 49, lng: 37, latitude: 49 })).body.error.message).toContain('latitude');
		expect(await asBot('POST', pins(), { id: 'pin-balakliia', name: 'Again', lat: 49, lng: 37 })).toMatchObject({ status: 409, body: { error: { code: 'conflict', field: 'id' } } });
		const item = RECORDS_API.item(board.id, 'pins', 'pin-kupiansk');
		expect(await asBot('PATCH', item, { lat: 49.8 })).toMatchObject({ status: 422, body: { error: { field: 'lng' } } });
		expect(await asBot('PATCH', item, {})).toMatchObject({ status: 422, body: { error: { code: 'invalid' } } });
		expect(await asBot('PATCH', item, { kind: 'castle' })).toMatchObject({ status: 422, body: { error: { field: 'kind' } } });
		expect(await asBot('PATCH', RECORDS_API.item(board.id, 'pins', 'pin-atlantis'), { lat: 1, lng: 1 })).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
		expect(await call('GET', RECORDS_API.item(board.id, 'pins', 'pin-atlantis'), { secret: viewer.token })).toMatchObject({ status: 404 });
		expect(await call('GET', `${pins()}?sector=not a sector!`, { secret: viewer.token })).toMatchObject({ status: 400, body: { error: { field: 'sector' } } });
	});
});

describe('records API: reports', () => {
	it('POST posts a report with a source; the history lists it under the token’s name', async () => {
		const posted = await asBot('POST', reports(), {
			text: 'Ukrainian forces enter Balakliia',
			sources: [{ url: 'https://example.org/wire/1', title: 'Wire' }],
			place: { lat: 49.2, lng: 37.3 },
			confidence: 'rumour'
		});
		expect(posted.status).toBe(201);
		const report = posted.body as Report;
		expect(report).toMatchObject({ sector: 'sector-izyum', confidence: 'rumour', createdBy: 'Wire bot', sources: [{ url: 'https://example.org/wire/1' }] });
		expect(Math.abs(report.eventTime - Date.now())).toBeLessThan(60_000);
		await waitFor(() => readRecord(watcher.doc, 'reports', report.id), { what: 'the report on the watcher’s board' });
		const changes = (await call('GET', `${HISTORY_API.changes(board.id)}?collection=reports`, { secret: viewer.token })).body as ChangesPage;
		expect(changes.changes).toContainEqual(expect.objectContaining({ itemId: report.id, action: 'created', actor: 'Wire bot' }));
	});

	it('GET lists and reads reports; PATCH regrades one, keeping its grade history', async () => {
		const [report] = (await call('GET', reports(), { secret: viewer.token })).body as Report[];
		expect(report).toBeDefined();
		const item = RECORDS_API.item(board.id, 'reports', report!.id);
		expect(await call('GET', item, { secret: viewer.token })).toMatchObject({ status: 200, body: { id: report!.id } });
		const graded = await asBot('PATCH', item, { confidence: 'confirmed' });
		expect(graded).toMatchObject({ status: 200, body: { confidence: 'confirmed' } });
		expect((graded.body as Report).gradeHistory.map((grade) => grade.confidence)).toEqual(['rumour', 'confirmed']);
		await waitFor(() => readRecord(watcher.doc, 'reports', report!.id)?.confidence === 'confirmed', { what: 'the grade on the watcher’s board' });
		const changes = (await call('GET', `${HISTORY_API.changes(board.id)}?collection=reports`, { secret: viewer.token })).body as ChangesPage;
		expect(changes.changes).toContainEqual(expect.objectContaining({ itemId: report!.id, action: 'graded', actor: 'Wire bot' }));
	});

	it('refuses bad reports with 422 naming the field', async () => {
		expect(await asBot('POST', reports(), { text: '' })).toMatchObject({ status: 422, body: { error: { field: 'text' } } });
		expect(await asBot('POST', reports(), { text: 'x', sources: [{ url: 'javascript:alert(1)' }] })).toMatchObject({ status: 422, body: { error: { field: 'sources.0.url' } } });
		expect(await asBot('POST', reports(), { text: 'x', gradeHistory: [] })).toMatchObject({ status: 422 });
		const [report] = (await call('GET', reports(), { secret: viewer.token })).body as Report[];
		expect(await asBot('PATCH', RECORDS_API.item(board.id, 'reports', report!.id), { confidence: 'probably' })).toMatchObject({ status: 422, body: { error: { field: 'confidence' } } });
	});
});

describe('records API: fronts and sectors', () => {
	it('GET lists and reads fronts and sectors; they are read-only here (405)', async () => {
		expect(await call('GET', RECORDS_API.list(board.id, 'fronts'), { secret: viewer.token })).toMatchObject({ status: 200, body: [{ id: 'front-oskil', label: 'Oskil line' }] });
		expect(await call('GET', RECORDS_API.item(board.id, 'fronts', 'front-oskil'), { secret: viewer.token })).toMatchObject({ status: 200, body: { kind: 'line' } });
		expect(await call('GET', RECORDS_API.list(board.id, 'sectors'), { secret: viewer.token })).toMatchObject({ status: 200, body: [{ id: 'sector-izyum', name: 'Izyum' }] });
		expect(await call('GET', `${RECORDS_API.list(board.id, 'sectors')}?sector=sector-izyum`, { secret: viewer.token })).toMatchObject({ body: [{ id: 'sector-izyum' }] });
		expect(await call('GET', RECORDS_API.item(board.id, 'sectors', 'sector-izyum'), { secret: viewer.token })).toMatchObject({ status: 200, body: { name: 'Izyum' } });
		expect(await call('GET', RECORDS_API.item(board.id, 'fronts', 'front-none'), { secret: viewer.token })).toMatchObject({ status: 404 });
		expect(await asBot('POST', RECORDS_API.list(board.id, 'fronts'), { kind: 'line' })).toMatchObject({ status: 405, body: { error: { code: 'method_not_allowed' } } });
	});
});

describe('records API: refusals', () => {
	const COLLECTIONS = ['pins', 'fronts', 'reports', 'sectors'] as const;

	it.each(COLLECTIONS)('GET %s: 401 without a token on a private board, 401 with a wrong one', async (collection) => {
		expect(await call('GET', RECORDS_API.list(board.id, collection))).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
		expect(await call('GET', RECORDS_API.list(board.id, collection), { secret: 'wrong' })).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
		expect(await call('GET', RECORDS_API.item(board.id, collection, 'x'), { secret: 'wrong' })).toMatchObject({ status: 401 });
	});

	it('every write: 403 for a viewer token, 401 without one', async () => {
		const writes: [string, string, object][] = [
			['POST', pins(), { name: 'V', lat: 49, lng: 37 }],
			['PATCH', RECORDS_API.item(board.id, 'pins', 'pin-kupiansk'), { lat: 49, lng: 37 }],
			['POST', reports(), { text: 'viewer report' }],
			['PATCH', RECORDS_API.item(board.id, 'reports', 'any'), { confidence: 'denied' }]
		];
		for (const [method, path, body] of writes) {
			expect(await call(method, path, { secret: viewer.token, body })).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
			expect(await call(method, path, { body })).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
		}
	});

	it('bad JSON is 400, a body that is not JSON 415, one too large 413; an unknown board 404', async () => {
		expect(await asBot('POST', pins(), '{"name": ')).toMatchObject({ status: 400, body: { error: { code: 'bad_json' } } });
		expect(await call('POST', pins(), { secret: bot.token, body: 'name=x', contentType: 'application/x-www-form-urlencoded' })).toMatchObject({ status: 415 });
		expect(await asBot('POST', reports(), { text: 'x'.repeat(70_000) })).toMatchObject({ status: 413, body: { error: { code: 'too_large' } } });
		expect(await asBot('GET', RECORDS_API.list('no-such-board', 'pins'))).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
	});
});

describe('records API: rate limit', () => {
	it('a token over its burst gets 429 with Retry-After; another token is not slowed', async () => {
		const limited = await startServer({ env: { API_RATE_LIMIT_PER_SECOND: '1', API_RATE_LIMIT_BURST: '3' } });
		try {
			const created = (await callApi(limited.url, 'POST', '/api/boards', { body: { title: 'Limited' } })).body as CreatedBoard;
			const token = async (label: string) =>
				((await callApi(limited.url, 'POST', ACCESS_API.tokens(created.id), { secret: created.ownerToken.token, body: { role: 'editor', label } })).body as CreatedToken).token;
			const [first, second] = [await token('Bot one'), await token('Bot two')];
			const list = RECORDS_API.list(created.id, 'pins');
			const statuses: number[] = [];
			let refused: Awaited<ReturnType<typeof callApi>> | undefined;
			for (let i = 0; i < 4; i++) {
				const answer = await callApi(limited.url, 'GET', list, { secret: first });
				statuses.push(answer.status);
				if (answer.status === 429) refused = answer;
			}
			expect(statuses).toEqual([200, 200, 200, 429]);
			expect(refused!.body).toMatchObject({ error: { code: 'rate_limited' } });
			expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
			expect((await callApi(limited.url, 'GET', list, { secret: second })).status).toBe(200);
		} finally {
			await limited.stop();
		}
	});
});
