/**
 * The theme the page shows, read from `<html data-theme>` — set before first paint by src/app.html
 * and afterwards by theme-choice.svelte.ts. Code that paints without CSS (the basemap's canvas)
 * reads it here and repaints when it changes, without knowing how the choice is made.
 */
import type { Theme } from './theme-names';

export function currentTheme(): Theme {
	return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

/** Calls `changed` with the new theme whenever it changes; returns the matching stop. */
export function onThemeChange(changed: (theme: Theme) => void): () => void {
	let last = currentTheme();
	const observer = new MutationObserver(() => {
		const now = currentTheme();
		if (now !== last) changed((last = now));
	});
	observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
	return () => observer.disconnect();
}
