/**
 * Watching together in Chromium, three browser contexts on one board: the roster, live cursors,
 * following a watcher's view, undo of one's own edits only, sector assignment, the first-visit
 * name prompt, the help panel, and two tabs of one browser on the board. Each test opens its own
 * board and watchers, so any one of them runs alone and in any order.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { HISTORY_API, type HistorySummary } from '../../src/lib/protocol/history';
import { addSector } from '../../src/lib/model/sector-operations';
import { openBoard as openBoardAs } from '../helpers/board-page';
import { ARTIFACTS_DIR } from '../helpers/browser';
import { useServerAndBrowser } from '../helpers/e2e-setup';
import { createBoard } from '../helpers/http';
import { waitFor } from '../helpers/wait-for';
import { connectSynced } from '../helpers/yjs-client';

const IZYUM: [number, number][] = [[49.0, 36.9], [49.4, 36.9], [49.4, 37.6], [49.0, 37.6]];
const LYMAN: [number, number][] = [[48.8, 37.7], [49.2, 37.7], [49.2, 38.3], [48.8, 38.3]];

const fixture = useServerAndBrowser();

/** A fresh board with the Izyum and Lyman sectors, and one page per watcher named, closed after the test. */
async function watchTogether<Name extends string>(...names: Name[]): Promise<{ boardId: string } & Record<Lowercase<Name>, Page>> {
	const boardId = (await createBoard(fixture.server.url, 'Night shift')).id;
	const seeder = await connectSynced(fixture.server.wsUrl, boardId, 'seeder');
	addSector(seeder.doc, { id: 'sector-izyum', name: 'Izyum', area: IZYUM });
	addSector(seeder.doc, { id: 'sector-lyman', name: 'Lyman', area: LYMAN });
	await waitFor(async () => ((await (await fetch(`${fixture.server.url}${HISTORY_API.summary(boardId)}`)).json()) as HistorySummary).count >= 2, {
		what: 'the sectors to be stored'
	});
	seeder.destroy();
	const pages = await Promise.all(names.map((name) => openBoardAs(fixture.browser, fixture.server.url, boardId, name)));
	onTestFinished(() => Promise.all(pages.map((page) => page.context().close())).then(() => undefined));
	const byName = Object.fromEntries(names.map((name, index) => [name.toLowerCase(), pages[index]!]));
	return { boardId, ...byName } as { boardId: string } & Record<Lowercase<Name>, Page>;
}

const rosterRow = (page: Page, name: string) => page.getByTestId('roster').locator(`[data-watcher="${name}"]`);
const mapBox = async (page: Page) => (await page.getByTestId('board-map').boundingBox())!;
const mapView = async (page: Page) => {
	const map = page.getByTestId('board-map');
	const [lat, lng] = (await map.getAttribute('data-center'))!.split(',').map(Number);
	return { lat: lat!, lng: lng!, zoom: Number(await map.getAttribute('data-zoom')) };
};
const focusSector = (page: Page, label: string) => page.getByTestId('sector-switcher').selectOption({ label });

describe('watching together in three browsers', () => {
	it('a cursor moving in one browser is seen, named, at about the same place in another', async () => {
		const { olena, taras } = await watchTogether('Olena', 'Taras');
		// All three maps open on the same view, so the same map point is the same pixel in each.
		const box = await mapBox(olena);
		const target = { x: box.x + box.width * 0.4, y: box.y + box.height * 0.45 };
		await olena.mouse.move(target.x - 80, target.y - 40);
		await olena.mouse.move(target.x, target.y, { steps: 6 });
		const cursor = taras.locator('.sb-cursor[data-watcher="Olena"]');
		await cursor.waitFor({ timeout: 5_000 });
		await expect.poll(() => cursor.locator('.sb-cursor__name').textContent()).toBe('Olena');
		const tarasBox = await mapBox(taras);
		await waitFor(
			async () => {
				const tip = (await cursor.locator('svg').boundingBox())!;
				const dx = tip.x - tarasBox.x - (target.x - box.x);
				const dy = tip.y - tarasBox.y - (target.y - box.y);
				return Math.hypot(dx, dy) < 6;
			},
			{ timeoutMs: 3_000, what: "Olena's cursor to come to rest where her pointer is" }
		);
		// A watcher's own cursor is not drawn for themselves.
		expect(await olena.locator('.sb-cursor[data-watcher="Olena"]').count()).toBe(0);
	});

	it('the roster shows all three with the sector each is watching', async () => {
		const { olena, taras, maya } = await watchTogether('Olena', 'Taras', 'Maya');
		await focusSector(olena, 'Izyum');
		await focusSector(taras, 'Lyman');
		for (const page of [olena, taras, maya]) {
			await expect.poll(() => page.getByTestId('roster').locator('[data-watcher]').count()).toBe(3);
		}
		await expect.poll(() => rosterRow(maya, 'Olena').textContent()).toMatch(/Olena.*Izyum/s);
		await expect.poll(() => rosterRow(maya, 'Taras').textContent()).toMatch(/Taras.*Lyman/s);
		await expect.poll(() => maya.getByTestId('roster-self').textContent()).toMatch(/Maya.*\(you\).*whole board/s);
		await expect.poll(() => rosterRow(maya, 'Olena').getAttribute('data-activity')).toBe('active');
	});

	it('following a watcher mirrors their pan and zoom until one moves the map oneself', async () => {
		const { olena, maya } = await watchTogether('Olena', 'Maya');
		await rosterRow(maya, 'Olena').click();
		await expect.poll(() => maya.getByTestId('follow-banner').textContent()).toMatch(/Following\s+Olena/);
		const close = async () => {
			const [theirs, mine] = await Promise.all([mapView(olena), mapView(maya)]);
			return theirs.zoom === mine.zoom && Math.abs(theirs.lat - mine.lat) < 0.01 && Math.abs(theirs.lng - mine.lng) < 0.01;
		};
		await waitFor(close, { timeoutMs: 5_000, what: "Maya's map to take Olena's view" });
		await maya.screenshot({ path: path.join(ARTIFACTS_DIR, 'presence-following.png') });

		// Olena pans by dragging, then zooms out with the keyboard.
		const box = await mapBox(olena);
		const before = await mapView(olena);
		await olena.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.6);
		await olena.mouse.down();
		await olena.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.4, { steps: 10 });
		await olena.mouse.up();
		await waitFor(async () => (await mapView(olena)).lng !== before.lng, { what: "Olena's map to pan" });
		await waitFor(close, { timeoutMs: 5_000, what: "Maya's map to follow Olena's pan" });
		await olena.getByRole('button', { name: 'Zoom out' }).click();
		await waitFor(async () => (await mapView(olena)).zoom === before.zoom - 1, { what: "Olena's map to zoom out" });
		await waitFor(close, { timeoutMs: 5_000, what: "Maya's map to follow Olena's zoom" });

		// Maya drags her own map: following stops, and Olena's next move is not mirrored.
		const mayaBox = await mapBox(maya);
		const followed = await mapView(maya);
		await maya.mouse.move(mayaBox.x + mayaBox.width * 0.5, mayaBox.y + mayaBox.height * 0.5);
		await maya.mouse.down();
		await maya.mouse.move(mayaBox.x + mayaBox.width * 0.6, mayaBox.y + mayaBox.height * 0.6, { steps: 5 });
		await maya.mouse.up();
		await maya.getByTestId('follow-banner').waitFor({ state: 'detached' });
		// The map publishes its view when a move ends, inertia included: wait for the drag's own end.
		const mine = await waitFor(async () => {
			const view = await mapView(maya);
			return view.lat !== followed.lat || view.lng !== followed.lng ? view : null;
		}, { what: "Maya's drag to come to rest" });
		await olena.getByRole('button', { name: 'Zoom in' }).click();
		await waitFor(async () => (await mapView(olena)).zoom === before.zoom, { what: "Olena's map to zoom in" });
		// Presence states travel whole: once Maya sees the pointer move Olena makes after zooming,
		// she has Olena's new view too — and her map stayed where she put it.
		const olenaCursor = maya.locator('.sb-cursor[data-watcher="Olena"] svg');
		const cursorBefore = await olenaCursor.boundingBox();
		await olena.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.2, { steps: 4 });
		await waitFor(async () => {
			const now = await olenaCursor.boundingBox();
			return now && cursorBefore && Math.hypot(now.x - cursorBefore.x, now.y - cursorBefore.y) > 20;
		}, { what: "Olena's pointer move to reach Maya" });
		expect(await mapView(maya)).toEqual(mine);

		// Esc stops following too.
		await rosterRow(maya, 'Olena').click();
		await maya.getByTestId('follow-banner').waitFor();
		await maya.keyboard.press('Escape');
		await maya.getByTestId('follow-banner').waitFor({ state: 'detached' });
	});

	it("undo in one browser takes back only that browser's own last edit; redo brings it back", async () => {
		const { olena, taras, maya } = await watchTogether('Olena', 'Taras', 'Maya');
		const addPinAt = async (page: Page, fx: number, name: string) => {
			const box = await mapBox(page);
			await page.mouse.click(box.x + box.width * fx, box.y + box.height * 0.3);
			await page.getByPlaceholder('Name this pin').fill(name);
			await page.getByRole('button', { name: 'Add pin' }).click();
		};
		const pinRows = (page: Page) => page.locator('[data-pin-row]').allTextContents();
		await expect.poll(() => olena.getByTestId('undo').isDisabled()).toBe(true);
		await addPinAt(olena, 0.3, 'Balakliia');
		await addPinAt(taras, 0.6, 'Kupiansk');
		for (const page of [olena, taras, maya]) {
			await expect.poll(async () => (await pinRows(page)).join('|')).toMatch(/(?=.*Balakliia)(?=.*Kupiansk)/);
		}
		await expect.poll(() => olena.getByTestId('undo').isDisabled()).toBe(false);

		await olena.locator('.topbar h1').click(); // focus off the form: Ctrl+Z is the board's, not a field's
		await olena.keyboard.press('Control+z');
		for (const page of [olena, taras, maya]) {
			await expect.poll(async () => (await pinRows(page)).join('|')).not.toMatch(/Balakliia/);
			expect((await pinRows(page)).join('|')).toMatch(/Kupiansk/);
		}
		await expect.poll(() => olena.getByTestId('redo').isDisabled()).toBe(false);
		// Olena has nothing left of her own to undo: Taras's pin is not hers to take back.
		await expect.poll(() => olena.getByTestId('undo').isDisabled()).toBe(true);
		await olena.keyboard.press('Control+z');
		expect((await pinRows(maya)).join('|')).toMatch(/Kupiansk/);

		await olena.keyboard.press('Control+Shift+z');
		await expect.poll(async () => (await pinRows(maya)).join('|')).toMatch(/Balakliia/);
	});

	it('a sector assignment made by an editor shows in every roster and on the sector switcher', async () => {
		const { olena, maya } = await watchTogether('Olena', 'Maya');
		await focusSector(olena, 'Izyum');
		const panel = olena.getByTestId('sector-watchers');
		await panel.getByLabel('Watcher to assign').fill('Taras');
		await panel.getByRole('button', { name: 'Assign', exact: true }).click();
		await panel.getByRole('button', { name: 'Assign me' }).click();
		await expect.poll(() => maya.getByTestId('sector-assignments').textContent()).toMatch(/Izyum\s*←\s*Taras, Olena/);
		await expect.poll(() => maya.getByTestId('sector-switcher').locator('option', { hasText: 'Izyum' }).textContent()).toMatch(/Izyum ← Taras, Olena/);
		await panel.getByRole('button', { name: 'Unassign Taras' }).click();
		await expect.poll(() => maya.getByTestId('sector-assignments').textContent()).toMatch(/Izyum\s*←\s*Olena$/);
	});

	it('the help panel opens with "?" and lists the undo shortcut', async () => {
		const { maya } = await watchTogether('Maya');
		await maya.locator('.topbar h1').click();
		await maya.keyboard.press('?');
		const help = maya.getByTestId('help-panel');
		await help.waitFor();
		await expect.poll(() => help.textContent()).toMatch(/Ctrl\s*\+\s*Z\s*Undo your last change/);
		await maya.keyboard.press('Escape');
		await help.waitFor({ state: 'detached' });
		await maya.getByRole('button', { name: 'Keyboard shortcuts and help' }).click();
		await help.waitFor();
		await help.getByRole('button', { name: 'Close help' }).click();
		await help.waitFor({ state: 'detached' });
	});

	it('a watcher who leaves disappears from the others’ rosters and maps within seconds', async () => {
		const { olena, taras, maya } = await watchTogether('Olena', 'Taras', 'Maya');
		await taras.mouse.move(400, 400);
		await olena.locator('.sb-cursor[data-watcher="Taras"]').waitFor();
		const left = Date.now();
		await taras.context().close();
		await rosterRow(maya, 'Taras').waitFor({ state: 'detached', timeout: 5_000 });
		await olena.locator('.sb-cursor[data-watcher="Taras"]').waitFor({ state: 'detached', timeout: 5_000 });
		expect(Date.now() - left).toBeLessThan(5_000);
	});

	it('a first-time visitor is asked for a name, which the roster and their later visits use', async () => {
		const { boardId, maya } = await watchTogether('Maya');
		const context = await fixture.browser.newContext({ viewport: { width: 1400, height: 900 } });
		const page = await context.newPage();
		await page.goto(`${fixture.server.url}/b/${boardId}`);
		const dialog = page.getByTestId('identity-dialog');
		await dialog.waitFor();
		await dialog.getByRole('button', { name: 'Join the board' }).click();
		await expect.poll(() => dialog.getByRole('alert').textContent()).toMatch(/enter a name/);
		await dialog.getByLabel('Display name').fill('  Andriy ');
		await dialog.getByRole('button', { name: 'Join the board' }).click();
		await dialog.waitFor({ state: 'detached' });
		await expect.poll(() => page.getByTestId('roster-self').textContent()).toMatch(/Andriy/);
		await expect.poll(() => rosterRow(maya, 'Andriy').count()).toBe(1);
		await page.reload();
		await page.locator('[data-connection="live"]').waitFor();
		await expect.poll(() => page.getByTestId('roster-self').textContent()).toMatch(/Andriy/);
		expect(await dialog.count()).toBe(0);

		// Clicking one's own name changes it (and the colour) for everyone.
		await page.getByTestId('roster-self').click();
		await dialog.getByLabel('Display name').fill('Andriy K');
		await dialog.getByLabel('Colour #3cb44b').check();
		await dialog.getByRole('button', { name: 'Save' }).click();
		await expect.poll(() => rosterRow(maya, 'Andriy K').count()).toBe(1);
		await expect.poll(() => rosterRow(maya, 'Andriy K').locator('.dot').evaluate((dot) => getComputedStyle(dot).backgroundColor)).toBe('rgb(60, 180, 75)');
		await context.close();
	});

	it('two tabs of one browser relay each other’s presence to the server, and neither is ever refused for it', async () => {
		const { boardId, olena, maya } = await watchTogether('Olena', 'Maya');
		// Same context, so the tabs share a BroadcastChannel: each re-sends the other's awareness
		// changes over its own socket, and the server must drop those, not close the tab.
		const second = await olena.context().newPage();
		await second.goto(`${fixture.server.url}/b/${boardId}`);
		await second.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
		await expect.poll(() => rosterRow(maya, 'Olena').count()).toBe(2);
		for (let step = 0; step < 10; step++) {
			await olena.mouse.move(300 + step * 20, 300);
			await second.mouse.move(500, 300 + step * 20);
		}
		await expect.poll(() => maya.locator('.sb-cursor[data-watcher="Olena"]').count()).toBe(2);
		for (const page of [olena, second]) {
			expect(await page.locator('[data-connection="live"]').count()).toBe(1);
			expect(await page.getByText('The server refused').count()).toBe(0);
		}
		await second.close();
		await expect.poll(() => rosterRow(maya, 'Olena').count()).toBe(1);
		await olena.mouse.move(420, 420);
		await olena.mouse.move(440, 440);
		expect(await olena.locator('[data-connection="live"]').count()).toBe(1);
	});
});
