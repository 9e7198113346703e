/**
 * GeoJSON (RFC 7946) views of a board. The model stores `[lat, lng]`; GeoJSON wants
 * `[lng, lat]` — this file is the one place that swaps them.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import * as Y from 'yjs';
import type { LatLngPair } from './common';
import type { Front } from './front';
import type { Pin } from './pin';
import { readAll } from './records';
import type { Report } from './report';
import type { Sector } from './sector';

export type BoardLayer = 'pin' | 'front' | 'report' | 'sector';

const toPosition = ([lat, lng]: LatLngPair): [number, number] => [lng, lat];

/** Closes an open `[lat, lng]` ring into a GeoJSON linear ring. */
function closedRing(points: readonly LatLngPair[]): [number, number][] {
	const ring = points.map(toPosition);
	const first = ring[0];
	const last = ring[ring.length - 1];
	if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push([...first]);
	return ring;
}

function feature(layer: BoardLayer, record: { id: string }, geometry: Geometry): Feature {
	const { id, ...properties } = record as Record<string, unknown> & { id: string };
	delete properties.points;
	delete properties.area;
	delete properties.lat;
	delete properties.lng;
	delete properties.place;
	return { type: 'Feature', id, geometry, properties: { layer, ...properties } };
}

export function pinFeature(pin: Pin): Feature {
	return feature('pin', pin, { type: 'Point', coordinates: [pin.lng, pin.lat] });
}

export function frontFeature(front: Front): Feature {
	const geometry: Geometry =
		front.kind === 'area'
			? { type: 'Polygon', coordinates: [closedRing(front.points)] }
			: { type: 'LineString', coordinates: front.points.map(toPosition) };
	return feature('front', front, geometry);
}

export function reportFeature(report: Report): Feature | undefined {
	if (!report.place) return undefined;
	return feature('report', report, { type: 'Point', coordinates: [report.place.lng, report.place.lat] });
}

export function sectorFeature(sector: Sector): Feature | undefined {
	if (sector.area.length < 3) return undefined;
	return feature('sector', sector, { type: 'Polygon', coordinates: [closedRing(sector.area)] });
}

/** The whole board as one FeatureCollection; each feature's `properties.layer` says what it is. */
export function boardToGeoJSON(doc: Y.Doc): FeatureCollection {
	const features: Feature[] = [
		...readAll(doc, 'sectors').flatMap((sector) => sectorFeature(sector) ?? []),
		...readAll(doc, 'fronts').map(frontFeature),
		...readAll(doc, 'pins').map(pinFeature),
		...readAll(doc, 'reports').flatMap((report) => reportFeature(report) ?? [])
	];
	return { type: 'FeatureCollection', features };
}
