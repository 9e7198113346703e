import { describe, it, expect } from 'vitest';
import type { Position } from 'geojson';
import { crossesAntimeridian, splitGeometry, splitLine, splitPolygon, splitRing } from '../../src/lib/map/antimeridian';

/** Largest longitude step between consecutive points. */
const maxJump = (points: readonly Position[]) =>
	points.slice(1).reduce((max, p, i) => Math.max(max, Math.abs((p[0] ?? 0) - (points[i]?.[0] ?? 0))), 0);
const lons = (parts: Position[][]) => parts.flat().map((p) => p[0] ?? NaN);
/** Planar area of a closed ring, in square degrees. */
const area = (ring: readonly Position[]) =>
	Math.abs(ring.slice(1).reduce((sum, q, i) => sum + (ring[i]?.[0] ?? 0) * (q[1] ?? 0) - (q[0] ?? 0) * (ring[i]?.[1] ?? 0), 0)) / 2;

// A box from 170°E to 170°W, written the way world-atlas stitches Chukotka: straight across ±180°.
const chukotka: Position[] = [[170, 60], [-170, 60], [-170, 70], [170, 70], [170, 60]];

describe('antimeridian', () => {
	it('splits a ring crossing 180° into parts that each have no jump over 180°', () => {
		expect(crossesAntimeridian(chukotka)).toBe(true);
		const parts = splitRing(chukotka);
		expect(parts).toHaveLength(2);
		for (const part of parts) {
			expect(maxJump(part)).toBeLessThanOrEqual(180);
			expect(crossesAntimeridian(part)).toBe(false);
			expect(part[0]).toEqual(part[part.length - 1]);
		}
		expect(Math.min(...lons(parts))).toBe(-180);
		expect(Math.max(...lons(parts))).toBe(180);
		// Nothing is lost or invented: the parts cover the 20° × 10° box exactly.
		expect(parts.reduce((sum, ring) => sum + area(ring), 0)).toBeCloseTo(200, 9);
	});

	it('puts each part on its own side: one east of 170°E, one west of 170°W', () => {
		const [east, west] = [...splitRing(chukotka)].sort((a, b) => (b[0]?.[0] ?? 0) - (a[0]?.[0] ?? 0));
		expect(lons([east ?? []]).every((x) => x >= 170 && x <= 180)).toBe(true);
		expect(lons([west ?? []]).every((x) => x >= -180 && x <= -170)).toBe(true);
	});

	it('closes a ring that goes round the South Pole along the pole', () => {
		const antarctica: Position[] = [[-180, -70], [-90, -65], [0, -70], [90, -65], [180, -70], [-180, -70]];
		const parts = splitRing(antarctica);
		expect(parts.length).toBeGreaterThan(0);
		for (const part of parts) expect(maxJump(part)).toBeLessThanOrEqual(180);
		expect(parts.flat().some((p) => p[1] === -90)).toBe(true);
	});

	it('leaves rings that do not cross untouched', () => {
		const ukraine: Position[] = [[22, 48], [40, 48], [40, 52], [22, 52], [22, 48]];
		expect(splitRing(ukraine)).toEqual([ukraine]);
		expect(splitPolygon([ukraine])).toEqual([[ukraine]]);
	});

	it('keeps a hole with the part that contains it', () => {
		const hole: Position[] = [[172, 62], [174, 62], [174, 64], [172, 62]];
		const parts = splitPolygon([chukotka, hole]);
		expect(parts).toHaveLength(2);
		expect(parts.filter((p) => p.length === 2)).toHaveLength(1);
	});

	it('splits a line at the crossing, ending on one edge and starting on the other', () => {
		const parts = splitLine([[170, 60], [-170, 70]]);
		expect(parts).toEqual([
			[[170, 60], [180, 65]],
			[[-180, 65], [-170, 70]]
		]);
	});

	it('turns a crossing Polygon into a MultiPolygon and returns other geometry as is', () => {
		const split = splitGeometry({ type: 'Polygon', coordinates: [chukotka] });
		expect(split.type).toBe('MultiPolygon');
		const point = { type: 'Point' as const, coordinates: [179, 0] };
		expect(splitGeometry(point)).toBe(point);
	});
});
