/**
 * [I1] Importing GeoJSON and KML: every named problem stops the whole file with a message saying
 * where and what; a good file maps to model records, keeps what the model has no field for in the
 * note, and lands as one transaction attributed to the importer.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyImport } from '../../src/lib/interchange/apply-import';
import { ImportError } from '../../src/lib/interchange/import-error';
import { MAX_IMPORT_BYTES, readImportFile } from '../../src/lib/interchange/import-file';
import { planImport, type ImportPlan } from '../../src/lib/interchange/import-plan';
import { importedPoints } from '../../src/lib/interchange/imported-points';
import { recordsToKml } from '../../src/lib/interchange/kml-export';
import { BOARD_LIMITS } from '../../src/lib/model/board-limits';
import { boardToGeoJSON, type BoardRecords } from '../../src/lib/model/geojson';
import { addPin } from '../../src/lib/model/pin-operations';
import { readAll } from '../../src/lib/model/records';
import { parseXml } from '../helpers/xml-parser';

const EMPTY: BoardRecords = { pins: [], fronts: [], reports: [], sectors: [] };
const point = (lng: number, lat: number, properties: Record<string, unknown> = {}) => ({
	type: 'Feature',
	properties,
	geometry: { type: 'Point', coordinates: [lng, lat] }
});
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

function plan(text: string, name = 'file.geojson', board = EMPTY): ImportPlan {
	return planImport(readImportFile(name, text, parseXml), board);
}

function problemOf(run: () => unknown): string {
	try {
		run();
	} catch (error) {
		if (error instanceof ImportError) return error.message;
		throw error;
	}
	throw new Error('expected an ImportError');
}

describe('[I1] a file that cannot be imported says why', () => {
	it('not JSON', () => expect(problemOf(() => plan('{"type": "FeatureCollection",'))).toMatch(/^not JSON: /));
	it('not a FeatureCollection', () => expect(problemOf(() => plan('{"type":"Point","coordinates":[1,2]}'))).toBe('not a GeoJSON FeatureCollection: the file holds type "Point"'));
	it('no features array', () => expect(problemOf(() => plan('{"type":"FeatureCollection"}'))).toMatch(/no "features" array/));
	it('no features at all', () => expect(problemOf(() => plan(collection()))).toBe('the file holds no features'));
	it('coordinates out of range, naming the feature', () => {
		const features = Array.from({ length: 11 }, (_, i) => point(30 + i * 0.1, 50, { name: `P${i}` }));
		expect(problemOf(() => plan(collection(...features, point(36, 95.2))))).toBe(
			'feature 12: coordinates out of range: latitude 95.2 is not within -90…90 (GeoJSON is [longitude, latitude])'
		);
		expect(problemOf(() => plan(collection(point(200, 10))))).toMatch(/^feature 1: coordinates out of range: longitude 200/);
	});
	it('unsupported geometry', () => {
		const multi = { type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates: [[1, 2]] } };
		expect(problemOf(() => plan(collection(point(1, 2), multi)))).toMatch(/^feature 2: unsupported geometry MultiPoint \(use Point, LineString or Polygon/);
	});
	it('no geometry, and a line too short', () => {
		const none = { type: 'Feature', properties: {}, geometry: null };
		const short = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[1, 2]] } };
		expect(problemOf(() => plan(collection(none, short)))).toBe('feature 1: has no geometry (and 1 more problem)');
	});
	it('a layer on the wrong geometry', () => {
		const line = { type: 'Feature', properties: { layer: 'pin', name: 'x' }, geometry: { type: 'LineString', coordinates: [[1, 2], [3, 4]] } };
		expect(problemOf(() => plan(collection(line)))).toBe('feature 1: a pin must be a Point, not a LineString');
	});
	it('a record the model refuses, naming the field', () => {
		expect(problemOf(() => plan(collection(point(1, 2, { layer: 'report', text: ' ' }))))).toMatch(/^feature 1 \(report ""\): text/);
		const badSource = point(1, 2, { layer: 'report', text: 'x', sources: [{ url: 'javascript:alert(1)' }] });
		expect(problemOf(() => plan(collection(badSource)))).toMatch(/sources\.0\.url a source must be an http\(s\) link/);
	});
	it('too large for the board or for one change', () => {
		const board = { ...EMPTY, sectors: Array.from({ length: BOARD_LIMITS.records.sectors }, (_, i) => ({ id: `s${i}`, name: `S${i}`, colour: '#000000', area: [] })) };
		const square = { type: 'Feature', properties: { layer: 'sector', name: 'New' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } };
		expect(problemOf(() => plan(collection(square), 'f.geojson', board))).toBe('too many sectors: the file adds 1, this board has room for 0 more (at most 200)');
		expect(problemOf(() => readImportFile('big.geojson', ' '.repeat(MAX_IMPORT_BYTES + 1), parseXml))).toMatch(/^the file is too large: 6\.0 MB/);
	});
	it('KML that is not well-formed, or not KML', () => {
		expect(problemOf(() => plan('<kml><Document>', 'a.kml'))).toMatch(/^not well-formed XML: /);
		expect(problemOf(() => plan('<gpx></gpx>', 'a.kml'))).toBe('not KML: the root element is <gpx>, not <kml>');
		expect(problemOf(() => plan('x', 'a.kmz'))).toMatch(/KMZ/);
	});
});

describe('[I2] a foreign file maps onto the board', () => {
	it('points become pins, lines fronts, polygons areas; the rest is kept in the note', () => {
		const result = plan(
			collection(
				point(36.23, 49.99, { NAME: 'Kharkiv', population: 1400000, side: 'ukraine', kind: 'restaurant', 'marker-color': '#f00' }),
				{ type: 'Feature', properties: { title: 'Road' }, geometry: { type: 'LineString', coordinates: [[36, 49, 120], [37, 50, 130]] } },
				{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]], [[0.2, 0.2], [0.3, 0.2], [0.3, 0.3], [0.2, 0.2]]] } }
			)
		);
		expect(result.pins).toEqual([expect.objectContaining({ name: 'Kharkiv', lat: 49.99, lng: 36.23, side: 'ukraine', kind: 'other', note: 'population: 1400000\nkind: restaurant' })]);
		expect(result.fronts.map((front) => [front.kind, front.label, front.points])).toEqual([
			['line', 'Road', [[49, 36], [50, 37]]],
			['area', '', [[0, 0], [0, 1], [1, 1]]]
		]);
		expect(result.mapping).toEqual(expect.arrayContaining([
			{ property: 'NAME', target: 'name', features: 1 },
			{ property: 'population', target: 'note', features: 1 },
			{ property: 'marker-color', target: 'ignored: style', features: 1 }
		]));
		expect(result.warnings).toEqual(expect.arrayContaining([
			'feature 1: kind "restaurant" is not one the board knows; kept in the note',
			'feature 3: 1 hole(s) dropped: areas have one outline',
			'altitudes (third coordinates) dropped: the board is flat'
		]));
	});

	it('applies as one transaction attributed to the importer, keeping free ids and fresh ones for taken', () => {
		const doc = new Y.Doc();
		addPin(doc, { id: 'taken', name: 'Existing', lat: 1, lng: 1 });
		const board = { ...EMPTY, pins: readAll(doc, 'pins') };
		const file = collection({ ...point(2, 2, { name: 'A' }), id: 'taken' }, { ...point(3, 3, { name: 'B' }), id: 'free' });
		const result = plan(file, 'x.geojson', board);
		let transactions = 0;
		doc.on('afterTransaction', () => transactions++);
		applyImport(doc, result, { actor: 'Importer', now: 1000 });
		expect(transactions).toBe(1);
		const pins = readAll(doc, 'pins');
		expect(pins).toHaveLength(3);
		expect(pins.find((pin) => pin.name === 'B')?.id).toBe('free');
		expect(pins.find((pin) => pin.name === 'A')?.id).not.toBe('taken');
		expect(pins.filter((pin) => pin.name !== 'Existing').every((pin) => pin.createdBy === 'Importer')).toBe(true);
	});

	it('says where the import landed: every vertex it adds, as [lat, lng]', () => {
		const result = plan(
			collection(
				point(36.23, 49.99, { name: 'Kharkiv' }),
				{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[36, 49], [37, 50]] } }
			)
		);
		expect(importedPoints(result)).toEqual([[49, 36], [50, 37], [49.99, 36.23]]);
	});
});

describe('[I3] our own export comes back as it left', () => {
	function demoDoc(): Y.Doc {
		const doc = new Y.Doc();
		const lines = collection(
			point(36.6, 49.7, { name: 'Kupiansk <b>&</b>', kind: 'city', status: 'contested', note: 'rail hub' }),
			{ type: 'Feature', id: 'sector-1', properties: { layer: 'sector', name: 'Izyum', colour: '#0e7490' }, geometry: { type: 'Polygon', coordinates: [[[36, 49], [38, 49], [38, 50], [36, 50], [36, 49]]] } },
			{ type: 'Feature', properties: { layer: 'front', name: 'Push', kind: 'arrow', side: 'russia', status: 'predicted' }, geometry: { type: 'LineString', coordinates: [[36.1, 49.1], [37, 49.5]] } },
			point(37, 49.4, { layer: 'report', text: '=cmd|x "quoted"', grade: 'likely', eventTime: '2022-09-10T06:00:00Z', admiralty: 'B2', sources: [{ url: 'https://example.org/a?b=1&c=2', title: 'Wire' }] })
		);
		applyImport(doc, plan(lines), { actor: 'Seed' });
		return doc;
	}
	const records = (doc: Y.Doc): BoardRecords => ({ pins: readAll(doc, 'pins'), fronts: readAll(doc, 'fronts'), reports: readAll(doc, 'reports'), sectors: readAll(doc, 'sectors') });
	const essentials = (doc: Y.Doc) => {
		const { pins, fronts, reports, sectors } = records(doc);
		return {
			pins: pins.map(({ createdAt: _a, createdBy: _b, ...pin }) => pin),
			fronts: fronts.map(({ createdAt: _a, createdBy: _b, ...front }) => front),
			reports: reports.map(({ createdAt: _a, createdBy: _b, gradeHistory: _g, ...report }) => report),
			sectors: sectors.map(({ createdAt: _a, createdBy: _b, ...sector }) => sector)
		};
	};

	it('through GeoJSON', () => {
		const original = demoDoc();
		const copy = new Y.Doc();
		applyImport(copy, plan(JSON.stringify(boardToGeoJSON(original))), { actor: 'Copier' });
		expect(essentials(copy)).toEqual(essentials(original));
		// A foreign point (no layer) gets its sector from where it lies.
		expect(readAll(original, 'pins')[0]!.sector).toBe('sector-1');
	});

	it('through KML', () => {
		const original = demoDoc();
		const copy = new Y.Doc();
		applyImport(copy, plan(recordsToKml(records(original), { title: 'T' }), 'board.kml'), { actor: 'Copier' });
		expect(essentials(copy)).toEqual(essentials(original));
	});
});
