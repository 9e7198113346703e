import { describe, expect, it } from 'vitest';
import { formatKm, pathLengthKm } from '../../src/lib/geo/path-length';
import { sectorAt, sectorOfShape } from '../../src/lib/geo/sector-at';
import type { Sector } from '../../src/lib/model/sector';

const sector = (id: string, area: [number, number][]): Sector => ({ id, name: id, colour: '#000000', area });
const big = sector('big', [[45, 30], [52, 30], [52, 40], [45, 40]]);
const izyum = sector('izyum', [[48.9, 36.5], [49.9, 36.5], [49.9, 38], [48.9, 38]]);

describe('sector of a place', () => {
	it('finds the sector a point lies in, preferring the smallest of overlapping ones', () => {
		expect(sectorAt(49.21, 37.26, [big, izyum])).toBe('izyum');
		expect(sectorAt(46.64, 32.61, [big, izyum])).toBe('big');
		expect(sectorAt(10, 10, [big, izyum])).toBeUndefined();
	});

	it('places a shape by its middle vertex', () => {
		expect(sectorOfShape([[46, 31], [49.2, 37.2], [49.5, 39]], [big, izyum])).toBe('izyum');
	});
});

describe('path length', () => {
	it('measures Kharkiv → Izium → Lyman in km (geodesic)', () => {
		const km = pathLengthKm([[49.98, 36.25], [49.21, 37.26], [48.99, 37.81]]);
		// ~112 km + ~46 km by great circle.
		expect(km).toBeGreaterThan(150);
		expect(km).toBeLessThan(165);
		expect(formatKm(km)).toMatch(/^\d+ km$/);
		expect(formatKm(12.345)).toBe('12.3 km');
		expect(pathLengthKm([[1, 1]])).toBe(0);
	});
});
