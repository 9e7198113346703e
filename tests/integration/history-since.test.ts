/**
 * [S3] "Since you last looked" against the real server: two named watchers (stock y-websocket
 * clients) set a board up, a third watcher's last visit is taken, then the two edit it at known
 * times. The since answer for that visit lists exactly the later edits, by whom, counted per
 * sector, with the town that changed hands and the ground the pocket gained; an earlier or later
 * visit gets a different answer; the latest-change map names the last editor of each item.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { drawFront, reshapeFront } from '../../src/lib/model/front-operations';
import { addPin, movePin, updatePin } from '../../src/lib/model/pin-operations';
import { postReport } from '../../src/lib/model/report-operations';
import { addSector } from '../../src/lib/model/sector-operations';
import { HISTORY_API, type HistorySummary, type LatestChanges, type SinceAnswer } from '../../src/lib/protocol/history';
import { createBoard, getOk } from '../helpers/http';
import { box, boxKm2 } from '../helpers/lat-lng-box';
import { startServer, type ServerProcess } from '../helpers/server-process';
import { waitFor } from '../helpers/wait-for';
import { canonical, connectSynced, type YjsClient } from '../helpers/yjs-client';

let server: ServerProcess;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.stop();
});

const get = <T>(path: string) => getOk<T>(`${server.url}${path}`);
const lastSeq = async (boardId: string) => (await get<HistorySummary>(HISTORY_API.summary(boardId))).last?.seq ?? 0;


let boardId = '';
let visit = 0;
let beforeAnything = 0;
let watchers: Record<'Olena' | 'Taras', YjsClient>;

/** Makes an edit as a watcher and waits until it is logged and has reached the other watcher. */
async function edit(by: 'Olena' | 'Taras', change: (doc: Y.Doc) => void): Promise<void> {
	const before = await lastSeq(boardId);
	change(watchers[by].doc);
	await waitFor(async () => canonical(watchers.Olena.doc) === canonical(watchers.Taras.doc) && (await lastSeq(boardId)) > before, {
		what: `${by}'s edit to be logged and delivered`
	});
}

/** A moment strictly after everything logged so far and before anything logged next. */
async function now(): Promise<number> {
	const moment = Date.now();
	await waitFor(() => Date.now() > moment, { what: 'the clock to move on' });
	return moment;
}

describe('[S3] since you last looked, over the history API', () => {
	it('lists what two watchers changed after a last visit, per sector, with hands changed and ground gained', async () => {
		beforeAnything = await now();
		boardId = (await createBoard(server.url, 'Since')).id;
		watchers = { Olena: await connectSynced(server.wsUrl, boardId, 'Olena'), Taras: await connectSynced(server.wsUrl, boardId, 'Taras') };
		await edit('Olena', (doc) => addSector(doc, { id: 'sector-izyum', name: 'Izyum', area: box(49.0, 36.5, 49.5, 37.5) }));
		await edit('Olena', (doc) => addSector(doc, { id: 'sector-kupiansk', name: 'Kupiansk', area: box(49.5, 37.0, 50.0, 38.0) }));
		await edit('Taras', (doc) => addPin(doc, { id: 'pin-kupiansk', name: 'Kupiansk', lat: 49.71, lng: 37.61, control: 'russia', sector: 'sector-kupiansk' }));
		await edit('Taras', (doc) => addPin(doc, { id: 'pin-balakliia', name: 'Balakliia', lat: 49.46, lng: 36.86, control: 'russia', sector: 'sector-izyum' }));
		await edit('Olena', (doc) => drawFront(doc, { id: 'front-pocket', kind: 'area', side: 'ukraine', label: 'Balakliia pocket', points: box(49.1, 36.6, 49.3, 36.8), sector: 'sector-izyum' }));

		visit = await now(); // the third watcher looks, then leaves
		const seenAtVisit = await lastSeq(boardId);

		await edit('Taras', (doc) => updatePin(doc, 'pin-kupiansk', { control: 'ukraine' }));
		await edit('Olena', (doc) => postReport(doc, { id: 'report-oskil', text: 'Bridge over the Oskil down', eventTime: 1, sector: 'sector-kupiansk' }));
		await edit('Olena', (doc) => reshapeFront(doc, 'front-pocket', box(49.1, 36.6, 49.3, 37.0)));
		await edit('Taras', (doc) => movePin(doc, 'pin-balakliia', 49.47, 36.87));
		await edit('Taras', (doc) => movePin(doc, 'pin-balakliia', 49.46, 36.86)); // and back: no change
		await edit('Taras', (doc) => addPin(doc, { id: 'pin-stray', name: 'Somewhere', lat: 51, lng: 30 }));

		const since = await get<SinceAnswer>(`${HISTORY_API.since(boardId)}?at=${new Date(visit).toISOString()}`);
		expect(since.since.seq).toBe(seenAtVisit);
		expect(since.now.seq).toBe(await lastSeq(boardId));
		expect(since.changed).toBe(true);
		expect(since.items.map((item) => [item.itemId, item.status, item.last?.actor, item.last?.action])).toEqual([
			['pin-stray', 'new', 'Taras', 'created'],
			['front-pocket', 'changed', 'Olena', 'reshaped'],
			['report-oskil', 'new', 'Olena', 'created'],
			['pin-kupiansk', 'changed', 'Taras', 'control-changed']
		]);
		expect(since.moreItems).toBe(0);
		expect(since.handsChanged).toMatchObject([{ pinId: 'pin-kupiansk', name: 'Kupiansk', from: 'russia', to: 'ukraine', actor: 'Taras' }]);
		expect(since.actors).toEqual([
			{ actor: 'Taras', changes: 4 },
			{ actor: 'Olena', changes: 2 }
		]);
		expect(since.marks.pins).toEqual({ new: ['pin-stray'], changed: ['pin-kupiansk'] });
		expect(since.marks.reports.new).toEqual(['report-oskil']);
		expect(since.marks.fronts.changed).toEqual(['front-pocket']);

		const sectors = Object.fromEntries(since.sectors.map((sector) => [sector.name, sector]));
		expect(since.sectors.map((sector) => sector.sector)).toEqual(['sector-izyum', 'sector-kupiansk', null]);
		expect(sectors.Kupiansk).toMatchObject({ pins: { new: 0, changed: 1, removed: 0 }, reports: { new: 1, changed: 0, removed: 0 }, area: [] });
		expect(sectors.Izyum).toMatchObject({ pins: { new: 0, changed: 0 }, fronts: { new: 0, changed: 1, removed: 0 } });
		const [gain] = sectors.Izyum!.area;
		expect(gain).toMatchObject({ side: 'ukraine', lostKm2: 0 });
		expect(Math.abs(gain!.gainedKm2 / boxKm2(49.1, 36.8, 49.3, 37.0) - 1)).toBeLessThan(0.005);
		expect(sectors.Elsewhere).toMatchObject({ pins: { new: 1 } });
	});

	it('a later visit sees nothing; a first visit before anything sees it all new', async () => {
		const later = await get<SinceAnswer>(`${HISTORY_API.since(boardId)}?at=${await now()}`);
		expect(later).toMatchObject({ changed: false, items: [], sectors: [], handsChanged: [] });
		const all = await get<SinceAnswer>(`${HISTORY_API.since(boardId)}?at=${beforeAnything}`);
		expect(all.since).toEqual({ seq: 0, at: null });
		expect(all.items.every((item) => item.status === 'new')).toBe(true);
		expect(all.items).toHaveLength(7); // two sectors, three pins, a front and a report
	});

	it('the latest change of each item names who made it', async () => {
		const latest = await get<LatestChanges>(HISTORY_API.latest(boardId));
		expect(latest.seq).toBe(await lastSeq(boardId));
		expect(latest.items.pins['pin-kupiansk']).toMatchObject({ actor: 'Taras', action: 'control-changed' });
		expect(latest.items.pins['pin-balakliia']).toMatchObject({ actor: 'Taras', action: 'moved' });
		expect(latest.items.fronts['front-pocket']).toMatchObject({ actor: 'Olena', action: 'reshaped' });
		expect(latest.items.sectors['sector-izyum']).toMatchObject({ actor: 'Olena', action: 'created' });
		watchers.Olena.destroy();
		watchers.Taras.destroy();
	});

	it('errors name the parameter', async () => {
		for (const [query, message] of [
			['', /required/],
			['?at=last-tuesday', /epoch milliseconds or an ISO date-time/]
		] as const) {
			const response = await fetch(`${server.url}${HISTORY_API.since(boardId)}${query}`);
			expect(response.status).toBe(400);
			const body = (await response.json()) as { error: { code: string; field: string; message: string } };
			expect(body.error).toMatchObject({ code: 'invalid', field: 'at' });
			expect(body.error.message).toMatch(message);
		}
		expect((await fetch(`${server.url}${HISTORY_API.since('no-such-board')}?at=1`)).status).toBe(404);
	});
});
