import path from 'node:path';
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { unitSidc } from '../../src/lib/map/unit-symbol';
import { addPin } from '../../src/lib/model/pin-operations';
import { readRecord } from '../../src/lib/model/records';
import { openBoard as openBoardAs } from '../helpers/board-page';
import { ARTIFACTS_DIR } from '../helpers/browser';
import { useServerAndBrowser } from '../helpers/e2e-setup';
import { createBoard } from '../helpers/http';
import { waitFor } from '../helpers/wait-for';
import { connectSynced, type YjsClient } from '../helpers/yjs-client';

const fixture = useServerAndBrowser();

/** A fresh browser context on a board, as a named watcher (tests/helpers/board-page.ts). */
const openBoard = (id: string, name: string): Promise<Page> => openBoardAs(fixture.browser, fixture.server.url, id, name);

/** A board with a bot already on it; a new board opens on the theatre (48.6 N, 35.5 E, zoom 6). */
async function boardWithBot(title: string): Promise<{ id: string; bot: YjsClient }> {
	const { id } = await createBoard(fixture.server.url, title);
	return { id, bot: await connectSynced(fixture.server.wsUrl, id, 'wire-bot') };
}

const marker = (page: Page, name: string) => page.locator('.sb-pin', { hasText: name });

/** Epoch milliseconds of an ISO time (a pin's `controlSince`). */
const t = (iso: string) => Date.parse(iso);

describe('pins with meaning, in Chromium', () => {
	it('a bot’s Russian armour brigade shows as its MIL-STD-2525 symbol; a rail hub has its own icon', async () => {
		const { id, bot } = await boardWithBot('Symbols');
		addPin(bot.doc, { name: '4th Guards Tank Bde', lat: 49.55, lng: 37.75, kind: 'unit', side: 'russia', unitType: 'armour', echelon: 'brigade' });
		addPin(bot.doc, { name: 'Kupiansk', lat: 49.71, lng: 37.62, kind: 'rail-hub', control: 'ukraine' });
		const page = await openBoard(id, 'Olena');

		const sidc = unitSidc({ side: 'russia', unitType: 'armour', echelon: 'brigade' });
		const unit = marker(page, '4th Guards Tank Bde');
		// milsymbol loads on demand: the marker is redrawn with the symbol once it has.
		await expect.poll(() => unit.getAttribute('data-sidc'), { timeout: 10_000 }).toBe(sidc);
		const svg = await unit.locator('.sb-pin__glyph').innerHTML();
		expect(svg).toContain('rgb(255,128,128)'); // the hostile red diamond
		await expect.poll(() => marker(page, 'Kupiansk').locator('[data-glyph="rail-hub"]').count()).toBe(1);
		await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'pins-symbols.png') });
		bot.destroy();
		await page.context().close();
	});

	it('contested places and places that changed hands lately (by the board’s clock) are marked', async () => {
		const { id, bot } = await boardWithBot('Control');
		addPin(bot.doc, { name: 'Izium', lat: 49.21, lng: 37.28, kind: 'rail-hub', control: 'contested', controlSince: t('2022-09-10T08:00:00Z') });
		addPin(bot.doc, { name: 'Balakliia', lat: 49.46, lng: 36.84, kind: 'town', control: 'ukraine', controlSince: t('2022-09-08T15:00:00Z') });
		addPin(bot.doc, { name: 'Donetsk airport', lat: 48.07, lng: 37.74, kind: 'airfield', control: 'russia', controlSince: t('2015-01-21T00:00:00Z') });
		const page = await openBoard(id, 'Taras');
		await marker(page, 'Izium').waitFor();
		await expect.poll(() => marker(page, 'Izium').getAttribute('class')).toMatch(/sb-pin--contested/);
		// 2022 is long past on the wall clock; within 72 h of the board's newest change it is not.
		expect(await marker(page, 'Balakliia').getAttribute('class')).toMatch(/sb-pin--changed/);
		expect(await marker(page, 'Donetsk airport').getAttribute('class')).not.toMatch(/sb-pin--changed/);
		expect(await marker(page, 'Donetsk airport').getAttribute('title')).toMatch(/held by Russia since 21 Jan 2015/);
		bot.destroy();
		await page.context().close();
	});

	it('the pin editor changes a pin through the model, live, and shows a bad value next to its field', async () => {
		const { id, bot } = await boardWithBot('Editor');
		const pinId = addPin(bot.doc, { name: 'Hroza', lat: 49.6, lng: 37.5, kind: 'town' });
		const pin = () => readRecord(bot.doc, 'pins', pinId);
		const page = await openBoard(id, 'Maya');
		await page.locator('[data-pin-row]', { hasText: 'Hroza' }).getByRole('button', { name: /^Hroza/ }).click();
		const details = page.getByRole('region', { name: 'Pin details' });
		await details.waitFor();

		// A bad value: the model refuses it, the form says why beside the field, nothing is written.
		await details.getByLabel('Name', { exact: true }).fill('   ');
		await details.getByLabel('Name', { exact: true }).press('Enter');
		await expect.poll(() => details.getByRole('alert').textContent()).toMatch(/must not be empty/);
		expect(pin()?.name).toBe('Hroza');
		await details.getByLabel('Name', { exact: true }).fill('Hroza (village)');
		await details.getByLabel('Name', { exact: true }).press('Enter');
		await waitFor(() => pin()?.name === 'Hroza (village)', { what: 'the rename to reach the bot' });
		expect(await details.getByRole('alert').count()).toBe(0);

		// Control and since (UTC), then a note.
		await details.getByLabel('Control').selectOption('contested');
		await waitFor(() => pin()?.control === 'contested', { what: 'control to reach the bot' });
		await details.getByLabel('Since (UTC)').fill('2022-09-10T08:00');
		await details.getByLabel('Since (UTC)').press('Enter');
		await waitFor(() => pin()?.controlSince === t('2022-09-10T08:00:00Z'), { what: 'controlSince to reach the bot' });
		await expect.poll(() => details.getByTestId('pin-control-since').textContent()).toBe('contested since 10 Sep 2022 08:00 UTC');
		await details.getByLabel('Note').fill('Shelled overnight.');
		await details.getByLabel('Note').blur();
		await waitFor(() => pin()?.note === 'Shelled overnight.', { what: 'the note to reach the bot' });

		// Make it a unit: side, type and echelon, with a live preview and the map's symbol.
		await details.getByLabel('Kind').selectOption('unit');
		await details.getByLabel('Side').selectOption('russia');
		await details.getByLabel('Unit type').selectOption('armour');
		await details.getByLabel('Echelon').selectOption('brigade');
		await waitFor(() => pin()?.echelon === 'brigade' && pin()?.unitType === 'armour' && pin()?.side === 'russia', { what: 'the unit fields' });
		const sidc = unitSidc({ side: 'russia', unitType: 'armour', echelon: 'brigade' });
		await expect.poll(() => details.getByTestId('unit-preview').getAttribute('data-sidc'), { timeout: 10_000 }).toBe(sidc);
		await expect.poll(() => marker(page, 'Hroza (village)').getAttribute('data-sidc')).toBe(sidc);
		expect(await details.getByTestId('pin-provenance').textContent()).toMatch(/changed by Maya/);

		// A remote change shows in the open editor.
		bot.doc.transact(() => (bot.doc.getMap('pins').get(pinId) as Y.Map<unknown>).set('name', 'Hroza (bot)'));
		await expect.poll(() => details.getByLabel('Name', { exact: true }).inputValue()).toBe('Hroza (bot)');

		await details.getByRole('button', { name: 'Delete this pin' }).click();
		await waitFor(() => pin() === undefined, { what: 'the delete to reach the bot' });
		await expect.poll(() => details.count()).toBe(0);
		bot.destroy();
		await page.context().close();
	});

	it('5 000 pins: the crowd is drawn on one canvas, panning stays fluid, and a drawn pin can be picked', async () => {
		const { id, bot } = await boardWithBot('Five thousand');
		let seed = 42;
		const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
		const kinds = ['town', 'unit', 'unit', 'bridge', 'crossing', 'other'] as const;
		bot.doc.transact(() => {
			for (let i = 0; i < 5000; i++) {
				const lat = 46.5 + random() * 4.5;
				const lng = 32 + random() * 7;
				// Keep the middle of the view clear for the pin the test clicks.
				if (Math.abs(lat - 48.6) < 0.6 && Math.abs(lng - 35.5) < 0.9) continue;
				const kind = kinds[i % kinds.length]!;
				addPin(bot.doc, { name: `P${i}`, lat, lng, kind, side: i % 2 ? 'russia' : 'ukraine', unitType: kind === 'unit' ? 'infantry' : undefined });
			}
			addPin(bot.doc, { id: 'pin-target', name: 'Target city', lat: 48.6, lng: 35.5, kind: 'city', control: 'ukraine' });
		});
		const page = await openBoard(id, 'Sam');
		// The pin layer's canvas pane says how it draws and how many pins are on the canvas.
		const pane = page.locator('.leaflet-sbPinCanvas-pane');
		await expect.poll(() => pane.getAttribute('data-mode'), { timeout: 20_000 }).toBe('canvas');
		await expect.poll(async () => Number(await pane.getAttribute('data-drawn'))).toBeGreaterThan(3000);
		// Only the pins that need to be elements (none is selected yet) are elements.
		expect(await page.locator('.sb-pin').count()).toBeLessThan(10);

		const box = (await page.getByTestId('board-map').boundingBox())!;
		const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
		// The city drawn at the centre is on the canvas; a click picks it.
		await page.mouse.click(centre.x, centre.y);
		// Selected: highlighted in the list, and drawn as a marker of its own (so it can be dragged).
		await expect.poll(() => page.locator('[data-pin-row="pin-target"]').getAttribute('class')).toMatch(/selected/);
		await marker(page, 'Target city').and(page.locator('.sb-pin--selected')).waitFor();
		// Panning keeps the whole crowd on the canvas (frame rate is measured by npm run bench, not asserted here).
		// Grabbed beside the selected city, which is now a draggable marker.
		await page.mouse.move(centre.x - 120, centre.y + 60);
		await page.mouse.down();
		await page.mouse.move(centre.x + 80, centre.y + 140, { steps: 40 });
		await page.mouse.up();
		await expect.poll(async () => Number(await pane.getAttribute('data-drawn'))).toBeGreaterThan(3000);
		await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'pins-5000.png') });
		bot.destroy();
		await page.context().close();
	});
});
