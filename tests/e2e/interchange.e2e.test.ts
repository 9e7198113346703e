/**
 * [X4] Import in Chromium: a GeoJSON file dropped on the map shows a preview (counts, list, how
 * properties map), and once confirmed its features are on the map and on the server, created by
 * the watcher who imported. An invalid file picked through the file input shows the problem and
 * changes nothing. (A viewer gets no import control: access.e2e.test.ts.) The Export menu
 * downloads the board, or the sector in focus, under the server's file name.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { addPin } from '../../src/lib/model/pin-operations';
import { addSector } from '../../src/lib/model/sector-operations';
import { readAll } from '../../src/lib/model/records';
import { openBoard } from '../helpers/board-page';
import { ARTIFACTS_DIR } from '../helpers/browser';
import { useServerAndBrowser } from '../helpers/e2e-setup';
import { createBoard } from '../helpers/http';
import { waitFor } from '../helpers/wait-for';
import { connectSynced } from '../helpers/yjs-client';

const fixture = useServerAndBrowser();

const PLACES = JSON.stringify({
	type: 'FeatureCollection',
	features: [
		{ type: 'Feature', properties: { name: 'Imported Balakliia', population: 26000 }, geometry: { type: 'Point', coordinates: [36.84, 49.46] } },
		{ type: 'Feature', properties: { name: 'Imported Izium', side: 'russia' }, geometry: { type: 'Point', coordinates: [37.26, 49.21] } },
		{ type: 'Feature', properties: { title: 'Imported line' }, geometry: { type: 'LineString', coordinates: [[36.5, 49.3], [37.5, 49.6]] } }
	]
});
const OUT_OF_RANGE = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [36, 95] } }] });

describe('[X4] importing a file in the browser', () => {
	it('a dropped GeoJSON previews, then lands on the map as one change by the importer', async () => {
		const { id } = await createBoard(fixture.server.url, 'Import target');
		const bot = await connectSynced(fixture.server.wsUrl, id, 'observer');
		const page = await openBoard(fixture.browser, fixture.server.url, id, 'Olena');
		try {
			const dataTransfer = await page.evaluateHandle((text) => {
				const transfer = new DataTransfer();
				transfer.items.add(new File([text], 'places.geojson', { type: 'application/geo+json' }));
				return transfer;
			}, PLACES);
			await page.dispatchEvent('[data-testid="board-map"]', 'dragenter', { dataTransfer });
			await page.dispatchEvent('[data-testid="board-map"]', 'drop', { dataTransfer });

			const dialog = page.getByTestId('import-dialog');
			await dialog.waitFor();
			expect(await page.getByTestId('import-counts').innerText()).toMatch(/GeoJSON · will add 0 sectors · 1 fronts · 2 pins · 0 reports/);
			expect(await dialog.getByRole('list', { name: 'What will be added' }).innerText()).toContain('Imported Izium');
			await dialog.getByText('How the file’s properties map').click();
			expect(await dialog.locator('table').innerText()).toMatch(/population\s+note\s+1/);
			await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'import-preview.png') });
			await page.getByTestId('import-confirm').click();
			await dialog.waitFor({ state: 'detached' });

			await page.locator('.sb-pin', { hasText: 'Imported Balakliia' }).waitFor();
			await page.locator('.sb-pin', { hasText: 'Imported Izium' }).waitFor();
			const pins = await waitFor(() => {
				const all = readAll(bot.doc, 'pins');
				return all.length === 2 && readAll(bot.doc, 'fronts').length === 1 ? all : null;
			}, { what: 'the import to reach the server and the observer' });
			expect(pins.every((pin) => pin.createdBy === 'Olena')).toBe(true);
			expect(pins.find((pin) => pin.name === 'Imported Balakliia')?.note).toBe('population: 26000');
		} finally {
			await page.context().close();
			bot.destroy();
		}
	});

	it('an invalid file picked through the input shows the problem and adds nothing', async () => {
		const { id } = await createBoard(fixture.server.url, 'Import refused');
		const bot = await connectSynced(fixture.server.wsUrl, id, 'observer');
		const page = await openBoard(fixture.browser, fixture.server.url, id, 'Taras');
		try {
			await page.getByTestId('import-file').setInputFiles({ name: 'broken.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(OUT_OF_RANGE) });
			const message = await page.getByTestId('import-problem').innerText();
			expect(message).toContain('feature 1: coordinates out of range: latitude 95 is not within -90…90');
			expect(message).toContain('Nothing was added.');
			expect(await page.getByTestId('import-confirm').count()).toBe(0);
			await page.getByTestId('import-dialog').getByRole('button', { name: 'Close' }).click();
			await page.getByTestId('import-dialog').waitFor({ state: 'detached' });
			expect(readAll(bot.doc, 'pins')).toEqual([]);
			expect(await page.locator('.sb-pin').count()).toBe(0);
		} finally {
			await page.context().close();
			bot.destroy();
		}
	});

	it('the Export menu downloads the sector in focus as a named GeoJSON file', async () => {
		const { id } = await createBoard(fixture.server.url, 'Export me');
		const bot = await connectSynced(fixture.server.wsUrl, id, 'wire-bot');
		const sector = addSector(bot.doc, { name: 'Izyum', area: [[49, 36.5], [49, 37.5], [49.5, 37.5], [49.5, 36.5]] });
		addPin(bot.doc, { name: 'Inside', lat: 49.2, lng: 37, sector });
		addPin(bot.doc, { name: 'Outside', lat: 47, lng: 33 });
		const page = await openBoard(fixture.browser, fixture.server.url, id, 'Maya');
		try {
			await page.locator('.sb-pin', { hasText: 'Outside' }).waitFor();
			await page.getByTestId('sector-switcher').selectOption(sector);
			await page.getByTestId('export-toggle').click();
			await page.getByLabel('Sector “Izyum”').check();
			const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download').click()]);
			expect(download.suggestedFilename()).toMatch(/^Export me - Izyum \d{4}-\d{2}-\d{2}\.geojson$/);
			const data = JSON.parse(fs.readFileSync((await download.path())!, 'utf8')) as FeatureCollection;
			expect(data.features.map((feature) => feature.properties?.name).sort()).toEqual(['Inside', 'Izyum']);
		} finally {
			await page.context().close();
			bot.destroy();
		}
	});
});
