/** The feed's filters: by sector, by grade and by a time window before the newest report. */
import type { Confidence, Report } from '$lib/model/report';

export const TIME_WINDOWS = [
	{ label: 'all time', hours: null },
	{ label: '6 h', hours: 6 },
	{ label: '24 h', hours: 24 },
	{ label: '72 h', hours: 72 },
	{ label: '7 days', hours: 168 }
] as const;

export interface ReportFilter {
	sector: string | null;
	grades: ReadonlySet<Confidence>;
	/** Hours before the newest report's event time (reports are history: a wall-clock window hides a replayed 2022). */
	hours: number | null;
}

export function filterReports(reports: readonly Report[], filter: ReportFilter): Report[] {
	const newest = reports.reduce((max, report) => Math.max(max, report.eventTime), 0);
	const since = filter.hours === null ? -Infinity : newest - filter.hours * 3_600_000;
	return reports
		.filter((report) => (filter.sector === null || report.sector === filter.sector) && filter.grades.has(report.confidence) && report.eventTime >= since)
		.sort((a, b) => b.eventTime - a.eventTime || (b.createdAt ?? 0) - (a.createdAt ?? 0));
}
