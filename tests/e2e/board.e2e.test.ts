import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addPin } from '../../src/lib/model/pin-operations';
import { readAll } from '../../src/lib/model/records';
import { DEMO_BOARD_ID } from '../../src/lib/protocol/boards';
import { openBoard as openBoardAs } from '../helpers/board-page';
import { ARTIFACTS_DIR } from '../helpers/browser';
import { useServerAndBrowser } from '../helpers/e2e-setup';
import { createBoard } from '../helpers/http';
import { waitFor } from '../helpers/wait-for';
import { connectSynced } from '../helpers/yjs-client';

const fixture = useServerAndBrowser({ env: { SEED_DEMO: 'true' } });

/** A fresh browser context on a board, as a named watcher (tests/helpers/board-page.ts). */
const openBoard = (id: string, name: string): Promise<Page> => openBoardAs(fixture.browser, fixture.server.url, id, name);

const marker = (page: Page, name: string) => page.locator('.sb-pin', { hasText: name });

async function markerCentre(page: Page, name: string) {
	const box = await marker(page, name).locator('.sb-pin__glyph').boundingBox();
	if (!box) throw new Error(`no marker ${name}`);
	return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

describe('the board in Chromium', () => {
	it('shows the 2022 demo board (as a newcomer first sees it) and keeps a screenshot of it', async () => {
		const page = await openBoard(DEMO_BOARD_ID, 'Newcomer');
		await expect.poll(() => page.locator('.sb-pin').count()).toBeGreaterThan(10);
		await expect.poll(() => page.getByTestId('board-title').textContent()).toMatch(/Kharkiv/);
		// Let the basemap's data arrive before the picture is taken.
		await page.waitForLoadState('networkidle');
		await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'demo-board.png') });
		expect(fs.statSync(path.join(ARTIFACTS_DIR, 'demo-board.png')).size).toBeGreaterThan(20_000);
		await page.context().close();
	});

	it('a pin added in one browser appears in the other within 2 s, and a drag moves it there too', async () => {
		const { id } = await createBoard(fixture.server.url, 'Two browsers');
		const olena = await openBoard(id, 'Olena');
		const taras = await openBoard(id, 'Taras');

		const map = olena.getByTestId('board-map');
		const mapBox = (await map.boundingBox())!;
		await olena.mouse.click(mapBox.x + mapBox.width / 2, mapBox.y + mapBox.height / 2);
		await olena.getByPlaceholder('Name this pin').fill('Kupiansk');
		await olena.getByRole('button', { name: 'Add pin' }).click();

		const started = Date.now();
		await marker(taras, 'Kupiansk').waitFor({ timeout: 2_000 });
		expect(Date.now() - started).toBeLessThan(2_000);
		await expect.poll(() => taras.locator('[data-pin-row]').count()).toBe(1);

		const from = await markerCentre(olena, 'Kupiansk');
		const before = await markerCentre(taras, 'Kupiansk');
		await olena.mouse.move(from.x, from.y);
		await olena.mouse.down();
		await olena.mouse.move(from.x + 60, from.y + 30, { steps: 8 });
		await olena.mouse.move(from.x + 120, from.y + 60, { steps: 8 });
		await olena.mouse.up();
		await waitFor(
			async () => {
				const now = await markerCentre(taras, 'Kupiansk');
				return Math.abs(now.x - before.x - 120) < 4 && Math.abs(now.y - before.y - 60) < 4;
			},
			{ timeoutMs: 2_000, what: 'the drag to show in the other browser' }
		);
		await olena.context().close();
		await taras.context().close();
	});

	it('renames and deletes from the side panel, live in the other browser', async () => {
		const { id } = await createBoard(fixture.server.url, 'Panel');
		const writer = await connectSynced(fixture.server.wsUrl, id, 'bot');
		addPin(writer.doc, { name: 'Izium', lat: 49.21, lng: 37.26, kind: 'rail-hub' });
		const maya = await openBoard(id, 'Maya');
		const sam = await openBoard(id, 'Sam');
		await marker(maya, 'Izium').waitFor();

		const row = maya.locator('[data-pin-row]', { hasText: 'Izium' });
		await row.hover();
		await row.getByRole('button', { name: 'Rename Izium' }).click();
		await maya.getByLabel('New name').fill('Izium (rail hub)');
		await maya.getByLabel('New name').press('Enter');
		await marker(sam, 'Izium (rail hub)').waitFor({ timeout: 2_000 });
		await waitFor(() => readAll(writer.doc, 'pins')[0]?.name === 'Izium (rail hub)');

		const renamed = maya.locator('[data-pin-row]', { hasText: 'Izium (rail hub)' });
		await renamed.hover();
		await renamed.getByRole('button', { name: /^Delete/ }).click();
		await expect.poll(() => sam.locator('.sb-pin').count(), { timeout: 2_000 }).toBe(0);
		writer.destroy();
		await maya.context().close();
		await sam.context().close();
	});

	it('a stock y-websocket client writes a pin as docs/model.md describes it, and the browser shows it', async () => {
		const page = await openBoard(DEMO_BOARD_ID, 'Reader');
		const bot = await connectSynced(fixture.server.wsUrl, DEMO_BOARD_ID, 'wire-bot');
		// Written by hand, the way a third-party client would, following docs/model.md.
		const Y = await import('yjs');
		bot.doc.transact(() => {
			const pin = new Y.Map<unknown>();
			pin.set('name', 'Hand-written pin');
			pin.set('lat', 49.0);
			pin.set('lng', 36.0);
			pin.set('kind', 'landmark');
			bot.doc.getMap('pins').set('pin-hand-written', pin);
		});
		await marker(page, 'Hand-written pin').waitFor({ timeout: 2_000 });
		bot.destroy();
		await page.context().close();
	});
});
