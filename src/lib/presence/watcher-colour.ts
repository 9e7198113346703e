/**
 * A watcher's colour: their cursor, name tag and roster dot. Chosen from a palette of hues that
 * stay apart on the map and on the dark panels; by default derived from the name (the same name
 * gets the same colour in every browser), changeable and then kept in localStorage.
 */
const STORAGE_KEY = 'situation-board:watcher-colour';

export const WATCHER_COLOURS = [
	'#e6194b', // red
	'#3cb44b', // green
	'#4363d8', // blue
	'#f58231', // orange
	'#911eb4', // purple
	'#0aa5c2', // cyan
	'#f032e6', // magenta
	'#9a6324', // brown
	'#808000', // olive
	'#000075' // navy
] as const;

/** FNV-1a over the name: stable across browsers and sessions, spread over the palette. */
export function defaultColourFor(name: string): string {
	let hash = 0x811c9dc5;
	for (let index = 0; index < name.length; index++) {
		hash ^= name.charCodeAt(index);
		hash = Math.imul(hash, 0x01000193);
	}
	return WATCHER_COLOURS[(hash >>> 0) % WATCHER_COLOURS.length] ?? WATCHER_COLOURS[0];
}

/** The colour this watcher picked, or the one their name gives. */
export function watcherColour(name: string): string {
	try {
		const stored = localStorage.getItem(STORAGE_KEY);
		if (stored && (WATCHER_COLOURS as readonly string[]).includes(stored)) return stored;
	} catch {
		// No storage: the name's colour.
	}
	return defaultColourFor(name);
}

export function setWatcherColour(colour: string): void {
	try {
		localStorage.setItem(STORAGE_KEY, colour);
	} catch {
		// The colour lasts for this page.
	}
}

/** Black or white, whichever reads better on `colour` (WCAG relative luminance). */
export function textColourOn(colour: string): '#000000' | '#ffffff' {
	const channel = (offset: number) => {
		const value = parseInt(colour.slice(offset, offset + 2), 16) / 255;
		return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
	};
	const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
	return luminance > 0.35 ? '#000000' : '#ffffff';
}
