/**
 * Activity ticks over the slider's period: the finest buckets (minute, hour, then day) that fit
 * MAX_TICKS marks, so a dense stretch reads as a tall cluster and a quiet one as a gap.
 */
import type { ActivityBucket, HistorySummary } from '../protocol/history';

export const MAX_TICKS = 400;
const DAY = 24 * 60 * 60_000;

export function ticksIn(summary: HistorySummary | null, from: number, to: number): ActivityBucket[] {
	if (!summary) return [];
	const inside = (buckets: ActivityBucket[]) => buckets.filter((bucket) => bucket.start + 1 >= from - DAY && bucket.start <= to);
	const minutes = inside(summary.activity.minute);
	if (minutes.length <= MAX_TICKS) return minutes.filter((bucket) => bucket.start >= from - 60_000);
	const hours = inside(summary.activity.hour);
	if (hours.length <= MAX_TICKS) return hours;
	const days = new Map<number, number>();
	for (const hour of hours) {
		const day = hour.start - (hour.start % DAY);
		days.set(day, (days.get(day) ?? 0) + hour.updates);
	}
	return [...days].map(([start, updates]) => ({ start, updates }));
}
