/**
 * Debian's Chromium driven by playwright-core (no browser download). Flags are what a root,
 * offline, headless machine needs: no sandbox, no GPU, no background calls to Google.
 */
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM_PATH,
		headless: true,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	});
}

/** Where screenshots are kept as test artifacts. */
export const ARTIFACTS_DIR = 'test-results';
