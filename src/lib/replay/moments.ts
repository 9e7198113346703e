/**
 * Moments of a board, as pure helpers: links to them (`/b/<id>?at=<ISO>` opens the board in
 * replay at that moment) and which reports a moment shows under each clock.
 */
import type { Report } from '../model/report';
import { boardPagePath } from '../protocol/endpoints';
import { parseMoment } from '../protocol/history';

/** The query parameter naming the moment a board opens at in replay. */
export const REPLAY_PARAM = 'at';

/** The moment `?at=` names (ISO 8601 or epoch ms), or null when absent or not a moment. */
export function readReplayParam(url: URL): number | null {
	const value = url.searchParams.get(REPLAY_PARAM);
	if (value === null || value.trim() === '') return null;
	return parseMoment(value) ?? null;
}

/** The text of a `?at=` that is given but names no moment ("notadate"), else null. */
export function badReplayParam(url: URL): string | null {
	const value = url.searchParams.get(REPLAY_PARAM);
	if (value === null || value.trim() === '') return null;
	return parseMoment(value) === undefined ? value : null;
}

/** What replay says when asked for a moment it cannot show as asked. */
export const MOMENT_NOTICES = {
	notADate: (text: string) => `“${text}” is not a date (give one like 2022-09-10T14:05Z); showing the latest change instead.`,
	beforeStory: (asked: string, start: string) => `${asked} is before this board’s story, which begins ${start}; showing its beginning.`
};

/** The path of the board opened in replay at `time` (epoch ms): `/b/<id>?at=2022-09-10T14:05:00.000Z`. */
export function replayUrl(boardId: string, time: number): string {
	const iso = new Date(Math.max(0, Math.round(time))).toISOString();
	return `${boardPagePath(boardId)}?${REPLAY_PARAM}=${encodeURIComponent(iso)}`;
}

/**
 * Two clocks for replay. "As changed" (the default) shows the board exactly as the log had it at
 * the replay time. "As happened" also hides reports whose event time is after the replay time:
 * a report posted early about something that was still to happen is not shown yet.
 */
export type ReplayClock = 'changed' | 'happened';

export const CLOCK_LABELS: Record<ReplayClock, string> = {
	changed: 'as changed',
	happened: 'as happened'
};

/** The reports to show at `time` under `clock`; the input array itself when nothing is hidden. */
export function reportsAsOf<T extends Pick<Report, 'eventTime'>>(reports: T[], time: number, clock: ReplayClock): T[] {
	if (clock === 'changed') return reports;
	const kept = reports.filter((report) => report.eventTime <= time);
	return kept.length === reports.length ? reports : kept;
}
