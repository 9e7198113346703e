import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardToGeoJSON } from '../../src/lib/model/geojson';
import { drawFront, removeFront, reshapeFront, updateFront } from '../../src/lib/model/front-operations';
import { readMeta, renameBoard, setHomeView } from '../../src/lib/model/meta-operations';
import { addPin } from '../../src/lib/model/pin-operations';
import { readAll, readRecord } from '../../src/lib/model/records';
import { gradeReport, postReport } from '../../src/lib/model/report-operations';
import { addSector, updateSector } from '../../src/lib/model/sector-operations';
import { ModelValidationError } from '../../src/lib/model/validation-error';

describe('fronts', () => {
	it('draws, reshapes, restyles and removes a front', () => {
		const doc = new Y.Doc();
		const id = drawFront(doc, { kind: 'arrow', points: [[49.46, 36.86], [49.71, 37.61]], side: 'ukraine', label: 'to Kupiansk' });
		reshapeFront(doc, id, [[49.46, 36.86], [49.6, 37.2], [49.71, 37.61]]);
		updateFront(doc, id, { state: 'halted' });
		expect(readRecord(doc, 'fronts', id)).toMatchObject({ kind: 'arrow', state: 'halted', side: 'ukraine', label: 'to Kupiansk' });
		expect(readRecord(doc, 'fronts', id)?.points).toHaveLength(3);
		removeFront(doc, id);
		expect(readAll(doc, 'fronts')).toEqual([]);
	});

	it('refuses an area with fewer than three points and a vertex off the globe', () => {
		const doc = new Y.Doc();
		expect(() => drawFront(doc, { kind: 'area', points: [[1, 1], [2, 2]] })).toThrow(/at least 3 points/);
		const id = drawFront(doc, { kind: 'line', points: [[1, 1], [2, 2]] });
		expect(() => reshapeFront(doc, id, [[1, 1], [200, 2]])).toThrow(ModelValidationError);
		expect(() => reshapeFront(doc, id, [[1, 1]])).toThrow(/at least 2 points/);
	});
});

describe('reports', () => {
	it('posts a report and keeps every grade it has had', () => {
		const doc = new Y.Doc();
		const id = postReport(
			doc,
			{ text: 'Reports that Kupyansk has fallen', eventTime: 1, confidence: 'unconfirmed', sources: [{ url: 'https://example.org/a' }] },
			{ actor: 'Taras', now: 10 }
		);
		gradeReport(doc, id, 'confirmed', { actor: 'Maya', now: 20 });
		const report = readRecord(doc, 'reports', id);
		expect(report?.confidence).toBe('confirmed');
		expect(report?.gradeHistory).toEqual([
			{ confidence: 'unconfirmed', at: 10, by: 'Taras' },
			{ confidence: 'confirmed', at: 20, by: 'Maya' }
		]);
	});

	it.each(['javascript:alert(1)', 'data:text/html,x', 'ftp://example.org', 'not a url'])('refuses the source link %s', (url) => {
		const doc = new Y.Doc();
		expect(() => postReport(doc, { text: 'x', eventTime: 1, sources: [{ url }] })).toThrow(/http\(s\) link/);
	});

	it('refuses an empty report and an unknown grade', () => {
		const doc = new Y.Doc();
		expect(() => postReport(doc, { text: ' ', eventTime: 1 })).toThrow(ModelValidationError);
		const id = postReport(doc, { text: 'x', eventTime: 1 });
		expect(() => gradeReport(doc, id, 'certain' as never)).toThrow(ModelValidationError);
	});
});

describe('sectors and meta', () => {
	it('adds and updates a sector, refusing a bad colour', () => {
		const doc = new Y.Doc();
		const id = addSector(doc, { id: 'sector-izyum', name: 'Izyum', colour: '#aa3311', area: [[49, 36], [50, 37], [49, 38]] });
		updateSector(doc, id, { name: 'Izium' });
		expect(readRecord(doc, 'sectors', id)).toMatchObject({ name: 'Izium', colour: '#aa3311' });
		expect(() => updateSector(doc, id, { colour: 'red' })).toThrow(/#rrggbb/);
	});

	it('renames the board and sets its home view', () => {
		const doc = new Y.Doc();
		renameBoard(doc, 'Kherson watch');
		setHomeView(doc, { lat: 46.6, lng: 32.6, zoom: 8 });
		expect(readMeta(doc)).toEqual({ title: 'Kherson watch', homeView: { lat: 46.6, lng: 32.6, zoom: 8 } });
		expect(() => renameBoard(doc, '')).toThrow(ModelValidationError);
	});
});

describe('GeoJSON', () => {
	it('writes [lng, lat] positions and closes area rings', () => {
		const doc = new Y.Doc();
		addPin(doc, { id: 'pin-k', name: 'Kupiansk', lat: 49.71, lng: 37.61 });
		drawFront(doc, { id: 'front-p', kind: 'area', points: [[46.6, 32.6], [46.9, 33.4], [46.5, 33.6]] });
		const collection = boardToGeoJSON(doc);
		const pin = collection.features.find((feature) => feature.id === 'pin-k');
		const area = collection.features.find((feature) => feature.id === 'front-p');
		expect(pin?.geometry).toEqual({ type: 'Point', coordinates: [37.61, 49.71] });
		expect(pin?.properties).toMatchObject({ layer: 'pin', name: 'Kupiansk' });
		expect(area?.geometry).toEqual({
			type: 'Polygon',
			coordinates: [[[32.6, 46.6], [33.4, 46.9], [33.6, 46.5], [32.6, 46.6]]]
		});
	});
});
