/**
 * [TH*] The board in both themes, for every watcher: axe-core finds nothing serious on the demo
 * board (a pin selected, then the report form open) at a desktop and a phone size; the theme
 * switch is remembered; System follows the system's colour scheme; the first paint is already
 * themed; the keyboard reaches the top bar and the map's zoom with a visible focus.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { THEME_STORAGE_KEY, type Theme, type ThemeChoice } from '../../src/lib/theme/theme-names';
import { seriousViolations } from '../helpers/axe';
import { ARTIFACTS_DIR } from '../helpers/browser';
import { useServerAndBrowser } from '../helpers/e2e-setup';
import { waitFor } from '../helpers/wait-for';

const fixture = useServerAndBrowser({ env: { SEED_DEMO: 'true' } });
const BOARD = 'kharkiv-2022';
const NAME_KEY = 'situation-board:watcher-name';

const SCREENS = [
	{ name: 'desktop-1440', width: 1440, height: 900, touch: false },
	{ name: 'phone', width: 390, height: 844, touch: true }
] as const;
type Screen = (typeof SCREENS)[number];

interface Options {
	screen?: Screen;
	choice?: ThemeChoice;
	colorScheme?: 'light' | 'dark';
}

async function newContext({ screen = SCREENS[0], choice, colorScheme = 'light' }: Options): Promise<BrowserContext> {
	const context = await fixture.browser.newContext({
		viewport: { width: screen.width, height: screen.height },
		colorScheme,
		...(screen.touch ? { hasTouch: true, isMobile: true } : {})
	});
	// A stored name: the first-visit name dialog does not appear. A stored theme, when given.
	await context.addInitScript(
		([nameKey, themeKey, theme]) => {
			if (sessionStorage.getItem('seeded')) return;
			sessionStorage.setItem('seeded', '1');
			localStorage.setItem(nameKey!, 'Axe');
			if (theme) localStorage.setItem(themeKey!, theme);
		},
		[NAME_KEY, THEME_STORAGE_KEY, choice ?? ''] as const
	);
	return context;
}

async function openDemo(context: BrowserContext): Promise<Page> {
	const page = await context.newPage();
	await page.goto(`${fixture.server.url}/b/${BOARD}`);
	await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
	await page.locator('.board:not([data-role="none"])').waitFor({ timeout: 15_000 });
	return page;
}

const shownTheme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme);
const pageBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

/** Axe's serious and critical findings, as lines a failing test prints. */
async function expectNoSeriousViolations(page: Page, when: string): Promise<void> {
	const found = await seriousViolations(page);
	expect(found.map((finding) => `${when}: ${finding.id} ${finding.targets.join(' ')} — ${finding.summary}`)).toEqual([]);
}

async function selectPin(page: Page, screen: Screen): Promise<void> {
	if (screen.name === 'phone') await page.getByTestId('sheet-side').click();
	const side = page.locator('aside.side');
	await side.waitFor();
	await side.locator('[data-pin-row] button.pin').first().click();
	await page.locator('.pin-details').waitFor();
}

async function openReportForm(page: Page, screen: Screen): Promise<void> {
	if (screen.name === 'phone') {
		if (await page.locator('aside.side').getByTestId('sheet-close').count()) await page.locator('aside.side').getByTestId('sheet-close').click();
		await page.getByTestId('sheet-feed').click();
	}
	const feed = page.locator('aside.feed');
	await feed.waitFor();
	await feed.getByRole('button', { name: '+ Report' }).click();
	await page.getByRole('form', { name: 'Post a report' }).waitFor();
}

describe('themes and accessibility', () => {
	for (const screen of SCREENS) {
		for (const theme of ['light', 'dark'] as const satisfies Theme[]) {
			it(`[TH1] ${screen.name} (${screen.width}×${screen.height}), ${theme}: axe finds nothing serious with a pin selected and with the report form open`, async () => {
				const context = await newContext({ screen, choice: theme });
				const page = await openDemo(context);
				expect(await shownTheme(page)).toBe(theme);
				await selectPin(page, screen);
				await expectNoSeriousViolations(page, 'pin selected');
				await openReportForm(page, screen);
				await expectNoSeriousViolations(page, 'report form open');
				await page.screenshot({ path: `${ARTIFACTS_DIR}/accessibility-${screen.name}-${theme}.png` });
				await context.close();
			}, 90_000);
		}
	}

	it('[TH2] the switch offers System, Light and Dark, and the choice is remembered across a reload', async () => {
		const context = await newContext({ colorScheme: 'light' });
		const page = await openDemo(context);
		expect(await shownTheme(page)).toBe('light');
		const lightBackground = await pageBackground(page);
		await page.getByRole('button', { name: /help/i }).click();
		const choices = page.getByTestId('theme-switch').getByRole('radio');
		expect(await choices.evaluateAll((radios) => radios.map((radio) => radio.closest('label')!.textContent!.trim()))).toEqual(['System', 'Light', 'Dark']);
		await page.getByRole('radio', { name: 'Dark' }).check();
		await waitFor(async () => (await shownTheme(page)) === 'dark', { what: 'the page to turn dark' });
		expect(await pageBackground(page)).not.toBe(lightBackground);
		await expectNoSeriousViolations(page, 'help panel with the switch, dark');
		await page.getByTestId('help-panel').screenshot({ path: `${ARTIFACTS_DIR}/accessibility-theme-switch.png` });

		await page.reload();
		await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
		expect(await shownTheme(page)).toBe('dark');
		await page.getByRole('button', { name: /help/i }).click();
		expect(await page.getByRole('radio', { name: 'Dark' }).isChecked()).toBe(true);
		await context.close();
	});

	it('[TH3] System follows the system colour scheme, also while the page is open', async () => {
		const context = await newContext({ colorScheme: 'dark' });
		const page = await openDemo(context);
		expect(await shownTheme(page)).toBe('dark');
		await page.emulateMedia({ colorScheme: 'light' });
		await waitFor(async () => (await shownTheme(page)) === 'light', { what: 'System to follow the scheme to light' });
		await page.emulateMedia({ colorScheme: 'dark' });
		await waitFor(async () => (await shownTheme(page)) === 'dark', { what: 'System to follow the scheme back to dark' });
		await context.close();
	});

	it('[TH4] the first paint is already themed: the inline script runs under the CSP before the app', async () => {
		const context = await newContext({ choice: 'dark', colorScheme: 'light' });
		await context.addInitScript(() => {
			const seen = window as unknown as { themeAtParse?: string; cspViolations: string[] };
			seen.cspViolations = [];
			document.addEventListener('securitypolicyviolation', (event) => seen.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
			document.addEventListener('DOMContentLoaded', () => (seen.themeAtParse = document.documentElement.dataset.theme));
		});
		const page = await openDemo(context);
		const seen = await page.evaluate(() => {
			const { themeAtParse, cspViolations } = window as unknown as { themeAtParse?: string; cspViolations: string[] };
			return { themeAtParse, cspViolations };
		});
		expect(seen.themeAtParse).toBe('dark');
		expect(seen.cspViolations).toEqual([]);
		await context.close();
	});

	for (const theme of ['light', 'dark'] as const) {
		it(`[TH5] ${theme}: Tab reaches the top bar's controls and the map's zoom (Enter zooms), each with a visible focus ring`, async () => {
			const context = await newContext({ choice: theme });
			const page = await openDemo(context);
			const reached = new Map<string, string>();
			const order: string[] = [];
			for (let step = 0; step < 120 && !reached.has('zoom-in'); step++) {
				await page.keyboard.press('Tab');
				const focus = await page.evaluate(() => {
					const element = document.activeElement as HTMLElement | null;
					if (!element || element === document.body) return null;
					const style = getComputedStyle(element);
					const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 ? 'outline' : style.boxShadow !== 'none' ? 'shadow' : 'none';
					const where = element.closest('header.topbar') ? 'topbar' : element.classList.contains('leaflet-control-zoom-in') ? 'zoom-in' : 'other';
					return { where, ring, what: `${element.tagName} ${element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 30)}` };
				});
				if (!focus) continue;
				order.push(focus.what);
				expect(focus.ring, `focus ring on ${focus.what}`).not.toBe('none');
				reached.set(focus.where === 'topbar' ? `topbar ${focus.what}` : focus.where, focus.ring);
			}
			expect([...reached.keys()].filter((key) => key.startsWith('topbar')).length).toBeGreaterThanOrEqual(5);
			expect(reached.has('zoom-in'), `Tab order: ${order.join(' | ')}`).toBe(true);
			// Operable: Enter on the focused zoom button zooms the map in.
			const zoomBefore = Number(await page.getByTestId('board-map').getAttribute('data-zoom'));
			await page.keyboard.press('Enter');
			await waitFor(async () => Number(await page.getByTestId('board-map').getAttribute('data-zoom')) > zoomBefore, { what: 'Enter on zoom-in to zoom in' });
			await context.close();
		});
	}
});
