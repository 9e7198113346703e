/**
 * Edit distance between a query's phonetic key and a name's, weighted for how romanisations and
 * typos actually differ: a vowel dropped, added or swapped for another costs half (Lyschansk for
 * Lysychansk, Belgarad for Belgorod), a consonant edit or two swapped letters cost one, and an
 * edit to the first letter half as much again, because people misspell the middle of a name, not
 * its start (so "Belgograd" is Belgorod before it is Volgograd).
 *
 * One pass gives two answers: the distance to the whole key, and the best distance to any *prefix*
 * of it, so a half-typed, misspelt name ("Lischa") still finds its town. Bounded by `max`: a row
 * whose every cell is over it ends the pass, which is what keeps a scan of the whole gazetteer
 * within a keystroke's budget.
 */

export interface Distance {
	/** To the whole key; Infinity if over the bound. */
	readonly full: number;
	/** To the closest prefix of the key; Infinity if over the bound. */
	readonly prefix: number;
}

const FAR: Distance = { full: Infinity, prefix: Infinity };
const FIRST_LETTER = 0.5;

/** Folded keys have three vowels left; char codes, since this runs per cell of every scan. */
const A = 97;
const I = 105;
const U = 117;
const cost = (code: number) => (code === A || code === I || code === U ? 0.5 : 1);

// Three rows reused across calls: the scan runs once per key, tens of thousands of times a query.
let rows: [Float64Array, Float64Array, Float64Array] = [new Float64Array(0), new Float64Array(0), new Float64Array(0)];

function ensureRows(width: number) {
	if (rows[0].length < width) rows = [new Float64Array(width * 2), new Float64Array(width * 2), new Float64Array(width * 2)];
	return rows;
}

export function boundedDistance(query: string, key: string, max: number): Distance {
	const m = query.length;
	// Past m + 2·max letters no prefix can come closer (each extra letter costs at least ½).
	const n = Math.min(key.length, m + Math.ceil(max * 2));
	const wholeKeyInReach = n === key.length;
	const [r0, r1, r2] = ensureRows(n + 1);
	let before = r0; // row i-2, for transpositions
	let previous = r1; // row i-1
	let current = r2;
	// Row 0: letters the key has before the query's first; the very first costs extra.
	previous[0] = 0;
	for (let j = 1; j <= n; j++) previous[j] = previous[j - 1]! + cost(key.charCodeAt(j - 1)) + (j === 1 ? FIRST_LETTER : 0);
	for (let i = 1; i <= m; i++) {
		const q = query.charCodeAt(i - 1);
		const qCost = cost(q);
		const qBefore = i > 1 ? query.charCodeAt(i - 2) : -1;
		current[0] = previous[0]! + qCost + (i === 1 ? FIRST_LETTER : 0);
		let rowMin = current[0]!;
		let kBefore = -1;
		for (let j = 1; j <= n; j++) {
			const k = key.charCodeAt(j - 1);
			const kCost = cost(k);
			let substitute = q === k ? 0 : qCost === 0.5 && kCost === 0.5 ? 0.5 : 1;
			if (substitute && i === 1 && j === 1) substitute += FIRST_LETTER;
			let best = previous[j - 1]! + substitute;
			const extraInQuery = previous[j]! + qCost; // the query has a letter the key lacks
			if (extraInQuery < best) best = extraInQuery;
			const extraInKey = current[j - 1]! + kCost; // the key has a letter the query lacks
			if (extraInKey < best) best = extraInKey;
			if (q === kBefore && qBefore === k && before[j - 2]! + 1 < best) best = before[j - 2]! + 1; // swapped pair
			current[j] = best;
			if (best < rowMin) rowMin = best;
			kBefore = k;
		}
		if (rowMin > max) return FAR;
		const spare = before;
		before = previous;
		previous = current;
		current = spare;
	}
	let prefix = Infinity;
	for (let j = 0; j <= n; j++) if (previous[j]! < prefix) prefix = previous[j]!;
	const full = wholeKeyInReach ? previous[n]! : Infinity;
	return full <= max || prefix <= max ? { full: full <= max ? full : Infinity, prefix: prefix <= max ? prefix : Infinity } : FAR;
}
