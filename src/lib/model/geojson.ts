/**
 * GeoJSON (RFC 7946) views of a board. The model stores `[lat, lng]`; GeoJSON wants
 * `[lng, lat]` — this file is the one place that swaps them.
 *
 * Properties use one vocabulary across layers, so a GIS desk can filter every layer the same way
 * (docs/interchange.md has the table): `layer`, `name` (a pin's name, a front's label, a sector's
 * name), `text` (a report), `kind`, `side`, `status` (a pin's control, a front's state), `grade`
 * (a report's confidence), `sector` + `sectorName`, times as ISO 8601 strings. Importing reads the
 * same names back (src/lib/interchange/feature-records.ts).
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import * as Y from 'yjs';
import type { LatLngPair } from './common';
import type { Front } from './front';
import type { CollectionName } from './layout';
import type { Pin } from './pin';
import { readAll } from './records';
import type { Report } from './report';
import type { Sector } from './sector';

export const BOARD_LAYERS = ['sector', 'front', 'pin', 'report'] as const;
export type BoardLayer = (typeof BOARD_LAYERS)[number];
/** The document collection each layer's records live in. */
export const COLLECTION_OF = { pin: 'pins', front: 'fronts', report: 'reports', sector: 'sectors' } as const satisfies Record<BoardLayer, CollectionName>;

/** The property naming a feature's layer. */
export const LAYER_PROPERTY = 'layer';

/** A board's records, as `readAll` or the history API's content gives them. */
export interface BoardRecords {
	pins: readonly Pin[];
	fronts: readonly Front[];
	reports: readonly Report[];
	sectors: readonly Sector[];
}

export const toPosition = ([lat, lng]: LatLngPair): [number, number] => [lng, lat];
export const fromPosition = (position: Position): LatLngPair => [position[1]!, position[0]!];

/** Closes an open `[lat, lng]` ring into a GeoJSON linear ring. */
function closedRing(points: readonly LatLngPair[]): [number, number][] {
	const ring = points.map(toPosition);
	const first = ring[0];
	const last = ring[ring.length - 1];
	if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push([...first]);
	return ring;
}

export const isoTime = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : new Date(ms).toISOString());

/** Drops undefined values, so a feature carries only what the record has. */
function defined(properties: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(Object.entries(properties).filter(([, value]) => value !== undefined));
}

type SectorNames = ReadonlyMap<string, string>;

function common(record: Pin | Front | Report | Sector, sectorNames: SectorNames) {
	const sector = 'sector' in record ? record.sector : undefined;
	return {
		sector,
		sectorName: sector ? sectorNames.get(sector) : undefined,
		createdBy: record.createdBy,
		createdAt: isoTime(record.createdAt),
		updatedBy: record.updatedBy,
		updatedAt: isoTime(record.updatedAt)
	};
}

function feature(layer: BoardLayer, id: string, geometry: Geometry, properties: Record<string, unknown>): Feature {
	return { type: 'Feature', id, geometry, properties: defined({ [LAYER_PROPERTY]: layer, ...properties }) };
}

export function pinFeature(pin: Pin, sectorNames: SectorNames = new Map()): Feature {
	return feature('pin', pin.id, { type: 'Point', coordinates: [pin.lng, pin.lat] }, {
		name: pin.name,
		kind: pin.kind,
		side: pin.side,
		status: pin.control,
		controlSince: isoTime(pin.controlSince),
		unitType: pin.unitType,
		echelon: pin.echelon,
		note: pin.note,
		...common(pin, sectorNames)
	});
}

export function frontFeature(front: Front, sectorNames: SectorNames = new Map()): Feature {
	const geometry: Geometry =
		front.kind === 'area'
			? { type: 'Polygon', coordinates: [closedRing(front.points)] }
			: { type: 'LineString', coordinates: front.points.map(toPosition) };
	return feature('front', front.id, geometry, {
		name: front.label,
		kind: front.kind,
		side: front.side,
		status: front.state,
		note: front.note,
		...common(front, sectorNames)
	});
}

/** Reports without a place have no geometry: they are in the CSV feed, not on the map. */
export function reportFeature(report: Report, sectorNames: SectorNames = new Map()): Feature | undefined {
	if (!report.place) return undefined;
	return feature('report', report.id, { type: 'Point', coordinates: [report.place.lng, report.place.lat] }, {
		text: report.text,
		grade: report.confidence,
		eventTime: isoTime(report.eventTime),
		admiralty: report.admiralty ? `${report.admiralty.reliability}${report.admiralty.credibility}` : undefined,
		sources: report.sources,
		links: report.links.length > 0 ? report.links : undefined,
		...common(report, sectorNames)
	});
}

export function sectorFeature(sector: Sector): Feature | undefined {
	if (sector.area.length < 3) return undefined;
	return feature('sector', sector.id, { type: 'Polygon', coordinates: [closedRing(sector.area)] }, {
		name: sector.name,
		colour: sector.colour,
		note: sector.note,
		...common(sector, new Map())
	});
}

export const sectorNamesOf = (records: Pick<BoardRecords, 'sectors'>): SectorNames =>
	new Map(records.sectors.map((sector) => [sector.id, sector.name]));

/** Records as one FeatureCollection, layer by layer (areas under lines under points). */
export function recordsToGeoJSON(records: BoardRecords): FeatureCollection {
	const names = sectorNamesOf(records);
	const features: Feature[] = [
		...records.sectors.flatMap((sector) => sectorFeature(sector) ?? []),
		...records.fronts.map((front) => frontFeature(front, names)),
		...records.pins.map((pin) => pinFeature(pin, names)),
		...records.reports.flatMap((report) => reportFeature(report, names) ?? [])
	];
	return { type: 'FeatureCollection', features };
}

/** The whole board as one FeatureCollection; each feature's `properties.layer` says what it is. */
export function boardToGeoJSON(doc: Y.Doc): FeatureCollection {
	return recordsToGeoJSON({
		pins: readAll(doc, 'pins'),
		fronts: readAll(doc, 'fronts'),
		reports: readAll(doc, 'reports'),
		sectors: readAll(doc, 'sectors')
	});
}
