/** Opening a board in a fresh browser context as a named watcher, and reading what its map shows. */
import type { Browser, Page } from 'playwright-core';

export async function openBoard(browser: Browser, baseUrl: string, id: string, name: string, query = ''): Promise<Page> {
	const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
	// A stored name is a chosen name: the first-visit name prompt does not appear.
	await context.addInitScript((watcher) => localStorage.setItem('situation-board:watcher-name', watcher), name);
	const page = await context.newPage();
	await page.goto(`${baseUrl}/b/${id}${query}`);
	await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
	// What this watcher may do is known, so editing tools are in their final state.
	await page.locator('.board:not([data-role="none"])').waitFor({ timeout: 15_000 });
	return page;
}

/** The vector paths Leaflet drew in the overlay pane (fronts, sectors, report markers), with their style. */
export function overlayPaths(page: Page): Promise<{ stroke: string | null; dash: string | null; d: string | null }[]> {
	return page.locator('.leaflet-overlay-pane path').evaluateAll((paths) =>
		paths.map((path) => ({ stroke: path.getAttribute('stroke'), dash: path.getAttribute('stroke-dasharray'), d: path.getAttribute('d') }))
	);
}

/** Clicks at fractions of the map's width and height. */
export async function clickMap(page: Page, fx: number, fy: number): Promise<void> {
	const box = (await page.getByTestId('board-map').boundingBox())!;
	await page.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
}
