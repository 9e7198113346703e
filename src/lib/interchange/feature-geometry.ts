/**
 * A feature's geometry as the model stores shapes (`[lat, lng]` pairs), or the problem with it
 * named for the person importing: "feature 12: coordinates out of range (latitude 95.2 ...)".
 */
import type { Geometry, Position } from 'geojson';
import type { LatLngPair } from '../model/common';
import { fromPosition } from '../model/geojson';
import { LIMITS } from '../model/limits';

export type ShapeGeometry =
	| { type: 'Point'; point: LatLngPair }
	| { type: 'LineString'; points: LatLngPair[] }
	| { type: 'Polygon'; points: LatLngPair[]; holes: number };

export type GeometryResult = { ok: true; shape: ShapeGeometry; droppedAltitude: boolean } | { ok: false; problem: string };

const SUPPORTED = 'Point, LineString or Polygon';

function checkPosition(position: unknown, where: string): string | null {
	if (!Array.isArray(position) || position.length < 2) return `coordinates are not a [longitude, latitude] pair${where}`;
	const [lng, lat] = position as unknown[];
	if (typeof lng !== 'number' || typeof lat !== 'number' || !Number.isFinite(lng) || !Number.isFinite(lat)) {
		return `coordinates are not numbers${where}`;
	}
	if (lat < -90 || lat > 90) return `coordinates out of range: latitude ${lat} is not within -90…90${where} (GeoJSON is [longitude, latitude])`;
	if (lng < -180 || lng > 180) return `coordinates out of range: longitude ${lng} is not within -180…180${where}`;
	return null;
}

function checkPositions(positions: unknown, min: number, what: string): { points?: LatLngPair[]; problem?: string; altitude: boolean } {
	if (!Array.isArray(positions)) return { problem: `${what} has no coordinate list`, altitude: false };
	if (positions.length < min) return { problem: `${what} needs at least ${min} positions, has ${positions.length}`, altitude: false };
	let altitude = false;
	for (let i = 0; i < positions.length; i++) {
		const problem = checkPosition(positions[i], ` at position ${i + 1}`);
		if (problem) return { problem, altitude };
		if ((positions[i] as unknown[]).length > 2) altitude = true;
	}
	return { points: (positions as Position[]).map(fromPosition), altitude };
}

/** Drops the closing vertex: the model stores rings open. */
function openRing(points: LatLngPair[]): LatLngPair[] {
	const first = points[0]!;
	const last = points[points.length - 1]!;
	return first[0] === last[0] && first[1] === last[1] ? points.slice(0, -1) : points;
}

export function shapeOf(geometry: Geometry | null | undefined): GeometryResult {
	if (!geometry) return { ok: false, problem: 'has no geometry' };
	const type = (geometry as { type?: unknown }).type;
	if (type === 'Point') {
		const problem = checkPosition(geometry.type === 'Point' ? geometry.coordinates : undefined, '');
		if (problem) return { ok: false, problem };
		const position = (geometry as { coordinates: Position }).coordinates;
		return { ok: true, shape: { type: 'Point', point: fromPosition(position) }, droppedAltitude: position.length > 2 };
	}
	if (type === 'LineString' || type === 'Polygon') {
		const rings = type === 'Polygon' ? (geometry as { coordinates: unknown }).coordinates : [(geometry as { coordinates: unknown }).coordinates];
		if (!Array.isArray(rings) || rings.length === 0) return { ok: false, problem: `the ${type} has no coordinates` };
		const checked = checkPositions(rings[0], type === 'Polygon' ? 4 : 2, type === 'Polygon' ? 'the polygon ring' : 'the line');
		if (!checked.points) return { ok: false, problem: checked.problem! };
		const points = type === 'Polygon' ? openRing(checked.points) : checked.points;
		if (points.length > LIMITS.pointsPerShape) {
			return { ok: false, problem: `the ${type} has ${points.length} points, at most ${LIMITS.pointsPerShape} fit one shape (simplify it first)` };
		}
		const shape: ShapeGeometry = type === 'Polygon' ? { type, points, holes: rings.length - 1 } : { type, points };
		return { ok: true, shape, droppedAltitude: checked.altitude };
	}
	if (typeof type === 'string') return { ok: false, problem: `unsupported geometry ${type.slice(0, 40)} (use ${SUPPORTED}; split multi-part shapes first)` };
	return { ok: false, problem: 'has a geometry without a "type"' };
}
