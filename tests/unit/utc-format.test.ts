import { describe, expect, it } from 'vitest';
import { parseUtcInput, toUtcInput } from '../../src/lib/format/utc-input';
import { formatUtc, formatUtcClock, formatUtcDay } from '../../src/lib/format/utc-time';

const T = Date.parse('2022-09-10T14:05:09Z');

describe('UTC times as the board writes them', () => {
	it('writes a moment in UTC, with or without seconds', () => {
		expect(formatUtc(T)).toBe('10 Sep 2022 14:05 UTC');
		expect(formatUtc(T, true)).toBe('10 Sep 2022 14:05:09 UTC');
		expect(formatUtcDay(T)).toBe('10 Sep');
		expect(formatUtcClock(T)).toBe('14:05 UTC');
	});
});

describe('datetime-local values read and written as UTC', () => {
	it('round-trips a minute', () => {
		const ms = Date.parse('2022-09-10T08:40:00Z');
		expect(toUtcInput(ms)).toBe('2022-09-10T08:40');
		expect(parseUtcInput('2022-09-10T08:40')).toBe(ms);
		expect(parseUtcInput('2022-09-10T08:40:30')).toBe(ms + 30_000);
	});

	it('has no value for no time and no time for what is not a value', () => {
		expect(toUtcInput(undefined)).toBe('');
		expect(parseUtcInput('')).toBeNull();
		expect(parseUtcInput('10/09/2022')).toBeNull();
		expect(parseUtcInput(':00')).toBeNull();
	});
});

describe('alert times', () => {
	it('[SI4] are written in UTC like every other time: the clock on the same UTC day, with the day otherwise', async () => {
		const { alertTime } = await import('../../src/lib/alerts/alert-look');
		expect(alertTime(T, T + 60_000)).toBe('14:05 UTC');
		expect(alertTime(T, T + 24 * 3_600_000)).toBe('10 Sep 14:05 UTC');
	});
});
