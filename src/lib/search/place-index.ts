/**
 * Search over the gazetteer: every spelling of every place is folded (normalise.ts), compared with
 * the query and scored (match-score.ts); places are ranked by their best spelling's score, then,
 * among equal near misses, by the longer shared beginning, then by population.
 *
 * Why not MiniSearch (tried: fuzzy 0.25, prefix, population boost, over these same keys): it ranks
 * by BM25 term weights and counts every edit as one, so "Kup" gave Kupiskis before Kupiansk,
 * "Kupyansk" gave Kupyansk-Vuzlovyi first, and on phonetic keys "Lyschansk" gave Tishchenskoye.
 * Scanning the distinct phonetic keys (some 22 000) with a bounded distance takes milliseconds.
 */
import { boundedDistance } from './distance';
import type { Place } from './gazetteer';
import { FUZZY, HOME_BONUS, allowance, scoreSpelling, sharedStart, squashKeys, type Spelling } from './match-score';
import { nameKeys, spellingKey, wordKeys } from './normalise';

export interface PlaceMatch {
	name: string;
	lat: number;
	lng: number;
	country: string;
	admin?: string;
	population: number;
	/** The spelling that matched, when it is not the place's own name (e.g. "Artemivsk"). */
	matchedAs?: string;
}

interface Candidate {
	readonly score: number;
	readonly shared: number;
	readonly spelling: Spelling;
}

/**
 * Results scoring this much worse than the best are dropped: once "Kherson" is found by name, a
 * list padded with near misses (Mersin, Gerze) is noise, while a near miss among near misses
 * (Belgograd: Belgorod, Bolhrad, Volgograd) is what the watcher needs to pick from.
 */
const RELEVANCE_WINDOW = 2.5;

/** Among equal matches of one place, the name itself before another spelling or a later word. */
const plainness = (s: Spelling) => (s.partial ? 2 : 0) + (s.alternate ? 1 : 0);

export class PlaceIndex {
	/** Distinct phonetic keys and, for each, the spellings that fold to it. */
	private readonly keys: string[] = [];
	private readonly spellingsOf: Spelling[][] = [];

	private constructor(
		readonly places: readonly Place[],
		private readonly home: ReadonlySet<string>
	) {
		const byKey = new Map<string, Spelling[]>();
		places.forEach((place, index) => {
			const seen: string[] = [];
			for (const label of place.alternates.length ? [place.name, ...place.alternates] : [place.name]) {
				const alternate = label !== place.name;
				const words = spellingKey(label).split(' ');
				// Each tail of the name, built from its last word back ("kakhovka", "novakakhovka"),
				// keys concatenated word by word, the way they fold; each spelling once per place.
				let spelling = '';
				let transliteration = '';
				let key = '';
				for (let start = words.length - 1; start >= 0; start--) {
					const word = words[start]!;
					if (!word) continue;
					const [t, p] = wordKeys(word);
					spelling = word + spelling;
					transliteration = t + transliteration;
					key = p + key;
					const id = start ? `~${spelling}` : spelling;
					if (spelling.length < (start ? 3 : 1) || seen.includes(id)) continue;
					seen.push(id);
					const entry: Spelling = { place: index, label, spelling, transliteration, partial: start > 0, alternate };
					const list = byKey.get(key);
					if (list) list.push(entry);
					else byKey.set(key, [entry]);
				}
			}
		});
		for (const [key, spellings] of byKey) {
			this.keys.push(key);
			this.spellingsOf.push(spellings);
		}
	}

	/** @param home countries whose near misses outrank near misses elsewhere (see {@link HOME_BONUS}) */
	static build(places: readonly Place[], home: ReadonlySet<string> = new Set()): PlaceIndex {
		return new PlaceIndex(places, home);
	}

	get size(): number {
		return this.places.length;
	}

	/** Up to `limit` places for what the watcher typed, best first; [] for an empty query. */
	search(text: string, limit = 8): PlaceMatch[] {
		const query = squashKeys(nameKeys(text));
		if (!query.phonetic) return [];
		const max = allowance(query.phoneticStart.length);
		const best = new Map<number, Candidate>();
		for (let k = 0; k < this.keys.length; k++) {
			const key = this.keys[k]!;
			let fuzzy = Infinity;
			if (key !== query.phonetic && !key.startsWith(query.phoneticStart)) {
				if (max === 0) continue;
				const d = boundedDistance(query.phoneticStart, key, max);
				// A whole-name near miss outranks the same distance to a mere beginning of one.
				fuzzy = Math.min(FUZZY + d.full, FUZZY + 0.25 + d.prefix);
				if (fuzzy === Infinity) continue;
			}
			for (const s of this.spellingsOf[k]!) {
				const home = this.home.has(this.places[s.place]!.country);
				const score = scoreSpelling(s, key, query, fuzzy, home);
				const candidate = { score, shared: sharedStart(query.spelling, s.spelling), spelling: s };
				const held = best.get(s.place);
				if (!held || this.compare(candidate, held) < 0) best.set(s.place, candidate);
			}
		}
		const ranked = [...best.values()].sort((a, b) => this.compare(a, b));
		const cutoff = (ranked[0]?.score ?? 0) + RELEVANCE_WINDOW;
		return ranked
			.filter((c) => c.score <= cutoff)
			.slice(0, limit)
			.map((c) => this.toMatch(c.spelling));
	}

	private compare(a: Candidate, b: Candidate): number {
		if (a.score !== b.score) return a.score - b.score;
		if (a.score >= FUZZY - HOME_BONUS && a.shared !== b.shared) return b.shared - a.shared;
		const pa = this.places[a.spelling.place]!;
		const pb = this.places[b.spelling.place]!;
		return pb.population - pa.population || plainness(a.spelling) - plainness(b.spelling) || pa.name.localeCompare(pb.name);
	}

	private toMatch(s: Spelling): PlaceMatch {
		// A match is the place without its other spellings, plus the one that matched if not its name.
		const { alternates: _alternates, ...place } = this.places[s.place]!;
		return s.label !== place.name ? { ...place, matchedAs: s.label } : place;
	}
}
