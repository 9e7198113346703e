/**
 * [API] The bot API seen from a browser: the owner makes a named API token in the Share panel,
 * a script posts a report with it, and an open board shows it within 2 s, the
 * report signed with the token's name.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACCESS_API, type BoardAccessInfo, type CreatedBoard } from '../../src/lib/protocol/access';
import { API, RECORDS_API } from '../../src/lib/protocol/endpoints';
import { openBoard } from '../helpers/board-page';
import { ARTIFACTS_DIR } from '../helpers/browser';
import { useServerAndBrowser } from '../helpers/e2e-setup';
import { callApi } from '../helpers/http';

/** The promise: a change made through the API is on every open board within this. */
const LIVE_DEADLINE_MS = 2_000;

const fixture = useServerAndBrowser();

describe('bot API in the browser', () => {
	it('an API token made in the Share panel posts a report that an open board shows within 2 s', async () => {
		const { server, browser } = fixture;
		const created = (await callApi(server.url, 'POST', API.boards, { body: { title: 'Wire desk' } })).body as CreatedBoard;
		const owner = await openBoard(browser, server.url, created.id, 'Editor-in-chief', `?token=${encodeURIComponent(created.ownerToken.token)}`);

		await owner.getByRole('button', { name: 'Share' }).click();
		await owner.getByLabel('Name, shown in the history').fill('Wire bot');
		await owner.getByRole('button', { name: 'Create' }).click();
		const secret = await owner.getByTestId('api-token-secret').inputValue();
		expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
		await owner.getByRole('list', { name: 'Named tokens' }).getByText('Wire bot').waitFor();
		await owner.screenshot({ path: path.join(ARTIFACTS_DIR, 'share-api-token.png') });
		const tokens = (await callApi(server.url, 'GET', ACCESS_API.access(created.id), { secret: created.ownerToken.token })).body as BoardAccessInfo;
		expect(tokens.tokens).toContainEqual(expect.objectContaining({ role: 'editor', label: 'Wire bot' }));

		const reader = await openBoard(browser, server.url, created.id, 'Reader');
		const text = 'Wire: Ukrainian forces reach the Oskil at Kupiansk';
		const started = Date.now();
		const posted = await callApi(server.url, 'POST', RECORDS_API.list(created.id, 'reports'), {
			secret,
			body: { text, confidence: 'likely', sources: [{ url: 'https://example.org/wire/77' }], place: { lat: 49.71, lng: 37.61 } }
		});
		expect(posted.status).toBe(201);
		const item = reader.locator('article', { hasText: text });
		await item.waitFor({ timeout: LIVE_DEADLINE_MS });
		await reader.locator('.sb-report-marker--likely').waitFor({ timeout: LIVE_DEADLINE_MS });
		const elapsed = Date.now() - started;
		expect(elapsed).toBeLessThan(LIVE_DEADLINE_MS);
		console.info(`report posted through the API shown in the browser after ${elapsed} ms`);
		expect(await item.locator('.by').textContent()).toContain('Wire bot');
		expect(await item.getByRole('link', { name: /example\.org/ }).getAttribute('href')).toBe('https://example.org/wire/77');

		// Revoking the token in the panel stops the bot at once.
		await owner.getByRole('button', { name: 'Revoke Wire bot' }).click();
		await owner.getByRole('list', { name: 'Named tokens' }).waitFor({ state: 'detached' });
		expect((await callApi(server.url, 'POST', RECORDS_API.list(created.id, 'reports'), { secret, body: { text: 'too late' } })).status).toBe(401);
		await reader.context().close();
		await owner.context().close();
	});
});
