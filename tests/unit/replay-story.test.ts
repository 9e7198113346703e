/**
 * [RP2] The story replay plays: busy minutes as moments, periods split at long quiet stretches,
 * and ticks that fit the period shown.
 */
import { describe, expect, it } from 'vitest';
import type { HistorySummary } from '../../src/lib/protocol/history';
import { changeMoments, nextMoment, periodAt, storyPeriods, PERIOD_GAP_MS } from '../../src/lib/replay/story';
import { MAX_TICKS, ticksIn } from '../../src/lib/replay/timeline-ticks';

const MINUTE = 60_000;
const SEP_6 = Date.UTC(2022, 8, 6, 7, 0);
const TODAY = Date.UTC(2026, 11, 3, 18, 0);

function summaryOf(times: number[]): HistorySummary {
	const minutes = [...new Set(times.map((time) => time - (time % MINUTE)))];
	return {
		boardId: 'b',
		count: times.length,
		first: { seq: 1, at: times[0]! },
		last: { seq: times.length, at: times.at(-1)! },
		actors: [],
		activity: { minute: minutes.map((start) => ({ start, updates: 1 })), hour: [] },
		reportPosts: []
	};
}

describe('the story of a board', () => {
	it('[RP2] keeps one moment per busy minute, the last clamped to the log', () => {
		const summary = summaryOf([SEP_6, SEP_6 + 10_000, SEP_6 + 5 * MINUTE + 1_000]);
		expect(changeMoments(summary)).toEqual([SEP_6 + MINUTE - 1, SEP_6 + 5 * MINUTE + 1_000]);
		expect(changeMoments(null)).toEqual([]);
	});

	it('[RP2] splits at long quiet stretches, so an edit today is its own period', () => {
		const moments = changeMoments(summaryOf([SEP_6, SEP_6 + 66 * 24 * 60 * MINUTE, TODAY]));
		const periods = storyPeriods(moments);
		expect(periods).toHaveLength(2);
		expect(periods[0]!.moments).toBe(2);
		expect(new Date(periods[0]!.to).toISOString().slice(0, 10)).toBe('2022-11-11');
		expect(periodAt(periods, SEP_6 + MINUTE)).toBe(periods[0]);
		expect(periodAt(periods, TODAY)).toBe(periods[1]);
		expect(storyPeriods([0, PERIOD_GAP_MS])).toHaveLength(1);
	});

	it('[RP2] steps to the first moment after a time, and none after the last', () => {
		const moments = [10, 20, 30];
		expect(nextMoment(moments, 0)).toBe(10);
		expect(nextMoment(moments, 20)).toBe(30);
		expect(nextMoment(moments, 30)).toBeNull();
	});

	it('[RP2] draws ticks for the period shown, coarser when it is dense', () => {
		const times = Array.from({ length: 2 * MAX_TICKS }, (_, index) => SEP_6 + index * MINUTE);
		const summary = summaryOf(times);
		summary.activity.hour = [{ start: SEP_6 - (SEP_6 % (60 * MINUTE)), updates: times.length }];
		expect(ticksIn(summary, SEP_6, SEP_6 + 10 * MINUTE)).toHaveLength(11);
		expect(ticksIn(summary, SEP_6, times.at(-1)!)).toEqual(summary.activity.hour);
	});
});
