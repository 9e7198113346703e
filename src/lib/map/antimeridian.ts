/**
 * Splits geometry that crosses the antimeridian (±180° longitude) so a flat map draws it without
 * artefacts. world-atlas stitches polygons across ±180° (right for d3's spherical projections),
 * so Russia's Chukotka ring steps from 179° to -179°; Leaflet, which draws in plain longitude,
 * then joins the two by a band across the whole world. Pure: no DOM, no Leaflet.
 *
 * Method: make the longitudes continuous (add or subtract 360° at each jump), close rings that go
 * round a pole along that pole, then clip the continuous ring, and its copies shifted by ±360°,
 * to [-180°, 180°]. Each clipped part lies inside one world, so no edge jumps.
 */
import type { Geometry, Position } from 'geojson';

/** Consecutive longitudes further apart than this are taken to wrap round the back of the world. */
const JUMP = 180;

/** True when some step between consecutive points jumps more than 180° in longitude. */
export function crossesAntimeridian(points: readonly Position[]): boolean {
	for (let i = 1; i < points.length; i++) {
		if (Math.abs(lon(points[i]) - lon(points[i - 1])) > JUMP) return true;
	}
	return false;
}

/** Splits a polyline at each crossing, ending one part at ±180° and starting the next at ∓180°. */
export function splitLine(line: readonly Position[]): Position[][] {
	if (!crossesAntimeridian(line)) return [line.slice()];
	const parts: Position[][] = [];
	let current: Position[] = [];
	for (let i = 0; i < line.length; i++) {
		const point = line[i] as Position;
		const previous = line[i - 1];
		if (previous && Math.abs(lon(point) - lon(previous)) > JUMP) {
			const edge = lon(previous) > 0 ? 180 : -180;
			const unwrapped = lon(point) + (edge > 0 ? 360 : -360);
			const span = unwrapped - lon(previous);
			const latitude = span === 0 ? lat(previous) : lat(previous) + ((edge - lon(previous)) / span) * (lat(point) - lat(previous));
			// Points already on the antimeridian end or start a part as they are.
			if (lon(previous) !== edge) current.push([edge, latitude]);
			parts.push(current);
			current = lon(point) === -edge ? [] : [[-edge, latitude]];
		}
		current.push(point);
	}
	parts.push(current);
	return parts.filter((part) => part.length > 1);
}

/** Splits a closed ring into closed rings that each lie within [-180°, 180°]. */
export function splitRing(ring: readonly Position[]): Position[][] {
	if (!crossesAntimeridian(ring)) return [ring.slice()];
	const open = isClosed(ring) ? ring.slice(0, -1) : ring.slice();
	const continuous = unwrap(open);
	const first = continuous[0] as Position;
	const last = continuous[continuous.length - 1] as Position;
	// Where the closing step (last point back to the first) lands when it is unwrapped too. A ring
	// round a pole (Antarctica) lands 360° away from its start: close it along the pole instead.
	const closing = lon(last) + wrapDelta(lon(first) - lon(open[open.length - 1]));
	if (Math.abs(closing - lon(first)) > JUMP) {
		const pole = continuous.reduce((sum, p) => sum + lat(p), 0) < 0 ? -90 : 90;
		// Along the pole in steps of at most 90°, so no edge of the part spans more than 180°.
		const steps = Math.ceil(Math.abs(closing - lon(first)) / 90);
		continuous.push([closing, lat(first)]);
		for (let i = 0; i <= steps; i++) continuous.push([closing + ((lon(first) - closing) * i) / steps, pole]);
	}
	const parts: Position[][] = [];
	for (const shift of [-360, 0, 360]) {
		const shifted = continuous.map((p) => [lon(p) + shift, lat(p)]);
		const clipped = clipX(clipX(shifted, 180, true), -180, false);
		if (clipped.length >= 3 && Math.abs(area(clipped)) > 1e-12) parts.push([...clipped, clipped[0] as Position]);
	}
	return parts;
}

/** Splits a polygon's outer ring and holes; each hole goes to the part that contains it. */
export function splitPolygon(polygon: readonly (readonly Position[])[]): Position[][][] {
	if (!polygon.some(crossesAntimeridian)) return [polygon.map((ring) => ring.slice())];
	const [outer, ...holes] = polygon;
	const parts: Position[][][] = splitRing(outer ?? []).map((ring) => [ring]);
	for (const hole of holes.flatMap(splitRing)) {
		const home = parts.find((part) => contains(part[0] as Position[], hole[0] as Position));
		home?.push(hole);
	}
	return parts;
}

/** Returns `geometry` with every crossing split; geometry that does not cross comes back as is. */
export function splitGeometry(geometry: Geometry): Geometry {
	switch (geometry.type) {
		case 'LineString':
			return crossesAntimeridian(geometry.coordinates) ? { type: 'MultiLineString', coordinates: splitLine(geometry.coordinates) } : geometry;
		case 'MultiLineString':
			return geometry.coordinates.some(crossesAntimeridian) ? { type: 'MultiLineString', coordinates: geometry.coordinates.flatMap(splitLine) } : geometry;
		case 'Polygon':
			return geometry.coordinates.some(crossesAntimeridian) ? { type: 'MultiPolygon', coordinates: splitPolygon(geometry.coordinates) } : geometry;
		case 'MultiPolygon':
			return geometry.coordinates.some((p) => p.some(crossesAntimeridian)) ? { type: 'MultiPolygon', coordinates: geometry.coordinates.flatMap(splitPolygon) } : geometry;
		case 'GeometryCollection':
			return { type: 'GeometryCollection', geometries: geometry.geometries.map(splitGeometry) };
		default:
			return geometry;
	}
}

const lon = (p: Position | undefined): number => p?.[0] ?? 0;
const lat = (p: Position | undefined): number => p?.[1] ?? 0;
const wrapDelta = (d: number): number => (d > JUMP ? d - 360 : d < -JUMP ? d + 360 : d);
const isClosed = (ring: readonly Position[]): boolean => ring.length > 1 && lon(ring[0]) === lon(ring[ring.length - 1]) && lat(ring[0]) === lat(ring[ring.length - 1]);

/** The same points with each jump of more than 180° undone, so longitude runs on past ±180°. */
function unwrap(points: readonly Position[]): Position[] {
	const out: Position[] = [];
	let offset = 0;
	points.forEach((p, i) => {
		if (i > 0) offset += wrapDelta(lon(p) - lon(points[i - 1])) - (lon(p) - lon(points[i - 1]));
		out.push([lon(p) + offset, lat(p)]);
	});
	return out;
}

/** Sutherland–Hodgman against one vertical line: keeps x ≤ edge (`below`) or x ≥ edge. Open rings. */
function clipX(ring: readonly Position[], edge: number, below: boolean): Position[] {
	const inside = (p: Position) => (below ? lon(p) <= edge : lon(p) >= edge);
	const out: Position[] = [];
	ring.forEach((current, i) => {
		const previous = ring[(i + ring.length - 1) % ring.length] as Position;
		if (inside(current) !== inside(previous)) {
			const t = (edge - lon(previous)) / (lon(current) - lon(previous));
			out.push([edge, lat(previous) + t * (lat(current) - lat(previous))]);
		}
		if (inside(current)) out.push(current);
	});
	return out;
}

/** Signed area (shoelace) of an open ring, in square degrees. */
function area(ring: readonly Position[]): number {
	let sum = 0;
	ring.forEach((p, i) => {
		const q = ring[(i + 1) % ring.length] as Position;
		sum += lon(p) * lat(q) - lon(q) * lat(p);
	});
	return sum / 2;
}

/** Even–odd point-in-ring test. */
function contains(ring: readonly Position[], point: Position): boolean {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = [lon(ring[i]), lat(ring[i])];
		const [xj, yj] = [lon(ring[j]), lat(ring[j])];
		if (yi > lat(point) !== yj > lat(point) && lon(point) < ((xj - xi) * (lat(point) - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}
