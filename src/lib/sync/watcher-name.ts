/** The name this browser's watcher goes by, kept in localStorage; recorded with every change. */
const STORAGE_KEY = 'situation-board:watcher-name';

export function watcherName(): string {
	try {
		const stored = localStorage.getItem(STORAGE_KEY);
		if (stored) return stored;
		const name = `Watcher ${Math.floor(1000 + Math.random() * 9000)}`;
		localStorage.setItem(STORAGE_KEY, name);
		return name;
	} catch {
		return 'Watcher';
	}
}
