/**
 * "Since you last looked" (issue 4 item 4): the board at a last visit against the board now —
 * ground gained and lost per side per sector on squares of known size, towns that changed hands,
 * per-sector counts, and lists capped for very long absences.
 */
import { describe, expect, it } from 'vitest';
import { frontSchema, type Front } from '../../src/lib/model/front';
import { pinSchema, type Pin } from '../../src/lib/model/pin';
import { reportSchema, type Report } from '../../src/lib/model/report';
import { sectorSchema } from '../../src/lib/model/sector';
import { SINCE_LIST_CAP, type BoardContent, type ChangeEntry } from '../../src/lib/protocol/history';
import { heldAreaShifts } from '../../server/history/held-area';
import { ELSEWHERE, sinceDiff } from '../../server/history/since-diff';
import { box, boxKm2 } from '../helpers/lat-lng-box';


const area = (id: string, side: Front['side'], points: [number, number][], state: Front['state'] = 'ongoing', sector?: string) =>
	frontSchema.parse({ id, kind: 'area', side, state, points, ...(sector ? { sector } : {}) });
const sector = (id: string, name: string, points: [number, number][]) => sectorSchema.parse({ id, name, area: points });
const pin = (id: string, fields: Partial<Pin> = {}) => pinSchema.parse({ id, name: id, lat: 49, lng: 37, kind: 'town', ...fields });
const report = (id: string, fields: Partial<Report> = {}) => reportSchema.parse({ id, text: `Report ${id}`, eventTime: 0, ...fields });

function board(parts: Partial<Omit<BoardContent, 'meta'>>): BoardContent {
	return { pins: [], fronts: [], reports: [], sectors: [], meta: {}, ...parts };
}

/** Two sectors side by side along 37.5°E, between 48.9° and 49.3°N. */
const WEST = sector('sector-west', 'West', box(48.9, 37.0, 49.3, 37.5));
const EAST = sector('sector-east', 'East', box(48.9, 37.5, 49.3, 38.0));

function entry(seq: number, actor: string, collection: ChangeEntry['collection'], itemId: string, action: ChangeEntry['action']): ChangeEntry {
	return { seq, at: seq * 1000, actor, collection, itemId, itemLabel: itemId, action, summary: `${actor} ${action} ${itemId}` };
}

describe('[S1] ground held per side per sector', () => {
	it('a Ukrainian pocket grown east across a sector boundary gains known km² in each sector', () => {
		const before = { fronts: [area('pocket', 'ukraine', box(49.0, 37.0, 49.2, 37.4))], sectors: [WEST, EAST] };
		const now = { fronts: [area('pocket', 'ukraine', box(49.0, 37.0, 49.2, 37.6))], sectors: [WEST, EAST] };
		const shifts = heldAreaShifts(before, now);

		const west = shifts.get('sector-west')!;
		expect(west).toHaveLength(1);
		expect(west[0]!.side).toBe('ukraine');
		expect(west[0]!.gainedKm2).toBeCloseTo(boxKm2(49.0, 37.4, 49.2, 37.5), -1);
		expect(west[0]!.lostKm2).toBe(0);
		expect(west[0]!.beforeKm2).toBeCloseTo(boxKm2(49.0, 37.0, 49.2, 37.4), -1);
		expect(west[0]!.nowKm2).toBeCloseTo(boxKm2(49.0, 37.0, 49.2, 37.5), -1);

		const east = shifts.get('sector-east')!;
		expect(east[0]!.gainedKm2).toBeCloseTo(boxKm2(49.0, 37.5, 49.2, 37.6), -1);
		expect(east[0]!.beforeKm2).toBe(0);
		// Within 0.5 %: the strips are about 160 km² each.
		expect(Math.abs(east[0]!.gainedKm2 / boxKm2(49.0, 37.5, 49.2, 37.6) - 1)).toBeLessThan(0.005);
		expect(shifts.has(null)).toBe(false);
	});

	it('ground outside every sector is "elsewhere"; a moved pocket is both gained and lost', () => {
		const before = { fronts: [area('ru', 'russia', box(50.0, 36.0, 50.1, 36.1))], sectors: [WEST, EAST] };
		const now = { fronts: [area('ru', 'russia', box(50.0, 36.05, 50.1, 36.15))], sectors: [WEST, EAST] };
		const [shift] = heldAreaShifts(before, now).get(null)!;
		const half = boxKm2(50.0, 36.0, 50.1, 36.05);
		expect(shift!.side).toBe('russia');
		expect(Math.abs(shift!.gainedKm2 / half - 1)).toBeLessThan(0.005);
		expect(Math.abs(shift!.lostKm2 / half - 1)).toBeLessThan(0.005);
		expect(shift!.nowKm2).toBeCloseTo(shift!.beforeKm2, 0);
	});

	it('overlapping areas of one side count once; predicted and planned areas are not held ground', () => {
		const now = {
			fronts: [
				area('a', 'ukraine', box(49.0, 37.0, 49.2, 37.3)),
				area('b', 'ukraine', box(49.0, 37.2, 49.2, 37.4)), // overlaps a by 0.1°
				area('guess', 'ukraine', box(49.0, 37.6, 49.2, 37.9), 'predicted'),
				area('plan', 'russia', box(49.0, 37.6, 49.2, 37.9), 'planned')
			],
			sectors: [WEST, EAST]
		};
		const shifts = heldAreaShifts({ fronts: [], sectors: [WEST, EAST] }, now);
		expect(shifts.get('sector-west')![0]!.gainedKm2).toBeCloseTo(boxKm2(49.0, 37.0, 49.2, 37.4), -1);
		expect(shifts.has('sector-east')).toBe(false);
	});

	it('a degenerate ring is skipped, not fatal', () => {
		const flat = frontSchema.parse({ id: 'flat', kind: 'area', side: 'ukraine', points: [[49, 37], [49, 37.1], [49, 37.2]] });
		const good = area('good', 'ukraine', box(49.0, 37.0, 49.2, 37.4));
		const shifts = heldAreaShifts({ fronts: [], sectors: [WEST] }, { fronts: [flat, good], sectors: [WEST] });
		expect(shifts.get('sector-west')![0]!.gainedKm2).toBeCloseTo(boxKm2(49.0, 37.0, 49.2, 37.4), -1);
	});
});

describe('[S2] what changed since a moment', () => {
	const kupiansk = pin('kupiansk', { name: 'Kupiansk', control: 'russia', sector: 'sector-east' });
	const izium = pin('izium', { name: 'Izium', control: 'russia', sector: 'sector-west' });
	const unit = pin('unit-1', { kind: 'unit', side: 'russia', sector: 'sector-west' });
	const before = board({
		pins: [izium, kupiansk, unit],
		fronts: [frontSchema.parse({ id: 'line', kind: 'line', points: [[49, 37], [49.1, 37.1]], sector: 'sector-west' })],
		reports: [report('r-old', { sector: 'sector-east' })],
		sectors: [WEST, EAST]
	});
	const now = board({
		pins: [
			{ ...izium, updatedBy: 'Olena', updatedAt: 6000 }, // moved and moved back: only provenance differs
			{ ...kupiansk, control: 'ukraine' },
			{ ...unit, side: 'ukraine' }, // a unit's side is not a town changing hands
			pin('new-town', { sector: 'sector-west' }),
			pin('stray')
		],
		fronts: [],
		reports: [report('r-old', { sector: 'sector-east', confidence: 'confirmed' }), report('r-new', { sector: 'sector-east' })],
		sectors: [WEST, EAST]
	});
	const window = [
		entry(5, 'Olena', 'pins', 'izium', 'moved'),
		entry(6, 'Olena', 'pins', 'izium', 'moved'),
		entry(7, 'Taras', 'pins', 'kupiansk', 'control-changed'),
		entry(8, 'Taras', 'reports', 'r-new', 'created'),
		entry(9, 'Olena', 'fronts', 'line', 'removed'),
		entry(10, 'Olena', 'meta', 'title', 'renamed')
	];
	const diff = sinceDiff(before, now, window);

	it('lists new, changed and removed items, newest change first, with who did it', () => {
		expect(diff.changed).toBe(true);
		expect(diff.items.map((item) => `${item.collection}/${item.itemId}:${item.status}`)).toEqual([
			'fronts/line:removed',
			'reports/r-new:new',
			'pins/kupiansk:changed',
			// no log entry in the window names these (a test board): they come last
			'pins/unit-1:changed',
			'pins/new-town:new',
			'pins/stray:new',
			'reports/r-old:changed'
		]);
		expect(diff.items.find((item) => item.itemId === 'izium')).toBeUndefined();
		expect(diff.items[2]!.last).toEqual({ at: 7000, actor: 'Taras', action: 'control-changed', summary: 'Taras control-changed kupiansk' });
		expect(diff.marks.pins).toEqual({ new: ['new-town', 'stray'], changed: ['kupiansk', 'unit-1'] });
		expect(diff.marks.reports).toEqual({ new: ['r-new'], changed: ['r-old'] });
		expect(diff.marks.fronts).toEqual({ new: [], changed: [] });
		expect(diff.actors).toEqual([
			{ actor: 'Olena', changes: 3 },
			{ actor: 'Taras', changes: 2 }
		]);
	});

	it('names the towns that changed hands, not units', () => {
		expect(diff.handsChanged).toEqual([{ pinId: 'kupiansk', name: 'Kupiansk', from: 'russia', to: 'ukraine', sector: 'sector-east', at: 7000, actor: 'Taras' }]);
	});

	it('counts per sector, by name, with items in no sector as Elsewhere last', () => {
		const counts = Object.fromEntries(diff.sectors.map((s) => [s.name, { pins: s.pins, fronts: s.fronts, reports: s.reports }]));
		expect(diff.sectors.map((s) => s.name)).toEqual(['East', 'West', ELSEWHERE]);
		expect(counts.East).toEqual({ pins: { new: 0, changed: 1, removed: 0 }, fronts: { new: 0, changed: 0, removed: 0 }, reports: { new: 1, changed: 1, removed: 0 } });
		expect(counts.West).toEqual({ pins: { new: 1, changed: 1, removed: 0 }, fronts: { new: 0, changed: 0, removed: 1 }, reports: { new: 0, changed: 0, removed: 0 } });
		expect(counts[ELSEWHERE]!.pins).toEqual({ new: 1, changed: 0, removed: 0 });
	});

	it('nothing changed: an empty answer', () => {
		const same = sinceDiff(before, before, []);
		expect(same).toMatchObject({ changed: false, items: [], moreItems: 0, sectors: [], handsChanged: [], actors: [] });
	});

	it('a very long absence: lists capped, the rest counted', () => {
		const many = Array.from({ length: SINCE_LIST_CAP + 120 }, (_, index) => pin(`p${index}`, { sector: 'sector-west' }));
		const long = sinceDiff(board({ sectors: [WEST] }), board({ pins: many, sectors: [WEST] }), []);
		expect(long.items).toHaveLength(SINCE_LIST_CAP);
		expect(long.moreItems).toBe(120);
		expect(long.marks.pins.new).toHaveLength(SINCE_LIST_CAP + 120);
		expect(long.sectors[0]!.pins.new).toBe(SINCE_LIST_CAP + 120);
	});

	it('ground shifts are reported in the sector summaries', () => {
		const grown = sinceDiff(
			board({ fronts: [area('pocket', 'ukraine', box(49.0, 37.0, 49.2, 37.4), 'ongoing', 'sector-west')], sectors: [WEST, EAST] }),
			board({ fronts: [area('pocket', 'ukraine', box(49.0, 37.0, 49.2, 37.6), 'ongoing', 'sector-west')], sectors: [WEST, EAST] }),
			[entry(3, 'Olena', 'fronts', 'pocket', 'reshaped')]
		);
		const east = grown.sectors.find((s) => s.sector === 'sector-east')!;
		expect(east.fronts).toEqual({ new: 0, changed: 0, removed: 0 });
		expect(east.area[0]!.gainedKm2).toBeGreaterThan(150);
		expect(grown.sectors.find((s) => s.sector === 'sector-west')!.fronts.changed).toBe(1);
	});
});

describe('[SI5] your own changes are not news to you', () => {
	const before = board({ pins: [pin('kupiansk', { control: 'russia' }), pin('izium', { control: 'russia' })] });
	const now = board({
		pins: [pin('kupiansk', { control: 'ukraine' }), pin('izium', { control: 'ukraine' }), pin('mine')],
		reports: [report('theirs')]
	});
	const window = [
		entry(1, 'Sam', 'pins', 'kupiansk', 'control-changed'),
		entry(2, 'Sam', 'pins', 'mine', 'created'),
		entry(3, 'Olena', 'reports', 'theirs', 'created'),
		entry(4, 'Olena', 'pins', 'izium', 'control-changed'),
		entry(5, 'Sam', 'pins', 'izium', 'edited')
	];

	it('leaves out what only the asking watcher changed, keeps what others changed too', () => {
		const mine = sinceDiff(before, now, window, 'Sam');
		expect(mine.items.map((item) => item.itemId).sort()).toEqual(['izium', 'theirs']);
		expect(mine.handsChanged.map((change) => change.pinId)).toEqual(['izium']);
		expect(mine.actors).toEqual([{ actor: 'Olena', changes: 2 }]);
		expect(mine.marks.pins.new).toEqual([]);
	});

	it('for another watcher every change is news', () => {
		const theirs = sinceDiff(before, now, window, 'Taras');
		expect(theirs.items.map((item) => item.itemId).sort()).toEqual(['izium', 'kupiansk', 'mine', 'theirs']);
		expect(sinceDiff(before, now, window).items).toHaveLength(4);
	});

	it('only your own changes: nothing to show', () => {
		expect(sinceDiff(before, board({ pins: [...before.pins, pin('mine')] }), [entry(2, 'Sam', 'pins', 'mine', 'created')], 'Sam').changed).toBe(false);
	});
});
