/**
 * [RP*] The demo's replay plays its story: paced by changes, 6 Sep → 11 Nov 2022 plays in under
 * two minutes, and the towns change hands on screen in the order they did.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_BOARD_ID } from '../../src/lib/protocol/boards';
import { openBoard } from '../helpers/board-page';
import { useServerAndBrowser } from '../helpers/e2e-setup';
import { waitFor } from '../helpers/wait-for';

const fixture = useServerAndBrowser({ env: { SEED_DEMO: 'true' } });

/** The towns whose fall the story turns on, in the order Ukraine retook them. */
const TOWNS = ['pin-kupiansk', 'pin-izium', 'pin-lyman', 'pin-kherson'];
const TWO_MINUTES = 120_000;

describe('replay plays the story', () => {
	it('[RP1] plays the demo by change and shows Kupiansk, Izium, Lyman and Kherson change hands in order, in under two minutes', async () => {
		const page = await openBoard(fixture.browser, fixture.server.url, DEMO_BOARD_ID, 'Viewer', '?at=2022-09-06T07:00:00Z');
		const timeline = page.getByTestId('timeline');
		await timeline.waitFor({ timeout: 15_000 });
		// The slider spans the 2022 story, not the log up to now.
		const slider = timeline.getByRole('slider', { name: 'Replay time' });
		await waitFor(async () => Number(await slider.getAttribute('max')) < Date.UTC(2022, 11, 1), { what: 'the slider to span the 2022 story' });

		// Record, in the page, the order in which each town is first shown Ukrainian.
		await page.evaluate((towns) => {
			const seen: string[] = [];
			(window as unknown as { handsChanged: string[] }).handsChanged = seen;
			const look = () => {
				for (const town of towns) {
					const control = document.querySelector(`.sb-pin[data-pin-id="${town}"]`)?.getAttribute('data-control');
					if (control === 'ukraine' && !seen.includes(town)) seen.push(town);
				}
			};
			new MutationObserver(look).observe(document.body, { subtree: true, childList: true });
		}, TOWNS);

		await timeline.getByRole('button', { name: 'by change' }).click();
		const started = Date.now();
		await timeline.getByRole('button', { name: 'Play', exact: true }).click();
		await timeline.getByRole('button', { name: 'Pause', exact: true }).waitFor();
		const handsChanged = () => page.evaluate(() => (window as unknown as { handsChanged: string[] }).handsChanged);
		await page.waitForFunction((count) => (window as unknown as { handsChanged: string[] }).handsChanged.length === count, TOWNS.length, { timeout: TWO_MINUTES, polling: 250 });
		const played = Date.now() - started;
		expect(await handsChanged()).toEqual(TOWNS);
		// Playing stops at the end of the story, which is 11 Nov 2022.
		await timeline.getByRole('button', { name: 'Play', exact: true }).waitFor({ timeout: 30_000 });
		const end = Number(await page.getByTestId('replay-time').getAttribute('data-time'));
		expect(new Date(end).toISOString().slice(0, 10)).toBe('2022-11-11');
		expect(Date.now() - started).toBeLessThan(TWO_MINUTES);
		console.log(`demo replay by change: the four towns in ${(played / 1000).toFixed(1)} s, to the end in ${((Date.now() - started) / 1000).toFixed(1)} s`);
		await page.context().close();
	}, 200_000);
});
