/**
 * Sector attention (issue 5 item 7): unread reports and changes per sector since it was last
 * viewed, quiet sectors while others are busy; the last-visit store; hover attribution text.
 */
import { describe, expect, it } from 'vitest';
import { lastChangeText, whenText } from '../../src/lib/attention/attribution';
import { sectorAttention, quietExplanation } from '../../src/lib/attention/sector-attention';
import { VisitStore, type KeyValueStore } from '../../src/lib/attention/visit-store';
import { pinSchema } from '../../src/lib/model/pin';
import { reportSchema } from '../../src/lib/model/report';
import { sectorSchema } from '../../src/lib/model/sector';
import { frontSchema } from '../../src/lib/model/front';

const MIN = 60_000;
const NOW = 1_700_000_000_000;
const QUIET = 30 * MIN;
const sector = (id: string, createdAt = NOW - 600 * MIN) => sectorSchema.parse({ id, name: id, createdAt });
const pin = (id: string, sector: string, createdAt: number, updatedAt?: number) =>
	pinSchema.parse({ id, name: id, lat: 49, lng: 37, sector, createdAt, ...(updatedAt ? { updatedAt } : {}) });
const report = (id: string, sector: string, createdAt: number, updatedAt?: number) =>
	reportSchema.parse({ id, text: id, eventTime: 0, sector, createdAt, ...(updatedAt ? { updatedAt } : {}) });

describe('[AT1] unread per sector', () => {
	const sectors = [sector('izyum'), sector('kherson'), sector('lyman')];
	const views = { baseline: NOW - 120 * MIN, sectors: { izyum: NOW - 60 * MIN } };
	const input = {
		sectors,
		pins: [
			pin('old', 'izyum', NOW - 200 * MIN), // before any view
			pin('moved', 'izyum', NOW - 200 * MIN, NOW - 10 * MIN), // changed since izyum was viewed
			pin('k1', 'kherson', NOW - 100 * MIN) // after the baseline (kherson never viewed)
		],
		fronts: [frontSchema.parse({ id: 'f', kind: 'line', points: [[49, 37], [50, 38]], sector: 'kherson', createdAt: NOW - 5 * MIN })],
		reports: [
			report('new', 'izyum', NOW - 20 * MIN),
			report('seen', 'izyum', NOW - 90 * MIN), // posted before the view
			report('graded', 'izyum', NOW - 90 * MIN, NOW - 15 * MIN) // posted before, graded after: a change
		],
		views,
		now: NOW,
		quietAfterMs: QUIET
	};

	it('counts reports posted and other changes since each sector was viewed (or since the first visit)', () => {
		const attention = sectorAttention(input);
		expect(attention.get('izyum')).toMatchObject({ unreadReports: 1, changes: 2, lastChangeAt: NOW - 10 * MIN });
		expect(attention.get('kherson')).toMatchObject({ unreadReports: 0, changes: 2 });
		expect(attention.get('lyman')).toMatchObject({ unreadReports: 0, changes: 0 });
	});

	it('viewing a sector reads it; the sector in view has nothing unread', () => {
		const read = sectorAttention({ ...input, views: { ...views, sectors: { izyum: NOW } } });
		expect(read.get('izyum')).toMatchObject({ unreadReports: 0, changes: 0 });
		const watching = sectorAttention({ ...input, watching: 'kherson' });
		expect(watching.get('kherson')).toMatchObject({ unreadReports: 0, changes: 0 });
		expect(watching.get('izyum')!.unreadReports).toBe(1);
	});

	it('a sector without change for the quiet time while others are busy is quiet, with an explanation', () => {
		const attention = sectorAttention(input);
		expect(attention.get('lyman')!.quiet).toBe(true);
		expect(attention.get('izyum')!.quiet).toBe(false);
		expect(attention.get('kherson')!.quiet).toBe(false);
		expect(quietExplanation(attention.get('lyman')!, NOW, QUIET)).toBe('No change here for 10 h, while other sectors changed in the last 30 min.');
		// Nobody busy: nobody is quiet (a calm night is not news).
		const calm = sectorAttention({ ...input, now: NOW + 600 * MIN });
		expect([...calm.values()].some((entry) => entry.quiet)).toBe(false);
	});

	it('[SI5] what the watcher changed themselves is not unread; what others changed still is', () => {
		const byActor = {
			...input,
			pins: [
				pinSchema.parse({ id: 'mine', name: 'mine', lat: 49, lng: 37, sector: 'kherson', createdAt: NOW - 5 * MIN, createdBy: 'Sam' }),
				pinSchema.parse({ id: 'retook', name: 'retook', lat: 49, lng: 37, sector: 'kherson', createdAt: NOW - 500 * MIN, createdBy: 'Olena', updatedAt: NOW - 4 * MIN, updatedBy: 'Sam' }),
				pinSchema.parse({ id: 'theirs', name: 'theirs', lat: 49, lng: 37, sector: 'lyman', createdAt: NOW - 500 * MIN, createdBy: 'Sam', updatedAt: NOW - 4 * MIN, updatedBy: 'Olena' })
			],
			fronts: [],
			reports: [reportSchema.parse({ id: 'r', text: 'r', eventTime: 0, sector: 'kherson', createdAt: NOW - 3 * MIN, createdBy: 'Sam' })]
		};
		const sam = sectorAttention({ ...byActor, self: 'Sam' });
		expect(sam.get('kherson')).toMatchObject({ unreadReports: 0, changes: 0, lastChangeAt: NOW - 3 * MIN });
		expect(sam.get('lyman')).toMatchObject({ changes: 1 });
		const olena = sectorAttention({ ...byActor, self: 'Olena' });
		expect(olena.get('kherson')).toMatchObject({ unreadReports: 1, changes: 2 });
		expect(olena.get('lyman')).toMatchObject({ changes: 0 });
	});
});

describe('[AT2] last visits in the browser', () => {
	const memory = (): KeyValueStore & { data: Map<string, string> } => {
		const data = new Map<string, string>();
		return { data, getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value) };
	};

	it('keeps the last visit and sector views per board; garbage and broken storage read as never', () => {
		const storage = memory();
		const store = new VisitStore('b1', storage);
		expect(store.lastVisit()).toBeNull();
		expect(store.sectorViews()).toBeNull();
		store.saveVisit(NOW);
		store.saveSectorViews({ baseline: NOW - 5, sectors: { izyum: NOW } });
		expect(new VisitStore('b1', storage).lastVisit()).toBe(NOW);
		expect(new VisitStore('b2', storage).lastVisit()).toBeNull();
		expect(new VisitStore('b1', storage).sectorViews()).toEqual({ baseline: NOW - 5, sectors: { izyum: NOW } });
		for (const [key, value] of storage.data) storage.data.set(key, value.includes('{') ? '{"baseline":"x"}' : 'yesterday');
		expect(store.lastVisit()).toBeNull();
		expect(store.sectorViews()).toBeNull();
		const broken = new VisitStore('b1', { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('full'); } });
		expect(broken.lastVisit()).toBeNull();
		expect(() => broken.saveVisit(NOW)).not.toThrow();
	});
});

describe('[AT3] who last changed it', () => {
	const at = Date.UTC(2022, 8, 10, 14, 5);
	it('names the action from the log, else the record provenance', () => {
		const moved = { createdAt: at - 60 * MIN, updatedAt: at, updatedBy: 'Olena' };
		expect(lastChangeText('pins', moved, { at, actor: 'Olena', action: 'moved' }, at + 3 * 60 * MIN)).toBe('Moved by Olena · 14:05 UTC, 3 h ago');
		expect(lastChangeText('fronts', {}, { at, actor: 'Taras', action: 'created' }, at + 20_000)).toBe('Drawn by Taras · 14:05 UTC, just now');
		// The log's map is older than the record: the record says who, without a verb it cannot know.
		expect(lastChangeText('pins', { ...moved, updatedAt: at + 30 * MIN }, { at, actor: 'Olena', action: 'moved' }, at + 60 * MIN)).toBe(
			'Changed by Olena · 14:35 UTC, 30 min ago'
		);
		expect(lastChangeText('reports', { createdAt: at, createdBy: 'Maya' }, undefined, at + 5 * MIN)).toBe('Posted by Maya · 14:05 UTC, 5 min ago');
		expect(lastChangeText('sectors', {}, undefined, at)).toBeNull();
		expect(whenText(at, at + 50 * 60 * MIN)).toBe('10 Sep 14:05 UTC, 2 days ago');
	});
});
