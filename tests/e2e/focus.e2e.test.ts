/**
 * [FO*] Focusing a sector keeps its neighbours on the map, faint; "All sectors" goes home.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_BOARD_ID } from '../../src/lib/protocol/boards';
import { openBoard } from '../helpers/board-page';
import { useServerAndBrowser } from '../helpers/e2e-setup';
import { waitFor } from '../helpers/wait-for';

const fixture = useServerAndBrowser({ env: { SEED_DEMO: 'true' } });

describe('focus without loss', () => {
	it('[FO1] dims the pins and reports outside a focused sector, hides them only when asked, and "All sectors" returns home', async () => {
		const page = await openBoard(fixture.browser, fixture.server.url, DEMO_BOARD_ID, 'Focuser');
		const map = page.getByTestId('board-map');
		const marker = (id: string) => page.locator(`.sb-pin[data-pin-id="${id}"]`);
		await marker('pin-izium').waitFor({ timeout: 15_000 });
		const home = { center: await map.getAttribute('data-center'), zoom: await map.getAttribute('data-zoom') };

		await page.getByTestId('sector-switcher').selectOption('sector-izyum');
		await waitFor(async () => (await map.getAttribute('data-zoom')) !== home.zoom, { what: 'the map to fly to the sector' });
		// Izium is in the sector; Lyman, its neighbour across the Donets, stays on the map, dimmed.
		await waitFor(async () => (await marker('pin-lyman').getAttribute('class'))?.includes('sb-pin--outside'), { what: 'Lyman dimmed, not hidden' });
		expect(await marker('pin-izium').getAttribute('class')).not.toContain('sb-pin--outside');
		expect(await marker('pin-lyman').evaluate((element) => Number(getComputedStyle(element).opacity))).toBeLessThan(0.5);
		// Reports too: those placed outside the sector stay on the map, faint, as the pins do.
		const outsideReports = page.locator('path.sb-report-marker--outside');
		await waitFor(async () => (await outsideReports.count()) > 0, { what: 'reports outside the sector drawn faint, not hidden' });
		expect(Number(await outsideReports.first().getAttribute('stroke-opacity'))).toBeLessThan(0.5);
		expect(await page.locator('path.sb-report-marker:not(.sb-report-marker--outside)').count()).toBeGreaterThan(0);

		await page.getByLabel('Hide what lies outside the sector').check();
		await waitFor(async () => (await marker('pin-lyman').count()) === 0, { what: 'Lyman hidden by the setting' });
		await waitFor(async () => (await outsideReports.count()) === 0, { what: 'outside reports hidden by the setting' });
		await page.getByLabel('Hide what lies outside the sector').uncheck();
		await marker('pin-lyman').waitFor();

		await page.getByTestId('sector-switcher').selectOption('');
		await waitFor(async () => (await map.getAttribute('data-zoom')) === home.zoom && (await map.getAttribute('data-center')) === home.center, { what: 'the home view again' });
		expect(await marker('pin-lyman').getAttribute('class')).not.toContain('sb-pin--outside');
		await page.context().close();
	});

	it('[SI9] the pin and report lists dim what lies outside the focused sector, after its own items, as the map does; hiding hides it there too', async () => {
		const page = await openBoard(fixture.browser, fixture.server.url, DEMO_BOARD_ID, 'Lister');
		const row = (id: string) => page.locator(`[data-pin-row="${id}"]`);
		await row('pin-izium').waitFor({ timeout: 15_000 });
		const reports = page.locator('[data-report-id]');
		await reports.first().waitFor();
		const allReports = await reports.count();

		await page.getByTestId('sector-switcher').selectOption('sector-izyum');
		await waitFor(async () => (await row('pin-lyman').getAttribute('data-outside')) === 'true', { what: 'Lyman listed, marked outside' });
		expect(await row('pin-izium').getAttribute('data-outside')).toBe('false');
		expect(await row('pin-lyman').evaluate((element) => Number(getComputedStyle(element).opacity))).toBeLessThan(0.5);
		// The sector's own pins first, then the rest.
		const flags = await page.locator('[data-pin-row]').evaluateAll((rows) => rows.map((element) => element.getAttribute('data-outside')));
		expect(flags.indexOf('true')).toBeGreaterThan(0);
		expect(flags.slice(flags.indexOf('true')).every((flag) => flag === 'true')).toBe(true);
		// Every report is still listed; those outside come after and faint.
		expect(await reports.count()).toBe(allReports);
		const reportFlags = await reports.evaluateAll((items) => items.map((element) => element.getAttribute('data-outside')));
		expect(reportFlags).toContain('true');
		expect(reportFlags).toContain('false');
		expect(reportFlags.slice(reportFlags.indexOf('true')).every((flag) => flag === 'true')).toBe(true);

		await page.getByLabel('Hide what lies outside the sector').check();
		await row('pin-lyman').waitFor({ state: 'detached' });
		await waitFor(async () => (await page.locator('[data-report-id][data-outside="true"]').count()) === 0, { what: 'the reports outside hidden' });
		expect(await row('pin-izium').count()).toBe(1);
		await page.context().close();
	});
});
