/**
 * [SI*] The smaller things a watcher trips over: Esc deselects; a new report does not link itself
 * to whatever was last selected.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addPin } from '../../src/lib/model/pin-operations';
import { postReport } from '../../src/lib/model/report-operations';
import { addSector } from '../../src/lib/model/sector-operations';
import { DEMO_BOARD_ID } from '../../src/lib/protocol/boards';
import { HISTORY_API, type ChangesPage, type ForkResponse, type HistorySummary } from '../../src/lib/protocol/history';
import { readAll } from '../../src/lib/model/records';
import { clickMap, openBoard } from '../helpers/board-page';
import { useServerAndBrowser } from '../helpers/e2e-setup';
import { createBoard, postJson } from '../helpers/http';
import { box } from '../helpers/lat-lng-box';
import { waitFor } from '../helpers/wait-for';
import { connectSynced } from '../helpers/yjs-client';

const fixture = useServerAndBrowser({ env: { SEED_DEMO: 'true' } });

const logged = async (id: string) => ((await (await fetch(`${fixture.server.url}${HISTORY_API.summary(id)}`)).json()) as HistorySummary).count;

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

	it('[SI5] your own edits are not news to you: the since panel and the sector badges count only the others\'', async () => {
		const { id } = await createBoard(fixture.server.url, 'Own edits');
		const olena = await connectSynced(fixture.server.wsUrl, id, 'Olena');
		addSector(olena.doc, { id: 'sector-west', name: 'West', area: box(49.0, 36.0, 50.0, 37.0) }, { actor: 'Olena' });
		addSector(olena.doc, { id: 'sector-east', name: 'East', area: box(49.0, 37.0, 50.0, 38.0) }, { actor: 'Olena' });
		await waitFor(async () => (await logged(id)) >= 2, { what: 'the sectors to be logged' });

		const first = await openBoard(fixture.browser, fixture.server.url, id, 'Sam');
		const context = first.context();
		await first.close({ runBeforeUnload: true });
		await waitFor(() => first.isClosed(), { what: 'the tab to close' });
		const left = Date.now();
		await waitFor(() => Date.now() > left + 20, { what: 'the clock to move past the visit' });

		// While away: Sam, on another device (the same name), adds a pin in the west; Olena posts in the east.
		const samElsewhere = await connectSynced(fixture.server.wsUrl, id, 'Sam');
		const before = await logged(id);
		addPin(samElsewhere.doc, { id: 'pin-mine', name: 'Balakliia', lat: 49.46, lng: 36.86, kind: 'town', sector: 'sector-west' }, { actor: 'Sam' });
		postReport(olena.doc, { id: 'report-theirs', text: 'Shelling near Kupiansk', eventTime: Date.now(), place: { lat: 49.7, lng: 37.6 }, sector: 'sector-east' }, { actor: 'Olena' });
		await waitFor(async () => (await logged(id)) >= before + 2, { what: 'both edits to be logged' });

		const page = await context.newPage();
		await page.goto(`${fixture.server.url}/b/${id}`);
		await page.getByTestId('since-panel').waitFor({ timeout: 15_000 });
		const items = await page.getByTestId('since-items').locator('li').allTextContents();
		expect(items).toHaveLength(1);
		expect(items[0]).toMatch(/Olena posted the report 'Shelling near Kupiansk'/);
		await page.locator('[data-testid="sector-badge"][data-sector="sector-east"]').waitFor({ state: 'attached' });
		expect(await page.locator('[data-testid="sector-badge"][data-sector="sector-west"]').count()).toBe(0);
		samElsewhere.destroy();
		olena.destroy();
		await context.close();
	});

	it('[SI6] a drawn front is asked for its name; Esc keeps the offered name, never "unnamed"', async () => {
		const { id } = await createBoard(fixture.server.url, 'Named fronts');
		const bot = await connectSynced(fixture.server.wsUrl, id, 'observer');
		const page = await openBoard(fixture.browser, fixture.server.url, id, 'Drawer');
		const prompt = page.getByTestId('front-name');
		const drawLine = async (tool: string, points: [number, number][]) => {
			await page.getByRole('button', { name: tool }).click();
			for (const [fx, fy] of points) await clickMap(page, fx, fy);
			await page.keyboard.press('Enter');
			await prompt.waitFor();
		};

		await drawLine('Front line', [[0.3, 0.5], [0.5, 0.45], [0.6, 0.5]]);
		// The offered name is focused and selected: typing replaces it.
		const input = prompt.getByRole('textbox');
		expect(await input.inputValue()).toBe('Front line 1');
		expect(await input.evaluate((el: HTMLInputElement) => document.activeElement === el && el.selectionStart === 0 && el.selectionEnd === el.value.length)).toBe(true);
		expect(readAll(bot.doc, 'fronts')).toHaveLength(0); // not drawn before it is named
		await page.keyboard.type('Oskil line');
		await page.keyboard.press('Enter');
		await prompt.waitFor({ state: 'detached' });

		await drawLine('Area (pocket, bridgehead)', [[0.2, 0.2], [0.3, 0.15], [0.35, 0.3]]);
		expect(await prompt.getByRole('textbox').inputValue()).toBe('Area 1');
		await page.keyboard.press('Escape');
		await prompt.waitFor({ state: 'detached' });

		await waitFor(() => readAll(bot.doc, 'fronts').length === 2, { what: 'both fronts in the document' });
		expect(readAll(bot.doc, 'fronts').map((front) => `${front.kind}:${front.label}`).sort()).toEqual(['area:Area 1', 'line:Oskil line']);
		// The change list names them as drawn.
		const changes = async () => ((await (await fetch(`${fixture.server.url}${HISTORY_API.changes(id)}`)).json()) as ChangesPage).changes.map((change) => change.summary);
		await waitFor(async () => (await changes()).length >= 2, { what: 'the drawings to be logged' });
		const summaries = (await changes()).join('\n');
		expect(summaries).toContain("drew the front 'Oskil line'");
		expect(summaries).toContain("'Area 1'");
		expect(summaries).not.toMatch(/unnamed/);
		bot.destroy();
		await page.context().close();
	});

	it('[SI7] a fork says what it was forked from, when, and links the source', async () => {
		const { id } = await createBoard(fixture.server.url, 'Izium <b>axis</b>');
		const olena = await connectSynced(fixture.server.wsUrl, id, 'Olena');
		addPin(olena.doc, { id: 'pin-izium', name: 'Izium', lat: 49.21, lng: 37.26, kind: 'town' }, { actor: 'Olena' });
		await waitFor(async () => (await logged(id)) >= 2, { what: 'the pin to be logged' });
		olena.destroy();
		const { status, body } = await postJson(`${fixture.server.url}${HISTORY_API.fork(id)}`, { actor: 'Sam' });
		expect(status).toBe(201);
		const fork = body as ForkResponse;
		expect(fork.title).toBe('Izium <b>axis</b> (fork)');

		const page = await openBoard(fixture.browser, fixture.server.url, fork.id, 'Sam');
		const origin = page.getByTestId('fork-origin');
		await origin.waitFor();
		expect((await origin.textContent())!.replace(/\s+/g, ' ').trim()).toMatch(/^Forked from Izium <b>axis<\/b> at \d{1,2} \w{3} \d{4} \d\d:\d\d UTC$/);
		expect(await origin.locator('b').count()).toBe(0); // the title is text
		const [source, moment] = await origin.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
		expect(source).toBe(`/b/${id}`);
		expect(moment).toMatch(new RegExp(`^/b/${id}\\?at=\\d{4}-`));
		await origin.getByRole('link', { name: 'Izium <b>axis</b>' }).click();
		await page.waitForURL(`${fixture.server.url}/b/${id}`);
		await page.locator('.sb-pin', { hasText: 'Izium' }).waitFor();
		await page.context().close();
	});

	it('[SI10] at the demo\'s home view Kupiansk and the Oskil crossing beside it can each be hovered', async () => {
		const page = await openBoard(fixture.browser, fixture.server.url, DEMO_BOARD_ID, 'Hoverer');
		const ids = ['pin-kupiansk', 'pin-oskil-crossing'];
		for (const id of ids) await page.locator(`.sb-pin[data-pin-id="${id}"]`).waitFor({ timeout: 15_000 });
		/** Which pin the point at the centre of `id`'s symbol belongs to. */
		const hit = (id: string) =>
			page.evaluate((pinId) => {
				const glyph = document.querySelector(`.sb-pin[data-pin-id="${pinId}"] .sb-pin__glyph`)!.getBoundingClientRect();
				return document.elementFromPoint(glyph.x + glyph.width / 2, glyph.y + glyph.height / 2)?.closest('.sb-pin')?.getAttribute('data-pin-id') ?? null;
			}, id);
		const map = page.getByTestId('board-map');
		expect(await map.getAttribute('data-zoom')).toBe('7');
		await waitFor(async () => (await hit('pin-kupiansk')) === 'pin-kupiansk' && (await hit('pin-oskil-crossing')) === 'pin-oskil-crossing', {
			what: 'each symbol to be its own at its centre'
		});
		// And hovering each names it.
		for (const [id, name] of [['pin-kupiansk', 'Kupiansk'], ['pin-oskil-crossing', 'Oskil crossing']] as const) {
			const glyph = page.locator(`.sb-pin[data-pin-id="${id}"] .sb-pin__glyph`);
			await glyph.hover();
			await waitFor(async () => ((await page.locator(`.sb-pin[data-pin-id="${id}"]`).getAttribute('title')) ?? '').includes(name), { what: `${name}'s title on hover` });
		}
		await page.context().close();
	});
});
