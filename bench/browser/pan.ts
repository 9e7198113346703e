/**
 * Frame rate while panning a crowded board: 5 000 pins and 500 fronts, written by a Node Yjs
 * client through the model's named operations (`addPin`, `drawFront`) in batched transactions,
 * then the board opened in Chromium and dragged in circles with the mouse for a few seconds while
 * the page counts animation frames. Whether the UI draws fronts depends on the build (the issue
 * was written before it did): the result says how many SVG paths the map held.
 */
import type { Browser } from 'playwright-core';
import * as Y from 'yjs';
import { drawFront } from '../../src/lib/model/front-operations';
import { addPin } from '../../src/lib/model/pin-operations';
import { boardPagePath } from '../../src/lib/protocol/endpoints';
import { LIVE_SELECTOR } from './paint';
import { createBoard } from '../../tests/helpers/http';
import { waitFor } from '../../tests/helpers/wait-for';
import { connectSynced } from '../../tests/helpers/yjs-client';

export interface PanResult {
	pins: number;
	fronts: number;
	/** SVG paths on the map once ready: about one per front if fronts are drawn as SVG. */
	svgPaths: number;
	/** From navigation until synced, pins drawn and the main thread quiet (5 frames in a row < 50 ms). */
	allPinsShownMs: number;
	fps: number;
	/** Longest gap between two animation frames while panning. */
	worstFrameMs: number;
	panSeconds: number;
}

const BATCH = 250;

/** Sets window.__benchQuiet to the time of the fifth frame in a row that came within 50 ms. */
const QUIET_FRAMES = `
	(() => {
		let last = performance.now();
		let calm = 0;
		function frame(time) {
			calm = time - last < 50 ? calm + 1 : 0;
			last = time;
			if (calm >= 5) window.__benchQuiet = time;
			else requestAnimationFrame(frame);
		}
		requestAnimationFrame(frame);
	})();
`;

/** Counts animation frames in the page. A string: see WATCH_PAINT in paint.ts for why. */
const COUNT_FRAMES = `
	(() => {
		const state = { count: 0, worst: 0, last: performance.now(), started: performance.now(), running: true };
		window.__benchFrames = state;
		function tick(time) {
			state.count++;
			state.worst = Math.max(state.worst, time - state.last);
			state.last = time;
			if (state.running) requestAnimationFrame(tick);
		}
		requestAnimationFrame(tick);
	})();
`;

/** Pins over the theatre the board opens on (about 46–51° N, 31–39° E), fronts as short polylines. */
async function fillBoard(wsUrl: string, boardId: string, pins: number, fronts: number): Promise<void> {
	const client = await connectSynced(wsUrl, boardId, 'bench');
	try {
		const context = { actor: 'bench' };
		const write = (count: number, one: (doc: Y.Doc, i: number) => void) => {
			for (let start = 0; start < count; start += BATCH) {
				client.doc.transact(() => {
					for (let i = start; i < Math.min(count, start + BATCH); i++) one(client.doc, i);
				});
			}
		};
		write(pins, (doc, i) =>
			addPin(doc, { name: `P${i}`, kind: i % 7 === 0 ? 'town' : 'unit', lat: 46 + ((i * 7919) % 5000) / 1000, lng: 31 + ((i * 104_729) % 8000) / 1000 }, context)
		);
		write(fronts, (doc, i) =>
			drawFront(
				doc,
				{ kind: 'line', label: `F${i}`, points: Array.from({ length: 8 }, (_, k) => [46 + ((i * 37) % 500) / 100 + k * 0.05, 31 + ((i * 53) % 800) / 100 + k * 0.08] as [number, number]) },
				context
			)
		);
		// The board is written once a second watcher sees it all.
		const check = await connectSynced(wsUrl, boardId, 'bench-check');
		try {
			await waitFor(() => check.doc.getMap('pins').size >= pins && check.doc.getMap('fronts').size >= fronts, { timeoutMs: 30_000, what: 'the crowded board to be stored' });
		} finally {
			check.destroy();
		}
	} finally {
		client.destroy();
	}
}

declare global {
	interface Window {
		__benchFrames?: { count: number; worst: number; last: number; started: number; running: boolean };
		__benchQuiet?: number;
	}
}

export async function measurePan(browser: Browser, baseUrl: string, options: { pins: number; fronts: number; panMs: number }): Promise<PanResult> {
	const { id } = await createBoard(baseUrl, 'bench: crowded board');
	await fillBoard(baseUrl.replace(/^http/, 'ws'), id, options.pins, options.fronts);
	const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
	try {
		const page = await context.newPage();
		await page.goto(`${baseUrl}${boardPagePath(id)}`);
		// Ready: synced, pins drawn (every DOM marker, or the pin canvas), then the main thread quiet.
		await page.waitForFunction(
			([pins, live, domPin]) =>
				document.querySelector(live) !== null && (document.querySelectorAll(domPin).length >= pins || document.querySelector('canvas.sb-pin-canvas') !== null),
			[options.pins, LIVE_SELECTOR, '.sb-pin'] as const,
			{ timeout: 60_000, polling: 100 }
		);
		await page.evaluate(QUIET_FRAMES);
		await page.waitForFunction(() => window.__benchQuiet != null, undefined, { timeout: 60_000 });
		const allPinsShownMs = await page.evaluate(() => window.__benchQuiet ?? Number.NaN);
		// Leaflet draws vector shapes as SVG paths by default: a rough check that fronts are on the map.
		const svgPaths = await page.evaluate(() => document.querySelectorAll('[data-testid="board-map"] svg path').length);
		const box = await page.getByTestId('board-map').boundingBox();
		if (!box) throw new Error('no map on the page');
		const cx = box.x + box.width / 2;
		const cy = box.y + box.height / 2;
		await page.evaluate(COUNT_FRAMES);
		const started = Date.now();
		await page.mouse.move(cx, cy);
		await page.mouse.down();
		for (let step = 0; Date.now() - started < options.panMs; step++) {
			const angle = step * 0.15;
			await page.mouse.move(cx + 200 * Math.sin(angle), cy + 120 * Math.sin(angle * 0.7));
		}
		await page.mouse.up();
		// Frames and time both as the page saw them.
		const frames = await page.evaluate(() => {
			const state = window.__benchFrames!;
			state.running = false;
			return { count: state.count, worst: state.worst, seconds: (performance.now() - state.started) / 1000 };
		});
		return { pins: options.pins, fronts: options.fronts, svgPaths, allPinsShownMs, fps: frames.count / frames.seconds, worstFrameMs: frames.worst, panSeconds: frames.seconds };
	} finally {
		await context.close();
	}
}
