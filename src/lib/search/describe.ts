/**
 * How a search result reads in the dropdown: "Kharkiv, Ukraine · 45,884". Plain text only; the
 * component renders it as text. Country names come from the browser's own Intl data (offline).
 */
import type { PlaceMatch } from './place-index';

let regionNames: Intl.DisplayNames | null | undefined;

/** "Ukraine" for "UA"; the code itself where Intl lacks region names. */
export function countryName(code: string): string {
	if (regionNames === undefined) {
		try {
			regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
		} catch {
			regionNames = null;
		}
	}
	try {
		return regionNames?.of(code) ?? code;
	} catch {
		return code; // not a valid region code
	}
}

const count = new Intl.NumberFormat('en');

/** The line under the name: region, country and population when known. */
export function placeDetails(place: PlaceMatch): string {
	const where = [place.admin, countryName(place.country)].filter(Boolean).join(', ');
	return place.population > 0 ? `${where} · ${count.format(place.population)}` : where;
}

/** What a screen reader hears for one result. */
export function placeLabel(place: PlaceMatch): string {
	const as = place.matchedAs ? ` (matched “${place.matchedAs}”)` : '';
	const people = place.population > 0 ? `, population ${count.format(place.population)}` : '';
	return `${place.name}${as}, ${[place.admin, countryName(place.country)].filter(Boolean).join(', ')}${people}`;
}
