/**
 * A failed change, said to the watcher: the problem line at the bottom of the map, or, for the
 * editors that show errors beside the field that caused them, the message handed back inline.
 */
import type { Outcome } from '$lib/sync/board-actions';

export class ProblemLine {
	/** The last failed change the problem line shows, until dismissed or a later change succeeds. */
	message = $state<string | null>(null);

	/** Shows a failed change on the problem line; returns the message for forms that show it too. */
	report = <T>(outcome: Outcome<T>): string | null => {
		this.message = outcome.ok ? null : outcome.error;
		return this.message;
	};
}

/** A failed change shown beside the field that caused it (the editors), not on the problem line. */
export function inline<T>(outcome: Outcome<T>): string | null {
	return outcome.ok ? null : outcome.error;
}
