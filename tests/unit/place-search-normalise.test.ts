import { describe, expect, it } from 'vitest';
import { boundedDistance } from '../../src/lib/search/distance';
import { phoneticKey, spellingKey } from '../../src/lib/search/normalise';

/** Every spelling in a group must fold to one phonetic key. */
const SAME_NAME: string[][] = [
	['Izium', 'Izyum', 'Izjum', 'Изюм', 'Ізюм'],
	['Kupiansk', 'Kupyansk', 'Kupjansk', 'Kup’yans’k', "Kup'jans'k", 'Купянск', 'Куп’янськ', 'Koupiansk'],
	['Lysychansk', 'Lisichansk', 'Lisičansk', 'Лисичанськ'],
	['Sievierodonetsk', 'Severodonetsk', 'Siewierodonieck', 'Severodoneck', 'Sjewjerodonezk'],
	['Kyiv', 'Kiev', 'Kijev', 'Kijów', 'Київ', 'Kiew'],
	['Kharkiv', 'Kharkov', 'Harkiv', 'Харків', 'Харьков'],
	['Dnipro', 'Dnepr', 'Dnjepr'],
	['Siverskyi', 'Seversky', 'Siverskiy', 'Severskij'],
	['Donetsk', 'Doneck', 'Donezk', 'Донецьк'],
	['Luhansk', 'Lugansk', 'Луганськ'],
	['Zaporozhye', 'Zaporoże', 'Zaporozhie'],
	['Shchastia', 'Shchastya', 'Szczastia', 'Щастя'],
	['Balakliia', 'Balakleya', 'Balakliya', 'Балаклія'],
	['Sviatohirsk', 'Svyatogorsk', 'Svjatohirsk'],
	['Kozacha Lopan', 'Kozacha Lopan’', 'Kozacha-Lopan']
];

describe('place search: normalising names', () => {
	it.each(SAME_NAME.map((group) => [group[0]!, group]))('folds the spellings of %s to one key', (_, group) => {
		const keys = new Set(group.map(phoneticKey));
		expect([...keys], group.join(', ')).toHaveLength(1);
	});

	it('keeps different towns apart', () => {
		const distinct = ['Izium', 'Kupiansk', 'Lysychansk', 'Lyman', 'Kherson', 'Kharkiv', 'Kyiv', 'Belgorod', 'Belgrade', 'Volgograd', 'Siversk', 'Sumy'];
		expect(new Set(distinct.map(phoneticKey)).size).toBe(distinct.length);
	});

	it('spelling keys fold only case, accents, apostrophes and punctuation', () => {
		expect(spellingKey('Kup”yans’k')).toBe('kupyansk');
		expect(spellingKey('  Nova   Kakhovka ')).toBe('nova kakhovka');
		expect(spellingKey('Kamianka-Dniprovska')).toBe('kamianka dniprovska');
		expect(spellingKey('Mohyliv-Podilskyi')).not.toBe(spellingKey('Mohyliv Podilskyy'));
		expect(spellingKey('Łódź')).toBe('lodzh');
		expect(spellingKey('Bélgorod')).toBe('belgorod');
		expect(spellingKey('İzmir')).toBe('izmir');
		expect(spellingKey('Ізюм')).toBe('izyum');
	});

	it('ignores what is not a letter or digit, and returns "" for nothing', () => {
		expect(spellingKey('')).toBe('');
		expect(phoneticKey('')).toBe('');
		expect(phoneticKey('?!')).toBe('');
		expect(spellingKey('<b>Izium</b>')).toBe('b izium b');
		expect(spellingKey('Severomorsk-3')).toBe('severomorsk 3');
	});

	it('folds the digraphs of several romanisations (German, Polish, French)', () => {
		expect(phoneticKey('Charkiw')).toBe(phoneticKey('Charkiv')); // w → v
		expect(phoneticKey('Tschernihiw')).toBe(phoneticKey('Chernihiv')); // tsch → ch
		expect(phoneticKey('Czernihów')).toBe(phoneticKey('Chernihiv')); // cz → ch
		expect(phoneticKey('Marioupol')).toBe(phoneticKey('Mariupol')); // ou → u
		expect(phoneticKey('Xerson')).toBe(phoneticKey('Kherson')); // initial x → kh
		expect(phoneticKey('Alexandria')).toBe(phoneticKey('Aleksandria')); // other x → ks
	});
});

describe('place search: weighted edit distance', () => {
	it('is zero for equal keys, and finds a typed prefix at no cost', () => {
		expect(boundedDistance('kupiansk', 'kupiansk', 2)).toEqual({ full: 0, prefix: 0 });
		expect(boundedDistance('kup', 'kupiansk', 1)).toEqual({ full: Infinity, prefix: 0 });
	});

	it('charges half for a vowel, one for a consonant or a swapped pair, half more at the first letter', () => {
		expect(boundedDistance(phoneticKey('Lyschansk'), phoneticKey('Lysychansk'), 2).full).toBe(0.5);
		expect(boundedDistance('kerson', 'kherson', 2).full).toBe(1);
		expect(boundedDistance('kupinask', 'kupiansk', 2).full).toBe(1);
		expect(boundedDistance('bilhirid', 'vilhirid', 2).full).toBe(1.5);
	});

	it('gives up past the bound', () => {
		expect(boundedDistance('izium', 'kherson', 1.5)).toEqual({ full: Infinity, prefix: Infinity });
		expect(boundedDistance('kupiansk', 'kupianskivuzlivi', 1).full).toBe(Infinity);
	});

	it('measures the same both ways for whole keys', () => {
		for (const [a, b] of [['bilhihrad', 'bilhirid'], ['lisCansk', 'lisiCansk'], ['harkiv', 'Carkiv']] as const) {
			expect(boundedDistance(a, b, 3).full).toBe(boundedDistance(b, a, 3).full);
		}
	});
});
