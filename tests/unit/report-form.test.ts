import { describe, expect, it } from 'vitest';
import { filterReports } from '../../src/lib/components/reports/report-filter';
import { toNewReport } from '../../src/lib/components/reports/report-form-values';
import type { Report } from '../../src/lib/model/report';

const base = { text: 'Kupiansk has fallen', eventTime: '2022-09-10T08:40', sources: '', confidence: 'unconfirmed' as const, reliability: '' as const, credibility: '' as const, place: null, links: [] };

describe('report form values', () => {
	it('splits sources and builds an admiralty code only from both halves', () => {
		const result = toNewReport({ ...base, sources: 'https://a.example/x\n https://b.example ', reliability: 'B', credibility: '2' });
		expect(result).toMatchObject({ ok: true, report: { sources: [{ url: 'https://a.example/x' }, { url: 'https://b.example' }], admiralty: { reliability: 'B', credibility: 2 } } });
		expect(toNewReport({ ...base, reliability: 'B' })).toMatchObject({ ok: false });
		expect(toNewReport({ ...base, eventTime: 'nonsense' })).toMatchObject({ ok: false, error: expect.stringMatching(/event time/) });
	});
});

describe('feed filter', () => {
	const report = (id: string, hoursAgo: number, confidence: Report['confidence'], sector?: string): Report => ({
		id, text: id, eventTime: 100 * 3_600_000 - hoursAgo * 3_600_000, sources: [], links: [], confidence, gradeHistory: [], sector
	});
	const reports = [report('a', 0, 'confirmed', 's1'), report('b', 10, 'rumour', 's2'), report('c', 30, 'likely', 's1')];
	const all = new Set(['rumour', 'unconfirmed', 'likely', 'confirmed', 'denied'] as const);

	it('filters by sector, grade and a window before the newest report, newest first', () => {
		expect(filterReports(reports, { sector: null, grades: all, hours: null }).map((r) => r.id)).toEqual(['a', 'b', 'c']);
		expect(filterReports(reports, { sector: 's1', grades: all, hours: null, hideOutside: true }).map((r) => r.id)).toEqual(['a', 'c']);
		expect(filterReports(reports, { sector: null, grades: new Set(['rumour'] as const), hours: null }).map((r) => r.id)).toEqual(['b']);
		expect(filterReports(reports, { sector: null, grades: all, hours: 24 }).map((r) => r.id)).toEqual(['a', 'b']);
	});

	it('[SI9] a focused sector puts its reports first and the rest after, newest first in each; hiding leaves the rest out', () => {
		expect(filterReports(reports, { sector: 's2', grades: all, hours: null }).map((r) => r.id)).toEqual(['b', 'a', 'c']);
		expect(filterReports(reports, { sector: 's2', grades: all, hours: null, hideOutside: true }).map((r) => r.id)).toEqual(['b']);
	});
});
