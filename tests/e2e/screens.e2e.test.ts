/**
 * [SC1] Every screen a watcher uses: the demo board at a phone (touch, both ways up), a tablet, two laptops' and a
 * desktop's sizes, on a first visit (the name dialog) and a second (after another watcher's edits,
 * so sector attention is showing). At each: the page is no wider than the window, every control
 * of the top bar (and of its overflow menu, opened) and the live light are on screen, the pin
 * editor and the report form fit their panel, and a pin can be added and a report posted.
 */
import fs from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { postReport } from '../../src/lib/model/report-operations';
import { updatePin } from '../../src/lib/model/pin-operations';
import { ARTIFACTS_DIR } from '../helpers/browser';
import { useServerAndBrowser } from '../helpers/e2e-setup';
import { controlsOutsideViewport, fieldsOutside, pageWidths } from '../helpers/layout-checks';
import { waitFor } from '../helpers/wait-for';
import { connectSynced } from '../helpers/yjs-client';

const fixture = useServerAndBrowser({ env: { SEED_DEMO: 'true' } });
const BOARD = 'kharkiv-2022';

const SCREENS = [
	{ name: 'phone', width: 390, height: 844, touch: true, layout: 'phone' },
	// The same phone held sideways: as wide as a tablet, but laid out as a phone ([SC1]).
	{ name: 'phone-landscape', width: 844, height: 390, touch: true, layout: 'phone' },
	{ name: 'tablet', width: 768, height: 1024, touch: false, layout: 'tablet' },
	{ name: 'laptop-1280', width: 1280, height: 800, touch: false, layout: 'desktop' },
	{ name: 'desktop-1440', width: 1440, height: 900, touch: false, layout: 'desktop' },
	{ name: 'desktop-1920', width: 1920, height: 1080, touch: false, layout: 'desktop' }
] as const;
type Screen = (typeof SCREENS)[number];

/** What fits the screen at this moment: the page's width, the bar, its menu and the light. */
async function expectScreenFits(page: Page): Promise<void> {
	const widths = await pageWidths(page);
	expect(widths.scrollWidth, 'the page is no wider than the window').toBeLessThanOrEqual(widths.innerWidth);
	expect(widths.scrollX).toBe(0);
	await expect(controlsOutsideViewport(page.locator('header.topbar'))).resolves.toEqual([]);
	await expect(controlsOutsideViewport(page.locator('[data-connection]'))).resolves.toEqual([]);
	const menuButton = page.getByTestId('topbar-menu-button');
	if (await menuButton.count()) {
		await menuButton.click();
		await page.getByTestId('topbar-menu').waitFor();
		await expect(controlsOutsideViewport(page.getByTestId('topbar-menu'))).resolves.toEqual([]);
		await menuButton.click();
		await page.getByTestId('topbar-menu').waitFor({ state: 'hidden' });
	}
}

/** The panel holding the side panel's (or the feed's) content; on a phone, opened as a sheet. */
async function openPanel(page: Page, screen: Screen, which: 'side' | 'feed') {
	if (screen.layout === 'phone' && (await page.locator(`.board[data-sheet="${which}"]`).count()) === 0) await page.getByTestId(`sheet-${which}`).click();
	const panel = page.locator(which === 'side' ? 'aside.side' : 'aside.feed');
	await panel.waitFor();
	return panel;
}

/**
 * Adds a pin by clicking (or, on a phone, tapping) the map, then opens its editor and checks it
 * fits. The click goes to the first spot of the map's left part where the map itself is hit — no
 * pin, label, front or control there — so it never lands on a pin an earlier size added (that
 * click would select the pin instead); where earlier pins land depends on each size's view.
 */
async function addPinAndEdit(page: Page, screen: Screen, name: string): Promise<void> {
	const map = (await page.getByTestId('board-map').boundingBox())!;
	const spots = [0.15, 0.25, 0.35].flatMap((fx) => [0.3, 0.35, 0.4, 0.45, 0.5, 0.55].map((fy) => ({ x: map.x + map.width * fx, y: map.y + map.height * fy })));
	const { x, y } = await page.evaluate((candidates) => {
		const clear = (hit: Element | null) =>
			hit?.closest('[data-testid="board-map"]') && !hit.closest('.leaflet-marker-icon, .leaflet-interactive, .leaflet-control, button, [role]');
		// A spot whose neighbourhood is clear too: a pin's label may start just beside it.
		const around = [-14, 0, 14];
		return candidates.find(({ x, y }) => around.every((dx) => around.every((dy) => clear(document.elementFromPoint(x + dx, y + dy))))) ?? candidates[0]!;
	}, spots);
	if (screen.touch) await page.touchscreen.tap(x, y);
	else await page.mouse.click(x, y);
	await page.getByPlaceholder('Name this pin').fill(name);
	await page.getByRole('button', { name: 'Add pin' }).click();
	const side = await openPanel(page, screen, 'side');
	await side.getByPlaceholder('Filter pins').fill(name);
	await side.locator('[data-pin-row]', { hasText: name }).first().click();
	const editor = page.locator('.pin-details');
	await editor.waitFor();
	await expect(fieldsOutside(editor, side)).resolves.toEqual([]);
	await editor.getByRole('button', { name: /close/i }).first().click();
	await side.getByPlaceholder('Filter pins').fill('');
}

/** Opens the report form, checks it fits the feed, posts a report and sees it in the feed. */
async function postAReport(page: Page, screen: Screen, text: string): Promise<void> {
	const feed = await openPanel(page, screen, 'feed');
	await feed.getByRole('button', { name: '+ Report' }).click();
	const form = page.getByRole('form', { name: 'Post a report' });
	await form.waitFor();
	await expect(fieldsOutside(form, feed)).resolves.toEqual([]);
	await form.getByLabel('What is being reported').fill(text);
	await form.getByRole('button', { name: 'Post report' }).click();
	await feed.locator('article', { hasText: text }).first().waitFor();
	if (screen.layout === 'phone') await page.locator('aside.feed').getByTestId('sheet-close').click();
}

async function firstVisit(context: BrowserContext, screen: Screen): Promise<Page> {
	const page = await context.newPage();
	await page.goto(`${fixture.server.url}/b/${BOARD}`);
	const dialog = page.getByTestId('identity-dialog');
	await dialog.waitFor();
	const box = (await dialog.boundingBox())!;
	expect(box.x).toBeGreaterThanOrEqual(0);
	expect(box.y).toBeGreaterThanOrEqual(0);
	expect(box.x + box.width).toBeLessThanOrEqual(screen.width);
	expect(box.y + box.height).toBeLessThanOrEqual(screen.height);
	await dialog.getByLabel('Display name').fill(`Watcher ${screen.name}`);
	await dialog.getByRole('button', { name: 'Join the board' }).click();
	await dialog.waitFor({ state: 'hidden' });
	await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
	await page.locator('.board:not([data-role="none"])').waitFor({ timeout: 15_000 });
	return page;
}

describe('every screen a watcher uses', () => {
	for (const screen of SCREENS) {
		it(`[SC1] ${screen.name} (${screen.width}×${screen.height}): laid out as a ${screen.layout}, fits on a first and a second visit; a pin and a report can be added`, async () => {
			fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
			const context = await fixture.browser.newContext({
				viewport: { width: screen.width, height: screen.height },
				...(screen.touch ? { hasTouch: true, isMobile: true } : {})
			});
			const first = await firstVisit(context, screen);
			await expect(first.locator('.board').getAttribute('data-screen')).resolves.toBe(screen.layout);
			await expectScreenFits(first);
			await addPinAndEdit(first, screen, `Checkpoint ${screen.name}`);
			await postAReport(first, screen, `Report from a ${screen.name}`);
			await expectScreenFits(first);
			await first.screenshot({ path: `${ARTIFACTS_DIR}/screens-${screen.name}-first.png` });
			await first.close({ runBeforeUnload: true });
			await waitFor(() => first.isClosed(), { what: 'the first visit to end' });

			// Another watcher changes things in two sectors while this one is away.
			const olena = await connectSynced(fixture.server.wsUrl, BOARD, 'Olena');
			updatePin(olena.doc, 'pin-kupiansk', { note: `Checked for the ${screen.name}` }, { actor: 'Olena' });
			postReport(olena.doc, { id: `report-${screen.name}`, text: `Crossing seen (${screen.name})`, eventTime: Date.now(), sector: 'sector-izyum' }, { actor: 'Olena' });

			const second = await context.newPage();
			await second.goto(`${fixture.server.url}/b/${BOARD}`);
			await second.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
			await second.locator('.board:not([data-role="none"])').waitFor({ timeout: 15_000 });
			if (screen.layout !== 'phone' && screen.layout !== 'tablet') await second.getByTestId('sector-attention').waitFor();
			else await second.locator('[data-testid="sector-attention"]').waitFor({ state: 'attached' });
			await expectScreenFits(second);
			await second.locator('header.topbar').hover();
			await expectScreenFits(second);
			await addPinAndEdit(second, screen, `Second look ${screen.name}`);
			await postAReport(second, screen, `Second report from a ${screen.name}`);
			await expectScreenFits(second);
			await second.screenshot({ path: `${ARTIFACTS_DIR}/screens-${screen.name}.png` });
			olena.destroy();
			await context.close();
		}, 120_000); // A minute is typical; the shared test machine can take twice that.
	}
});
