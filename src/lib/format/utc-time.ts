/**
 * How the board writes a moment: always in UTC, because watchers sit in different time zones and
 * the reports they quote use UTC. Built by hand rather than with `toLocaleString`, whose month
 * names and punctuation differ between ICU versions ("Sep" or "Sept", a comma or none).
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** "14:05"; with seconds "14:05:09". */
function clock(d: Date, seconds: boolean): string {
	return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}${seconds ? `:${two(d.getUTCSeconds())}` : ''}`;
}

/** "10 Sep" */
export function formatUtcDay(ms: number): string {
	const d = new Date(ms);
	return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

/** "10 Sep 2022" */
export function formatUtcDate(ms: number): string {
	return `${formatUtcDay(ms)} ${new Date(ms).getUTCFullYear()}`;
}

/** "14:05 UTC" */
export function formatUtcClock(ms: number): string {
	return `${clock(new Date(ms), false)} UTC`;
}

/** "10 Sep 2022 14:05 UTC"; with seconds: "10 Sep 2022 14:05:09 UTC". */
export function formatUtc(ms: number, seconds = false): string {
	return `${formatUtcDate(ms)} ${clock(new Date(ms), seconds)} UTC`;
}
