/**
 * docs/model.md is a contract for third-party clients: a stock y-websocket client reads the demo
 * board's fronts, reports and sectors straight from the documented layout, without our code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEMO_BOARD_ID } from '../../src/lib/protocol/boards';
import { startServer, type ServerProcess } from '../helpers/server-process';
import { connectSynced } from '../helpers/yjs-client';

let server: ServerProcess;
beforeAll(async () => {
	server = await startServer({ env: { SEED_DEMO: 'true' } });
});
afterAll(async () => {
	await server?.stop();
});

const records = (doc: Y.Doc, name: string) => [...doc.getMap<Y.Map<unknown>>(name).entries()].map(([id, map]) => ({ id, map }));

describe('the documented layout, read by a stock client', () => {
	it('fronts are Y.Maps with kind, [lat, lng] points, side and state', async () => {
		const client = await connectSynced(server.wsUrl, DEMO_BOARD_ID, 'third-party');
		const fronts = records(client.doc, 'fronts');
		expect(fronts.length).toBeGreaterThan(5);
		for (const { id, map } of fronts) {
			expect(id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
			expect(map).toBeInstanceOf(Y.Map);
			expect(['line', 'arrow', 'area']).toContain(map.get('kind'));
			const points = map.get('points') as [number, number][];
			expect(points.length).toBeGreaterThanOrEqual(2);
			for (const [lat, lng] of points) expect(Math.abs(lat) <= 90 && Math.abs(lng) <= 180 && lat > 40 && lng > 25).toBe(true);
		}
		const kinds = new Set(fronts.map(({ map }) => map.get('kind')));
		expect(kinds).toEqual(new Set(['line', 'arrow', 'area']));
		expect(fronts.some(({ map }) => map.get('state') === 'predicted')).toBe(true);
		client.destroy();
	});

	it('reports carry text, an epoch-ms event time, a grade with its history, and http(s) sources', async () => {
		const client = await connectSynced(server.wsUrl, DEMO_BOARD_ID, 'third-party');
		const reports = records(client.doc, 'reports');
		expect(reports.length).toBeGreaterThan(20);
		for (const { map } of reports) {
			expect(typeof map.get('text')).toBe('string');
			expect(map.get('eventTime')).toBeGreaterThan(Date.parse('2022-09-01'));
			const history = map.get('gradeHistory') as { confidence: string }[];
			expect(history.at(-1)?.confidence).toBe(map.get('confidence'));
			for (const source of (map.get('sources') as { url: string }[] | undefined) ?? []) expect(source.url).toMatch(/^https?:\/\//);
		}
		client.destroy();
	});

	it('sectors are named areas; meta has the title and home view', async () => {
		const client = await connectSynced(server.wsUrl, DEMO_BOARD_ID, 'third-party');
		const names = records(client.doc, 'sectors').map(({ map }) => map.get('name'));
		expect(names).toEqual(expect.arrayContaining(['Kherson', 'Lyman', 'Izyum']));
		for (const { map } of records(client.doc, 'sectors')) {
			expect(map.get('colour')).toMatch(/^#[0-9a-f]{6}$/i);
			expect((map.get('area') as unknown[]).length).toBeGreaterThanOrEqual(3);
		}
		const meta = client.doc.getMap('meta');
		expect(meta.get('title')).toMatch(/Kharkiv/);
		expect(meta.get('homeView')).toMatchObject({ zoom: expect.any(Number) });
		client.destroy();
	});
});
