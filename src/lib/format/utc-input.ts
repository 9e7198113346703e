/**
 * `<input type="datetime-local">` values read and written as UTC: a team across time zones must
 * agree on one clock, so the field shows UTC whatever the browser's zone.
 */

/** "2022-09-10T08:00" for `ms`; empty for no time. */
export function toUtcInput(ms: number | undefined): string {
	return ms === undefined ? '' : new Date(ms).toISOString().slice(0, 16);
}

/** Checked before parsing: Date.parse is lenient and reads ":00Z" alone as a date in 2000. */
const UTC_INPUT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/** The moment a datetime-local value names, read as UTC; null when empty or not such a value. */
export function parseUtcInput(value: string): number | null {
	if (!UTC_INPUT.test(value)) return null;
	const ms = Date.parse(`${value}Z`);
	return Number.isNaN(ms) ? null : ms;
}
