/**
 * "Since you last looked" and sector attention in Chromium: a watcher opens a board and leaves;
 * another watcher (a stock y-websocket client) hands Kupiansk to Ukraine and posts a report there;
 * the first comes back and the panel lists both, counted under the right sector, with halos on the
 * map; hovering the pin says who changed it; the sector's badge shows the unread report and
 * clears once the sector is viewed; opening and dismissing clear the highlights.
 */
import { describe, expect, it } from 'vitest';
import { addPin, updatePin } from '../../src/lib/model/pin-operations';
import { postReport } from '../../src/lib/model/report-operations';
import { addSector } from '../../src/lib/model/sector-operations';
import { HISTORY_API, type HistorySummary } from '../../src/lib/protocol/history';
import { openBoard } from '../helpers/board-page';
import { ARTIFACTS_DIR } from '../helpers/browser';
import { useServerAndBrowser } from '../helpers/e2e-setup';
import { createBoard } from '../helpers/http';
import { box } from '../helpers/lat-lng-box';
import { waitFor } from '../helpers/wait-for';
import { connectSynced } from '../helpers/yjs-client';

const fixture = useServerAndBrowser({ env: { SEED_DEMO: 'false' } });

const logged = async (id: string) => ((await (await fetch(`${fixture.server.url}${HISTORY_API.summary(id)}`)).json()) as HistorySummary).count;

describe('since you last looked, in Chromium', () => {
	it('shows what changed while away, highlights it, says who, and counts it per sector until viewed', async () => {
		const { id } = await createBoard(fixture.server.url, 'Since');
		const olena = await connectSynced(fixture.server.wsUrl, id, 'Olena');
		const as = { actor: 'Olena' };
		addSector(olena.doc, { id: 'sector-izyum', name: 'Izyum', area: box(48.6, 36.0, 49.5, 37.3) }, as);
		addSector(olena.doc, { id: 'sector-kupiansk', name: 'Kupiansk', area: box(49.5, 37.0, 50.2, 38.2) }, as);
		addPin(olena.doc, { id: 'pin-kupiansk', name: 'Kupiansk', lat: 49.71, lng: 37.61, kind: 'town', control: 'russia', sector: 'sector-kupiansk' }, as);
		await waitFor(async () => (await logged(id)) >= 4, { what: 'the setup to be logged' });

		// Sam looks at the board, then leaves: the tab is closed (its last visit saved as it goes),
		// the browser keeps its storage.
		const first = await openBoard(fixture.browser, fixture.server.url, id, 'Sam');
		await first.locator('.sb-pin', { hasText: 'Kupiansk' }).waitFor();
		await expect(first.getByTestId('since-panel').count()).resolves.toBe(0); // a first visit: no panel
		const context = first.context();
		await first.close({ runBeforeUnload: true });
		await waitFor(() => first.isClosed(), { what: 'the tab to close' });
		const left = Date.now();
		await waitFor(() => Date.now() > left + 20, { what: 'the clock to move past the visit' });

		const before = await logged(id);
		updatePin(olena.doc, 'pin-kupiansk', { control: 'ukraine' }, as);
		postReport(olena.doc, { id: 'report-bridge', text: 'Bridge over the Oskil blown', eventTime: Date.now(), place: { lat: 49.8, lng: 37.7 }, sector: 'sector-kupiansk' }, as);
		await waitFor(async () => (await logged(id)) >= before + 2, { what: 'the edits to be logged' });

		// Sam comes back.
		const page = await context.newPage();
		await page.goto(`${fixture.server.url}/b/${id}`);
		const panel = page.getByTestId('since-panel');
		await panel.waitFor({ timeout: 15_000 });
		await expect(panel.locator('h2').textContent()).resolves.toMatch(/Since you last looked \(\d+ s ago\)/);
		await expect(page.getByTestId('since-hands').textContent()).resolves.toMatch(/Kupiansk:\s*RU\s*→\s*UA/);
		const items = await page.getByTestId('since-items').locator('li').allTextContents();
		expect(items).toHaveLength(2);
		expect(items[0]).toMatch(/new\s*Olena posted the report 'Bridge over the Oskil blown'/);
		expect(items[1]).toMatch(/changed\s*Olena marked 'Kupiansk' held by Ukraine/);
		const sector = page.getByTestId('since-sectors').locator('[data-sector="sector-kupiansk"]');
		await expect(sector.textContent()).resolves.toMatch(/Kupiansk\s*reports: 1 new\s*pins: 1 changed/);
		await expect(page.getByTestId('since-sectors').locator('li').count()).resolves.toBe(1);

		// Distinct halos on the map: the new report, the changed pin.
		await page.locator('.sb-since-halo--new[data-item="reports/report-bridge"]').waitFor();
		await page.locator('.sb-since-halo--changed[data-item="pins/pin-kupiansk"]').waitFor();
		await page.screenshot({ path: `${ARTIFACTS_DIR}/since-you-last-looked.png` });

		// Hovering the pin says who changed it and when.
		const pin = page.locator('.leaflet-marker-icon', { has: page.locator('.sb-pin', { hasText: 'Kupiansk' }) });
		await pin.hover();
		await waitFor(async () => /Control changed by Olena · \d\d:\d\d UTC, just now/.test((await pin.locator('.sb-pin').getAttribute('title')) ?? ''), {
			what: 'the pin title to name who changed it'
		});

		// The sector badge: one unread report, one change; viewing the sector reads them.
		const badge = page.locator('[data-testid="sector-badge"][data-sector="sector-kupiansk"]');
		await expect(badge.locator('[data-count="reports"]').textContent()).resolves.toBe('1');
		await expect(badge.locator('[data-count="changes"]').textContent()).resolves.toBe('1');
		await page.getByTestId('sector-switcher').selectOption({ label: 'Kupiansk' });
		await badge.waitFor({ state: 'detached' });
		await page.getByTestId('sector-switcher').selectOption({ label: 'All sectors' });
		await expect(badge.count()).resolves.toBe(0);

		// Opening an item clears its halo; dismissing clears the rest and the panel.
		await page.getByTestId('since-items').locator('[data-item="pins/pin-kupiansk"]').click();
		await page.locator('.sb-since-halo--changed').waitFor({ state: 'detached' });
		await expect(page.locator('.sb-since-halo--new').count()).resolves.toBe(1);
		await page.getByRole('button', { name: 'Dismiss what changed since you last looked' }).click();
		await panel.waitFor({ state: 'detached' });
		await page.locator('.sb-since-halo').first().waitFor({ state: 'detached' });

		// Nothing changed since: coming back again shows no panel.
		await page.reload();
		await page.locator('[data-connection="live"]').waitFor();
		await page.locator('.sb-pin', { hasText: 'Kupiansk' }).waitFor();
		await expect(panel.count()).resolves.toBe(0);
		olena.destroy();
		await page.context().close();
	});
});
