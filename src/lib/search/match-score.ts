/**
 * How well one spelling of a place matches a query: a score, lower is better. Tiers, best first:
 *
 *   0    the exact spelling
 *   1    the same name in another romanisation (Kupjansk, Kupyansk for Kupiansk)
 *   1.5  the same sound (Kharkov for Kharkiv, Kiev for Kyiv)
 *   2    a beginning of the name, spelt or romanised ("Kup", "Izyu" for Izium)
 *   2.5  a beginning by sound only ("Sievi" for Soweto: kept, but after the towns spelt so)
 *   4+d  a near miss at weighted edit distance d (Lyschansk, Belgograd; see distance.ts)
 *
 * Adjustments: a match on a later word of a name ("Kakhovka" in "Nova Kakhovka") +1; a prefix or
 * very short key of another spelling than the place's name +0.1 (a half-typed word more likely
 * starts the name people know than an exonym, and "Ozi", an old name of Ochakiv, must not take
 * over every "Izy"); a near miss in a home country −0.5 (see HOME_BONUS).
 */
import type { NameKeys } from './normalise';

export const SAME_SPELLING = 0;
export const SAME_ROMANISATION = 1;
export const SAME_SOUND = 1.5;
export const PREFIX = 2;
export const PREFIX_BY_SOUND = 2.5;
export const FUZZY = 4;

/**
 * A misspelling is read as a place in the board's own theatre before one elsewhere: "Belgograd",
 * one edit from Volgograd and two from Belgrade, means Belgorod on a board following Kharkiv.
 * Only near misses get it; an exact name or a typed prefix ranks by population wherever it is.
 */
export const HOME_BONUS = 0.5;

/** One spelling of one place, its keys squashed (no spaces). */
export interface Spelling {
	readonly place: number;
	/** As written in the data. */
	readonly label: string;
	readonly spelling: string;
	readonly transliteration: string;
	/** True for a name's later words ("kakhovka" of "Nova Kakhovka"). */
	readonly partial: boolean;
	/** True for another spelling than the place's own name. */
	readonly alternate: boolean;
}

const squash = (key: string) => key.replaceAll(' ', '');

/** Keys without the spaces between words: "Nova Kakhovka" and "Novakakhovka" are one name. */
export function squashKeys(keys: NameKeys): NameKeys {
	return {
		spelling: squash(keys.spelling),
		transliteration: squash(keys.transliteration),
		phonetic: squash(keys.phonetic),
		phoneticStart: squash(keys.phoneticStart)
	};
}

/** How far a query may stray, by the length of its phonetic key: short words must be near exact. */
export const allowance = (length: number) => (length <= 3 ? 0 : length === 4 ? 1 : length <= 7 ? 1.5 : 2);

/**
 * The score of spelling `s`, whose phonetic key is `key`, for `query`. `fuzzy` is FUZZY plus the
 * weighted distance when the keys are neither equal nor a prefix (Infinity if too far).
 */
export function scoreSpelling(s: Spelling, key: string, query: NameKeys, fuzzy: number, home: boolean): number {
	let score =
		s.spelling === query.spelling ? SAME_SPELLING
		: s.transliteration === query.transliteration ? SAME_ROMANISATION
		: key === query.phonetic ? SAME_SOUND
		: s.spelling.startsWith(query.spelling) || s.transliteration.startsWith(query.transliteration) ? PREFIX
		: key.startsWith(query.phoneticStart) ? PREFIX_BY_SOUND
		: fuzzy;
	if (s.alternate && score < PREFIX && key.length < 4) score = PREFIX;
	if (s.alternate && score >= PREFIX && score < FUZZY) score += 0.1;
	if (score >= FUZZY && home) score -= HOME_BONUS;
	if (s.partial) score += 1;
	return score;
}

/** Letters two keys share at their start: among equal near misses, the longer wins (Belgo-rod). */
export function sharedStart(a: string, b: string): number {
	let i = 0;
	while (i < a.length && a[i] === b[i]) i++;
	return i;
}
