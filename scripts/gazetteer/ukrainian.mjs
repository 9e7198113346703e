// Display names for places in Ukraine in the official romanisation (Cabinet of Ministers
// resolution 55 of 2010, the one road signs and the board's own labels use), derived from the
// Ukrainian Cyrillic name GeoNames lists among a place's alternates. GeoNames' own main name is a
// mix of Russian and older forms ("Svyatogorsk", "Zaporizhzhya"); the pin a watcher drops from a
// search should read "Sviatohirsk", like the rest of the board.
import { boundedDistance } from '../../src/lib/search/distance.ts';
import { phoneticKey, spellingKey } from '../../src/lib/search/normalise.ts';

/** Letters only Ukrainian has: a name with one is Ukrainian, not Russian. */
const UKRAINIAN = /[іїєґ]/i;

/** [anywhere, at the start of a word] where the two differ. */
const TABLE = /** @type {Record<string, string | [string, string]>} */ ({
	а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', є: ['ie', 'ye'], ж: 'zh', з: 'z', и: 'y',
	і: 'i', ї: ['i', 'yi'], й: ['i', 'y'], к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r',
	с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ь: '', ю: ['iu', 'yu'],
	я: ['ia', 'ya'], "'": '', '’': '', ʼ: ''
});

/** Ukrainian Cyrillic to Latin by the 2010 rules; null if it holds a letter the table lacks. @param {string} text */
export function romaniseUkrainian(text) {
	const chars = [...text.normalize('NFC').replace(/\u0301/g, '')];
	let out = '';
	for (let i = 0; i < chars.length; i++) {
		const ch = /** @type {string} */ (chars[i]);
		const lower = ch.toLowerCase();
		if (/[\s-]/.test(ch)) {
			out += ch;
			continue;
		}
		const entry = TABLE[lower];
		if (entry === undefined) return null;
		const initial = i === 0 || /[\s-]/.test(chars[i - 1] ?? '');
		// "зг" is written "zgh", so it is not read as "zh".
		let latin = lower === 'г' && chars[i - 1]?.toLowerCase() === 'з' ? 'gh' : Array.isArray(entry) ? entry[initial ? 1 : 0] : entry;
		if (ch !== lower && latin) latin = latin[0]?.toUpperCase() + latin.slice(1);
		out += latin;
	}
	return out;
}

/**
 * The official-romanisation name for a place in Ukraine, or null to keep its name. Kept when it
 * already is the romanisation of one of its Cyrillic alternates (Теплиця → Teplytsia), whatever a
 * Belarusian alternate ("Тепліц", which has "і" too) would give. Otherwise the romanisation of a
 * Ukrainian alternate is taken when GeoNames also lists that spelling among its Latin names and it
 * spells the same name (not a former one: Oleksandrivsk is not Zaporizhzhia); the closest wins.
 * @param {string} name @param {Iterable<string>} names @returns {string | null}
 */
export function officialName(name, names) {
	const all = [...names];
	const current = spellingKey(name);
	const cyrillic = all.filter((n) => /\p{Script=Cyrillic}/u.test(n));
	if (cyrillic.some((n) => spellingKey(romaniseUkrainian(n) ?? '') === current)) return null;
	const key = phoneticKey(name);
	const listed = new Set(all.map(spellingKey));
	let best = null;
	let bestDistance = Infinity;
	for (const n of cyrillic.filter((n) => UKRAINIAN.test(n))) {
		const latin = romaniseUkrainian(n);
		if (latin === null || !listed.has(spellingKey(latin))) continue;
		const distance = boundedDistance(phoneticKey(latin), key, 1).full;
		if (distance < bestDistance) [best, bestDistance] = [latin, distance];
	}
	return best;
}
