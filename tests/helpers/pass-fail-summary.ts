/**
 * Prints the plain closing line CI reads: `N passed, N failed` (and `, N skipped` when any were).
 * A test file that fails to load, a file whose hook failed while its tests passed (a teardown
 * that hung), or an unhandled error, counts as a failure so that a broken file can never pass
 * silently: the line agrees with vitest's exit code.
 */
import type { Reporter, TestModule } from 'vitest/node';

type RunEndArguments = Parameters<NonNullable<Reporter['onTestRunEnd']>>;

export default class PassFailSummary implements Reporter {
	onTestRunEnd(modules: RunEndArguments[0], unhandledErrors: RunEndArguments[1]): void {
		let passed = 0;
		let failed = unhandledErrors.length;
		let skipped = 0;
		for (const module of modules as ReadonlyArray<TestModule>) {
			let failedHere = 0;
			for (const test of module.children.allTests()) {
				const state = test.result().state;
				if (state === 'passed') passed += 1;
				else if (state === 'failed') failedHere += 1;
				else skipped += 1;
			}
			// Failed with no failed test: it did not load, or a hook (beforeAll, afterAll) failed.
			failed += module.state() === 'failed' && failedHere === 0 ? 1 : failedHere;
		}
		const tail = skipped > 0 ? `, ${skipped} skipped` : '';
		process.stdout.write(`\n${passed} passed, ${failed} failed${tail}\n`);
	}
}
