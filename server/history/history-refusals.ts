/**
 * The two ways the history cache refuses a request rather than let it cost the server more than
 * it was given (docs/security.md, "History limits"). Each carries its protocol error code, so
 * the HTTP layer and the control plane map them without knowing the cache.
 */
import { ERROR_CODES } from '../../src/lib/protocol/errors';

/** Every build slot is taken and the queue behind them is full: try again shortly (503). */
export class HistoryBusyError extends Error {
	readonly code = ERROR_CODES.busy;

	constructor(readonly queued: number) {
		super(`history is busy building other boards (${queued} waiting); try again shortly`);
		this.name = 'HistoryBusyError';
	}
}

/** The board's index alone would outgrow the whole history budget: it is never built (507). */
export class HistoryTooLongError extends Error {
	readonly code = ERROR_CODES.historyTooLong;

	constructor(
		readonly boardId: string,
		/** The update at which the estimate passed the budget. */
		readonly seq: number,
		readonly budgetBytes: number
	) {
		super(
			`the history of ${boardId} is too long to index within this server's ${Math.round(budgetBytes / 2 ** 20)} MB ` +
				`history budget (passed it at update ${seq}); raw updates and exact states are still available`
		);
		this.name = 'HistoryTooLongError';
	}
}
