// Folding the two GeoNames extracts into one list of places, and choosing which of a place's
// alternate names to ship. Both use the search's own normaliser (src/lib/search/normalise.ts), so
// what is merged or dropped here is exactly what the search would treat as the same name.
import { boundedDistance } from '../../src/lib/search/distance.ts';
import { phoneticKey, spellingKey } from '../../src/lib/search/normalise.ts';

/** @typedef {import('./sources.mjs').SourcePlace} SourcePlace */
/** @typedef {SourcePlace & { names: Set<string>, key: string }} MergedPlace */

/** Entries this close (degrees) in one country are one place whatever their names: a renamed town. */
const SAME_SPOT = 0.005;
/** Entries this close with nearly the same name are one place entered twice. */
const NEARBY = 0.05;
const CELL = 0.1;

/**
 * Adds places in order, folding each into an earlier one at the same spot or nearby with a
 * phonetically close name (the earlier keeps its name and position and gains the other's
 * spellings; the population is the larger). Feed the richer source first, bigger places first.
 */
export class PlaceMerger {
	/** @type {MergedPlace[]} */
	places = [];
	/** @type {Map<string, MergedPlace[]>} */
	#grid = new Map();
	merged = 0;

	/** @param {number} lat @param {number} lng */
	#cell = (lat, lng) => `${Math.floor(lat / CELL)},${Math.floor(lng / CELL)}`;

	/** @param {SourcePlace} p @returns {boolean} whether it was new */
	add(p) {
		const twin = this.#find(p);
		if (twin) {
			for (const name of [p.name, ...p.alternates]) twin.names.add(name);
			twin.population = Math.max(twin.population, p.population);
			this.merged++;
			return false;
		}
		/** @type {MergedPlace} */
		const place = { ...p, names: new Set(p.alternates), key: phoneticKey(p.name) };
		this.places.push(place);
		const cell = this.#cell(p.lat, p.lng);
		this.#grid.set(cell, [...(this.#grid.get(cell) ?? []), place]);
		return true;
	}

	/** @param {SourcePlace} p */
	#find(p) {
		const keys = [p.name, ...p.alternates].map(phoneticKey).filter(Boolean);
		const [row, col] = this.#cell(p.lat, p.lng).split(',').map(Number);
		for (let dr = -1; dr <= 1; dr++) {
			for (let dc = -1; dc <= 1; dc++) {
				for (const q of this.#grid.get(`${Number(row) + dr},${Number(col) + dc}`) ?? []) {
					if (q.country !== p.country) continue;
					const dist = Math.max(Math.abs(q.lat - p.lat), Math.abs(q.lng - p.lng));
					if (dist <= SAME_SPOT) return q;
					if (dist <= NEARBY && keys.some((k) => similar(k, q.key))) return q;
				}
			}
		}
		return undefined;
	}
}

/** @param {string} a @param {string} b */
const similar = (a, b) => a === b || boundedDistance(a, b, 1).full <= 1;

/** Latin or Cyrillic script only, starting with a capital: GeoNames' lower-case entries are
 * romanisations of Chinese, Arabic … ("ku pi yang si ke"), its all-capitals ones airport codes. */
const USABLE = /^[\p{Lu}][\p{Script=Latin}\p{Script=Cyrillic}\p{M}\s'’ʼ”.()-]{2,40}$/u;

/** Plain ASCII first, so of "Kupyans’k" and "Kupyansk" the one shown as what matched is the plain one. */
const PLAIN = /^[A-Za-z -]+$/;

/**
 * The alternates worth shipping for a place: usable, and each adding a key the search lacks.
 * A Latin spelling is kept when its spelling key is new (so "Kupyansk" can be shown as what
 * matched); a Cyrillic one only when it folds to a new phonetic key, since a Cyrillic query is
 * transliterated anyway. `asciiOnly` keeps plain ASCII names only, deduplicated by sound.
 * @param {string} name @param {Iterable<string>} names
 * @param {{ asciiOnly?: boolean, limit?: number }} [options]
 * @returns {string[]}
 */
export function usefulAlternates(name, names, { asciiOnly = false, limit = Infinity } = {}) {
	const spellings = new Set([spellingKey(name)]);
	const sounds = new Set([phoneticKey(name)]);
	const candidates = [...names].map((n) => n.trim()).filter((n) => USABLE.test(n) && n !== n.toUpperCase() && !n.includes('|'));
	/** @type {string[]} */
	const kept = [];
	for (const alt of [...candidates.filter((n) => PLAIN.test(n)), ...candidates.filter((n) => !PLAIN.test(n))]) {
		if (kept.length >= limit || (asciiOnly && !PLAIN.test(alt))) break;
		const spelling = spellingKey(alt);
		const sound = phoneticKey(alt);
		if (!spelling || spellings.has(spelling) || [...sounds].some((s) => similar(s, sound))) continue;
		spellings.add(spelling);
		sounds.add(sound);
		kept.push(alt);
	}
	return kept;
}
