/**
 * Folding place names into comparable keys, from strict to forgiving (see {@link NameKeys}),
 * because one key cannot be both: the *spelling* key keeps what the writer typed (so an exact
 * spelling ranks first), the *transliteration* key folds romanisations of the same letters
 * (Izyum/Izium, Kupjansk/Kupiansk, Donezk/Doneck/Donetsk), the *phonetic* key also the vowels
 * Ukrainian and Russian forms disagree on (Kharkov/Kharkiv, Kiev/Kyiv).
 *
 * All work word by word; words are joined by single spaces. Pure string code, no DOM, no Node.
 */

/** Cyrillic, so "Изюм" or "Куп'янськ" typed on a Cyrillic keyboard lands on the same keys. */
const CYRILLIC: Record<string, string> = {
	а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'yo', є: 'ye', ж: 'zh', з: 'z',
	и: 'i', і: 'i', ї: 'yi', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r',
	с: 's', т: 't', у: 'u', ў: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
	ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', ј: 'j', љ: 'lj', њ: 'nj', ђ: 'dj', ћ: 'ch',
	џ: 'dzh', ѓ: 'g', ќ: 'k'
};

/**
 * Latin letters whose diacritic changes the sound (Polish, Czech, Romanian, Turkish): stripping
 * the mark would turn č into c, which our key reads as "ts", so Lisičansk must become Lisichansk.
 */
const LATIN: Record<string, string> = {
	č: 'ch', ć: 'ch', š: 'sh', ś: 'sh', ș: 'sh', ş: 'sh', ž: 'zh', ź: 'zh', ż: 'zh', ř: 'r',
	ł: 'l', đ: 'dj', ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ı: 'i', ț: 'ts', ţ: 'ts', ğ: 'g'
};

/** Apostrophes and soft-sign marks are dropped, not spaced: Kup'yans'k is one word. */
const DROPPED = /['’‘ʼʹʻ`´"”“″′]/;

const folded = new Map<string, string>();

/** One character to lowercase ASCII (or '' / ' '); cached, since names repeat the same letters. */
function foldChar(ch: string): string {
	let out = folded.get(ch);
	if (out !== undefined) return out;
	if (/[a-z0-9]/.test(ch)) out = ch;
	else if (DROPPED.test(ch)) out = '';
	else if (ch in CYRILLIC) out = CYRILLIC[ch]!;
	else if (ch in LATIN) out = LATIN[ch]!;
	else {
		// Other accents only decorate the letter (é, ő, â): keep the base letter.
		const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
		// A lone combining mark folds to nothing; anything else unknown separates words.
		out = base === '' ? '' : /^[a-z0-9]+$/.test(base) ? base : ' ';
	}
	folded.set(ch, out);
	return out;
}

/** Lowercase ASCII words, separated by single spaces: "Kup”yans’k" → "kupyansk". */
export function spellingKey(text: string): string {
	const lower = text.toLowerCase();
	// Most names are plain ASCII words: no need to look at each letter.
	if (/^[a-z0-9]+( [a-z0-9]+)*$/.test(lower)) return lower;
	let out = '';
	for (const ch of lower) out += foldChar(ch);
	return out.replace(/\s+/g, ' ').trim();
}

/**
 * Digraphs and letters that mean the same sound across English, German, Polish, French and ISO
 * romanisations. One left-to-right pass, longest match first ("shch" before "sh", "tsch" before
 * "sch"). "S" (ш) and "C" (ч) are uppercase placeholders so no other letter is read as them.
 */
const DIGRAPHS: Record<string, string> = {
	tsch: 'C', tch: 'C', //             ч written German or French style
	shch: 'sC', szcz: 'sC', sch: 'sC', // щ as s + ч: Shchastia/Schastje, and Lyschansk meets Lysychansk
	cz: 'C', ch: 'C', //                ч, Polish and English
	sz: 'S', sh: 'S', //                ш
	zh: 'z', //                         ж: Zaporizhzhia/Zaporozhye/Zaporoże
	kh: 'h', gh: 'h', g: 'h', //        х and Ukrainian г: Kharkiv/Harkiv, Luhansk/Lugansk
	ts: 'c', tz: 'c', //                ц: Donetsk/Doneck/Donezk
	x: 'ks', //                         Oleksandriia/Alexandria (but an initial x is Xerson's kh)
	w: 'v', //                          German/Polish: Charkiw, Kijow
	ph: 'f',
	q: 'k',
	ou: 'u' //                          French: Koupiansk, Marioupol
};
const DIGRAPH = new RegExp(Object.keys(DIGRAPHS).sort((a, b) => b.length - a.length).join('|'), 'g');

function digraphs(word: string): string {
	const folded = word.replace(DIGRAPH, (match, offset: number) => (match === 'x' && offset === 0 ? 'h' : DIGRAPHS[match]!));
	return folded.replace(/cs?k$|zk$/, 'ck'); // -tsk/-ck/-zk endings
}

export type WordKeys = [transliteration: string, phonetic: string, phoneticStart: string];
const foldedWords = new Map<string, WordKeys>();

/**
 * One word's keys (the word already a {@link spellingKey}): the transliteration, phonetic and
 * phonetic-start forms of {@link NameKeys}, sharing the digraph step. Cached: names repeat words.
 */
export function wordKeys(word: string): WordKeys {
	const cached = foldedWords.get(word);
	if (cached) return cached;
	const w = digraphs(word);
	let transliteration = '';
	let phonetic = '';
	for (const raw of w) {
		const glide = raw === 'y' || raw === 'j' ? 'i' : raw;
		if (glide !== transliteration[transliteration.length - 1]) transliteration += glide;
		const vowel = raw === 'e' || raw === 'o' ? 'i' : glide;
		if (vowel !== phonetic[phonetic.length - 1]) phonetic += vowel;
	}
	const stripped = phonetic.length > 3 && phonetic.endsWith('i') ? phonetic.slice(0, -1) : phonetic;
	const keys: WordKeys = [transliteration, stripped, phonetic];
	foldedWords.set(word, keys);
	return keys;
}

/**
 * A name's keys, coarser and coarser; words are separated by single spaces in each.
 *
 * - `spelling`: {@link spellingKey}, what was typed, minus case, accents and apostrophes.
 * - `transliteration`: the same name in another romanisation is the same key: digraphs folded
 *   (kh/h, zh/z, ts/c, w/v …), y/j/i one letter, doubled letters one (Izyum, Izjum → izium).
 * - `phonetic`: moreover the vowels romanisations and the two languages disagree on (e, i, o:
 *   Kyiv/Kiev, Kharkov/Kharkiv, Sievierodonetsk/Severodonetsk) are one "i", and a final one is
 *   dropped (Dnipro/Dnepr). "a" and "u" stay: they carry the name.
 * - `phoneticStart`: the phonetic key keeping its final vowel, for a half-typed query: "Sievi"
 *   must stay "sivi", a beginning of Sievierodonetsk, not become "siv".
 */
export interface NameKeys {
	readonly spelling: string;
	readonly transliteration: string;
	readonly phonetic: string;
	readonly phoneticStart: string;
}

export function nameKeys(text: string): NameKeys {
	const spelling = spellingKey(text);
	if (!spelling.includes(' ')) {
		const [transliteration, phonetic, phoneticStart] = spelling ? wordKeys(spelling) : ['', '', ''];
		return { spelling, transliteration, phonetic, phoneticStart };
	}
	const words = spelling.split(' ').map(wordKeys);
	const join = (i: 0 | 1 | 2) => words.map((w) => w[i]).join(' ');
	return { spelling, transliteration: join(0), phonetic: join(1), phoneticStart: join(2) };
}

/** The phonetic key of a name ("Kozacha Lopan" → "kizaCa lipan"); see {@link NameKeys}. */
export function phoneticKey(text: string): string {
	return nameKeys(text).phonetic;
}
