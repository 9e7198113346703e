/** How alert priorities read and look, for the toast, the list and the timeline alike. */
import type { AlertPriority } from '$lib/protocol/alerts';

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

/** "14:05" today, "10 Sep 14:05" otherwise: alerts are read in the moment, in local time. */
export function alertTime(at: number, now = Date.now()): string {
	const date = new Date(at);
	const clock = date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
	return new Date(now).toDateString() === date.toDateString() ? clock : `${date.toLocaleDateString([], { day: 'numeric', month: 'short' })} ${clock}`;
}

/** A stable colour for a watcher who has not picked one: a hue from their name. */
export function colourForName(name: string): string {
	let hash = 0;
	for (const char of name) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
	return `hsl(${hash % 360} 75% 55%)`;
}
