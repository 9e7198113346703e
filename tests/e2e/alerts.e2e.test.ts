/**
 * Flash alerts and pings in Chromium with three watchers on one board: an alert raised in one
 * shows as a toast in the other two (its text as text, never markup), the sender sees "seen by 2
 * of 2" and who; an Alt+click ping shows on another watcher's map; the mute switch survives a
 * reload; replay lists the alert only from the moment it was raised, with a tick on the timeline.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addPin } from '../../src/lib/model/pin-operations';
import { HISTORY_API, type HistorySummary } from '../../src/lib/protocol/history';
import { clickMap, openBoard } from '../helpers/board-page';
import { useServerAndBrowser } from '../helpers/e2e-setup';
import { createBoard } from '../helpers/http';
import { waitFor } from '../helpers/wait-for';
import { connectSynced } from '../helpers/yjs-client';

const fixture = useServerAndBrowser();

/** Text a watcher might type that would be markup if rendered as HTML. */
const ALERT_TEXT = 'Bridge at <b>Kupiansk</b> down & "cut" <img src=x onerror=alert(1)>';

async function raiseAlert(page: Page, text: string, place: 'none' | 'centre' = 'centre') {
	await page.getByRole('button', { name: '+ Alert' }).click();
	await page.locator('textarea[name="alert-text"]').fill(text);
	await page.locator('select[name="alert-place"]').selectOption(place);
	await page.getByRole('button', { name: 'Send flash alert' }).click();
	await page.getByRole('form', { name: 'Raise an alert' }).waitFor({ state: 'detached' });
}

/** A watcher on the board's alert channel: alerts raised from now on reach them. */
async function openWatcher(id: string, name: string): Promise<Page> {
	const page = await openBoard(fixture.browser, fixture.server.url, id, name);
	await page.locator('[data-testid="alert-panel"][data-joined="true"]').waitFor();
	return page;
}

const summary = async (id: string): Promise<HistorySummary> => (await fetch(`${fixture.server.url}${HISTORY_API.summary(id)}`)).json() as Promise<HistorySummary>;

describe('alerts and pings in Chromium', () => {
	it('an alert toasts in the other two watchers, and the sender sees "seen by 2 of 2" with who', async () => {
		const { id } = await createBoard(fixture.server.url, 'Three watchers');
		const [olena, taras, mykola] = await Promise.all([openWatcher(id, 'Olena'), openWatcher(id, 'Taras'), openWatcher(id, 'Mykola')]);

		await raiseAlert(olena, ALERT_TEXT);
		for (const page of [taras, mykola]) {
			const toast = page.getByTestId('alert-toast');
			await toast.waitFor({ timeout: 5_000 });
			expect(await toast.getAttribute('data-priority')).toBe('flash');
			expect(await toast.locator('.text').textContent()).toBe(ALERT_TEXT);
			expect(await toast.locator('b, img').count()).toBe(0);
			expect(await toast.textContent()).toContain('Olena');
			// The place is pinged on the receiver's map.
			expect(await page.getByTestId('map-ping').count()).toBeGreaterThan(0);
		}
		expect(await olena.getByTestId('alert-toast').count()).toBe(0);

		const seenBy = olena.getByTestId('alert-item').first().getByTestId('seen-by');
		await expect.poll(() => seenBy.textContent(), { timeout: 5_000 }).toBe('seen by 2 of 2');
		await seenBy.click();
		const who = olena.getByRole('list', { name: 'Who has seen it' });
		expect((await who.textContent())?.replace(/\s+/g, ' ')).toMatch(/Taras.*Mykola|Mykola.*Taras/);

		// The receivers' lists show it too; dismissing takes the toast away.
		await taras.getByRole('button', { name: 'Dismiss alert' }).click();
		await taras.getByTestId('alert-toast').waitFor({ state: 'detached' });
		expect(await taras.getByTestId('alert-item').first().locator('.text').textContent()).toBe(ALERT_TEXT);
		await Promise.all([olena, taras, mykola].map((page) => page.context().close()));
	});

	it('in a background tab an alert becomes a notification, and counts as seen only once the tab is shown', async () => {
		const { id } = await createBoard(fixture.server.url, 'Background');
		const olena = await openWatcher(id, 'Olena');
		const taras = await openWatcher(id, 'Taras');
		// Taras's tab is in the background: visibility and Notification are what the page sees.
		await taras.addInitScript(() => {
			const page = window as unknown as { hidden: boolean; shown: { title: string; body?: string }[] };
			page.hidden = true;
			page.shown = [];
			Object.defineProperty(Document.prototype, 'visibilityState', { configurable: true, get: () => (page.hidden ? 'hidden' : 'visible') });
			class RecordedNotification {
				static permission = 'granted';
				static requestPermission = async () => 'granted';
				onclick: (() => void) | null = null;
				constructor(title: string, options?: { body?: string }) {
					page.shown.push({ title, body: options?.body });
				}
				close() {}
			}
			(window as unknown as { Notification: unknown }).Notification = RecordedNotification;
		});
		await taras.reload();
		await taras.locator('[data-testid="alert-panel"][data-joined="true"]').waitFor();
		await expect.poll(() => taras.evaluate(() => document.title)).toContain('Background');

		await raiseAlert(olena, 'Look at Svatove', 'none');
		await taras.getByTestId('alert-toast').waitFor();
		const shown = await taras.evaluate(() => (window as unknown as { shown: { title: string; body?: string }[] }).shown);
		expect(shown).toEqual([{ title: 'Flash · Background', body: 'Olena: Look at Svatove' }]);
		expect(await olena.getByTestId('seen-by').first().textContent()).toBe('seen by 0 of 1');

		await taras.evaluate(() => {
			(window as unknown as { hidden: boolean }).hidden = false;
			document.dispatchEvent(new Event('visibilitychange'));
		});
		await expect.poll(() => olena.getByTestId('seen-by').first().textContent(), { timeout: 5_000 }).toBe('seen by 1 of 1');
		await Promise.all([olena, taras].map((page) => page.context().close()));
	});

	it('[SI8] "seen by" counts a toast on screen in a visible tab for a moment, or clicked — not one delivered to a hidden tab', async () => {
		const { id } = await createBoard(fixture.server.url, 'Really seen');
		// One after another: four pages opening at once on a loaded machine miss the 15 s to go live.
		const olena = await openWatcher(id, 'Olena');
		const taras = await openWatcher(id, 'Taras');
		const mykola = await openWatcher(id, 'Mykola');
		const kateryna = await openWatcher(id, 'Kateryna');
		// Mykola's and Kateryna's tabs are in the background (what the page sees of its visibility).
		for (const page of [mykola, kateryna]) {
			await page.evaluate(() => {
				const state = window as unknown as { hidden: boolean };
				state.hidden = true;
				Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (state.hidden ? 'hidden' : 'visible') });
				document.dispatchEvent(new Event('visibilitychange'));
			});
		}

		await raiseAlert(olena, 'Convoy on the Kupiansk road', 'none');
		for (const page of [taras, mykola, kateryna]) await page.getByTestId('alert-toast').waitFor({ timeout: 5_000 });
		const seenBy = olena.getByTestId('alert-item').first().getByTestId('seen-by');
		expect(await seenBy.getAttribute('title')).toMatch(/counted when on screen for 2 s or clicked/);
		await seenBy.click();
		const seers = async () => (await olena.getByRole('list', { name: 'Who has seen it' }).locator('li.yes').allTextContents()).map((text) => text.replace(/[✓\s]+|has seen it/g, ''));

		// A click counts at once, even in a hidden tab (where time on screen never counts).
		await kateryna.getByTestId('alert-toast').locator('.text').click();
		await waitFor(async () => (await seers()).includes('Kateryna'), { what: 'the click to count' });
		// Taras's toast was on screen in a visible tab for the moment: counted.
		await waitFor(async () => (await seers()).includes('Taras'), { what: 'the visible toast to count' });
		// Mykola's toast arrived with Taras's, but his tab is hidden: not counted.
		expect((await seers()).sort()).toEqual(['Kateryna', 'Taras']);
		expect(await seenBy.textContent()).toBe('seen by 2 of 3');

		// His tab shown, the toast on screen for the moment: counted.
		await mykola.evaluate(() => {
			(window as unknown as { hidden: boolean }).hidden = false;
			document.dispatchEvent(new Event('visibilitychange'));
		});
		await expect.poll(() => seenBy.textContent(), { timeout: 5_000 }).toBe('seen by 3 of 3');
		await Promise.all([olena, taras, mykola, kateryna].map((page) => page.context().close()));
	}, 120_000);

	it('an Alt+click ping shows on another watcher’s map with the sender’s name', async () => {
		const { id } = await createBoard(fixture.server.url, 'Pings');
		const olena = await openWatcher(id, 'Olena');
		const taras = await openWatcher(id, 'Taras');
		expect(await taras.getByTestId('map-ping').count()).toBe(0);

		const box = (await olena.getByTestId('board-map').boundingBox())!;
		await olena.keyboard.down('Alt');
		await olena.mouse.click(box.x + box.width * 0.4, box.y + box.height * 0.4);
		await olena.keyboard.up('Alt');

		const ping = taras.getByTestId('map-ping');
		await ping.waitFor({ timeout: 5_000 });
		expect(await ping.textContent()).toBe('Olena');
		// An Alt+click pings instead of starting a pin.
		expect(await olena.getByPlaceholder('Name this pin').count()).toBe(0);
		// It goes after a few seconds.
		await ping.waitFor({ state: 'detached', timeout: 10_000 });

		// The Ping button, then a click: the same for a watcher without a modifier key.
		await taras.getByRole('button', { name: 'Ping', exact: true }).click();
		await clickMap(taras, 0.6, 0.6);
		await olena.getByTestId('map-ping').filter({ hasText: 'Taras' }).waitFor({ timeout: 5_000 });
		await Promise.all([olena, taras].map((page) => page.context().close()));
	});

	it('the mute switch is kept across a reload', async () => {
		const { id } = await createBoard(fixture.server.url, 'Mute');
		const page = await openWatcher(id, 'Olena');
		const toggle = page.getByTestId('mute-toggle');
		expect(await toggle.getAttribute('aria-pressed')).toBe('false');
		await toggle.click();
		expect(await toggle.getAttribute('aria-pressed')).toBe('true');
		await page.reload();
		await page.locator('[data-connection="live"]').waitFor();
		expect(await page.getByTestId('mute-toggle').getAttribute('aria-pressed')).toBe('true');
		await page.context().close();
	});

	it('replay lists an alert from the moment it was raised, with a tick on the timeline', async () => {
		const { id } = await createBoard(fixture.server.url, 'Alert replay');
		const bot = await connectSynced(fixture.server.wsUrl, id, 'Bot');
		addPin(bot.doc, { id: 'pin-before', name: 'Before', lat: 49.2, lng: 36.6, kind: 'town' }, { actor: 'Bot' });
		const before = await waitFor(async () => (await summary(id)).last?.at, { what: 'the first edit logged' });
		const olena = await openWatcher(id, 'Olena');
		await waitFor(() => Date.now() > before + 1_200, { timeoutMs: 3_000, what: 'time to pass' });
		await raiseAlert(olena, 'Watch Izyum', 'none');
		const raisedAt = Date.now();
		await waitFor(() => Date.now() > raisedAt + 1_200, { timeoutMs: 3_000, what: 'time to pass' });
		addPin(bot.doc, { id: 'pin-after', name: 'After', lat: 49.3, lng: 36.7, kind: 'town' }, { actor: 'Bot' });
		const after = await waitFor(async () => {
			const now = await summary(id);
			return now.last && now.last.at > raisedAt ? now.last.at : null;
		}, { what: 'the second edit logged' });
		bot.destroy();

		await olena.goto(`${fixture.server.url}/b/${id}?at=${encodeURIComponent(new Date(before + 200).toISOString())}`);
		await olena.getByTestId('replay-banner').waitFor({ timeout: 15_000 });
		await olena.getByText('No alerts up to this moment.').waitFor();
		await expect.poll(() => olena.getByTestId('alert-tick').count(), { timeout: 5_000 }).toBe(1);

		await olena.goto(`${fixture.server.url}/b/${id}?at=${encodeURIComponent(new Date(after).toISOString())}`);
		await olena.getByTestId('replay-banner').waitFor({ timeout: 15_000 });
		const item = olena.getByTestId('alert-item');
		await item.waitFor();
		expect(await item.locator('.text').textContent()).toBe('Watch Izyum');
		// In replay nothing is raised.
		expect(await olena.getByRole('button', { name: '+ Alert' }).count()).toBe(0);
		await olena.context().close();
	});
});
