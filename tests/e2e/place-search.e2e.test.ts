/**
 * Place search on the real board page, in Chromium, with the network cut off: every request that
 * is not to our own server is aborted, so the gazetteer must come from the app itself.
 *
 * Needs the board page to wire it: `PlaceSearch` in the top bar (onfly flies the map, ondrop adds
 * a pin), `data-center="lat,lng"` on the `board-map` element, updated on moveend; and
 * `static/gazetteer.json` built before `vite build` (scripts/build-gazetteer.mjs).
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BOARD_ID } from '../../src/lib/protocol/boards';
import { ARTIFACTS_DIR } from '../helpers/browser';
import { useServerAndBrowser } from '../helpers/e2e-setup';
import { createBoard } from '../helpers/http';

const IZIUM = { lat: 49.207, lng: 37.277 };

const fixture = useServerAndBrowser({ env: { SEED_DEMO: 'true' } });
beforeAll(async () => {
	const gazetteer = await fetch(`${fixture.server.url}/gazetteer.json`);
	if (!gazetteer.ok) throw new Error('the built app serves no /gazetteer.json: run `npm run build` (it runs scripts/build-gazetteer.mjs first)');
});

/** Opens a board with no network beyond our server; returns the page and the URLs it asked for. */
async function openOffline(id: string) {
	const context = await fixture.browser.newContext({ viewport: { width: 1400, height: 900 } });
	await context.addInitScript(() => localStorage.setItem('situation-board:watcher-name', 'Searcher'));
	const requested: string[] = [];
	await context.route('**/*', (route) => {
		const url = route.request().url();
		requested.push(url);
		return url.startsWith(fixture.server.url) ? route.continue() : route.abort('internetdisconnected');
	});
	const page = await context.newPage();
	await page.goto(`${fixture.server.url}/b/${id}`);
	await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
	return { page, requested };
}

async function mapCentre(page: Page): Promise<{ lat: number; lng: number }> {
	const [lat, lng] = ((await page.getByTestId('board-map').getAttribute('data-center')) ?? 'NaN,NaN').split(',').map(Number);
	return { lat: lat ?? NaN, lng: lng ?? NaN };
}

async function search(page: Page, text: string) {
	const box = page.getByRole('combobox', { name: /search places/i });
	await box.waitFor({ timeout: 10_000 }).catch(() => {
		throw new Error('no "Search places" combobox on the board page: is PlaceSearch wired into the top bar?');
	});
	await page.locator('body').press('/');
	await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
	await box.pressSequentially(text);
	const first = page.getByRole('listbox').getByRole('option').first();
	await first.waitFor({ timeout: 10_000 });
	return { box, first };
}

describe('place search on the board (Chromium, offline)', () => {
	it('"/" then "Izyum" offers Izium first, and "Fly there" centres the map on it', async () => {
		const { page, requested } = await openOffline(DEMO_BOARD_ID);
		const { box, first } = await search(page, 'Izyum');
		await expect.poll(() => first.textContent()).toContain('Izium');
		expect(await box.getAttribute('aria-expanded')).toBe('true');
		expect(await box.getAttribute('aria-activedescendant')).toBe(await first.getAttribute('id'));
		await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'place-search.png') });

		await first.getByRole('button', { name: 'Fly there' }).click();
		await expect
			.poll(async () => {
				const centre = await mapCentre(page);
				return Math.max(Math.abs(centre.lat - IZIUM.lat), Math.abs(centre.lng - IZIUM.lng));
			}, { timeout: 5_000 })
			.toBeLessThan(0.2);
		expect(await box.getAttribute('aria-expanded')).toBe('false');
		expect(requested.filter((url) => !url.startsWith(fixture.server.url))).toEqual([]);
		expect(requested.some((url) => url.endsWith('/gazetteer.json'))).toBe(true);
		await page.context().close();
	});

	it('"Drop a pin here" adds a pin named Izium', async () => {
		const { id } = await createBoard(fixture.server.url, 'Place search');
		const { page } = await openOffline(id);
		const { first } = await search(page, 'Izyum');
		await first.getByRole('button', { name: 'Drop a pin here' }).click();
		await page.locator('.sb-pin', { hasText: 'Izium' }).waitFor({ timeout: 5_000 });
		await expect.poll(() => page.locator('.sb-pin').count()).toBe(1);
		await page.context().close();
	});

	it('Shift+Enter drops a pin too, Esc closes the list, and an unknown name says so', async () => {
		const { id } = await createBoard(fixture.server.url, 'Place search keys');
		const { page } = await openOffline(id);
		const { box } = await search(page, 'Kupjansk');
		await box.press('Shift+Enter');
		await page.locator('.sb-pin', { hasText: 'Kupiansk' }).waitFor({ timeout: 5_000 });

		await search(page, 'Lyschansk');
		await box.press('Escape');
		expect(await box.getAttribute('aria-expanded')).toBe('false');

		await box.fill('Xqzwv');
		await page.getByText("No place matches 'Xqzwv'").waitFor({ timeout: 5_000 });
		await page.context().close();
	});
});
