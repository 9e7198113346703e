/**
 * Error boundaries for the entry points that are not a request: timers, detached promises, worker
 * messages. A failure there is one board's or one task's, logged in one line naming what failed;
 * it never reaches the process (Node ends it on an uncaught exception or unhandled rejection).
 */
import type { Logger } from './logger';

/** The first line of a failure and where it was thrown: enough to find it, no wall of stack. */
export function describeFailure(error: unknown): string {
	if (!(error instanceof Error)) return String(error);
	const at = error.stack?.split('\n').find((line) => line.trim().startsWith('at '))?.trim();
	return at ? `${error.message} (${at})` : error.message;
}

/** Runs `task` (a timer body, a listener) and logs what it throws instead of letting it escape. */
export function guarded<Args extends unknown[]>(logger: Logger, what: string, task: (...args: Args) => unknown): (...args: Args) => void {
	return (...args) => {
		try {
			const result = task(...args);
			if (result instanceof Promise) result.catch((error: unknown) => logger.warn(`${what}: ${describeFailure(error)}`));
		} catch (error) {
			logger.warn(`${what}: ${describeFailure(error)}`);
		}
	};
}

/** Detaches a promise whose failure nobody awaits, logging it. */
export function detached(logger: Logger, what: string, promise: Promise<unknown>): void {
	promise.catch((error: unknown) => logger.warn(`${what}: ${describeFailure(error)}`));
}
