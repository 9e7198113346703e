/**
 * [H4] The demo board's history: seeded on first start by playing its 2022 script through the
 * live room, its change list reads like the session it re-enacts — from 6 September 2022, by
 * Olena, Taras, Maya and Sam — and the board can be seen as it stood on any day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BOARD_ID } from '../../src/lib/protocol/boards';
import type { ChangesPage, HistoryState, HistorySummary } from '../../src/lib/protocol/history';
import { HISTORY_API } from '../../src/lib/protocol/history';
import { getJson } from '../helpers/http';
import { startServer, type ServerProcess } from '../helpers/server-process';

let server: ServerProcess;
beforeAll(async () => {
	server = await startServer({ env: { SEED_DEMO: 'true' } });
});
afterAll(async () => {
	await server?.stop();
});

const get = async <T>(path: string): Promise<T> => {
	const { status, body } = await getJson(`${server.url}${path}`);
	if (status !== 200) throw new Error(`GET ${path}: ${status} ${JSON.stringify(body)}`);
	return body as T;
};

describe('[H4] the demo board replays', () => {
	it('its change list starts on 6 September 2022 and names the four watchers', async () => {
		const { changes, next } = await get<ChangesPage>(HISTORY_API.changes(DEMO_BOARD_ID));
		expect(next).toBeNull();
		expect(new Date(changes[0]!.at).toISOString().slice(0, 10)).toBe('2022-09-06');
		const actors = new Set(changes.map((change) => change.actor));
		for (const name of ['Olena', 'Taras', 'Maya', 'Sam']) expect(actors).toContain(name);
		expect(changes.map((change) => change.summary)).toEqual(
			expect.arrayContaining([
				"Sam posted the report 'Rumours of a thrust towards Mariupol'",
				"Taras marked 'Lysychansk' contested",
				expect.stringMatching(/^Olena drew the front 'Oskil river line' \(\d+ points\)$/),
				expect.stringMatching(/^Maya reshaped the front 'Kherson pocket' \(\d+ points\)$/)
			])
		);
		expect(changes.some((change) => change.action === 'graded')).toBe(true);
		expect(changes.some((change) => change.action === 'reshaped')).toBe(true);
		const actions = (await get<ChangesPage>(`${HISTORY_API.changes(DEMO_BOARD_ID)}?actor=Maya&collection=reports`)).changes;
		expect(actions.length).toBeGreaterThan(0);
		expect(actions.every((change) => change.actor === 'Maya' && change.collection === 'reports')).toBe(true);
	});

	it('its summary spans the autumn of 2022 with report posts for the timeline', async () => {
		const summary = await get<HistorySummary>(HISTORY_API.summary(DEMO_BOARD_ID));
		expect(new Date(summary.first!.at).toISOString()).toBe('2022-09-06T06:50:00.000Z');
		expect(new Date(summary.last!.at).toISOString().slice(0, 7)).toBe('2022-11');
		expect(summary.reportPosts.length).toBeGreaterThan(30);
		expect(summary.actors.map((actor) => actor.actor)).toEqual(expect.arrayContaining(['Olena', 'Taras', 'Maya', 'Sam']));
	});

	it('the board as it stood on 10 September 2022 lacks what came later', async () => {
		const early = await get<HistoryState>(`${HISTORY_API.state(DEMO_BOARD_ID)}?at=2022-09-10T00:00:00Z`);
		const late = await get<HistoryState>(HISTORY_API.state(DEMO_BOARD_ID));
		expect(early.seq).toBeLessThan(late.seq);
		expect(early.content.pins.length).toBeGreaterThan(0);
		expect(early.content.reports.length).toBeLessThan(late.content.reports.length);
		expect(early.content.reports.every((report) => (report.createdAt ?? 0) <= Date.parse('2022-09-10T00:00:00Z'))).toBe(true);
		expect(early.content.meta.title).toBe(late.content.meta.title);
	});
});
