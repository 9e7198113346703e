/**
 * [X5] Exports escape what users wrote: CSV cells a spreadsheet would run as formulas are defused
 * and quoted per RFC 4180; KML text is XML-escaped, its balloon HTML-escaped as well, and only
 * http(s) sources become links. Colours come from the legend.
 */
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { reportsToCsv, textCell } from '../../src/lib/interchange/csv-export';
import { kmlColour, recordsToKml } from '../../src/lib/interchange/kml-export';
import { SIDE_COLOURS } from '../../src/lib/legend/front-legend';
import type { Report } from '../../src/lib/model/report';
import { contentDisposition, exportFileName } from '../../src/lib/protocol/export';

const report = (fields: Partial<Report>): Report => ({
	id: 'r1',
	text: 'x',
	eventTime: Date.parse('2022-09-10T06:00:00Z'),
	sources: [],
	links: [],
	confidence: 'likely',
	gradeHistory: [],
	...fields
});

describe('[X5] exports escape user text', () => {
	it('CSV defuses formulas and quotes per RFC 4180', () => {
		expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx'].map(textCell)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx"]);
		expect(textCell('a "b", c\nd')).toBe('"a ""b"", c\nd"');
		const csv = reportsToCsv({ reports: [report({ text: '=HYPERLINK("http://evil")', place: { lat: -33.5, lng: 18 }, createdBy: '@me' })], sectors: [] });
		const [header, row] = csv.replace(/^\uFEFF/, '').split('\r\n');
		expect(header!.split(',')).toContain('sourceUrls');
		expect(row).toContain(`"'=HYPERLINK(""http://evil"")"`);
		expect(row).toContain(',-33.5,18,');
		expect(row).toContain(",'@me,");
	});

	it('KML escapes names and balloons, links only http(s) sources, colours from the legend', () => {
		const kml = recordsToKml(
			{
				pins: [{ id: '1pin', name: '<script>alert(1)</script> & co &lt;b&gt;', lat: 50, lng: 36, kind: 'town', side: 'unknown', control: 'ukraine' }],
				fronts: [{ id: 'f', kind: 'line', points: [[49, 36], [50, 37]], label: 'L', side: 'ukraine', state: 'ongoing' }],
				reports: [report({ place: { lat: 50, lng: 36 }, sources: [{ url: 'https://example.org/?a=1&b=2' }, { url: 'javascript:alert(1)' }], text: ']]> <img onerror=x>' })],
				sectors: []
			},
			{ title: 'Board "one" <b>' }
		);
		const document = new DOMParser().parseFromString(kml, 'application/xml');
		expect(document.documentElement!.namespaceURI).toBe('http://www.opengis.net/kml/2.2');
		const names = Array.from(document.getElementsByTagName('name')).map((node) => node.textContent);
		expect(names).toEqual(expect.arrayContaining(['Board "one" <b>', '<script>alert(1)</script> & co &lt;b&gt;']));
		const balloons = Array.from(document.getElementsByTagName('description')).map((node) => node.textContent ?? '');
		const reportBalloon = balloons.find((text) => text.includes('img'))!;
		expect(reportBalloon).toContain('&lt;img onerror=x&gt;');
		expect(reportBalloon).toContain('<a href="https://example.org/?a=1&amp;b=2">example.org</a>');
		expect(reportBalloon).not.toContain('javascript:');
		expect(kml).not.toContain('<script>');
		expect(kml).toContain(`<color>${kmlColour(SIDE_COLOURS.ukraine, 0.95)}</color>`);
	});

	it('names the file after the board and the date, safely', () => {
		const name = exportFileName({ title: 'Kharkiv: "autumn" / 2022', sectorName: 'Izyum', at: Date.parse('2022-09-11T10:00:00Z') }, 'kml');
		expect(name).toBe('Kharkiv autumn 2022 - Izyum 2022-09-11.kml');
		expect(contentDisposition('Київ 2022-09-11.csv')).toBe(`attachment; filename="____ 2022-09-11.csv"; filename*=UTF-8''%D0%9A%D0%B8%D1%97%D0%B2%202022-09-11.csv`);
	});
});
