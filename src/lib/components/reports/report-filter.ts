/**
 * The feed's filters: by grade and by a time window before the newest report; a focused sector
 * puts its own reports first and the rest after (dimmed by the feed), as the map dims the pins
 * outside it — or leaves the rest out when the watcher chose to hide what lies outside.
 */
import type { Confidence, Report } from '$lib/model/report';

export const TIME_WINDOWS = [
	{ label: 'all time', hours: null },
	{ label: '6 h', hours: 6 },
	{ label: '24 h', hours: 24 },
	{ label: '72 h', hours: 72 },
	{ label: '7 days', hours: 168 }
] as const;

export interface ReportFilter {
	/** The focused sector, or null for all. */
	sector: string | null;
	/** Leave out, rather than put after, what lies outside the focused sector. */
	hideOutside?: boolean;
	grades: ReadonlySet<Confidence>;
	/** Hours before the newest report's event time (reports are history: a wall-clock window hides a replayed 2022). */
	hours: number | null;
}

export function filterReports(reports: readonly Report[], filter: ReportFilter): Report[] {
	const newest = reports.reduce((max, report) => Math.max(max, report.eventTime), 0);
	const since = filter.hours === null ? -Infinity : newest - filter.hours * 3_600_000;
	const outside = (report: Report) => isOutside(report, filter.sector);
	return reports
		.filter((report) => !(filter.hideOutside && outside(report)) && filter.grades.has(report.confidence) && report.eventTime >= since)
		.sort((a, b) => Number(outside(a)) - Number(outside(b)) || b.eventTime - a.eventTime || (b.createdAt ?? 0) - (a.createdAt ?? 0));
}

/** Whether an item lies outside the focused sector (nothing does when none is focused). */
export function isOutside(item: { sector?: string }, focused: string | null): boolean {
	return focused !== null && item.sector !== focused;
}
