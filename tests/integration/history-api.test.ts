/**
 * [H3] The history API against the real server: two named watchers (stock y-websocket clients)
 * edit a board at known times; the board at every moment in between is exactly what it was, and
 * the change list names the right watcher, item and action for each edit. Then forks, raw update
 * pages, the summary, and the errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { drawFront, removeFront, reshapeFront } from '../../src/lib/model/front-operations';
import { readMeta } from '../../src/lib/model/meta-operations';
import { addPin, movePin, renamePin, updatePin } from '../../src/lib/model/pin-operations';
import { readAll } from '../../src/lib/model/records';
import { gradeReport, postReport } from '../../src/lib/model/report-operations';
import type { ChangeAction, ChangeEntry, ChangesPage, ForkResponse, HistoryState, HistorySummary, UpdatesPage } from '../../src/lib/protocol/history';
import { HISTORY_API } from '../../src/lib/protocol/history';
import { createBoard, getOk, postJson } from '../helpers/http';
import { startServer, type ServerProcess } from '../helpers/server-process';
import { waitFor } from '../helpers/wait-for';
import { canonical, connectSynced, type YjsClient } from '../helpers/yjs-client';

let server: ServerProcess;
beforeAll(async () => {
	// Keyframes every 3 updates: seeks go through the keyframes the real room writes.
	server = await startServer({ env: { KEYFRAME_INTERVAL: '3', KEYFRAME_MAX_INTERVAL: '3' } });
});
afterAll(async () => {
	await server?.stop();
});

const get = <T>(path: string) => getOk<T>(`${server.url}${path}`);
const lastSeq = async (boardId: string) => (await get<HistorySummary>(HISTORY_API.summary(boardId))).last?.seq ?? 0;
const docOf = (state: HistoryState) => {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, Buffer.from(state.update!, 'base64'));
	return doc;
};

interface Moment {
	/** The last update logged when the moment was taken. */
	seq: number;
	/** A time after that update was logged and before the next edit was made. */
	time: number;
	board: string;
}

const line: [number, number][] = [
	[49.85, 37.68],
	[49.69, 37.63]
];

/** Who edits, what they do, and what the change list must say about it. */
const EDITS: { by: 'Olena' | 'Taras'; edit: (doc: Y.Doc) => void; itemId: string; action: ChangeAction; summary?: string }[] = [
	{ by: 'Olena', edit: (doc) => addPin(doc, { id: 'pin-kupiansk', name: 'Kupiansk', lat: 49.71, lng: 37.61, sector: 'sector-izyum' }), itemId: 'pin-kupiansk', action: 'created', summary: "Olena added the pin 'Kupiansk'" },
	{ by: 'Taras', edit: (doc) => drawFront(doc, { id: 'front-oskil', kind: 'line', label: 'Oskil line', points: line }), itemId: 'front-oskil', action: 'created' },
	{ by: 'Olena', edit: (doc) => movePin(doc, 'pin-kupiansk', 49.72, 37.62), itemId: 'pin-kupiansk', action: 'moved', summary: "Olena moved the pin 'Kupiansk'" },
	{ by: 'Taras', edit: (doc) => reshapeFront(doc, 'front-oskil', [...line, [49.38, 37.58]]), itemId: 'front-oskil', action: 'reshaped', summary: "Taras reshaped the front 'Oskil line' (3 points)" },
	{ by: 'Olena', edit: (doc) => updatePin(doc, 'pin-kupiansk', { control: 'ukraine' }), itemId: 'pin-kupiansk', action: 'control-changed', summary: "Olena marked 'Kupiansk' held by Ukraine" },
	{ by: 'Taras', edit: (doc) => postReport(doc, { id: 'report-izium', text: 'Izium abandoned', eventTime: 1, confidence: 'rumour' }), itemId: 'report-izium', action: 'created', summary: "Taras posted the report 'Izium abandoned'" },
	{ by: 'Olena', edit: (doc) => gradeReport(doc, 'report-izium', 'confirmed'), itemId: 'report-izium', action: 'graded', summary: "Olena graded 'Izium abandoned' confirmed" },
	{ by: 'Taras', edit: (doc) => renamePin(doc, 'pin-kupiansk', 'Kupiansk hub'), itemId: 'pin-kupiansk', action: 'renamed' },
	{ by: 'Olena', edit: (doc) => removeFront(doc, 'front-oskil'), itemId: 'front-oskil', action: 'removed', summary: "Olena removed the front 'Oskil line'" }
];

let boardId = '';
const moments: Moment[] = [];
let changes: ChangeEntry[] = [];

describe('[H3] history API', () => {
	it('edits at known times by two watchers: the board at every moment between them is exactly what it was', async () => {
		boardId = (await createBoard(server.url, 'Replay')).id;
		const watchers: Record<'Olena' | 'Taras', YjsClient> = {
			Olena: await connectSynced(server.wsUrl, boardId, 'Olena'),
			Taras: await connectSynced(server.wsUrl, boardId, 'Taras')
		};
		const { Olena, Taras } = watchers;
		const takeMoment = async () => {
			const moment = { seq: await lastSeq(boardId), time: Date.now(), board: canonical(Olena.doc) };
			// The next edit must be logged strictly after this moment's time.
			await waitFor(() => Date.now() > moment.time, { what: 'the clock to move on' });
			moments.push(moment);
		};
		await takeMoment();
		for (const { by, edit } of EDITS) {
			const before = moments.at(-1)!.seq;
			edit(watchers[by].doc);
			// Logged, and heard by the other watcher (the server broadcasts only what is logged).
			await waitFor(async () => canonical(Olena.doc) === canonical(Taras.doc) && (await lastSeq(boardId)) > before, {
				what: 'the edit to be logged and delivered'
			});
			await takeMoment();
		}
		Olena.destroy();
		Taras.destroy();

		changes = (await get<ChangesPage>(HISTORY_API.changes(boardId))).changes;
		for (const [index, moment] of moments.entries()) {
			const byTime = await get<HistoryState>(`${HISTORY_API.state(boardId)}?at=${moment.time}`);
			expect(byTime.seq).toBe(moment.seq);
			expect(canonical(docOf(byTime))).toBe(moment.board);
			const bySeq = await get<HistoryState>(`${HISTORY_API.state(boardId)}?seq=${moment.seq}&update=false`);
			expect(bySeq.content).toEqual(byTime.content);
			expect(bySeq.update).toBeUndefined();
			// Halfway between this edit's logged time and the next edit's, as an ISO time too.
			const next = moments[index + 1];
			if (next) {
				const thisAt = changes.find((change) => change.seq === moment.seq)?.at ?? moment.time;
				const nextAt = changes.find((change) => change.seq === next.seq)!.at;
				const halfway = new Date(Math.floor((thisAt + nextAt) / 2)).toISOString();
				expect((await get<HistoryState>(`${HISTORY_API.state(boardId)}?at=${halfway}`)).seq).toBe(moment.seq);
			}
		}
		const middle = await get<HistoryState>(`${HISTORY_API.state(boardId)}?seq=${moments[5]!.seq}`);
		expect(middle.content.pins).toMatchObject([{ id: 'pin-kupiansk', lat: 49.72, control: 'ukraine' }]);
		expect(middle.content.fronts[0]!.points).toHaveLength(3);
		expect(middle.content.meta.title).toBe('Replay');
	});

	it('the change list names the right watcher, item and action for each edit', async () => {
		for (const [index, expected] of EDITS.entries()) {
			const entries = changes.filter((change) => change.seq === moments[index + 1]!.seq);
			expect(entries).toHaveLength(1);
			expect(entries[0]).toMatchObject({ actor: expected.by, itemId: expected.itemId, action: expected.action, ...(expected.summary ? { summary: expected.summary } : {}) });
			expect(entries[0]!.at).toBeGreaterThan(moments[index]!.time);
			expect(entries[0]!.at).toBeLessThanOrEqual(moments[index + 1]!.time);
		}
		const query = async (params: string) => (await get<ChangesPage>(`${HISTORY_API.changes(boardId)}?${params}`)).changes;
		expect((await query('actor=Taras')).map((change) => change.itemId)).toEqual(['front-oskil', 'front-oskil', 'report-izium', 'pin-kupiansk']);
		expect((await query('collection=reports')).map((change) => change.action)).toEqual(['created', 'graded']);
		expect((await query('sector=sector-izyum')).every((change) => change.itemId === 'pin-kupiansk')).toBe(true);
		const window = await query(`from=${moments[2]!.time}&to=${new Date(moments[4]!.time).toISOString()}`);
		expect(window.map((change) => change.action)).toEqual(['moved', 'reshaped']);
		expect((await query(`fromSeq=${moments[8]!.seq}&actor=Olena&actor=Taras`)).map((change) => change.action)).toEqual(['renamed', 'removed']);
	});

	it('summary, and raw updates page by page that rebuild the board', async () => {
		const summary = await get<HistorySummary>(HISTORY_API.summary(boardId));
		expect(summary.count).toBe(moments.at(-1)!.seq);
		expect(summary.actors.map((actor) => [actor.actor, actor.updates])).toEqual(expect.arrayContaining([['Olena', 5], ['Taras', 4]]));
		expect(summary.reportPosts).toMatchObject([{ itemId: 'report-izium', actor: 'Taras', itemLabel: 'Izium abandoned' }]);
		expect(summary.activity.minute.reduce((sum, bucket) => sum + bucket.updates, 0)).toBe(summary.count);

		const doc = new Y.Doc();
		let pages = 0;
		for (let next: number | null = 1; next !== null; pages++) {
			const page: UpdatesPage = await get<UpdatesPage>(`${HISTORY_API.updates(boardId)}?fromSeq=${next}&limit=3`);
			for (const update of page.updates) Y.applyUpdate(doc, Buffer.from(update.update, 'base64'));
			next = page.next;
		}
		expect(pages).toBe(Math.ceil(summary.count / 3));
		expect(canonical(doc)).toBe(moments.at(-1)!.board);
	});

	it('a fork is a new board holding the state at that moment, noting where it came from', async () => {
		const moment = moments[5]!;
		const { status, body } = await postJson(`${server.url}${HISTORY_API.fork(boardId)}`, { at: new Date(moment.time).toISOString(), title: 'What if', actor: 'Sam' });
		expect(status).toBe(201);
		const fork = body as ForkResponse;
		const at = changes.find((change) => change.seq === moment.seq)!.at;
		expect(fork).toMatchObject({ title: 'What if', forkedFrom: { boardId, seq: moment.seq, at } });
		const source = await get<HistoryState>(`${HISTORY_API.state(boardId)}?seq=${moment.seq}`);
		const forked = await get<HistoryState>(HISTORY_API.state(fork.id));
		expect(forked.content).toEqual({ ...source.content, meta: { ...source.content.meta, title: 'What if', forkedFrom: fork.forkedFrom } });
		// A stock client joining the fork sees the board as it stood, and the list shows its title.
		const watcher = await connectSynced(server.wsUrl, fork.id, 'Maya');
		expect(readAll(watcher.doc, 'fronts').map((front) => front.points.length)).toEqual([3]);
		watcher.destroy();
		expect(await get<{ title: string }>(`/api/boards/${fork.id}`)).toMatchObject({ title: 'What if' });
		const forkChanges = (await get<ChangesPage>(HISTORY_API.changes(fork.id))).changes;
		expect(forkChanges.filter((change) => change.actor === 'Sam').map((change) => change.summary)).toContain(`Sam forked the board from '${boardId}' at update ${moment.seq}`);
		const bySeq = await postJson(`${server.url}${HISTORY_API.fork(boardId)}`, { seq: 0, title: 'Blank' });
		expect((bySeq.body as ForkResponse).forkedFrom).toEqual({ boardId, seq: 0, at: null });
	});

	it('[SI7] a fork without a title is "<source title> (fork)", and its meta names the source, its title then and the moment', async () => {
		const moment = moments[5]!;
		const { status, body } = await postJson(`${server.url}${HISTORY_API.fork(boardId)}`, { seq: moment.seq, actor: 'Sam' });
		expect(status).toBe(201);
		const fork = body as ForkResponse;
		expect(fork.title).toBe('Replay (fork)');
		const at = changes.find((change) => change.seq === moment.seq)!.at;
		expect(fork.forkedFrom).toEqual({ boardId, title: 'Replay', seq: moment.seq, at });
		// Kept in the model's meta, as a stock client reads it.
		const watcher = await connectSynced(server.wsUrl, fork.id, 'Maya');
		expect(readMeta(watcher.doc).forkedFrom).toEqual(fork.forkedFrom);
		watcher.destroy();
		const forked = await get<HistoryState>(HISTORY_API.state(fork.id));
		expect(forked.content.meta.forkedFrom).toEqual(fork.forkedFrom);
	});

	it('errors are JSON naming what is wrong', async () => {
		const expectError = async (path: string, status: number, code: string, field?: string, init?: RequestInit) => {
			const response = await fetch(`${server.url}${path}`, init);
			expect(response.status, path).toBe(status);
			expect(await response.json(), path).toMatchObject({ error: { code, ...(field ? { field } : {}) } });
		};
		for (const path of [HISTORY_API.state('no-such-board'), HISTORY_API.changes('no-such-board'), HISTORY_API.summary('no-such-board'), HISTORY_API.updates('%E0%A4%A')]) {
			await expectError(path, 404, 'not_found');
		}
		await expectError(`${HISTORY_API.state(boardId)}?at=yesterday`, 400, 'invalid', 'at');
		await expectError(`${HISTORY_API.state(boardId)}?seq=99999`, 400, 'invalid', 'seq');
		await expectError(`${HISTORY_API.state(boardId)}?seq=-1`, 400, 'invalid', 'seq');
		await expectError(`${HISTORY_API.state(boardId)}?at=1&seq=1`, 400, 'invalid', 'seq');
		await expectError(`${HISTORY_API.state(boardId)}?update=maybe`, 400, 'invalid', 'update');
		await expectError(`${HISTORY_API.changes(boardId)}?collection=planes`, 400, 'invalid', 'collection');
		await expectError(`${HISTORY_API.updates(boardId)}?limit=0`, 400, 'invalid', 'limit');
		await expectError(`${HISTORY_API.updates(boardId)}?limit=5001`, 400, 'invalid', 'limit');
		await expectError(HISTORY_API.fork(boardId), 405, 'method_not_allowed');
		const post = (body: object) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
		await expectError(HISTORY_API.fork(boardId), 422, 'invalid', 'title', post({ title: ' ' }));
		await expectError(HISTORY_API.fork(boardId), 422, 'invalid', 'at', post({ title: 'x', at: 'soon' }));
		await expectError(HISTORY_API.fork(boardId), 400, 'invalid', 'seq', post({ title: 'x', seq: 99999 }));
		await expectError(HISTORY_API.fork('no-such-board'), 404, 'not_found', undefined, post({ title: 'x' }));
	});
});
