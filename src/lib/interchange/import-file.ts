/**
 * Reading a dropped or picked file into GeoJSON features: GeoJSON as it is, KML through
 * @tmcw/togeojson (a maintained converter, not our own XML walking). The caller hands in an XML
 * parser — the browser's DOMParser, or @xmldom/xmldom in Node — so this module stays pure.
 * Everything wrong with the file as a whole is an ImportError naming the problem.
 */
import { kml } from '@tmcw/togeojson';
import type { Feature, FeatureCollection } from 'geojson';
import { ImportError } from './import-error';

/**
 * The largest file read, and the largest change an import may send. An import is one Yjs update,
 * and the server takes one message of at most MAX_MESSAGE_BYTES (8 MiB by default), so 6 MiB
 * leaves room for the protocol around it. Measured: an update is about twice its GeoJSON (5 000
 * named points: 555 KB of GeoJSON, 1.2 MB of update), so apply-import.ts checks the real size by
 * a dry run; the file limit only stops reading what could never fit. The board-wide limits
 * (src/lib/model/board-limits.ts) are checked against the features themselves.
 */
export const MAX_IMPORT_BYTES = 6 * 1024 * 1024;

export const IMPORT_EXTENSIONS = ['.geojson', '.json', '.kml'] as const;

export type ImportFormat = 'geojson' | 'kml';
export type XmlParser = (text: string) => Document;

export interface ImportFile {
	format: ImportFormat;
	features: Feature[];
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function checkFileSize(bytes: number): void {
	if (bytes > MAX_IMPORT_BYTES) {
		throw new ImportError([`the file is too large: ${megabytes(bytes)}, the most one import takes is ${megabytes(MAX_IMPORT_BYTES)} (split it, or import one layer at a time)`]);
	}
}

export function formatOf(fileName: string, text: string): ImportFormat {
	const name = fileName.toLowerCase();
	if (name.endsWith('.kml')) return 'kml';
	if (name.endsWith('.geojson') || name.endsWith('.json')) return 'geojson';
	if (name.endsWith('.kmz')) throw new ImportError(['KMZ (zipped KML) is not supported: unzip it and import the doc.kml inside']);
	return text.trimStart().startsWith('<') ? 'kml' : 'geojson';
}

function describeType(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	if (typeof value !== 'object') return typeof value;
	const type = (value as { type?: unknown }).type;
	return typeof type === 'string' ? `type "${type.slice(0, 40)}"` : 'an object without a "type"';
}

export function readGeoJson(text: string): Feature[] {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error) {
		throw new ImportError([`not JSON: ${(error as Error).message}`]);
	}
	const type = (data as { type?: unknown } | null)?.type;
	if (type === 'Feature') return [data as Feature];
	if (type !== 'FeatureCollection') {
		throw new ImportError([`not a GeoJSON FeatureCollection: the file holds ${describeType(data)}`]);
	}
	const features = (data as { features?: unknown }).features;
	if (!Array.isArray(features)) throw new ImportError(['not a GeoJSON FeatureCollection: it has no "features" array']);
	return features as Feature[];
}

export function readKml(text: string, parseXml: XmlParser): Feature[] {
	let document: Document;
	try {
		document = parseXml(text);
	} catch (error) {
		throw new ImportError([`not well-formed XML: ${(error as Error).message.split('\n')[0]}`]);
	}
	const broken = document.getElementsByTagName('parsererror')[0];
	if (broken) throw new ImportError([`not well-formed XML: ${(broken.textContent ?? '').trim().split('\n')[0]}`]);
	const root = document.documentElement;
	if (!root || root.localName !== 'kml') throw new ImportError([`not KML: the root element is <${root?.localName ?? 'nothing'}>, not <kml>`]);
	return (kml(document) as FeatureCollection).features as Feature[];
}

export function readImportFile(fileName: string, text: string, parseXml: XmlParser): ImportFile {
	checkFileSize(new TextEncoder().encode(text).byteLength);
	const format = formatOf(fileName, text);
	const features = format === 'kml' ? readKml(text, parseXml) : readGeoJson(text);
	if (features.length === 0) throw new ImportError(['the file holds no features']);
	return { format, features };
}
