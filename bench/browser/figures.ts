/**
 * The browser part of the bench: our server (with the demo board seeded) and Debian's Chromium
 * through playwright-core, the same launcher the e2e tests use. Cold first map paint of the demo
 * board (median of a few fresh contexts), pan frame rate on a crowded board, and the size of the
 * client bundle. Bounded: every wait has a timeout, and the server and browser are closed always.
 */
import path from 'node:path';
import { DEMO_BOARD_ID } from '../../src/lib/protocol/boards';
import { launchChromium } from '../../tests/helpers/browser';
import { median } from '../metrics/stats';
import { REPO_ROOT, startServer } from '../servers/launch';
import { bundleSize } from './bundle';
import { measurePaint } from './paint';
import { measurePan } from './pan';

export interface BrowserFigures {
	rows: { figure: string; value: string; how: string }[];
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const ms = (value: number | null) => (value === null ? '–' : `${value.toFixed(0)} ms`);

export async function measureBrowser(options: { paintSamples: number; panMs: number }): Promise<BrowserFigures> {
	const rows: BrowserFigures['rows'] = [];
	const bundle = bundleSize(path.join(REPO_ROOT, 'build', 'client'));
	rows.push({ figure: 'client bundle, gzipped', value: kB(bundle.gzipBytes), how: `${bundle.files} .js/.css files under build/client, ${kB(bundle.rawBytes)} raw, gzip level 6` });
	rows.push({ figure: 'basemap data, gzipped', value: kB(bundle.basemapGzipBytes), how: 'countries, rivers, towns JSON (data, not code; fetched once per visit)' });

	const server = await startServer('ours', 'browser', { SEED_DEMO: 'true' });
	const baseUrl = server.target.serverUrl.replace(/^ws/, 'http').replace(/\/yjs$/, '');
	const browser = await launchChromium();
	try {
		const samples = [];
		for (let i = 0; i < options.paintSamples; i++) samples.push(await measurePaint(browser, baseUrl, DEMO_BOARD_ID));
		const paint = median(samples.map((sample) => sample.firstMapPaintMs));
		rows.push({
			figure: `first map paint, /b/${DEMO_BOARD_ID}`,
			value: ms(paint),
			how: `cold (fresh context), from navigation start to the first frame with pins and the basemap canvas; median of ${samples.length} (${samples.map((s) => s.firstMapPaintMs.toFixed(0)).join(', ')} ms)`
		});
		rows.push({ figure: 'first contentful paint', value: ms(median(samples.map((s) => s.firstContentfulPaintMs))), how: 'Performance API, same loads' });
		rows.push({ figure: 'board live (Yjs synced)', value: ms(median(samples.map((s) => s.liveMs))), how: 'connection indicator says live, same loads' });

		const pan = await measurePan(browser, baseUrl, { pins: 5_000, fronts: 500, panMs: options.panMs });
		rows.push({
			figure: `pan frame rate, ${pan.pins} pins + ${pan.fronts} fronts`,
			value: `${pan.fps.toFixed(1)} fps`,
			how: `mouse drag in circles for ${pan.panSeconds.toFixed(1)} s, animation frames counted in the page; worst frame ${pan.worstFrameMs.toFixed(0)} ms; headless, software rendering. ${pan.svgPaths >= pan.fronts ? `fronts drawn (${pan.svgPaths} SVG paths on the map)` : `fronts not drawn as SVG by this build (${pan.svgPaths} SVG paths on the map): pins and basemap only`}`
		});
		rows.push({
			figure: `crowded board ready, ${pan.pins} pins`,
			value: ms(pan.allPinsShownMs),
			how: 'from navigation start until synced, pins drawn and five frames in a row under 50 ms'
		});
	} finally {
		await browser.close();
		await server.stop();
	}
	return { rows };
}
