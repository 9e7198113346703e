/**
 * Time to first map paint of the demo board, cold (a fresh browser context, so an empty cache),
 * measured inside the page from navigation start:
 * - first map paint: the first animation frame that starts with pins (DOM markers or the pin canvas,
 *   see PIN_SELECTOR) and the basemap's vector canvas both in the page, i.e. the frame that paints them;
 * - first contentful paint, from the Performance API, for comparison with any other site;
 * - live: when the board's connection indicator says the Yjs sync is up.
 */
import type { Browser } from 'playwright-core';
import { boardPagePath } from '../../src/lib/protocol/endpoints';

export interface PaintSample {
	firstMapPaintMs: number;
	firstContentfulPaintMs: number | null;
	liveMs: number | null;
}

const TIMEOUT_MS = 30_000;

/**
 * How the page shows pins and the basemap: the one place the bench knows the UI's class names.
 * Pins are DOM markers (`.sb-pin`) or, for crowded boards, one canvas (`canvas.sb-pin-canvas`).
 */
export const PIN_SELECTOR = '.sb-pin, canvas.sb-pin-canvas';
export const BASEMAP_SELECTOR = '[data-testid="board-map"] canvas:not(.sb-pin-canvas)';
export const LIVE_SELECTOR = '[data-connection="live"]';

/**
 * Runs in the page before its own scripts. A string, not a function: tsx compiles bench code with
 * esbuild's keepNames, which wraps named inner functions in a `__name` helper the page lacks.
 */
const WATCH_PAINT = `
	(() => {
		const state = { mapPaint: null, live: null };
		window.__benchPaint = state;
		function check(frameStart) {
			if (state.live === null && document.querySelector('${LIVE_SELECTOR}')) state.live = performance.now();
			if (state.mapPaint === null && document.querySelector('${PIN_SELECTOR}') && document.querySelector('${BASEMAP_SELECTOR}')) {
				state.mapPaint = frameStart;
			}
			if (state.mapPaint === null || state.live === null) requestAnimationFrame(check);
		}
		requestAnimationFrame(check);
	})();
`;

declare global {
	interface Window {
		__benchPaint?: { mapPaint: number | null; live: number | null };
	}
}

export async function measurePaint(browser: Browser, baseUrl: string, boardId: string): Promise<PaintSample> {
	const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
	try {
		await context.addInitScript({ content: WATCH_PAINT });
		const page = await context.newPage();
		await page.goto(`${baseUrl}${boardPagePath(boardId)}`);
		await page.waitForFunction(() => window.__benchPaint?.mapPaint != null, undefined, { timeout: TIMEOUT_MS });
		return await page.evaluate(() => {
			const fcp = performance.getEntriesByType('paint').find((entry) => entry.name === 'first-contentful-paint');
			return {
				firstMapPaintMs: window.__benchPaint?.mapPaint ?? Number.NaN,
				firstContentfulPaintMs: fcp ? fcp.startTime : null,
				liveMs: window.__benchPaint?.live ?? null
			};
		});
	} finally {
		await context.close();
	}
}
