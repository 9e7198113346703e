/**
 * The board's story as replay plays it: the moments at which something changed (one per busy
 * minute, from the summary's activity buckets) and the periods they fall into. A board followed
 * in 2022 and touched once today has two periods; the slider spans one at a time, so today's edit
 * no longer squeezes the 2022 story into a few pixels. Pure, so it is unit-tested without Svelte.
 */
import type { HistorySummary } from '../protocol/history';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** A quiet stretch longer than this (a season; the demo has a 38-day lull before Kherson) ends one period of the story and starts the next. */
export const PERIOD_GAP_MS = 90 * DAY;

export interface StoryPeriod {
	/** The start of its first busy minute. */
	from: number;
	to: number;
	/** Busy minutes in it (the moments paced play stops at). */
	moments: number;
}

/**
 * Every moment worth showing, oldest first: the end of each minute with a logged update (so the
 * board shown there includes all of that minute's changes), the last one clamped to the log's end.
 */
export function changeMoments(summary: HistorySummary | null): number[] {
	const last = summary?.last?.at;
	if (!summary || last === undefined) return [];
	return summary.activity.minute.map((bucket) => Math.min(last, bucket.start + MINUTE - 1));
}

/** The moments split at every quiet stretch longer than `gap`. */
export function storyPeriods(moments: readonly number[], gap = PERIOD_GAP_MS): StoryPeriod[] {
	const periods: StoryPeriod[] = [];
	for (const moment of moments) {
		const current = periods.at(-1);
		if (current && moment - current.to <= gap) {
			current.to = moment;
			current.moments += 1;
		} else periods.push({ from: moment - MINUTE + 1, to: moment, moments: 1 });
	}
	return periods;
}

/** The period holding `time`, else the nearest one before it, else the first. */
export function periodAt(periods: readonly StoryPeriod[], time: number): StoryPeriod | null {
	let found: StoryPeriod | null = periods[0] ?? null;
	for (const period of periods) if (period.from <= time) found = period;
	return found;
}

/** The first moment after `time`, or null when none is left. */
export function nextMoment(moments: readonly number[], time: number): number | null {
	let low = 0;
	let high = moments.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if ((moments[middle] ?? Infinity) <= time) low = middle + 1;
		else high = middle;
	}
	return moments[low] ?? null;
}
