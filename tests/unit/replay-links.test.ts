import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/lib/model/report';
import { badReplayParam, readReplayParam, replayUrl, reportsAsOf } from '../../src/lib/replay/moments';

const T = Date.UTC(2022, 8, 10, 14, 5, 9);

describe('replay links', () => {
	it('reads ?at= as ISO or epoch ms', () => {
		expect(readReplayParam(new URL('http://x/b/k?at=2022-09-10T14:05:09Z'))).toBe(T);
		expect(readReplayParam(new URL(`http://x/b/k?at=${T}`))).toBe(T);
		expect(readReplayParam(new URL('http://x/b/k?at=2022-09-10'))).toBe(Date.UTC(2022, 8, 10));
	});

	it('is null without a moment or with a bad one', () => {
		for (const url of ['http://x/b/k', 'http://x/b/k?at=', 'http://x/b/k?at=yesterday', 'http://x/b/k?at=-5', 'http://x/b/k?at=2022-13-45T99:00Z']) {
			expect(readReplayParam(new URL(url)), url).toBeNull();
		}
	});

	it('[SI3] tells a moment that is not a date from no moment at all', () => {
		expect(badReplayParam(new URL('http://x/b/k?at=notadate'))).toBe('notadate');
		expect(badReplayParam(new URL('http://x/b/k?at=2022-09-10'))).toBeNull();
		expect(badReplayParam(new URL('http://x/b/k'))).toBeNull();
	});

	it('builds a link that reads back to the same moment', () => {
		const path = replayUrl('kharkiv-2022', T);
		expect(path).toBe('/b/kharkiv-2022?at=2022-09-10T14%3A05%3A09.000Z');
		expect(readReplayParam(new URL(path, 'http://localhost:3000'))).toBe(T);
	});

	it('encodes the board id', () => {
		expect(replayUrl('a b/c', 0)).toBe('/b/a%20b%2Fc?at=1970-01-01T00%3A00%3A00.000Z');
	});
});

describe('two clocks', () => {
	const report = (id: string, eventTime: number) => ({ id, eventTime }) as Pick<Report, 'eventTime'> & { id: string };
	const reports = [report('before', T - 60_000), report('at', T), report('after', T + 1)];

	it('"as changed" shows every report the log had', () => {
		expect(reportsAsOf(reports, T, 'changed')).toBe(reports);
	});

	it('"as happened" hides reports about events after the replay time', () => {
		expect(reportsAsOf(reports, T, 'happened').map((r) => r.id)).toEqual(['before', 'at']);
		expect(reportsAsOf(reports, T - 60_001, 'happened')).toEqual([]);
	});

	it('returns the same array when nothing is hidden (no needless map redraws)', () => {
		expect(reportsAsOf(reports, T + 10, 'happened')).toBe(reports);
	});
});
