/**
 * Which sector a place lies in: every pin, front and report gets its sector from where it lies
 * (a watcher can override it). With overlapping sectors the smallest wins — the most specific.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { point, polygon } from '@turf/helpers';
import type { Sector } from '$lib/model/sector';

/** Shoelace area in squared degrees: only used to rank sectors, so no projection is needed. */
function roughArea(ring: readonly [number, number][]): number {
	let sum = 0;
	for (let i = 0; i < ring.length; i++) {
		const [y1, x1] = ring[i]!;
		const [y2, x2] = ring[(i + 1) % ring.length]!;
		sum += x1 * y2 - x2 * y1;
	}
	return Math.abs(sum / 2);
}

export function sectorAt(lat: number, lng: number, sectors: readonly Sector[]): string | undefined {
	const here = point([lng, lat]);
	let best: { id: string; area: number } | undefined;
	for (const sector of sectors) {
		if (sector.area.length < 3) continue;
		const ring = sector.area.map(([la, ln]) => [ln, la]);
		ring.push(ring[0]!);
		if (!booleanPointInPolygon(here, polygon([ring]))) continue;
		const area = roughArea(sector.area);
		if (!best || area < best.area) best = { id: sector.id, area };
	}
	return best?.id;
}

/** The sector of a shape: where its middle vertex lies (an arrow's course, a line's centre). */
export function sectorOfShape(points: readonly [number, number][], sectors: readonly Sector[]): string | undefined {
	const middle = points[Math.floor(points.length / 2)];
	return middle ? sectorAt(middle[0], middle[1], sectors) : undefined;
}
