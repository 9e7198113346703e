/**
 * A board as KML 2.2, for Google Earth and GIS desks: one folder per layer, shared styles in the
 * board's own legend colours (read from src/lib/legend, as the map does, never copied), and every feature's
 * interchange properties (src/lib/model/geojson.ts) as ExtendedData so that importing our own
 * export gives the board back. Built with an XML builder, so user text is always escaped; the
 * description balloon is an HTML fragment built the same way (links only from http(s) sources),
 * then escaped once more as the text of <description> — Google Earth reads it as HTML.
 */
import type { Feature, Geometry, Position } from 'geojson';
import { create, fragment } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { CONFIDENCE_LEVELS } from '../model/report';
import { FRONT_STATES } from '../model/front';
import { SIDES } from '../model/common';
import { CONTROL_STATES } from '../model/pin';
import { LAYER_PROPERTY, recordsToGeoJSON, type BoardLayer, type BoardRecords } from '../model/geojson';
import { frontLook, SIDE_COLOURS } from '../legend/front-legend';
import { CONTROL_COLOURS } from '../legend/pin-legend';
import { GRADE_STYLE } from '../legend/report-legend';
import { safeLink } from '../format/safe-link';

export const KML_NAMESPACE = 'http://www.opengis.net/kml/2.2';

/** Folder titles, in drawing order (areas under lines under points). */
export const KML_FOLDERS: Record<BoardLayer, string> = { sector: 'Sectors', front: 'Fronts', pin: 'Pins', report: 'Reports' };

/** Google Earth's stock round marker, tinted per style. */
const DOT_ICON = 'https://maps.google.com/mapfiles/kml/shapes/placemark_circle.png';

/**
 * Text for the builder, escaped exactly. xmlbuilder2 leaves an "&" alone when it already looks like
 * an entity ("&lt;"), so user text "&lt;img&gt;" would come out as markup — in a description
 * balloon, live HTML. Escaping every "&" first makes the builder's output exact (tests/unit/
 * interchange-export.test.ts holds it to that).
 */
const exact = (text: string) => text.replace(/&/g, '&amp;');

/** KML colours are aabbggrr hex. */
export function kmlColour(hex: string, opacity = 1): string {
	const alpha = Math.round(Math.max(0, Math.min(1, opacity)) * 255).toString(16).padStart(2, '0');
	const [r, g, b] = [hex.slice(1, 3), hex.slice(3, 5), hex.slice(5, 7)];
	return `${alpha}${b}${g}${r}`.toLowerCase();
}

const frontStyleId = (side: string, state: string) => `front-${side}-${state}`;
const pinStyleId = (status: string) => `pin-${status}`;
const reportStyleId = (grade: string) => `report-${grade}`;
const sectorStyleId = (colour: string) => `sector-${colour.slice(1).toLowerCase()}`;

function addStyles(document: XMLBuilder, sectorColours: Iterable<string>): void {
	for (const side of SIDES) {
		for (const state of FRONT_STATES) {
			const line = frontLook('line', side, state);
			const area = frontLook('area', side, state);
			const style = document.ele('Style', { id: frontStyleId(side, state) });
			style.ele('LineStyle').ele('color').txt(kmlColour(line.color, line.opacity)).up().ele('width').txt(String(line.weight));
			style.ele('PolyStyle').ele('color').txt(kmlColour(SIDE_COLOURS[side], area.fillOpacity));
		}
	}
	const dot = (id: string, colour: string, scale: number) => {
		const icon = document.ele('Style', { id }).ele('IconStyle');
		icon.ele('color').txt(kmlColour(colour)).up().ele('scale').txt(String(scale)).up().ele('Icon').ele('href').txt(DOT_ICON);
	};
	for (const status of CONTROL_STATES) dot(pinStyleId(status), CONTROL_COLOURS[status], 0.9);
	for (const grade of CONFIDENCE_LEVELS) dot(reportStyleId(grade), GRADE_STYLE[grade].colour, 0.7);
	for (const colour of new Set(sectorColours)) {
		const style = document.ele('Style', { id: sectorStyleId(colour) });
		style.ele('LineStyle').ele('color').txt(kmlColour(colour, 0.9)).up().ele('width').txt('2');
		style.ele('PolyStyle').ele('color').txt(kmlColour(colour, 0.12));
	}
}

function styleOf(layer: BoardLayer, properties: Record<string, unknown>): string {
	const text = (key: string) => String(properties[key]);
	if (layer === 'front') return frontStyleId(text('side'), text('status'));
	if (layer === 'pin') return pinStyleId(text('status'));
	if (layer === 'report') return reportStyleId(text('grade'));
	return sectorStyleId(text('colour'));
}

const coordinates = (positions: readonly Position[]) => positions.map(([lng, lat]) => `${lng},${lat}`).join(' ');

function addGeometry(placemark: XMLBuilder, geometry: Geometry): void {
	if (geometry.type === 'Point') placemark.ele('Point').ele('coordinates').txt(coordinates([geometry.coordinates]));
	else if (geometry.type === 'LineString') placemark.ele('LineString').ele('tessellate').txt('1').up().ele('coordinates').txt(coordinates(geometry.coordinates));
	else if (geometry.type === 'Polygon') {
		placemark.ele('Polygon').ele('tessellate').txt('1').up().ele('outerBoundaryIs').ele('LinearRing').ele('coordinates').txt(coordinates(geometry.coordinates[0]!));
	}
}

/** The balloon: what a reader in Google Earth wants to see, as an escaped HTML fragment. */
function balloon(layer: BoardLayer, properties: Record<string, unknown>): string {
	const html = fragment({ invalidCharReplacement: '' }).ele('div');
	const line = (label: string, value: unknown) => {
		if (typeof value === 'string' && value !== '') html.ele('p').ele('b').txt(`${label}: `).up().txt(exact(value));
	};
	if (layer === 'report') html.ele('p').txt(exact(String(properties.text)));
	line('Kind', layer === 'report' ? undefined : properties.kind);
	line('Side', properties.side);
	line(layer === 'pin' ? 'Held by' : 'State', properties.status);
	line('Grade', properties.grade);
	line('Event time', properties.eventTime);
	line('Sector', properties.sectorName);
	line('Note', properties.note);
	const sources = Array.isArray(properties.sources) ? (properties.sources as { url: string; title?: string }[]) : [];
	for (const source of sources) {
		const link = safeLink(source.url);
		if (link) html.ele('p').ele('a', { href: exact(link.href) }).txt(exact(source.title || link.domain));
	}
	return html.end();
}

const dataValue = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

function addPlacemark(folder: XMLBuilder, feature: Feature, layer: BoardLayer): void {
	const properties = feature.properties ?? {};
	// The id rides in ExtendedData, not the id attribute: ours may start with a digit, which xs:ID forbids.
	const placemark = folder.ele('Placemark');
	const label = layer === 'report' ? String(properties.text).slice(0, 80) : String(properties.name ?? '');
	placemark.ele('name').txt(exact(label));
	placemark.ele('description').txt(exact(balloon(layer, properties)));
	if (layer === 'report' && typeof properties.eventTime === 'string') placemark.ele('TimeStamp').ele('when').txt(properties.eventTime);
	placemark.ele('styleUrl').txt(`#${styleOf(layer, properties)}`);
	const data = placemark.ele('ExtendedData');
	data.ele('Data', { name: 'id' }).ele('value').txt(exact(String(feature.id)));
	for (const [key, value] of Object.entries(properties)) data.ele('Data', { name: exact(key) }).ele('value').txt(exact(dataValue(value)));
	if (feature.geometry) addGeometry(placemark, feature.geometry);
}

export function recordsToKml(records: BoardRecords, options: { title: string; description?: string }): string {
	const root = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' });
	const document = root.ele(KML_NAMESPACE, 'kml').ele('Document');
	document.ele('name').txt(exact(options.title));
	if (options.description) document.ele('description').txt(exact(options.description));
	addStyles(document, records.sectors.map((sector) => sector.colour));
	const features = recordsToGeoJSON(records).features;
	for (const layer of Object.keys(KML_FOLDERS) as BoardLayer[]) {
		const inLayer = features.filter((feature) => feature.properties?.[LAYER_PROPERTY] === layer);
		if (inLayer.length === 0) continue;
		const folder = document.ele('Folder');
		folder.ele('name').txt(KML_FOLDERS[layer]);
		for (const feature of inLayer) addPlacemark(folder, feature, layer);
	}
	return root.end({ prettyPrint: true });
}
