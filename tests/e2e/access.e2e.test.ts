import { describe, expect, it } from 'vitest';
import { addPin } from '../../src/lib/model/pin-operations';
import { ACCESS_API, type CreatedBoard, type CreatedToken } from '../../src/lib/protocol/access';
import { clickMap, openBoard } from '../helpers/board-page';
import { useServerAndBrowser } from '../helpers/e2e-setup';
import { postJson } from '../helpers/http';

const fixture = useServerAndBrowser();

async function asOwner(path: string, body: object, owner: string) {
	const response = await fetch(`${fixture.server.url}${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: `Bearer ${owner}` },
		body: JSON.stringify(body)
	});
	expect(response.ok).toBe(true);
	return response.json();
}

describe('access in the browser', () => {
	it('a view link opens a private board read-only: no editing tools, the board still live', async () => {
		const created = (await postJson(`${fixture.server.url}/api/boards`, { title: 'Locked' })).body as CreatedBoard;
		const owner = created.ownerToken.token;
		await asOwner(ACCESS_API.access(created.id), { mode: 'private' }, owner);
		const view = (await asOwner(ACCESS_API.tokens(created.id), { role: 'viewer' }, owner)) as CreatedToken;

		const page = await openBoard(fixture.browser, fixture.server.url, created.id, 'Reader', `?token=${encodeURIComponent(view.token)}`);
		await page.getByTestId('view-only').waitFor();
		expect(page.url()).not.toContain('token=');
		expect(await page.getByRole('button', { name: 'Front line' }).count()).toBe(0);
		expect(await page.getByRole('button', { name: 'Measure distance' }).count()).toBe(1);
		expect(await page.getByRole('button', { name: '+ Report' }).count()).toBe(0);
		// Viewers may take a copy, never add one: Export is there, Import is not.
		expect(await page.getByTestId('import-toggle').count()).toBe(0);
		expect(await page.getByTestId('export-toggle').count()).toBe(1);
		await clickMap(page, 0.5, 0.5);
		expect(await page.getByPlaceholder('Name this pin').count()).toBe(0);

		// The owner's bot writes; the viewer sees it live.
		const { WebsocketProvider } = await import('y-websocket');
		const Y = await import('yjs');
		const WebSocket = (await import('ws')).default;
		const doc = new Y.Doc();
		const provider = new WebsocketProvider(`${fixture.server.wsUrl}/yjs`, created.id, doc, {
			WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
			disableBc: true,
			params: { actor: 'owner', token: owner }
		});
		await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
		addPin(doc, { name: 'Seen by viewers', lat: 48.6, lng: 35.5 });
		await page.locator('.sb-pin', { hasText: 'Seen by viewers' }).waitFor({ timeout: 3_000 });
		provider.destroy();
		await page.context().close();
	});

	it('without a link a private board says it needs one; the creator sees Share', async () => {
		const created = (await postJson(`${fixture.server.url}/api/boards`, { title: 'Closed' })).body as CreatedBoard;
		await asOwner(ACCESS_API.access(created.id), { mode: 'private' }, created.ownerToken.token);
		const context = await fixture.browser.newContext();
		const stranger = await context.newPage();
		await stranger.goto(`${fixture.server.url}/b/${created.id}`);
		await expect.poll(() => stranger.getByTestId('access-problem').textContent(), { timeout: 10_000 }).toMatch(/needs a valid link/);
		await context.close();

		const owner = await openBoard(fixture.browser, fixture.server.url, created.id, 'Owner', `?token=${encodeURIComponent(created.ownerToken.token)}`);
		await owner.getByRole('button', { name: 'Share' }).click();
		await owner.getByRole('button', { name: 'New edit link' }).click();
		expect(await owner.getByTestId('share-link').inputValue()).toMatch(new RegExp(`/b/${created.id}\\?token=`));
		await owner.context().close();
	});
});
