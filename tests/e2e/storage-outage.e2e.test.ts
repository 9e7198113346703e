/**
 * [PG9] The database going away, as a watcher in Chromium sees it: the board stays live and
 * readable; an edit the server cannot save is refused (4507) and the indicator says so — "not
 * saving — your changes are kept", not "offline" — while the edit stays on the map; once the
 * database is back the edit is saved and the indicator says "live" again. At phone and laptop sizes.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HISTORY_API, type HistoryState } from '../../src/lib/protocol/history';
import { clickMap, openBoard } from '../helpers/board-page';
import { ARTIFACTS_DIR, launchChromium } from '../helpers/browser';
import { clusterService, useTestDatabase } from '../helpers/cluster-services';
import { createBoard, getJson } from '../helpers/http';
import { startServer, type ServerProcess } from '../helpers/server-process';
import { tcpCut, type TcpCut } from '../helpers/tcp-cut';
import { waitFor } from '../helpers/wait-for';

const POSTGRES = await clusterService('PostgreSQL');
const database = useTestDatabase(POSTGRES);

let relay: TcpCut;
let server: ServerProcess;
let browser: Browser;
if (POSTGRES) {
	beforeAll(async () => {
		const url = new URL(await database.freshSchema());
		relay = await tcpCut({ host: '127.0.0.1', port: Number(url.port || 5432) });
		url.port = String(relay.port);
		server = await startServer({ env: { DATABASE_URL: url.toString(), DATABASE_CONNECT_TIMEOUT_MS: '1000', DATABASE_STATEMENT_TIMEOUT_MS: '2000' } });
		browser = await launchChromium();
		fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
	});
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
		await relay?.close();
	});
}

async function addPin(page: Page, name: string, fx: number): Promise<void> {
	await clickMap(page, fx, 0.5);
	await page.getByPlaceholder('Name this pin').fill(name);
	await page.getByRole('button', { name: 'Add pin' }).click();
	await page.locator('.sb-pin', { hasText: name }).waitFor();
	// The new pin is selected, and a map click with a selection only clears it: Esc does that first.
	await page.locator('body').press('Escape');
}

const savedPins = async (boardId: string): Promise<string[]> => {
	const { status, body } = await getJson(`${server.url}${HISTORY_API.state(boardId)}?update=false`);
	return status === 200 ? (body as HistoryState).content.pins.map((pin) => pin.name).sort() : [];
};

describe.skipIf(!POSTGRES)('[PG9] the database away, in the browser', () => {
	it('[PG9] an edit the server cannot save shows "not saving — your changes are kept", stays on the map, and is saved once the database is back', async () => {
		const { id } = await createBoard(server.url, 'Storage away');
		const page = await openBoard(browser, server.url, id, 'Olena');
		const indicator = page.locator('[data-connection]');
		try {
			await addPin(page, 'Before', 0.3);
			await waitFor(async () => (await savedPins(id)).includes('Before'), { what: 'the first pin to be saved' });

			await relay.cut();
			await addPin(page, 'Kept', 0.45);
			await waitFor(() => /log write failed, edits refused \(4507\)/.test(server.log()), { timeoutMs: 15_000, what: 'the server to find its log unwritable' });
			await addPin(page, 'Refused', 0.6);
			await page.locator('[data-connection="unsaved"]').waitFor({ timeout: 15_000 }).catch((e) => { console.log('SERVERLOG', server.log()); throw e; });
			// The whole of it is read out; narrower than 1600 px "not saving" is what shows.
			expect(await indicator.textContent()).toMatch(/not saving — your changes are kept/);
			expect(await page.locator('.sb-pin', { hasText: 'Refused' }).count()).toBe(1);
			for (const [width, height, name] of [[390, 844, 'phone'], [1280, 800, 'laptop'], [1920, 1080, 'desktop']] as const) {
				await page.setViewportSize({ width, height });
				await page.screenshot({ path: path.join(ARTIFACTS_DIR, `storage-away-${name}.png`) });
				const box = (await page.locator('[data-connection="unsaved"]').boundingBox())!;
				expect(box.x + box.width, `the indicator fits a ${name}'s width`).toBeLessThanOrEqual(width);
				// And leaves the board's title readable (its first 10 characters at least).
				const title = (await page.getByTestId('board-title').boundingBox())!;
				expect(title.width, `the title keeps its room on a ${name}`).toBeGreaterThan(90);
			}

			await relay.restore();
			await waitFor(async () => (await savedPins(id)).join() === 'Before,Kept,Refused', { timeoutMs: 20_000, what: 'every pin to be saved once the database is back' });
			await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
		} finally {
			await page.context().close();
		}
	}, 90_000);
});
