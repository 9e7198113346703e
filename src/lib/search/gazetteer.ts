/**
 * The gazetteer file (`static/gazetteer.json`, written by `scripts/build-gazetteer.mjs` from
 * packaged GeoNames data) and its reading. The file is rows of arrays with a shared table of
 * countries and regions, because the same keys repeated on twenty thousand objects would double its size.
 */

/** Bumped when the row layout changes, so a stale file fails loudly instead of misreading. */
export const GAZETTEER_FORMAT = 1;

/**
 * One place: name, latitude, longitude, index into `areas`, population (0: unknown), other
 * spellings joined by "|" (omitted when there are none).
 */
export type GazetteerRow = [string, number, number, number, number, string?];

/** A country code and, when the data has one, the first-level region (oblast, province) in it. */
export type GazetteerArea = [string] | [string, string];

export interface GazetteerFile {
	format: typeof GAZETTEER_FORMAT;
	/** Where the data came from and its licence, for the attribution line. */
	source: string;
	/** Fingerprint of the inputs, so the build script can skip an up-to-date file. */
	build: string;
	/** The countries the board follows: a near miss there outranks one elsewhere. */
	home: string[];
	areas: GazetteerArea[];
	places: GazetteerRow[];
}

export interface Place {
	readonly name: string;
	readonly lat: number;
	readonly lng: number;
	readonly country: string;
	/** First-level region (oblast, province), when the data has one. */
	readonly admin?: string;
	/** 0 when the data does not know it. */
	readonly population: number;
	/** Other spellings of the name: transliterations, former and foreign names. */
	readonly alternates: readonly string[];
}

export class GazetteerError extends Error {
	override name = 'GazetteerError';
}

const isRow = (row: unknown): row is GazetteerRow =>
	Array.isArray(row) &&
	typeof row[0] === 'string' &&
	typeof row[1] === 'number' &&
	typeof row[2] === 'number' &&
	typeof row[3] === 'number' &&
	typeof row[4] === 'number' &&
	(row[5] === undefined || typeof row[5] === 'string');

export interface Gazetteer {
	readonly places: Place[];
	readonly home: ReadonlySet<string>;
}

/** Checks the file's shape and expands its rows; throws {@link GazetteerError} on anything else. */
export function readGazetteer(data: unknown): Gazetteer {
	const file = data as Partial<GazetteerFile> | null;
	if (!file || typeof file !== 'object') throw new GazetteerError('gazetteer: not a JSON object');
	if (file.format !== GAZETTEER_FORMAT) {
		throw new GazetteerError(`gazetteer: format ${String(file.format)}, expected ${GAZETTEER_FORMAT}; rebuild it with scripts/build-gazetteer.mjs`);
	}
	const { areas, places, home } = file;
	if (!Array.isArray(areas) || !Array.isArray(places) || !Array.isArray(home)) throw new GazetteerError('gazetteer: missing areas, places or home');
	return { places: places.map(toPlace), home: new Set(home) };

	function toPlace(row: unknown, i: number): Place {
		const area = isRow(row) ? areas?.[row[3]] : undefined;
		if (!isRow(row) || !Array.isArray(area) || typeof area[0] !== 'string') throw new GazetteerError(`gazetteer: place ${i} is malformed`);
		const [name, lat, lng, , population, alternates] = row;
		const [country, admin] = area;
		return {
			name,
			lat,
			lng,
			country,
			...(admin ? { admin } : {}),
			population,
			alternates: alternates ? alternates.split('|') : []
		};
	}
}
