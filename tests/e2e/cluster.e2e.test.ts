/**
 * [CL11] Cluster mode as its users see it: two nodes on PostgreSQL and Redis, a browser on each.
 * A pin added in the browser on one node appears in the browser on the other, each sees the other
 * in the roster, and a flash alert raised on one node toasts on the other and is "seen by 1 of 1".
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBoard } from '../helpers/board-page';
import { ARTIFACTS_DIR, launchChromium } from '../helpers/browser';
import { clusterService, useTestDatabase } from '../helpers/cluster-services';
import { createBoard } from '../helpers/http';
import { startCluster, type TestCluster } from '../helpers/test-cluster';

const READY = (await clusterService('PostgreSQL')) && (await clusterService('Redis'));
const database = useTestDatabase(READY);

let cluster: TestCluster;
let browser: Browser;
if (READY) {
	beforeAll(async () => {
		cluster = await startCluster(2, { databaseUrl: await database.freshSchema() });
		browser = await launchChromium();
		fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
	});
	afterAll(async () => {
		await browser?.close();
		await cluster?.stop();
	});
}

const node = (index: number) => cluster.nodes[index]!;
const marker = (page: Page, name: string) => page.locator('.sb-pin', { hasText: name });
const rosterRow = (page: Page, name: string) => page.getByTestId('roster').locator(`[data-watcher="${name}"]`);

/** A watcher on a node, on the board's alert channel. */
async function watcher(nodeIndex: number, boardId: string, name: string): Promise<Page> {
	const page = await openBoard(browser, node(nodeIndex).url, boardId, name);
	await page.locator('[data-testid="alert-panel"][data-joined="true"]').waitFor();
	return page;
}

describe.skipIf(!READY)('[CL11] two browsers on two nodes', () => {
	it('[CL11] a pin, presence and a flash alert cross from the browser on one node to the browser on the other', async () => {
		const { id } = await createBoard(node(0).url, 'Two nodes');
		const olena = await watcher(0, id, 'Olena');
		const taras = await watcher(1, id, 'Taras');
		try {
			// Presence: each sees the other in the roster, though they are on different nodes.
			await rosterRow(olena, 'Taras').waitFor({ timeout: 5_000 });
			await rosterRow(taras, 'Olena').waitFor({ timeout: 5_000 });

			const box = (await olena.getByTestId('board-map').boundingBox())!;
			await olena.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
			await olena.getByPlaceholder('Name this pin').fill('Kupiansk');
			await olena.getByRole('button', { name: 'Add pin' }).click();
			await marker(taras, 'Kupiansk').waitFor({ timeout: 5_000 });

			await taras.getByRole('button', { name: '+ Alert' }).click();
			await taras.locator('textarea[name="alert-text"]').fill('Oskil crossing under fire');
			await taras.locator('select[name="alert-place"]').selectOption('none');
			await taras.getByRole('button', { name: 'Send flash alert' }).click();
			const toast = olena.getByTestId('alert-toast');
			await toast.waitFor({ timeout: 5_000 });
			expect(await toast.locator('.text').textContent()).toBe('Oskil crossing under fire');
			const seenBy = taras.getByTestId('alert-item').first().getByTestId('seen-by');
			await expect.poll(() => seenBy.textContent(), { timeout: 5_000 }).toBe('seen by 1 of 1');
			await taras.screenshot({ path: path.join(ARTIFACTS_DIR, 'cluster-two-nodes.png') });
		} finally {
			await Promise.all([olena, taras].map((page) => page.context().close()));
		}
		for (const each of cluster.nodes) expect(each.log()).not.toMatch(/BUG|uncaught/i);
	}, 90_000);
});
