/**
 * The name this browser's watcher goes by, kept in localStorage; recorded with every change and
 * shown in presence. Until the watcher picks one (the first-visit prompt), a generated name stands
 * in and is marked as such, so the prompt knows to ask.
 */
import { actorName } from '../model/common';

const STORAGE_KEY = 'situation-board:watcher-name';
/** Set while the stored name is a stand-in nobody chose. */
const GENERATED_KEY = 'situation-board:watcher-name-generated';

export function watcherName(): string {
	try {
		// A stored name that is no longer a valid one (edited by hand, an older version) is replaced:
		// it rides on every change and in presence, where the server refuses what does not fit.
		const stored = actorName.safeParse(localStorage.getItem(STORAGE_KEY));
		if (stored.success) return stored.data;
		const name = `Watcher ${Math.floor(1000 + Math.random() * 9000)}`;
		localStorage.setItem(STORAGE_KEY, name);
		localStorage.setItem(GENERATED_KEY, '1');
		return name;
	} catch {
		return 'Watcher';
	}
}

/** Whether the watcher has named themselves (a name set by hand or by a test counts). */
export function hasChosenName(): boolean {
	try {
		return localStorage.getItem(STORAGE_KEY) !== null && localStorage.getItem(GENERATED_KEY) === null;
	} catch {
		return true; // No storage: asking on every visit would only nag.
	}
}

/** Checks a name as the board will record it; returns the cleaned name or why it will not do. */
export function checkWatcherName(input: string): { ok: true; name: string } | { ok: false; error: string } {
	const parsed = actorName.safeParse(input);
	if (parsed.success) return { ok: true, name: parsed.data };
	return { ok: false, error: input.trim() ? 'A name is at most 64 characters.' : 'Please enter a name.' };
}

export function setWatcherName(name: string): void {
	try {
		localStorage.setItem(STORAGE_KEY, name);
		localStorage.removeItem(GENERATED_KEY);
	} catch {
		// Private mode without storage: the name lasts for this page.
	}
}
