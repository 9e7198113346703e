/**
 * Loading the gazetteer in the browser: fetched once, on first use (the search box's first focus),
 * not at page load, since most visits never search. Concurrent callers share one request; a failed
 * load is forgotten so the next attempt retries instead of failing forever.
 */
import { readGazetteer } from './gazetteer';
import { PlaceIndex } from './place-index';

/** Where the build writes it (`static/gazetteer.json`, served at the site root). */
export const GAZETTEER_URL = '/gazetteer.json';

export interface LoadTimings {
	/** Request and response body, in ms. */
	readonly fetchMs: number;
	/** JSON parsing, row expansion and index building, in ms. */
	readonly buildMs: number;
	readonly places: number;
}

export interface LoadedGazetteer {
	readonly index: PlaceIndex;
	readonly timings: LoadTimings;
}

let pending: Promise<LoadedGazetteer> | null = null;

/** Builds an index from the file's text; separate so tests and tools can time it without fetch. */
export function indexFromText(text: string): PlaceIndex {
	const { places, home } = readGazetteer(JSON.parse(text));
	return PlaceIndex.build(places, home);
}

async function load(fetcher: typeof fetch, url: string): Promise<LoadedGazetteer> {
	const started = performance.now();
	const response = await fetcher(url);
	if (!response.ok) throw new Error(`place search: ${url} answered ${response.status}`);
	const text = await response.text();
	const fetched = performance.now();
	const index = indexFromText(text);
	const timings = { fetchMs: fetched - started, buildMs: performance.now() - fetched, places: index.size };
	return { index, timings };
}

/** The shared index, loading it on the first call. */
export function loadGazetteer(fetcher: typeof fetch = fetch, url = GAZETTEER_URL): Promise<LoadedGazetteer> {
	pending ??= load(fetcher, url).catch((error: unknown) => {
		pending = null;
		throw error;
	});
	return pending;
}
