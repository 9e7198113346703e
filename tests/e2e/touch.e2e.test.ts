/**
 * [SC*] Touch and small screens beyond "it fits" (screens.e2e.test.ts): the drawing tools leave a
 * phone's map its top, the board's title outlasts a long watcher name, "/" finds the search in
 * the overflow menu, a phone opens on the whole of the board's home area, and a long press on a
 * pin opens its menu.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_BOARD_ID } from '../../src/lib/protocol/boards';
import { useServerAndBrowser } from '../helpers/e2e-setup';
import { waitFor } from '../helpers/wait-for';

const fixture = useServerAndBrowser({ env: { SEED_DEMO: 'true' } });
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

async function openAs(browser: Browser, name: string, options: Parameters<Browser['newContext']>[0]): Promise<Page> {
	const context = await browser.newContext(options);
	await context.addInitScript((watcher) => localStorage.setItem('situation-board:watcher-name', watcher), name);
	const page = await context.newPage();
	await page.goto(`${fixture.server.url}/b/${DEMO_BOARD_ID}`);
	await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
	await page.locator('.board:not([data-role="none"])').waitFor({ timeout: 15_000 });
	return page;
}

/** Whether a pin's marker lies wholly inside the map's box. */
async function pinInsideMap(page: Page, id: string): Promise<boolean> {
	const marker = page.locator(`[data-pin-id="${id}"]`);
	if ((await marker.count()) === 0) return false;
	const [pin, map] = [await marker.boundingBox(), await page.getByTestId('board-map').boundingBox()];
	if (!pin || !map) return false;
	return pin.x >= map.x && pin.y >= map.y && pin.x + pin.width <= map.x + map.width && pin.y + pin.height <= map.y + map.height;
}

/** The middle of a pin's marker, in page pixels. */
async function markerCentre(page: Page, id: string): Promise<{ x: number; y: number }> {
	const box = (await page.locator(`.leaflet-marker-icon:has([data-pin-id="${id}"])`).boundingBox())!;
	return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Two frames: what an event already dispatched was going to change has been drawn. */
const twoFrames = (page: Page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

describe('touch and small screens', () => {
	it('[SC2] a long press on a pin opens its menu — not a pan, a selection or a text selection — and the menu works', async () => {
		const page = await openAs(fixture.browser, 'Presser', PHONE);
		await waitFor(() => pinInsideMap(page, 'pin-kupiansk'), { what: 'Kupiansk on the map', timeoutMs: 10_000 });
		const map = page.getByTestId('board-map');
		const centreBefore = await map.getAttribute('data-center');
		const { x, y } = await markerCentre(page, 'pin-kupiansk');
		// Pins crowd at this zoom (the Oskil crossing is beside Kupiansk): the menu is the pin's on top.
		const under = await page.evaluate(([px, py]) => document.elementFromPoint(px!, py!)?.closest<HTMLElement>('[data-pin-id]')?.dataset.pinId, [x, y]);
		expect(under).toBeTruthy();
		// page.touchscreen only taps: a held finger is dispatched through the DevTools protocol.
		const cdp = await page.context().newCDPSession(page);
		await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
		const menu = page.getByTestId('pin-menu');
		await menu.waitFor();
		expect(await menu.getAttribute('data-menu-pin')).toBe(under);
		await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
		await twoFrames(page);
		expect(await menu.isVisible(), 'the menu stays open after the finger lifts').toBe(true);
		expect(await page.locator('.board').getAttribute('data-sheet'), 'the press did not also select the pin (its sheet would open)').toBeNull();
		expect(await map.getAttribute('data-center'), 'the map did not move').toBe(centreBefore);
		expect(await page.evaluate(() => window.getSelection()?.toString() ?? ''), 'no text was selected').toBe('');

		await menu.getByRole('menuitem', { name: 'Edit details' }).tap();
		await page.getByRole('region', { name: 'Pin details' }).waitFor();
		expect(await menu.count()).toBe(0);
		await page.context().close();
	});

	it('[SC2] a right-click on a pin opens the same menu; a short tap still only selects', async () => {
		const page = await openAs(fixture.browser, 'Clicker', { viewport: { width: 1280, height: 800 } });
		await waitFor(() => pinInsideMap(page, 'pin-izium'), { what: 'Izium on the map', timeoutMs: 10_000 });
		const { x, y } = await markerCentre(page, 'pin-izium');
		await page.mouse.click(x, y, { button: 'right' });
		const menu = page.getByRole('menu', { name: 'Pin Izium' });
		await menu.waitFor();
		await page.keyboard.press('Escape');
		await menu.waitFor({ state: 'detached' });
		await page.mouse.click(x, y);
		await page.getByRole('region', { name: 'Pin details' }).waitFor();
		expect(await menu.count()).toBe(0);
		await page.context().close();
	});

	it('[SC3] on a phone the drawing tools fold into one button low on the map, off its top and clear of the sheet bar', async () => {
		const page = await openAs(fixture.browser, 'Drawer', PHONE);
		const toolbar = page.getByRole('toolbar', { name: 'Drawing tools' });
		const map = (await page.getByTestId('board-map').boundingBox())!;
		const folded = (await toolbar.boundingBox())!;
		const overlapX = Math.max(0, Math.min(folded.x + folded.width, map.x + map.width) - Math.max(folded.x, map.x));
		const overlapY = Math.max(0, Math.min(folded.y + folded.height, map.y + map.height) - Math.max(folded.y, map.y));
		expect((overlapX * overlapY) / (map.width * map.height), 'the share of the map the folded tools cover').toBeLessThan(0.02);
		// The top centre of the map is the map, not a toolbar over it.
		const topCentre = await page.evaluate(({ x, y }) => {
			const hit = document.elementFromPoint(x, y);
			return { map: hit?.closest('[data-testid="board-map"]') !== null, toolbar: hit?.closest('[role="toolbar"]') !== null };
		}, { x: map.x + map.width / 2, y: map.y + 16 });
		expect(topCentre).toEqual({ map: true, toolbar: false });

		// Unfolded, every tool is on screen, off the map's top and above the sheet bar; a tool works.
		await page.getByTestId('draw-tools-toggle').tap();
		const measure = toolbar.getByRole('button', { name: 'Measure distance' });
		await measure.waitFor();
		const open = (await toolbar.boundingBox())!;
		const sheetBar = (await page.getByRole('navigation', { name: 'Panels' }).boundingBox())!;
		expect(open.y + open.height).toBeLessThanOrEqual(sheetBar.y);
		expect(open.y).toBeGreaterThan(map.y + map.height / 2);
		expect(open.x).toBeGreaterThanOrEqual(0);
		await measure.tap();
		await waitFor(async () => (await measure.getAttribute('aria-pressed')) === 'true', { what: 'the measure tool to be on' });
		await page.context().close();
	});

	it('[SC4] at 1280 px the board\'s title keeps its first 20 characters beside a 30-character watcher name, and carries the whole title', async () => {
		const name = 'Oleksandra Kovalenko-Shevchuko';
		expect(name).toHaveLength(30);
		const page = await openAs(fixture.browser, name, { viewport: { width: 1280, height: 800 } });
		await page.getByTestId('my-name').waitFor();
		const title = page.getByTestId('board-title');
		const measured = await title.evaluate((element) => {
			const text = element.firstChild!;
			const range = document.createRange();
			range.setStart(text, 0);
			range.setEnd(text, 20);
			return { first20: range.getBoundingClientRect().width, shown: element.clientWidth, full: element.textContent ?? '', title: element.getAttribute('title') };
		});
		// Room for the 20 characters and the ellipsis after them.
		expect(measured.shown, `the title's box against the width of "${measured.full.slice(0, 20)}"`).toBeGreaterThanOrEqual(measured.first20 + 12);
		expect(measured.title).toBe(measured.full);
		await page.context().close();
	});

	it('[SC4] on a phone the board\'s title takes two lines before it is cut', async () => {
		const page = await openAs(fixture.browser, 'Reader', PHONE);
		const lines = await page.getByTestId('board-title').evaluate((element) => {
			const style = getComputedStyle(element);
			return element.getBoundingClientRect().height / parseFloat(style.lineHeight);
		});
		expect(Math.round(lines)).toBe(2);
		await page.context().close();
	});

	it('[SC5] "/" on a tablet opens the overflow menu and focuses the place search in it', async () => {
		const page = await openAs(fixture.browser, 'Searcher', { viewport: { width: 768, height: 1024 } });
		await expect(page.getByTestId('topbar-menu').isVisible()).resolves.toBe(false);
		await page.keyboard.press('/');
		const search = page.getByRole('combobox', { name: 'Search places' });
		await waitFor(() => search.evaluate((input) => document.activeElement === input && input.checkVisibility()), { what: 'the search to be focused and visible' });
		// The key opened the search; it did not type itself into it.
		await expect(search.inputValue()).resolves.toBe('');
		await page.keyboard.type('Kupiansk');
		await expect(search.inputValue()).resolves.toBe('Kupiansk');
		await page.context().close();
	});

	it('[SC6] a phone opens on the board\'s whole home area: Kupiansk and Kherson are both on the map', async () => {
		const page = await openAs(fixture.browser, 'Opener', PHONE);
		await waitFor(async () => (await pinInsideMap(page, 'pin-kupiansk')) && (await pinInsideMap(page, 'pin-kherson')), { what: 'Kupiansk and Kherson inside the map', timeoutMs: 10_000 });
		await page.context().close();
	});
});
