import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readAll } from '../../src/lib/model/records';
import { addSector } from '../../src/lib/model/sector-operations';
import { postReport } from '../../src/lib/model/report-operations';
import { DEMO_BOARD_ID } from '../../src/lib/protocol/boards';
import { clickMap, openBoard, overlayPaths } from '../helpers/board-page';
import { ARTIFACTS_DIR } from '../helpers/browser';
import { useServerAndBrowser } from '../helpers/e2e-setup';
import { createBoard } from '../helpers/http';
import { waitFor } from '../helpers/wait-for';
import { connectSynced, type YjsClient } from '../helpers/yjs-client';

const fixture = useServerAndBrowser({ env: { SEED_DEMO: 'true' } });

const BLUE = '#2f6fd0';
const RED = '#c8372d';

/** Draws with a toolbar tool: clicks the points (fractions of the map), then Enter to finish; a front keeps the name it is offered. */
async function draw(page: Page, tool: string, points: [number, number][]): Promise<void> {
	await page.getByRole('button', { name: tool }).click();
	for (const [fx, fy] of points) await clickMap(page, fx, fy);
	await page.keyboard.press('Enter');
	if (tool === 'Measure distance') return;
	await page.getByTestId('front-name').waitFor();
	await page.keyboard.press('Enter');
	await page.getByTestId('front-name').waitFor({ state: 'detached' });
}

const frontPaths = async (page: Page) => (await overlayPaths(page)).filter((p) => p.stroke === BLUE || p.stroke === RED);

describe('the working surface in Chromium', () => {
	it('fronts drawn in one browser appear in the other with the same style; vertex edits and deletes follow', async () => {
		const { id } = await createBoard(fixture.server.url, 'Fronts');
		const bot = await connectSynced(fixture.server.wsUrl, id, 'observer');
		const olena = await openBoard(fixture.browser, fixture.server.url, id, 'Olena');
		const taras = await openBoard(fixture.browser, fixture.server.url, id, 'Taras');

		await draw(olena, 'Arrow (axis of advance)', [[0.3, 0.6], [0.45, 0.45], [0.55, 0.3]]);
		await olena.getByLabel('Side of new fronts').selectOption('russia');
		await olena.getByLabel('State of new fronts').selectOption('predicted');
		await draw(olena, 'Front line', [[0.6, 0.7], [0.7, 0.6], [0.8, 0.65]]);
		await draw(olena, 'Area (pocket, bridgehead)', [[0.2, 0.2], [0.3, 0.15], [0.35, 0.3]]);

		await waitFor(() => readAll(bot.doc, 'fronts').length === 3, { what: 'three fronts in the document', timeoutMs: 5_000 });
		expect(readAll(bot.doc, 'fronts').map((f) => `${f.kind}:${f.side}:${f.state}`).sort()).toEqual(['area:russia:predicted', 'arrow:ukraine:ongoing', 'line:russia:predicted']);
		const started = Date.now();
		await waitFor(async () => (await frontPaths(taras)).length === (await frontPaths(olena)).length, { timeoutMs: 2_000, what: 'the other browser to draw the fronts' });
		expect(Date.now() - started).toBeLessThan(2_000);
		const styles = async (page: Page) => (await frontPaths(page)).map((p) => `${p.stroke}|${p.dash}`).sort();
		expect(await styles(taras)).toEqual(await styles(olena));
		expect((await styles(olena)).some((s) => s.startsWith(RED) && s.endsWith('4 7'))).toBe(true);

		// The area is selected after drawing: drag one of its vertex handles.
		const before = JSON.stringify(readAll(bot.doc, 'fronts').find((f) => f.kind === 'area')!.points);
		const handle = olena.locator('.leaflet-marker-pane .marker-icon:not(.marker-icon-middle)').first();
		const box = (await handle.boundingBox())!;
		await olena.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
		await olena.mouse.down();
		await olena.mouse.move(box.x + 40, box.y + 30, { steps: 6 });
		await olena.mouse.up();
		await waitFor(() => JSON.stringify(readAll(bot.doc, 'fronts').find((f) => f.kind === 'area')!.points) !== before, { what: 'the vertex edit to sync' });
		const areaPath = async (page: Page) => (await frontPaths(page)).map((p) => p.d).join();
		await waitFor(async () => (await areaPath(taras)) === (await areaPath(olena)), { timeoutMs: 2_000, what: 'the reshaped area in the other browser' });

		await olena.getByRole('button', { name: 'Delete this area' }).click();
		await waitFor(() => readAll(bot.doc, 'fronts').length === 2);
		await waitFor(async () => (await frontPaths(taras)).length === (await frontPaths(olena)).length, { timeoutMs: 2_000, what: 'the delete to reach the other browser' });
		bot.destroy();
		await olena.context().close();
		await taras.context().close();
	});

	it('a report posted in one browser appears in the other’s feed and map; a grade change shows in both', async () => {
		const { id } = await createBoard(fixture.server.url, 'Reports');
		const maya = await openBoard(fixture.browser, fixture.server.url, id, 'Maya');
		const sam = await openBoard(fixture.browser, fixture.server.url, id, 'Sam');

		await maya.getByRole('button', { name: '+ Report' }).click();
		await maya.getByLabel('What is being reported').fill('Rumours of a thrust towards Mariupol <script>alert(1)</script>');
		await maya.getByLabel('Grade').first().selectOption('rumour');
		await maya.getByLabel(/Sources/).fill('https://example.org/thread/1\njavascript:alert(1)');
		await maya.getByRole('button', { name: 'Pick on map' }).click();
		await clickMap(maya, 0.5, 0.5);
		await maya.getByRole('button', { name: 'Post report' }).click();
		// A javascript: link is refused with a clear message, and nothing is posted.
		await expect.poll(() => maya.getByRole('alert').first().textContent()).toMatch(/http\(s\) link/);
		await maya.getByLabel(/Sources/).fill('https://example.org/thread/1');
		await maya.getByRole('button', { name: 'Post report' }).click();

		const item = (page: Page) => page.locator('article', { hasText: 'Rumours of a thrust towards Mariupol' });
		await item(sam).waitFor({ timeout: 2_000 });
		expect(await item(sam).locator('.grade').textContent()).toBe('rumour');
		expect(await item(sam).textContent()).toContain('<script>alert(1)</script>');
		expect(await item(sam).getByRole('link', { name: /example\.org/ }).getAttribute('href')).toBe('https://example.org/thread/1');
		await sam.locator('.sb-report-marker--rumour').waitFor({ timeout: 2_000 });

		await item(sam).getByLabel('Grade').selectOption('denied');
		await expect.poll(() => item(maya).locator('.grade').textContent(), { timeout: 2_000 }).toBe('denied');
		await maya.locator('.sb-report-marker--denied').waitFor({ timeout: 2_000 });
		await maya.context().close();
		await sam.context().close();
	});

	it('the sector switcher zooms to a sector and puts its reports first, the rest after (or hidden when asked)', async () => {
		const { id } = await createBoard(fixture.server.url, 'Sectors');
		const bot: YjsClient = await connectSynced(fixture.server.wsUrl, id, 'bot');
		const izyum = addSector(bot.doc, { name: 'Izyum', colour: '#0e7490', area: [[48.9, 36.5], [49.9, 36.5], [49.9, 38], [48.9, 38]] });
		addSector(bot.doc, { name: 'Kherson', colour: '#7c3aed', area: [[46.3, 32], [47.3, 32], [47.3, 33.8], [46.3, 33.8]] });
		postReport(bot.doc, { text: 'Izium abandoned', eventTime: 1, sector: izyum, place: { lat: 49.2, lng: 37.26 } });
		postReport(bot.doc, { text: 'Kherson quiet', eventTime: 2 });
		const page = await openBoard(fixture.browser, fixture.server.url, id, 'Olena');
		await page.locator('article').nth(1).waitFor();
		const centre = async () => (await page.getByTestId('board-map').getAttribute('data-center'))!.split(',').map(Number);
		await page.getByTestId('sector-switcher').selectOption({ label: 'Izyum' });
		await waitFor(async () => {
			const [lat, lng] = await centre();
			return Math.abs(lat! - 49.4) < 0.3 && Math.abs(lng! - 37.25) < 0.3;
		}, { what: 'the map to zoom to Izyum' });
		// The sector's report first; the other after it, faint (SI9); hidden only when asked.
		await expect.poll(() => page.locator('article[data-outside="true"]').count()).toBe(1);
		expect(await page.locator('article').first().textContent()).toContain('Izium abandoned');
		expect(await page.locator('article').nth(1).textContent()).toContain('Kherson quiet');
		await page.getByLabel('Hide what lies outside the sector').check();
		await expect.poll(() => page.locator('article').count()).toBe(1);
		expect(await page.locator('article').textContent()).toContain('Izium abandoned');
		await page.getByLabel('Hide what lies outside the sector').uncheck();
		await page.getByTestId('sector-switcher').selectOption({ label: 'All sectors' });
		await expect.poll(() => page.locator('article').count()).toBe(2);
		bot.destroy();
		await page.context().close();
	});

	it('forms say clearly what is wrong with an empty name or a latitude of 123, and change nothing', async () => {
		const { id } = await createBoard(fixture.server.url, 'Bad values');
		const bot = await connectSynced(fixture.server.wsUrl, id, 'bot');
		const page = await openBoard(fixture.browser, fixture.server.url, id, 'Olena');
		await clickMap(page, 0.5, 0.5);
		await page.getByRole('button', { name: 'Add pin' }).click();
		await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/Name must not be empty/);
		await page.getByPlaceholder('Name this pin').fill('Izium');
		await page.getByRole('button', { name: 'Add pin' }).click();
		await waitFor(() => readAll(bot.doc, 'pins').length === 1);
		const details = page.getByRole('region', { name: 'Pin details' });
		await details.getByLabel('Latitude').fill('123');
		await details.getByLabel('Latitude').press('Enter');
		await expect.poll(() => details.getByRole('alert').textContent()).toMatch(/lat.*(90|too big)/i);
		expect(readAll(bot.doc, 'pins')[0]!.lat).not.toBe(123);
		await details.getByLabel('Latitude').fill('49.2');
		await details.getByLabel('Latitude').press('Enter');
		await waitFor(() => readAll(bot.doc, 'pins')[0]!.lat === 49.2, { what: 'a valid latitude to be saved' });
		bot.destroy();
		await page.context().close();
	});

	it('measures a distance along a path in km', async () => {
		const page = await openBoard(fixture.browser, fixture.server.url, DEMO_BOARD_ID, 'Measurer');
		await draw(page, 'Measure distance', [[0.4, 0.4], [0.6, 0.5]]);
		await expect.poll(() => page.getByTestId('measurement').textContent()).toMatch(/Distance: \d+(\.\d)? km/);
		await page.context().close();
	});

	it('keeps screenshots of the 2022 demo board with its fronts, sectors and reports', async () => {
		const page = await openBoard(fixture.browser, fixture.server.url, DEMO_BOARD_ID, 'Newcomer');
		await expect.poll(async () => (await frontPaths(page)).length).toBeGreaterThan(10);
		await page.waitForLoadState('networkidle');
		await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'demo-board-fronts.png') });
		await page.getByTestId('sector-switcher').selectOption({ label: 'Kherson' });
		await expect.poll(() => page.locator('article').count()).toBeGreaterThan(3);
		await waitFor(async () => {
			const [lat, lng] = (await page.getByTestId('board-map').getAttribute('data-center'))!.split(',').map(Number);
			return Math.abs(lat! - 46.8) < 0.6 && Math.abs(lng! - 33) < 0.8;
		}, { what: 'the map to settle on Kherson' });
		await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'demo-board-kherson.png') });
		await page.context().close();
	});
});
