/**
 * The usual e2e fixture: one real server and one Chromium for a test file, stopped afterwards, and
 * the artifacts folder ready for screenshots. A file that needs more set up (a board, open pages)
 * registers its own beforeAll after calling this; vitest runs beforeAll hooks in order.
 */
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { ARTIFACTS_DIR, launchChromium } from './browser';
import { startServer, type ServerProcess } from './server-process';

export interface E2eFixture {
	readonly server: ServerProcess;
	readonly browser: Browser;
}

/** Registers beforeAll/afterAll; read `server` and `browser` inside tests, once they have started. */
export function useServerAndBrowser(options: Parameters<typeof startServer>[0] = {}): E2eFixture {
	let server: ServerProcess | undefined;
	let browser: Browser | undefined;
	beforeAll(async () => {
		server = await startServer(options);
		browser = await launchChromium();
		fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
	});
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});
	return {
		get server() {
			if (!server) throw new Error('the server has not started yet (use it inside a test)');
			return server;
		},
		get browser() {
			if (!browser) throw new Error('the browser has not started yet (use it inside a test)');
			return browser;
		}
	};
}
