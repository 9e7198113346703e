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
	it('[FO1] dims the pins outside a focused sector, hides them only when asked, and "All sectors" returns home', async () => {
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

		await page.getByLabel('Hide what lies outside the sector').check();
		await waitFor(async () => (await marker('pin-lyman').count()) === 0, { what: 'Lyman hidden by the setting' });
		await page.getByLabel('Hide what lies outside the sector').uncheck();
		await marker('pin-lyman').waitFor();

		await page.getByTestId('sector-switcher').selectOption('');
		await waitFor(async () => (await map.getAttribute('data-zoom')) === home.zoom && (await map.getAttribute('data-center')) === home.center, { what: 'the home view again' });
		expect(await marker('pin-lyman').getAttribute('class')).not.toContain('sb-pin--outside');
		await page.context().close();
	});
});
