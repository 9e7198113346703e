import { describe, expect, it } from 'vitest';
import type { Pin } from '../../src/lib/model/pin';
import { describePin } from '../../src/lib/map/pin-format';
import { pinLook } from '../../src/lib/map/pin-look';
import { CHANGE_WINDOW_MS, changedRecently, changeReference, pinGlyph, placeSvg } from '../../src/lib/map/pin-style';
import { loadMilsymbol, unitSidc } from '../../src/lib/map/unit-symbol';

const t = (iso: string) => Date.parse(iso);
const pin = (fields: Partial<Pin> & { id: string }): Pin => ({ name: fields.id, lat: 49, lng: 37, kind: 'town', side: 'unknown', control: 'unknown', ...fields });

describe('changed hands: measured from the board’s newest change, not the wall clock', () => {
	// The 2022 demo: Balakliia retaken 8 Sep, Kupiansk 10 Sep, the Donetsk airport lost in 2015.
	const board = [
		pin({ id: 'balakliia', control: 'ukraine', controlSince: t('2022-09-08T15:00:00Z') }),
		pin({ id: 'kupiansk', kind: 'rail-hub', control: 'ukraine', controlSince: t('2022-09-10T09:00:00Z') }),
		pin({ id: 'airport', kind: 'airfield', control: 'russia', controlSince: t('2015-01-21T00:00:00Z') }),
		pin({ id: 'brigade', kind: 'unit', side: 'russia', controlSince: t('2022-09-20T00:00:00Z') }),
		pin({ id: 'quiet' })
	];

	it('takes the newest change of control among places (units move, they do not change hands)', () => {
		expect(changeReference(board)).toBe(t('2022-09-10T09:00:00Z'));
		expect(changeReference(board, 123)).toBe(123);
		expect(changeReference([])).toBe(-Infinity);
	});

	it('marks places that changed within 72 h of that moment', () => {
		const reference = changeReference(board);
		const changed = board.filter((p) => changedRecently(p, reference)).map((p) => p.id);
		expect(changed).toEqual(['balakliia', 'kupiansk']);
		expect(changedRecently(board[0]!, t('2022-09-08T15:00:00Z') + CHANGE_WINDOW_MS + 1)).toBe(false);
		// A replay at 9 Sep has not seen Kupiansk change yet.
		expect(changedRecently(board[1]!, t('2022-09-09T00:00:00Z'))).toBe(false);
	});
});

describe('place symbols', () => {
	it('rail hubs, bridges and airfields each have their own picture', () => {
		const bodies = ['rail-hub', 'bridge', 'airfield', 'town'].map((kind) => pinGlyph(kind as Pin['kind'], 'ukraine').replace(/data-glyph="[^"]+"/, ''));
		expect(new Set(bodies).size).toBe(4);
	});

	it('contested places wear a dashed amber ring; a recent change of hands a solid ring', () => {
		const plain = placeSvg('town', 'russia', { contested: false, changed: false });
		const contested = placeSvg('town', 'contested', { contested: true, changed: false });
		const changed = placeSvg('town', 'ukraine', { contested: false, changed: true });
		expect(plain).not.toContain('<circle cx="13"');
		expect(contested).toMatch(/stroke="#e09b1a" stroke-width="2" stroke-dasharray/);
		expect(changed).toContain('stroke="#2f6fd0" stroke-width="1.4"');
		expect(changed).not.toContain('stroke-dasharray');
	});
});

describe('pin looks', () => {
	it('units draw as a plain frame until milsymbol loads, then as their 2525 symbol', async () => {
		const brigade = pin({ id: 'b', kind: 'unit', side: 'russia', unitType: 'armour', echelon: 'brigade' });
		expect(pinLook(brigade, 0).key).toBe('unit-fallback:russia');
		await loadMilsymbol();
		const look = pinLook(brigade, 0);
		expect(look.key).toBe(`unit:${unitSidc(brigade)}`);
		expect(look.svg).toContain('<svg');
		expect(look.labelX).toBeGreaterThan(look.width - look.anchorX);
		expect(pinLook({ ...brigade, id: 'other', name: 'Other' }, 0)).toBe(look);
	});

	it('places are centred, and their label clears a ring', () => {
		const reference = t('2022-09-10T09:00:00Z');
		const plain = pinLook(pin({ id: 'a' }), reference);
		const changed = pinLook(pin({ id: 'b', control: 'ukraine', controlSince: reference - 3_600_000 }), reference);
		expect([plain.anchorX, plain.anchorY]).toEqual([plain.width / 2, plain.height / 2]);
		expect(changed.key).not.toBe(plain.key);
		expect(changed.labelX).toBeGreaterThan(plain.labelX);
	});
});

describe('pin words', () => {
	it('describes units and places for tooltips', () => {
		expect(describePin(pin({ id: 'x', name: '1st Guards Tank Army', kind: 'unit', side: 'russia', unitType: 'armour', echelon: 'army' }), false)).toBe(
			'1st Guards Tank Army — Russian armour army'
		);
		expect(describePin(pin({ id: 'y', name: 'Izium', kind: 'rail-hub', control: 'contested', controlSince: t('2022-09-10T08:00:00Z') }), true)).toBe(
			'Izium — rail hub, contested since 10 Sep 2022 08:00 UTC (changed hands)'
		);
	});
});

describe('what redraws', () => {
	it('a change to a drawn field redraws; a note or a sector does not', async () => {
		const { drawnAlike } = await import('../../src/lib/map/pin-look');
		const a = [pin({ id: 'a' }), pin({ id: 'b', kind: 'unit', side: 'russia' })];
		expect(drawnAlike(a, a.map((p) => ({ ...p, note: 'x', sector: 'north' })))).toBe(true);
		expect(drawnAlike(a, [a[0]!, { ...a[1]!, echelon: 'brigade' }])).toBe(false);
		expect(drawnAlike(a, [a[0]!, { ...a[1]!, lat: 49.001 }])).toBe(false);
		expect(drawnAlike(a, [a[0]!])).toBe(false);
	});
});
