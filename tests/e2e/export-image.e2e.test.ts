/**
 * [EI*] "Export image" in Chromium on the demo board: the downloaded file is a PNG of exactly the
 * map view's size (1×) or double it (2×); the frame really draws the title and moment, the legend
 * and the sources (compared with the map-only picture of the same view); it works with the
 * network offline; and in replay the picture is of the replayed moment.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { fileMoment } from '../../src/lib/export-image/image-file-name';
import { formatUtc } from '../../src/lib/format/utc-time';
import { SIDE_BLUE, SIDE_RED } from '../../src/lib/legend/side-colours';
import { BASEMAP_PALETTES } from '../../src/lib/map/basemap-style';
import type { Theme } from '../../src/lib/theme/theme-names';
import { DEMO_BOARD_ID } from '../../src/lib/protocol/boards';
import { openBoard } from '../helpers/board-page';
import { ARTIFACTS_DIR } from '../helpers/browser';
import { useServerAndBrowser } from '../helpers/e2e-setup';
import { waitFor } from '../helpers/wait-for';

const fixture = useServerAndBrowser({ env: { SEED_DEMO: 'true' } });

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Picture {
	fileName: string;
	bytes: Buffer;
	png: PNG;
}

/** The board as a watcher sees it once the basemap, the towns and the pins are drawn. */
async function openDemo(query = ''): Promise<Page> {
	const page = await openBoard(fixture.browser, fixture.server.url, DEMO_BOARD_ID, 'Photographer', query);
	await page.locator('.sb-town > span').first().waitFor({ timeout: 15_000 });
	await page.locator('.leaflet-marker-pane .sb-pin').first().waitFor({ timeout: 15_000 });
	return page;
}

async function mapSize(page: Page): Promise<{ width: number; height: number }> {
	return page.getByTestId('board-map').evaluate((map) => ({ width: map.clientWidth, height: map.clientHeight }));
}

async function exportImage(page: Page, options: { ratio: 1 | 2; frame: boolean }): Promise<Picture> {
	// The panel stays open after a picture, so a 1× and a 2× are one click apart.
	if (!(await page.getByTestId('export-image').isVisible())) await page.getByTestId('export-toggle').click();
	await page.getByTestId(options.ratio === 1 ? 'export-image-1x' : 'export-image-2x').check();
	await page.getByTestId('export-image-frame').setChecked(options.frame);
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-image-download').click()]);
	const bytes = fs.readFileSync((await download.path())!);
	const fileName = download.suggestedFilename();
	await page.locator(`[data-testid="export-image"][data-drawn-moment]`).waitFor();
	fs.writeFileSync(path.join(ARTIFACTS_DIR, `export-image-${options.ratio}x${options.frame ? '' : '-map-only'}-${fileName}`), bytes);
	return { fileName, bytes, png: PNG.sync.read(bytes) };
}

/** A real PNG: the signature, then the IHDR chunk first, with the size pngjs decodes. */
function expectPng({ bytes, png }: Picture, width: number, height: number): void {
	expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
	expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
	expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([width, height]);
	expect([png.width, png.height]).toEqual([width, height]);
}

type Region = { x: number; y: number; width: number; height: number };

/** Mean absolute difference per channel (0–255) of two pictures over a region. */
function difference(a: PNG, b: PNG, region: Region): number {
	let sum = 0;
	let count = 0;
	for (let y = region.y; y < region.y + region.height; y++) {
		for (let x = region.x; x < region.x + region.width; x++) {
			const i = (y * a.width + x) * 4;
			for (let c = 0; c < 3; c++) sum += Math.abs(a.data[i + c]! - b.data[i + c]!);
			count += 3;
		}
	}
	return sum / count;
}

/** How many pixels of the region are within `tolerance` of a colour. */
/** The basemap's colours in the theme the page shows: the sea is a token, the land a palette. */
async function basemapColours(page: Page): Promise<{ sea: string; land: string; ukraine: string }> {
	const { theme, sea } = await page.evaluate(() => ({
		theme: document.documentElement.dataset.theme,
		sea: getComputedStyle(document.documentElement).getPropertyValue('--map-sea').trim()
	}));
	return { sea, ...BASEMAP_PALETTES[theme as Theme] };
}

function pixelsNear(png: PNG, hex: string, region: Region = { x: 0, y: 0, width: png.width, height: png.height }, tolerance = 24): number {
	const [r, g, b] = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16));
	let count = 0;
	for (let y = region.y; y < region.y + region.height; y++) {
		for (let x = region.x; x < region.x + region.width; x++) {
			const i = (y * png.width + x) * 4;
			if (Math.abs(png.data[i]! - r!) <= tolerance && Math.abs(png.data[i + 1]! - g!) <= tolerance && Math.abs(png.data[i + 2]! - b!) <= tolerance) count++;
		}
	}
	return count;
}

const FILE_NAME = /^kharkiv-2022-\d{4}-\d{2}-\d{2}T\d{4}Z\.png$/;

describe('[EI1] [EI2] the picture of the demo view', () => {
	it('[EI1] is a PNG named after the board and the moment, the view’s size at 1× and exactly double at 2×', async () => {
		const page = await openDemo();
		try {
			const { width, height } = await mapSize(page);
			const one = await exportImage(page, { ratio: 1, frame: true });
			expect(one.fileName).toMatch(FILE_NAME);
			expectPng(one, width, height);
			const two = await exportImage(page, { ratio: 2, frame: true });
			expect(two.fileName).toMatch(FILE_NAME);
			expectPng(two, width * 2, height * 2);
			// Drawn at 2×, not an empty canvas of the right size: the basemap and the fronts are there.
			const COLOURS = await basemapColours(page);
			expect(pixelsNear(two.png, COLOURS.sea)).toBeGreaterThan(width * height * 0.1);
			expect(pixelsNear(two.png, SIDE_BLUE, undefined, 12)).toBeGreaterThan(400);
			expect(pixelsNear(two.png, SIDE_RED, undefined, 12)).toBeGreaterThan(400);
		} finally {
			await page.context().close();
		}
	});

	it('[EI2] the frame draws title, moment, legend, scale and sources over the map; without it, the map alone', async () => {
		const page = await openDemo();
		try {
			const { width, height } = await mapSize(page);
			const framed = await exportImage(page, { ratio: 1, frame: true });
			// What the page shows, beside the pictures in the artifacts, for a person to compare.
			await page.getByTestId('board-map').screenshot({ path: path.join(ARTIFACTS_DIR, 'export-image-page-view.png') });
			const bare = await exportImage(page, { ratio: 1, frame: false });
			expectPng(bare, width, height);
			// The map itself is drawn: sea, land, Ukraine, and the board's blue and red.
			const COLOURS = await basemapColours(page);
			for (const colour of [COLOURS.sea, COLOURS.land, COLOURS.ukraine]) expect(pixelsNear(bare.png, colour, undefined, 6)).toBeGreaterThan(2000);
			expect(pixelsNear(bare.png, SIDE_BLUE, undefined, 12)).toBeGreaterThan(100);
			expect(pixelsNear(bare.png, SIDE_RED, undefined, 12)).toBeGreaterThan(100);

			// The title band (the moment right of the title, or under it when the title is long), the
			// legend (lower left), the scale bar and sources (lower right) differ from the map there;
			// the middle of the view is the same map.
			const band = { x: 0, y: 0, width, height: 36 };
			const momentRegion = { x: 0, y: 0, width, height: 56 };
			const legend = { x: 12, y: height - 150, width: 200, height: 120 };
			const strip = { x: 0, y: height - 16, width, height: 16 };
			const scale = { x: width - 170, y: height - 48, width: 160, height: 26 };
			const middle = { x: Math.floor(width * 0.3), y: Math.floor(height * 0.3), width: Math.floor(width * 0.4), height: Math.floor(height * 0.3) };
			for (const [name, region] of Object.entries({ band, momentRegion, legend, strip, scale })) {
				expect(difference(framed.png, bare.png, region), `${name} differs from the map-only picture`).toBeGreaterThan(12);
			}
			expect(difference(framed.png, bare.png, middle)).toBeLessThan(1);
			// The moment is written in the app's accent colour; the legend swatches in the sides' colours.
			expect(pixelsNear(framed.png, '#f2b233', momentRegion, 40)).toBeGreaterThan(30);
			expect(pixelsNear(framed.png, SIDE_BLUE, legend, 12)).toBeGreaterThan(20);
			expect(await page.getByTestId('export-image').getAttribute('data-drawn-moment')).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2} UTC · live$/);
		} finally {
			await page.context().close();
		}
	});
});

describe('[EI3] offline', () => {
	it('[EI3] exports with the network off, after a reload from the offline cache, making no request', async () => {
		const page = await openDemo();
		try {
			await waitFor(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { what: 'the service worker to take control' });
			await page.context().setOffline(true);
			expect(await page.evaluate(() => navigator.onLine)).toBe(false);
			// The app, the packaged basemap and the board itself now come from the browser's caches.
			await page.reload();
			await page.locator('.sb-town > span').first().waitFor({ timeout: 15_000 });
			await page.locator('.leaflet-marker-pane .sb-pin').first().waitFor({ timeout: 15_000 });
			const requests: string[] = [];
			page.on('request', (request) => {
				if (!/^(data|blob):/.test(request.url()) && !request.url().includes('/socket.io/')) requests.push(request.url());
			});
			const { width, height } = await mapSize(page);
			const picture = await exportImage(page, { ratio: 2, frame: true });
			expectPng(picture, width * 2, height * 2);
			const COLOURS = await basemapColours(page);
			expect(pixelsNear(picture.png, COLOURS.land, undefined, 6)).toBeGreaterThan(2000);
			expect(pixelsNear(picture.png, SIDE_RED, undefined, 12)).toBeGreaterThan(400);
			expect(requests).toEqual([]);
		} finally {
			await page.context().close();
		}
	});
});

describe('[EI4] replay', () => {
	it('[EI4] pictures the replayed moment: its file name and its frame', async () => {
		const at = Date.parse('2022-09-10T12:00:00Z');
		const page = await openDemo(`?at=${new Date(at).toISOString()}`);
		try {
			await page.getByTestId('replay-banner').waitFor();
			const shown = Number(await page.getByTestId('replay-time').getAttribute('data-time'));
			expect(Math.abs(shown - at)).toBeLessThan(24 * 3600_000);
			const replayed = await exportImage(page, { ratio: 1, frame: true });
			expect(replayed.fileName).toBe(`kharkiv-2022-${fileMoment(shown)}.png`);
			const bare = await exportImage(page, { ratio: 1, frame: false });
			const { width } = await mapSize(page);
			const momentRegion = { x: 0, y: 0, width, height: 56 };
			expect(difference(replayed.png, bare.png, momentRegion)).toBeGreaterThan(12);
			expect(pixelsNear(replayed.png, '#f2b233', momentRegion, 40)).toBeGreaterThan(30);
			// The frame wrote the replay's moment in the app's UTC format.
			expect(await page.getByTestId('export-image').getAttribute('data-drawn-moment')).toBe(`As at ${formatUtc(shown)}`);
		} finally {
			await page.context().close();
		}
	});
});
