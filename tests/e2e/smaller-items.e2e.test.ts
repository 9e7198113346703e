/**
 * [SI*] The smaller things a watcher trips over: Esc deselects; a new report does not link itself
 * to whatever was last selected.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_BOARD_ID } from '../../src/lib/protocol/boards';
import { openBoard } from '../helpers/board-page';
import { useServerAndBrowser } from '../helpers/e2e-setup';
import { waitFor } from '../helpers/wait-for';

const fixture = useServerAndBrowser({ env: { SEED_DEMO: 'true' } });

async function selectPin(page: Page, id: string): Promise<void> {
	await page.locator(`[data-pin-row="${id}"] button.pin`).click();
	await page.getByRole('region', { name: 'Pin details' }).waitFor();
}

describe('smaller items', () => {
	it('[SI1] Esc deselects the selected pin, but Esc in a field leaves the selection alone', async () => {
		const page = await openBoard(fixture.browser, fixture.server.url, DEMO_BOARD_ID, 'Escaper');
		await selectPin(page, 'pin-izium');
		await page.getByLabel('Filter pins').focus();
		await page.keyboard.press('Escape');
		expect(await page.getByRole('region', { name: 'Pin details' }).count()).toBe(1);
		await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
		await page.keyboard.press('Escape');
		await waitFor(async () => (await page.getByRole('region', { name: 'Pin details' }).count()) === 0, { what: 'Esc to deselect' });
		// The map redraws on its next frame.
		await waitFor(async () => (await page.locator('.sb-pin--selected').count()) === 0, { what: 'the marker to lose its selection mark' });
		await page.context().close();
	});

	it('[SI2] a new report offers the selected pin as a link, unticked', async () => {
		const page = await openBoard(fixture.browser, fixture.server.url, DEMO_BOARD_ID, 'Reporter');
		await selectPin(page, 'pin-izium');
		await page.getByRole('button', { name: '+ Report' }).click();
		const link = page.getByLabel('Link to pin “Izium”');
		await link.waitFor();
		expect(await link.isChecked()).toBe(false);
		await page.context().close();
	});

	it('[SI3] says when ?at= is not a date, or before the board\'s story, instead of showing another board silently', async () => {
		const page = await openBoard(fixture.browser, fixture.server.url, DEMO_BOARD_ID, 'Linker', '?at=notadate');
		const notice = page.getByTestId('replay-notice');
		await notice.waitFor({ timeout: 15_000 });
		expect(await notice.textContent()).toContain('“notadate” is not a date');
		await page.goto(`${fixture.server.url}/b/${DEMO_BOARD_ID}?at=2020-01-01`);
		await notice.waitFor({ timeout: 15_000 });
		await waitFor(async () => /1 Jan 2020 00:00 UTC is before this board’s story, which begins 6 Sep 2022/.test((await notice.textContent()) ?? ''), { what: 'the before-the-story notice' });
		await page.context().close();
	});
});
