import { defineConfig } from 'vitest/config';

/**
 * Three projects: `unit` (pure, fast), `integration` (real server on a free port, real sockets,
 * real SQLite file) and `e2e` (real Chromium driving the built app). Each integration and e2e file
 * starts its own server, so files run in separate processes.
 */
export default defineConfig({
	test: {
		reporters: ['default', './tests/helpers/pass-fail-summary.ts'],
		projects: [
			{ test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
			{
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					testTimeout: 30_000,
					hookTimeout: 60_000
				}
			},
			{
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000,
					fileParallelism: false
				}
			}
		]
	}
});
