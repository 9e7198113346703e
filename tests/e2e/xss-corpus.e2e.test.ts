/**
 * Everything a watcher or a bot can type ends up on other watchers' screens. Every payload here,
 * in every place user text is shown (pin names, front labels, report text and sources, sector
 * names, the board title, alert texts and watcher names on alerts and pings), must render as inert text: no script runs, no element is injected,
 * and only http(s) sources become links.
 */
import { describe, expect, it } from 'vitest';
import { drawFront } from '../../src/lib/model/front-operations';
import { renameBoard } from '../../src/lib/model/meta-operations';
import { addPin } from '../../src/lib/model/pin-operations';
import { postReport } from '../../src/lib/model/report-operations';
import { addSector } from '../../src/lib/model/sector-operations';
import { openBoard } from '../helpers/board-page';
import { useControlClients } from '../helpers/control-client';
import { useServerAndBrowser } from '../helpers/e2e-setup';
import { createBoard } from '../helpers/http';
import { connectSynced } from '../helpers/yjs-client';

const PAYLOADS = [
	'<script>window.__xss = 1</script>',
	'<img src=x onerror="window.__xss = 2">',
	'<svg onload="window.__xss = 3"></svg>',
	'"><iframe src="javascript:window.__xss=4"></iframe>',
	"'; window.__xss = 5; //",
	'<a href="javascript:window.__xss=6">click</a>',
	'{{constructor.constructor("window.__xss=7")()}}',
	'<style>body{display:none}</style>',
	'&lt;b&gt;entity&lt;/b&gt; <b>bold</b>'
];

const fixture = useServerAndBrowser();
const controlClients = useControlClients();

describe('XSS corpus', () => {
	it('every payload renders as text wherever user text is shown', async () => {
		const { id } = await createBoard(fixture.server.url, 'XSS');
		const bot = await connectSynced(fixture.server.wsUrl, id, '<img src=x onerror="window.__xss=9">');
		renameBoard(bot.doc, PAYLOADS[1]!);
		PAYLOADS.forEach((payload, i) => {
			const lat = 48 + i * 0.15;
			addPin(bot.doc, { id: `pin-${i}`, name: payload.slice(0, 120), lat, lng: 36 });
			drawFront(bot.doc, { kind: 'arrow', label: payload.slice(0, 120), points: [[lat, 34], [lat, 35]] });
			postReport(bot.doc, { text: payload, eventTime: i, place: { lat, lng: 37 }, sources: [{ url: `https://example.org/?q=${encodeURIComponent(payload)}` }] });
		});
		addSector(bot.doc, { name: '<img src=x onerror="window.__xss = 10">', area: [[47, 33], [50, 33], [50, 38]] });
		// A source that is not http(s) cannot even be written through the model; a raw writer trying is
		// refused by the server (see content validation). Here: what reached the board renders safely.
		const dialogs: string[] = [];
		const page = await openBoard(fixture.browser, fixture.server.url, id, 'Reader');
		page.on('dialog', (dialog) => {
			dialogs.push(dialog.message());
			void dialog.dismiss();
		});
		await expect.poll(() => page.locator('article').count()).toBe(PAYLOADS.length);
		await page.getByText(PAYLOADS[0]!).first().waitFor();
		await page.locator('[data-testid="alert-panel"][data-joined="true"]').waitFor();

		// Alerts and pings from the control plane: one watcher per payload, named with it.
		for (const [i, payload] of PAYLOADS.entries()) {
			const { client: sender } = await controlClients.connect(fixture.server.url);
			expect((await sender.emitWithAck('board:join', { boardId: id, watcher: { id: `xss-watcher-${i}`, name: payload.slice(0, 64) } })).ok).toBe(true);
			expect((await sender.emitWithAck('alert:raise', { priority: 'flash', text: payload, place: { type: 'point', lat: 48, lng: 36 } })).ok).toBe(true);
			expect((await sender.emitWithAck('ping', { lat: 48.5, lng: 36.5 })).ok).toBe(true);
		}
		await page.getByRole('button', { name: `Show all ${PAYLOADS.length}` }).click();
		await expect.poll(() => page.getByTestId('alert-item').count()).toBe(PAYLOADS.length);
		await expect.poll(() => page.locator('.sb-ping__tag').allTextContents()).toContain(PAYLOADS[1]!.slice(0, 64));
		for (const payload of PAYLOADS) expect(await page.getByTestId('alert-item').filter({ hasText: payload }).count()).toBe(1);
		expect(await page.getByTestId('alert-toast').first().locator('.text').textContent()).toBe(PAYLOADS.at(-1));

		expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
		expect(dialogs).toEqual([]);
		// Nothing was injected: no element from the payloads exists anywhere in the page.
		expect(await page.locator('img[src="x"], iframe, a[href^="javascript:"], main style, aside style').count()).toBe(0);
		expect(await page.locator('b', { hasText: 'bold' }).count()).toBe(0);
		// The text is shown literally in the feed, the pin list and the title.
		for (const payload of PAYLOADS) expect(await page.locator('article', { hasText: payload }).count()).toBe(1);
		expect(await page.getByTestId('board-title').textContent()).toBe(PAYLOADS[1]);
		expect(await page.locator('[data-pin-row]', { hasText: PAYLOADS[0]! }).count()).toBe(1);
		// Sources are links only to http(s), shown by their domain.
		const hrefs = await page.locator('article a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
		expect(hrefs.length).toBe(PAYLOADS.length);
		for (const href of hrefs) expect(href).toMatch(/^https:\/\/example\.org\//);
		// Hovering a front shows its label in a tooltip, also as text.
		const arrow = page.locator('.leaflet-overlay-pane path.leaflet-interactive[stroke="#4b5563"]').first();
		await arrow.hover({ force: true });
		await page.locator('.sb-front-tooltip').first().waitFor();
		expect(await page.locator('.sb-front-tooltip img, .leaflet-tooltip img').count()).toBe(0);
		expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
		bot.destroy();
		await page.context().close();
	});
});
