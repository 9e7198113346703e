/**
 * Replay in Chromium: a stock y-websocket client adds a pin and later moves it; the board opened
 * at a moment between the two edits draws the pin at its old place, read-only; playing moves it
 * to the new place; the change list seeks back; "Back to live" returns to the live board.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addPin, movePin } from '../../src/lib/model/pin-operations';
import { postReport } from '../../src/lib/model/report-operations';
import { HISTORY_API, type HistorySummary } from '../../src/lib/protocol/history';
import { openBoard } from '../helpers/board-page';
import { useServerAndBrowser } from '../helpers/e2e-setup';
import { createBoard } from '../helpers/http';
import { waitFor } from '../helpers/wait-for';
import { connectSynced } from '../helpers/yjs-client';

const fixture = useServerAndBrowser({ env: { SEED_DEMO: 'false' } });

const summary = async (id: string): Promise<HistorySummary> => (await fetch(`${fixture.server.url}${HISTORY_API.summary(id)}`)).json() as Promise<HistorySummary>;

/** Waits until the server has logged more than `count` updates; returns the newest one's time. */
async function loggedBeyond(id: string, count: number): Promise<number> {
	const latest = await waitFor(async () => {
		const now = await summary(id);
		return now.count > count ? now : null;
	}, { what: 'the server to log the edit' });
	return latest.last!.at;
}

/** The centre of the pin's marker on screen. */
async function pinAt(page: Page, name: string): Promise<{ x: number; y: number }> {
	const box = await waitFor(() => page.locator('.leaflet-marker-icon', { has: page.locator('.sb-pin', { hasText: name }) }).first().boundingBox(), { what: `the marker of ${name}` });
	return { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height / 2) };
}

/** Resolves once the page has drawn `count` more frames: a playing replay moves on every one. */
const framesDrawn = (page: Page, count: number) =>
	page.evaluate((n) => new Promise<void>((done) => {
		const next = (left: number) => (left === 0 ? done() : requestAnimationFrame(() => next(left - 1)));
		next(n);
	}), count);

/** The replay moment to the millisecond (the visible clock shows whole seconds). */
const replayTime = (page: Page) => page.getByTestId('replay-time').getAttribute('data-time');

const far = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y) > 20;

describe('replay in Chromium', () => {
	it('shows the pin where it was, plays it to where it went, and goes back to live', async () => {
		const { id } = await createBoard(fixture.server.url, 'Replay');
		const bot = await connectSynced(fixture.server.wsUrl, id, 'Olena');
		const before = (await summary(id)).count;
		addPin(bot.doc, { id: 'pin-kupiansk', name: 'Kupiansk', lat: 49.2, lng: 34.6, kind: 'town' }, { actor: 'Olena' });
		// Posted now about something an hour ahead: hidden "as happened", shown "as changed".
		postReport(bot.doc, { text: 'Bridge at the river reported down', eventTime: Date.now() + 3_600_000 }, { actor: 'Olena' });
		const added = await loggedBeyond(id, before + 1);
		// The server's clock must move on between the two edits for "between" to exist.
		await waitFor(() => Date.now() > added + 1_500, { timeoutMs: 3_000, what: 'time to pass' });
		const beforeMove = (await summary(id)).count;
		movePin(bot.doc, 'pin-kupiansk', 48.0, 36.6, { actor: 'Olena' });
		const moved = await loggedBeyond(id, beforeMove);
		expect(moved).toBeGreaterThan(added);

		const page = await openBoard(fixture.browser, fixture.server.url, id, 'Taras');
		const live = await pinAt(page, 'Kupiansk');

		// A link to a moment between the two edits opens the board in replay, read-only.
		const between = new Date(Math.round((added + moved) / 2)).toISOString();
		await page.goto(`${fixture.server.url}/b/${id}?at=${encodeURIComponent(between)}`);
		const banner = page.getByTestId('replay-banner');
		await banner.waitFor({ timeout: 15_000 });
		expect(await banner.textContent()).toMatch(/REPLAY — \d{1,2} \w{3} \d{4} \d{2}:\d{2} UTC/);
		expect(await banner.textContent()).toContain('Read-only');
		await waitFor(async () => far(await pinAt(page, 'Kupiansk'), live), { what: 'the pin at its old place' });
		const old = await pinAt(page, 'Kupiansk');
		// Moved south-east: the old place is up and to the left of the live one.
		expect(old.x).toBeLessThan(live.x - 20);
		expect(old.y).toBeLessThan(live.y - 20);
		expect(await page.getByRole('toolbar', { name: 'Drawing tools' }).count()).toBe(0);

		// Two clocks: the report about a later event goes when the board is read "as happened".
		const feedCount = () => page.getByRole('region', { name: 'Reports' }).locator('h2').textContent();
		await waitFor(async () => /Reports\s*1/.test((await feedCount()) ?? ''), { what: 'the report "as changed"' });
		await banner.getByRole('button', { name: 'as happened' }).click();
		await waitFor(async () => /Reports\s*0/.test((await feedCount()) ?? ''), { what: 'the report hidden "as happened"' });
		await banner.getByRole('button', { name: 'as changed' }).click();
		await waitFor(async () => /Reports\s*1/.test((await feedCount()) ?? ''), { what: 'the report back "as changed"' });

		// ←/→ step to the next and previous logged change.
		await page.keyboard.press('ArrowRight');
		await waitFor(async () => !far(await pinAt(page, 'Kupiansk'), live), { what: '→ to step to the move' });
		await page.keyboard.press('ArrowLeft');
		await waitFor(async () => far(await pinAt(page, 'Kupiansk'), live), { what: '← to step back to the creation' });

		await page.getByTestId('timeline').getByRole('button', { name: 'by change' }).click();
		await page.getByTestId('timeline').getByRole('button', { name: 'Play', exact: true }).click();
		await waitFor(async () => !far(await pinAt(page, 'Kupiansk'), live), { timeoutMs: 10_000, what: 'playback to move the pin to its new place' });
		await waitFor(async () => (await page.getByTestId('timeline').getByRole('button', { name: 'Play', exact: true }).count()) === 1, { what: 'playback to stop at the end' });

		// The change list reads like a log; picking the pin's creation seeks back to the old place.
		const entries = page.getByTestId('change-list').locator('button[data-seq]', { hasText: 'Kupiansk' });
		await waitFor(async () => (await entries.count()) === 2, { what: 'two changes to the pin' });
		expect(await entries.nth(1).textContent()).toMatch(/Olena moved the pin .Kupiansk./);
		expect(await entries.nth(1).textContent()).toContain('Olena ·');
		await entries.first().click();
		await waitFor(async () => far(await pinAt(page, 'Kupiansk'), live), { what: 'the change list to seek back' });

		// Space pauses even with the Play button focused (no second toggle from the button itself).
		const timeline = page.getByTestId('timeline');
		await timeline.getByRole('button', { name: 'real time', exact: true }).click();
		await timeline.getByRole('button', { name: 'Play', exact: true }).click();
		await timeline.getByRole('button', { name: 'Pause', exact: true }).waitFor();
		const playing = await replayTime(page);
		await waitFor(async () => (await replayTime(page)) !== playing, { what: 'the replay clock to run while playing' });
		await page.keyboard.press(' ');
		await timeline.getByRole('button', { name: 'Play', exact: true }).waitFor();
		// Playing, the clock moves every frame; paused, it must not, and no second toggle may restart it.
		const paused = await replayTime(page);
		await framesDrawn(page, 5);
		expect(await replayTime(page)).toBe(paused);
		expect(await timeline.getByRole('button', { name: 'Play', exact: true }).count()).toBe(1);

		await page.getByRole('button', { name: 'Back to live' }).click();
		await waitFor(async () => (await banner.count()) === 0, { what: 'the banner to go' });
		await waitFor(async () => !far(await pinAt(page, 'Kupiansk'), live), { what: 'the live pin' });
		expect(new URL(page.url()).searchParams.has('at')).toBe(false);

		// The Replay button opens at the last moment.
		await page.getByRole('button', { name: 'Replay', exact: true }).click();
		await banner.waitFor();
		await waitFor(async () => (await entries.count()) === 2, { what: 'the change list again' });
		expect(far(await pinAt(page, 'Kupiansk'), live)).toBe(false);

		// Fork from the moment the pin was added: the new board holds the pin at its old place.
		await entries.first().click();
		await waitFor(async () => far(await pinAt(page, 'Kupiansk'), live), { what: 'the seek before forking' });
		await page.getByRole('button', { name: 'Fork from here' }).click();
		await page.getByLabel('Title of the new board').fill('What if it stayed');
		await page.getByRole('button', { name: 'Create fork' }).click();
		await page.waitForURL((url) => url.pathname.startsWith('/b/') && !url.pathname.endsWith(`/${id}`), { timeout: 10_000 });
		await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
		await waitFor(async () => (await page.getByTestId('board-title').textContent()) === 'What if it stayed', { what: 'the fork\'s title' });
		const forked = await pinAt(page, 'Kupiansk');
		expect(Math.abs(forked.x - old.x) + Math.abs(forked.y - old.y)).toBeLessThan(4);

		bot.destroy();
		await page.context().close();
	});
});
