/** How alert priorities read and look, for the toast, the list and the timeline alike. */
import type { AlertPriority } from '$lib/protocol/alerts';
import { formatUtcClock, formatUtcDay } from '../format/utc-time';

export const PRIORITY_LABELS: Record<AlertPriority, string> = {
	flash: 'Flash',
	priority: 'Priority',
	routine: 'Routine'
};

/** Red for flash, amber for priority, slate-blue for routine: the board's own palette. */
export const PRIORITY_COLOURS: Record<AlertPriority, string> = {
	flash: '#dc2626',
	priority: '#f2b233',
	routine: '#60a5fa'
};

/**
 * "14:05 UTC" on the same UTC day, "10 Sep 14:05 UTC" otherwise: in UTC like every other time on
 * the board, so an alert's time reads against the reports and the replay clock it refers to.
 */
export function alertTime(at: number, now = Date.now()): string {
	const sameDay = formatUtcDay(now) === formatUtcDay(at) && new Date(now).getUTCFullYear() === new Date(at).getUTCFullYear();
	return sameDay ? formatUtcClock(at) : `${formatUtcDay(at)} ${formatUtcClock(at)}`;
}

/** A stable colour for a watcher who has not picked one: a hue from their name. */
export function colourForName(name: string): string {
	let hash = 0;
	for (const char of name) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
	return `hsl(${hash % 360} 75% 55%)`;
}
