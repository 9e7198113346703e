import { defineConfig } from 'vitest/config';

/**
 * Four projects: `unit` (pure, fast), `integration` (real server on a free port, real sockets,
 * real SQLite file), `e2e` (real Chromium driving the built app) and `load` (hostile floods that
 * assert latency and memory bounds). Each integration, e2e and load file starts its own server, so
 * files run in separate processes. `load` runs after the others, one file at a time: its bounds
 * are about what one attacker can do to the server, not about what other test files do to the
 * machine (two cores shared with a browser and a dozen servers).
 */
export default defineConfig({
	test: {
		reporters: ['default', './tests/helpers/pass-fail-summary.ts'],
		projects: [
			{ test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', sequence: { groupOrder: 0 } } },
			{
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					testTimeout: 30_000,
					hookTimeout: 60_000,
					// Set on every project: with it unset anywhere, vitest runs all projects at once.
					sequence: { groupOrder: 0 }
				}
			},
			{
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000,
					fileParallelism: false,
					sequence: { groupOrder: 0 }
				}
			},
			{
				test: {
					name: 'load',
					include: ['tests/load/**/*.test.ts'],
					testTimeout: 120_000,
					hookTimeout: 60_000,
					fileParallelism: false,
					sequence: { groupOrder: 1 }
				}
			}
		]
	}
});
