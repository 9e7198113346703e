import ms from 'milsymbol';
import { describe, expect, it } from 'vitest';
import { SIDES } from '../../src/lib/model/common';
import { ECHELONS, UNIT_TYPES, type Echelon } from '../../src/lib/model/pin';
import { loadMilsymbol, milsymbolReady, unitSidc, unitSymbol } from '../../src/lib/map/unit-symbol';

/** milsymbol's own names for the echelons (its metadata), to check the amplifier we encode. */
const ECHELON_NAMES: Record<Echelon, string> = {
	team: 'Team/Crew',
	squad: 'Squad',
	platoon: 'Platoon/detachment',
	company: 'Company/battery/troop',
	battalion: 'Battalion/squadron',
	regiment: 'Regiment/group',
	brigade: 'Brigade',
	division: 'Division',
	corps: 'Corps/MEF',
	army: 'Army'
};
const AFFILIATION = { ukraine: 'Friend', russia: 'Hostile', unknown: 'Unknown' } as const;
/** milsymbol's "Light" fills: blue rectangle, red diamond, yellow quatrefoil. */
const FILL = { ukraine: 'rgb(128,224,255)', russia: 'rgb(255,128,128)', unknown: 'rgb(255,255,128)' } as const;

describe('unit symbols (MIL-STD-2525D via milsymbol)', () => {
	it('waits for milsymbol before drawing, but knows the SIDC at once', () => {
		expect(milsymbolReady()).toBe(false);
		expect(unitSymbol({ side: 'russia', unitType: 'armour', echelon: 'brigade' })).toBeNull();
		// version 10 · reality · hostile · land unit · present · no HQ · brigade · armour · no modifiers
		expect(unitSidc({ side: 'russia', unitType: 'armour', echelon: 'brigade' })).toBe('10061000181205000000');
	});

	it('every side, unit type and echelon makes a valid symbol with the right affiliation and echelon', async () => {
		await loadMilsymbol();
		for (const side of SIDES) {
			for (const unitType of UNIT_TYPES) {
				for (const echelon of ECHELONS) {
					const sidc = unitSidc({ side, unitType, echelon });
					expect(sidc).toMatch(/^\d{20}$/);
					const symbol = new ms.Symbol(sidc);
					const what = `${side} ${unitType} ${echelon} (${sidc})`;
					expect(symbol.isValid(), what).toBe(true);
					const metadata = symbol.getMetadata();
					expect(metadata.affiliation, what).toBe(AFFILIATION[side]);
					expect(metadata.dimension, what).toBe('Ground');
					expect(metadata.echelon, what).toBe(ECHELON_NAMES[echelon]);
					expect(metadata.headquarters, what).toBe(unitType === 'headquarters');
				}
			}
		}
	});

	it('draws the frame of each side in its standard colour', async () => {
		await loadMilsymbol();
		for (const side of SIDES) {
			const drawn = unitSymbol({ side, unitType: 'infantry', echelon: 'battalion' });
			expect(drawn?.svg.startsWith('<svg')).toBe(true);
			expect(drawn?.svg).toContain(`fill="${FILL[side]}"`);
		}
	});

	it('maps the arms to their 2525D icons, airborne as a modifier', () => {
		const entity = (unitType: (typeof UNIT_TYPES)[number]) => unitSidc({ side: 'ukraine', unitType }).slice(10, 16);
		expect(entity('infantry')).toBe('121100');
		expect(entity('mechanized')).toBe('121102');
		expect(entity('artillery')).toBe('130300');
		expect(entity('air-defence')).toBe('130100');
		expect(entity('engineers')).toBe('140700');
		expect(unitSidc({ side: 'ukraine', unitType: 'airborne' }).slice(18)).toBe('01');
		expect(new ms.Symbol(unitSidc({ side: 'ukraine', unitType: 'airborne' })).isValid()).toBe(true);
	});

	it('a unit with no type or echelon is still a valid plain frame', async () => {
		await loadMilsymbol();
		const sidc = unitSidc({ side: 'unknown' });
		expect(new ms.Symbol(sidc).isValid()).toBe(true);
		expect(new ms.Symbol(sidc).getMetadata().echelon).toBeFalsy();
	});

	it('caches by SIDC and size, and anchors inside the drawing', async () => {
		await loadMilsymbol();
		const spec = { side: 'russia', unitType: 'armour', echelon: 'brigade' } as const;
		const first = unitSymbol(spec);
		expect(unitSymbol(spec)).toBe(first);
		expect(unitSymbol(spec, 40)).not.toBe(first);
		expect(first!.anchor.x).toBeGreaterThan(0);
		expect(first!.anchor.x).toBeLessThan(first!.width);
		// The echelon sits above the frame, so the anchor (frame centre) is below the middle.
		expect(first!.anchor.y).toBeGreaterThan(first!.height / 2);
		const hq = unitSymbol({ side: 'ukraine', unitType: 'headquarters', echelon: 'corps' })!;
		// A headquarters stands on its staff: the anchor is the staff's foot, at the bottom.
		expect(hq.anchor.y).toBeCloseTo(hq.height - 1.4, 0);
	});
});
