/**
 * [X1] Export and import against the real server: the demo board exported over HTTP as GeoJSON
 * and as KML, each imported into an empty board through a real Yjs client (one change, by the
 * importer), exports again as the same features, geometry and key properties. The files open in
 * GDAL without a warning and with the right count per layer; the KML is well-formed for xmllint.
 * The endpoints name bad requests and honour board access.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Feature, FeatureCollection, Position } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyImport } from '../../src/lib/interchange/apply-import';
import { readImportFile } from '../../src/lib/interchange/import-file';
import { planImport } from '../../src/lib/interchange/import-plan';
import { readAll } from '../../src/lib/model/records';
import { ACCESS_API, type CreatedBoard } from '../../src/lib/protocol/access';
import { DEMO_BOARD_ID } from '../../src/lib/protocol/boards';
import { exportUrl, type ExportFormat } from '../../src/lib/protocol/export';
import { HISTORY_API, type HistorySummary } from '../../src/lib/protocol/history';
import { ogrLayers, run, toolAvailable } from '../helpers/gis-tools';
import { createBoard, getJson, postJson } from '../helpers/http';
import { startServer, tempDataDir, type ServerProcess } from '../helpers/server-process';
import { waitFor } from '../helpers/wait-for';
import { parseXml } from '../helpers/xml-parser';
import { connectSynced } from '../helpers/yjs-client';

let server: ServerProcess;
const files = tempDataDir('sb-export');
beforeAll(async () => {
	server = await startServer({ env: { SEED_DEMO: 'true' } });
});
afterAll(async () => {
	await server?.stop();
	fs.rmSync(files, { recursive: true, force: true });
});

async function download(boardId: string, format: ExportFormat, query: { sector?: string; at?: number } = {}, secret?: string) {
	const response = await fetch(`${server.url}${exportUrl(boardId, format, query)}`, { headers: secret ? { authorization: `Bearer ${secret}` } : {} });
	return { status: response.status, headers: response.headers, text: await response.text() };
}

async function saved(format: ExportFormat): Promise<string> {
	const { status, text } = await download(DEMO_BOARD_ID, format);
	expect(status).toBe(200);
	const file = path.join(files, `demo.${format}`);
	fs.writeFileSync(file, text);
	return file;
}

const KEY_PROPERTIES = ['layer', 'name', 'text', 'kind', 'side', 'status', 'grade', 'eventTime', 'admiralty', 'sources', 'links', 'sector', 'sectorName', 'note', 'colour', 'unitType', 'echelon', 'controlSince'];
const TOLERANCE = 1e-9;

function positions(feature: Feature): Position[] {
	const geometry = feature.geometry;
	if (geometry.type === 'Point') return [geometry.coordinates];
	if (geometry.type === 'LineString') return geometry.coordinates;
	if (geometry.type === 'Polygon') return geometry.coordinates[0]!;
	throw new Error(`unexpected ${geometry.type}`);
}

function expectSameBoard(copy: FeatureCollection, original: FeatureCollection): void {
	const byId = new Map(copy.features.map((feature) => [feature.id, feature]));
	expect([...byId.keys()].sort()).toEqual(original.features.map((feature) => feature.id).sort());
	for (const feature of original.features) {
		const twin = byId.get(feature.id)!;
		expect(twin.geometry.type, String(feature.id)).toBe(feature.geometry.type);
		const [a, b] = [positions(feature), positions(twin)];
		expect(b.length).toBe(a.length);
		a.forEach(([lng, lat], i) => {
			expect(Math.abs(b[i]![0]! - lng!)).toBeLessThan(TOLERANCE);
			expect(Math.abs(b[i]![1]! - lat!)).toBeLessThan(TOLERANCE);
		});
		const pick = (properties: Record<string, unknown> | null) => Object.fromEntries(KEY_PROPERTIES.filter((key) => properties?.[key] !== undefined).map((key) => [key, properties![key]]));
		expect(pick(twin.properties), String(feature.id)).toEqual(pick(feature.properties));
	}
}

async function importInto(format: ExportFormat): Promise<void> {
	const exported = await download(DEMO_BOARD_ID, format);
	const board = await createBoard(server.url, `Copy via ${format}`);
	const client = await connectSynced(server.wsUrl, board.id, 'Importer');
	try {
		const plan = planImport(readImportFile(`demo.${format}`, exported.text, parseXml), { pins: [], fronts: [], reports: [], sectors: [] });
		const before = (await getJson(`${server.url}${HISTORY_API.summary(board.id)}`)).body as HistorySummary;
		applyImport(client.doc, plan, { actor: 'Importer' });
		const original = JSON.parse((await download(DEMO_BOARD_ID, 'geojson')).text) as FeatureCollection;
		// Read back from the server, not the client: the import must have been accepted and logged.
		const copy = await waitFor(
			async () => {
				const again = JSON.parse((await download(board.id, 'geojson')).text) as FeatureCollection;
				return again.features.length === original.features.length ? again : null;
			},
			{ what: `the ${format} import to reach the server` }
		);
		expectSameBoard(copy, original);
		const after = (await getJson(`${server.url}${HISTORY_API.summary(board.id)}`)).body as HistorySummary;
		expect(after.count - before.count).toBe(1);
		expect(after.actors.map((actor) => actor.actor)).toContain('Importer');
		expect(readAll(client.doc, 'pins').every((pin) => pin.createdBy === 'Importer')).toBe(true);
	} finally {
		client.destroy();
	}
}

describe('[X1] round trip through the server', () => {
	it('GeoJSON export → import into an empty board → the same board', () => importInto('geojson'));
	it('KML export → import into an empty board → the same board', () => importInto('kml'));
});

describe('[X2] the exports open in standard GIS readers', () => {
	it('GDAL reads the GeoJSON with no warning, one feature per placed thing', async ({ skip }) => {
		if (!toolAvailable('ogrinfo')) return skip('ogrinfo (gdal-bin) is not installed');
		const file = await saved('geojson');
		const data = JSON.parse(fs.readFileSync(file, 'utf8')) as FeatureCollection;
		const { layers, stderr } = ogrLayers(file);
		expect(stderr).toBe('');
		expect(layers).toEqual({ demo: data.features.length });
		for (const layer of ['pin', 'front', 'report', 'sector']) {
			const expected = data.features.filter((feature) => feature.properties?.layer === layer).length;
			expect(expected).toBeGreaterThan(0);
			expect(ogrLayers(file, `layer = '${layer}'`).layers.demo).toBe(expected);
		}
	});

	it('GDAL reads the KML with no warning, one layer per folder with the right counts', async ({ skip }) => {
		if (!toolAvailable('ogrinfo')) return skip('ogrinfo (gdal-bin) is not installed');
		const file = await saved('kml');
		const data = JSON.parse((await download(DEMO_BOARD_ID, 'geojson')).text) as FeatureCollection;
		const count = (layer: string) => data.features.filter((feature) => feature.properties?.layer === layer).length;
		const { layers, stderr, stdout } = ogrLayers(file);
		expect(stderr).toBe('');
		expect(stdout).not.toMatch(/warning|error/i);
		expect(layers).toEqual({ Sectors: count('sector'), Fronts: count('front'), Pins: count('pin'), Reports: count('report') });
	});

	it('the KML is well-formed, in the KML 2.2 namespace throughout', async ({ skip }) => {
		if (!toolAvailable('xmllint')) return skip('xmllint (libxml2-utils) is not installed');
		const file = await saved('kml');
		const lint = run('xmllint', ['--noout', '--nonet', file]);
		expect(lint.stderr).toBe('');
		expect(lint.status).toBe(0);
		const document = parseXml(fs.readFileSync(file, 'utf8'));
		const elements = Array.from(document.getElementsByTagName('*'));
		expect(document.documentElement.localName).toBe('kml');
		expect(elements.filter((element) => element.namespaceURI !== 'http://www.opengis.net/kml/2.2')).toEqual([]);
	});
});

describe('[X3] the export endpoints', () => {
	it('answer an attachment named after the board and the day, with the right type', async () => {
		const csv = await download(DEMO_BOARD_ID, 'csv', { at: Date.parse('2022-09-10T00:00:00Z') });
		expect(csv.status).toBe(200);
		expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="Kharkiv[^"]* 2022-09-10\.csv"; filename\*=UTF-8''Kharkiv/);
		const rows = csv.text.trim().split('\r\n');
		expect(rows[0]).toMatch(/^id,eventTime,postedAt/);
		// fetch's text() drops the byte-order mark; the bytes must start with it (Excel reads UTF-8 by it).
		const bytes = new Uint8Array(await (await fetch(`${server.url}${exportUrl(DEMO_BOARD_ID, 'csv')}`)).arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const now = await download(DEMO_BOARD_ID, 'csv');
		expect(now.text.trim().split('\r\n').length).toBeGreaterThan(rows.length);
	});

	it('export one sector: the sector and what is in it', async () => {
		const whole = JSON.parse((await download(DEMO_BOARD_ID, 'geojson')).text) as FeatureCollection;
		const sector = whole.features.find((feature) => feature.properties?.layer === 'sector')!;
		const slice = JSON.parse((await download(DEMO_BOARD_ID, 'geojson', { sector: String(sector.id) })).text) as FeatureCollection;
		expect(slice.features.length).toBeGreaterThan(1);
		expect(slice.features.length).toBeLessThan(whole.features.length);
		expect(slice.features.every((feature) => feature.id === sector.id || feature.properties?.sector === sector.id)).toBe(true);
	});

	it('name a bad moment, an unknown sector and an unknown board', async () => {
		const badAt = await fetch(`${server.url}/api/boards/${DEMO_BOARD_ID}/export.kml?at=yesterday`);
		expect(badAt.status).toBe(400);
		expect(await badAt.json()).toEqual({ error: { code: 'invalid', message: 'at must be epoch milliseconds or an ISO date-time, got "yesterday"', field: 'at' } });
		const badSector = await download(DEMO_BOARD_ID, 'geojson', { sector: 'nowhere' });
		expect(badSector.status).toBe(404);
		expect(JSON.parse(badSector.text)).toEqual({ error: { code: 'not_found', message: 'no sector "nowhere" on this board', field: 'sector' } });
		expect((await download('no-such-board', 'csv')).status).toBe(404);
		expect((await fetch(`${server.url}/api/boards/${DEMO_BOARD_ID}/export.xlsx`)).status).toBe(404);
	});

	it('honour access: a private board needs a token (401 without, 200 for a viewer)', async () => {
		const created = (await postJson(`${server.url}/api/boards`, { title: 'Secret' })).body as CreatedBoard;
		const owner = created.ownerToken.token;
		const auth = { 'content-type': 'application/json', authorization: `Bearer ${owner}` };
		expect((await postJson(`${server.url}${ACCESS_API.access(created.id)}`, { mode: 'private' }, auth)).status).toBe(200);
		for (const format of ['geojson', 'kml', 'csv'] as const) {
			const refused = await download(created.id, format);
			expect(refused.status).toBe(401);
			expect(JSON.parse(refused.text).error.code).toBe('unauthorized');
			expect((await download(created.id, format, {}, 'wrong-token')).status).toBe(401);
		}
		const viewer = (await postJson(`${server.url}${ACCESS_API.tokens(created.id)}`, { role: 'viewer' }, auth)).body as { token: string };
		expect((await download(created.id, 'geojson', {}, viewer.token)).status).toBe(200);
	});
});
