/**
 * Ground held by each side, per sector, and how it shifted between two moments of a board.
 *
 * Held ground is the union of a side's area fronts (pockets, bridgeheads, controlled zones) that
 * describe what is — `ongoing` or `halted` — not `planned` or `predicted` ones, which are
 * analysis. Each side's union is cut by each sector's outline; ground in no sector is
 * "elsewhere" (sector null). Gained is what is held now and was not then, lost the reverse, so a
 * pocket that moved without changing size shows both. Sectors are cut by their outline as it is
 * now (a removed sector by its last one), so redrawing a sector boundary is not news of ground
 * won. Pure: plain records in, numbers out; geometry by turf, areas geodesic in km².
 */
import { area } from '@turf/area';
import { difference } from '@turf/difference';
import { featureCollection, polygon } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { union } from '@turf/union';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { LatLngPair } from '../../src/lib/model/common';
import type { Front } from '../../src/lib/model/front';
import type { Sector } from '../../src/lib/model/sector';
import type { HeldAreaShift } from '../../src/lib/protocol/history';

type Shape = Feature<Polygon | MultiPolygon>;

export const HOLDING_SIDES = ['ukraine', 'russia'] as const;
/** Shifts smaller than this (km²) are rounding, not news. */
export const AREA_EPSILON_KM2 = 0.05;
const M2_PER_KM2 = 1_000_000;

/** An open `[lat, lng]` ring as a turf polygon, or null if it has too few distinct points. */
export function ringPolygon(points: readonly LatLngPair[]): Shape | null {
	if (points.length < 3) return null;
	const ring = points.map(([lat, lng]) => [lng, lat]);
	const [first, last] = [ring[0]!, ring[ring.length - 1]!];
	if (first[0] !== last[0] || first[1] !== last[1]) ring.push([...first]);
	if (ring.length < 4) return null;
	return polygon([ring]);
}

/** Polygon clipping throws on some degenerate rings (zero area, repeated points): skip those. */
function safely(operation: () => Shape | null): Shape | null {
	try {
		return operation();
	} catch {
		return null;
	}
}

function unionOf(shapes: readonly Shape[]): Shape | null {
	if (shapes.length === 0) return null;
	if (shapes.length === 1) return shapes[0]!;
	const all = safely(() => union(featureCollection([...shapes])));
	if (all) return all;
	// One bad ring must not hide every other: fold them in one by one, skipping the failures.
	let folded: Shape | null = null;
	for (const shape of shapes) folded = folded ? (safely(() => union(featureCollection([folded!, shape]))) ?? folded) : shape;
	return folded;
}

const intersection = (a: Shape | null, b: Shape | null) => (a && b ? safely(() => intersect(featureCollection([a, b]))) : null);
const minus = (a: Shape | null, b: Shape | null) => (!a ? null : !b ? a : safely(() => difference(featureCollection([a, b]))));
const km2 = (shape: Shape | null) => (shape ? area(shape) / M2_PER_KM2 : 0);
const round = (value: number) => Math.round(value * 10) / 10;

/** Ground a side holds according to these fronts, as one (multi)polygon, or null. */
export function heldBy(fronts: readonly Front[], side: (typeof HOLDING_SIDES)[number]): Shape | null {
	const shapes: Shape[] = [];
	for (const front of fronts) {
		if (front.kind !== 'area' || front.side !== side || front.state === 'planned' || front.state === 'predicted') continue;
		const shape = ringPolygon(front.points);
		if (shape) shapes.push(shape);
	}
	return unionOf(shapes);
}

/**
 * For each sector with a drawn outline (by id) and for "elsewhere" (null): per side whose held
 * ground there is or was non-zero and shifted, the areas then and now and what was gained and lost.
 */
export function heldAreaShifts(
	before: { fronts: readonly Front[]; sectors: readonly Sector[] },
	now: { fronts: readonly Front[]; sectors: readonly Sector[] }
): Map<string | null, HeldAreaShift[]> {
	const outlines = new Map<string, Shape>();
	for (const sector of [...before.sectors, ...now.sectors]) {
		const shape = ringPolygon(sector.area);
		if (shape) outlines.set(sector.id, shape); // now's outline wins: it comes later
	}
	const anySector = unionOf([...outlines.values()]);
	const regions: [string | null, (shape: Shape | null) => Shape | null][] = [
		...[...outlines].map(([id, outline]): [string, (shape: Shape | null) => Shape | null] => [id, (shape) => intersection(shape, outline)]),
		[null, (shape) => minus(shape, anySector)]
	];

	const shifts = new Map<string | null, HeldAreaShift[]>();
	for (const side of HOLDING_SIDES) {
		const then = heldBy(before.fronts, side);
		const held = heldBy(now.fronts, side);
		if (!then && !held) continue;
		const gained = minus(held, then);
		const lost = minus(then, held);
		for (const [region, within] of regions) {
			const shift: HeldAreaShift = {
				side,
				beforeKm2: round(km2(within(then))),
				nowKm2: round(km2(within(held))),
				gainedKm2: round(km2(within(gained))),
				lostKm2: round(km2(within(lost)))
			};
			if (shift.gainedKm2 < AREA_EPSILON_KM2 && shift.lostKm2 < AREA_EPSILON_KM2) continue;
			const list = shifts.get(region);
			if (list) list.push(shift);
			else shifts.set(region, [shift]);
		}
	}
	return shifts;
}
