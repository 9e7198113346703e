import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPin } from '../../src/lib/model/pin-operations';
import { clickMap, openBoard } from '../helpers/board-page';
import { launchChromium } from '../helpers/browser';
import { createBoard } from '../helpers/http';
import { startServer, tempDataDir, type ServerProcess } from '../helpers/server-process';
import { waitFor } from '../helpers/wait-for';
import { connectSynced } from '../helpers/yjs-client';

let server: ServerProcess | undefined;
let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

/** How many updates this browser has stored for the board in IndexedDB (y-indexeddb's store). */
function storedUpdates(page: Page, boardId: string): Promise<number> {
	return page.evaluate(
		(name) =>
			new Promise<number>((resolve) => {
				const open = indexedDB.open(name);
				open.onsuccess = () => {
					const count = open.result.transaction('updates').objectStore('updates').count();
					count.onsuccess = () => resolve(count.result);
				};
				open.onerror = () => resolve(0);
			}),
		`situation-board:${boardId}`
	);
}

async function addPinInUi(page: Page, name: string, fx: number, fy: number): Promise<void> {
	const before = await storedUpdates(page, page.url().split('/b/')[1]!);
	await clickMap(page, fx, fy);
	await page.getByPlaceholder('Name this pin').fill(name);
	await page.getByRole('button', { name: 'Add pin' }).click();
	await page.locator('.sb-pin', { hasText: name }).waitFor();
	await waitFor(async () => (await storedUpdates(page, page.url().split('/b/')[1]!)) > before, { what: `${name} to be stored locally` });
}

describe('offline', () => {
	it('keeps working with the server down, across a reload, and syncs when it is back', async () => {
		const dataDir = tempDataDir('offline');
		server = await startServer({ dataDir });
		const port = server.port;
		const { id } = await createBoard(server.url, 'Train');
		const bot = await connectSynced(server.wsUrl, id, 'bot');
		addPin(bot.doc, { name: 'Kupiansk', lat: 49.71, lng: 37.61 });
		const olena = await openBoard(browser, server.url, id, 'Olena');
		await olena.locator('.sb-pin', { hasText: 'Kupiansk' }).waitFor();
		// The service worker must control the page before the server goes away.
		await waitFor(() => olena.evaluate(() => navigator.serviceWorker.controller !== null), { what: 'the service worker to take control' });
		bot.destroy();

		await server.stop();
		server = undefined;
		await olena.locator('[data-connection="offline"]').waitFor({ timeout: 10_000 });
		expect(await olena.locator('[data-connection]').textContent()).toContain('your changes will sync');
		await addPinInUi(olena, 'Written offline', 0.45, 0.45);

		await olena.reload();
		await olena.locator('.sb-pin', { hasText: 'Written offline' }).waitFor({ timeout: 10_000 });
		await olena.locator('.sb-pin', { hasText: 'Kupiansk' }).waitFor();
		await addPinInUi(olena, 'After the reload', 0.55, 0.55);

		server = await startServer({ dataDir, port });
		await olena.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
		const taras = await openBoard(browser, server.url, id, 'Taras');
		await taras.locator('.sb-pin', { hasText: 'Written offline' }).waitFor({ timeout: 5_000 });
		await taras.locator('.sb-pin', { hasText: 'After the reload' }).waitFor({ timeout: 5_000 });
		await olena.context().close();
		await taras.context().close();
	});
});
