/**
 * Security headers on every response (API, app page, static files, errors), and proof that the
 * CSP fits the app: the built board page loads in Chromium, goes live, and reports no CSP
 * violation. Needs `npm run build` (the server serves build/handler.js).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { createBoard } from '../helpers/http';
import { startServer, type ServerProcess } from '../helpers/server-process';

let server: ServerProcess;
let browser: Browser | undefined;
beforeAll(async () => {
	server = await startServer({ env: { TILE_URL: 'https://tiles.example.org/{z}/{x}/{y}.png' } });
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

function expectHardened(headers: Headers): void {
	expect(headers.get('x-content-type-options')).toBe('nosniff');
	expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
	expect(headers.get('x-frame-options')).toBe('DENY');
	expect(headers.get('permissions-policy')).toContain('camera=()');
	const csp = headers.get('content-security-policy') ?? '';
	expect(csp).toContain("frame-ancestors 'none'");
	expect(csp).toContain("connect-src 'self' ws: wss:");
	expect(csp).toContain("img-src 'self' data: blob: https://tiles.example.org");
	expect(csp).toContain("worker-src 'self'");
	expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
}

describe('security headers', () => {
	it('are on API answers, errors, the app page and its static files', async () => {
		const { id } = await createBoard(server.url, 'Headers');
		for (const path of ['/healthz', '/api/boards', '/api/nothing', `/b/${id}`, '/']) {
			const response = await fetch(`${server.url}${path}`);
			expectHardened(response.headers);
		}
		const page = await (await fetch(`${server.url}/b/${id}`)).text();
		const script = /<script[^>]*src="([^"]+\.js)"|import\("([^"]+\.js)"\)/.exec(page);
		expect(script).toBeTruthy();
		const asset = await fetch(new URL(script![1] ?? script![2]!, server.url));
		expect(asset.status).toBe(200);
		expectHardened(asset.headers);
	});

	it('the page’s inline bootstrap script is allowed by hash, and a 304 keeps that policy', async () => {
		const { id } = await createBoard(server.url, 'Hashes');
		const response = await fetch(`${server.url}/b/${id}`);
		const csp = response.headers.get('content-security-policy')!;
		expect(csp).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+/);
		// A revalidation (304) must not replace the cached page's policy with one lacking the hashes.
		const etag = response.headers.get('etag');
		if (etag) {
			const again = await fetch(`${server.url}/b/${id}`, { headers: { 'if-none-match': etag } });
			expect(again.status).toBe(304);
			expect(again.headers.get('content-security-policy')).toBeNull();
		}
	});

	it('the built board page goes live in Chromium with no CSP violation', async () => {
		const { id } = await createBoard(server.url, 'Browser');
		browser = await launchChromium();
		const page = await browser.newPage();
		const problems: string[] = [];
		page.on('console', (message) => {
			if (/content security policy|refused to/i.test(message.text())) problems.push(message.text());
		});
		await page.addInitScript(() => {
			document.addEventListener('securitypolicyviolation', (event) => console.error(`Refused to: CSP ${event.violatedDirective} ${event.blockedURI}`));
		});
		await page.goto(`${server.url}/b/${id}`);
		await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
		await page.locator('.leaflet-container').waitFor({ timeout: 15_000 });
		// The home page too: the board list arrives over socket.io.
		await page.goto(`${server.url}/`);
		await page.getByText('Browser').first().waitFor({ timeout: 15_000 });
		expect(problems).toEqual([]);
	});
});
