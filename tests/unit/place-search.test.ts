/**
 * Search over the real gazetteer, built from the packaged GeoNames data by the same script as
 * `npm run build` (a no-op when the file is up to date) and read from disk: no network involved.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { indexFromText } from '../../src/lib/search/load-gazetteer';
import type { PlaceIndex, PlaceMatch } from '../../src/lib/search/place-index';

const ROOT = path.resolve(import.meta.dirname, '../..');
let index: PlaceIndex;
let buildMs = 0;

beforeAll(() => {
	execFileSync(process.execPath, ['scripts/build-gazetteer.mjs'], { cwd: ROOT, stdio: 'pipe' });
	const text = fs.readFileSync(path.join(ROOT, 'static/gazetteer.json'), 'utf8');
	const started = performance.now();
	index = indexFromText(text);
	buildMs = performance.now() - started;
}, 120_000);

const top = (query: string): PlaceMatch => {
	const [first] = index.search(query);
	if (!first) throw new Error(`nothing found for "${query}"`);
	return first;
};

/** [what commentary wrote, the town, its country, roughly where] */
const SPELLINGS: [string, string, string, [number, number]][] = [
	['Izyum', 'Izium', 'UA', [49.21, 37.27]],
	['Izium', 'Izium', 'UA', [49.21, 37.27]],
	['Izjum', 'Izium', 'UA', [49.21, 37.27]],
	['Изюм', 'Izium', 'UA', [49.21, 37.27]],
	['Kupyansk', 'Kupiansk', 'UA', [49.71, 37.62]],
	['Kupiansk', 'Kupiansk', 'UA', [49.71, 37.62]],
	['Kupjansk', 'Kupiansk', 'UA', [49.71, 37.62]],
	['Lyschansk', 'Lysychansk', 'UA', [48.9, 38.44]],
	['Lisichansk', 'Lysychansk', 'UA', [48.9, 38.44]],
	['Lysychansk', 'Lysychansk', 'UA', [48.9, 38.44]],
	['Belgograd', 'Belgorod', 'RU', [50.61, 36.58]],
	['Belgorod', 'Belgorod', 'RU', [50.61, 36.58]],
	['Severodonetsk', 'Sievierodonetsk', 'UA', [48.95, 38.49]],
	['Sievierodonetsk', 'Sievierodonetsk', 'UA', [48.95, 38.49]],
	['Kherson', 'Kherson', 'UA', [46.64, 32.61]],
	['Melitopol', 'Melitopol', 'UA', [46.85, 35.38]],
	['Mariupol', 'Mariupol', 'UA', [47.1, 37.54]],
	['Lyman', 'Lyman', 'UA', [48.99, 37.8]],
	['Kiev', 'Kyiv', 'UA', [50.45, 30.52]],
	['Kharkov', 'Kharkiv', 'UA', [49.98, 36.25]],
	['Dnepr', 'Dnipro', 'UA', [48.47, 35.04]],
	['Zaporozhye', 'Zaporizhzhia', 'UA', [47.85, 35.12]],
	['Svyatogorsk', 'Sviatohirsk', 'UA', [49.04, 37.57]],
	['Artemovsk', 'Bakhmut', 'UA', [48.59, 38]]
];

describe('place search over the packaged gazetteer', () => {
	it.each(SPELLINGS)('"%s" finds %s (%s) first', (query, name, country, [lat, lng]) => {
		const found = top(query);
		expect(found).toMatchObject({ name, country });
		expect(Math.abs(found.lat - lat)).toBeLessThan(0.05);
		expect(Math.abs(found.lng - lng)).toBeLessThan(0.05);
	});

	it('finds every place the demo board and its commentary name', () => {
		const names = ['Balakliia', 'Kozacha Lopan', 'Beryslav', 'Kreminna', 'Nova Kakhovka', 'Siversk', 'Snihurivka', 'Svatove', 'Kerch', 'Vladivostok'];
		for (const name of names) expect(top(name).name, name).toBe(name);
		expect(index.search('Borova').map((p) => p.admin)).toContain('Kharkiv');
	});

	it('prefers the Lyman of Donetsk oblast, the biggest, and lists the others after it', () => {
		const lymans = index.search('Lyman').filter((p) => p.name === 'Lyman');
		expect(lymans[0]).toMatchObject({ admin: 'Donetsk', country: 'UA' });
		expect(lymans.length).toBeGreaterThanOrEqual(2);
		expect(lymans.map((p) => p.population)).toEqual([...lymans.map((p) => p.population)].sort((a, b) => b - a));
	});

	it('completes a prefix, biggest place first: "Kup" is Kupiansk', () => {
		expect(top('Kup').name).toBe('Kupiansk');
		expect(top('Kupi').name).toBe('Kupiansk');
		expect(top('Izyu').name).toBe('Izium');
		expect(top('Sievi').name).toBe('Sievierodonetsk');
	});

	it('forgives a typo in a half-typed name', () => {
		expect(top('Lischa').name).toBe('Lysychansk');
		expect(top('Kramatorks').name).toBe('Kramatorsk');
	});

	it('matches a later word of a name, after the place that bears it alone', () => {
		expect(top('Lopan').name).toBe('Kozacha Lopan');
		expect(index.search('Kakhovka').map((p) => p.name).slice(0, 2)).toEqual(['Kakhovka', 'Nova Kakhovka']);
	});

	it('says which other name matched when it is not a spelling of the place name', () => {
		expect(top('Artemivsk')).toMatchObject({ name: 'Bakhmut', matchedAs: 'Artemivsk' });
		expect(top('Izium').matchedAs).toBeUndefined();
	});

	it('returns the promised shape, at most `limit` results, and nothing for nothing', () => {
		const results = index.search('Mykolaiv', 3);
		expect(results.length).toBeLessThanOrEqual(3);
		expect(Object.keys(results[0]!).sort()).toEqual(['admin', 'country', 'lat', 'lng', 'name', 'population']);
		expect(index.search('').length).toBe(0);
		expect(index.search('  ’ ').length).toBe(0);
		expect(index.search('Qqqqxzzz')).toEqual([]);
	});

	it('builds the index and answers within a keystroke (generous bounds for a loaded machine)', () => {
		expect(buildMs).toBeLessThan(2_000);
		const started = performance.now();
		const queries = ['Izyum', 'Belgograd', 'Lyschansk', 'Sievierodonetsk', 'Kup', 'Kozacha Lopan'];
		for (let round = 0; round < 5; round++) for (const q of queries) index.search(q);
		expect((performance.now() - started) / (5 * queries.length)).toBeLessThan(100);
	});
});
