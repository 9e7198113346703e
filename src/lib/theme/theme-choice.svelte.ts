/**
 * The watcher's theme choice (System, Light or Dark): one reactive setting for every board, kept
 * in localStorage, applied to `<html data-theme>` as the resolved theme. "System" follows
 * `prefers-color-scheme` live, and a choice made in another tab is taken up here too. The first
 * paint is themed by the inline script in src/app.html, which reads the same key.
 */
import { DARK_SCHEME_QUERY, parseThemeChoice, resolveTheme, THEME_STORAGE_KEY, type Theme, type ThemeChoice } from './theme-names';

function readStored(): ThemeChoice {
	try {
		return parseThemeChoice(localStorage.getItem(THEME_STORAGE_KEY));
	} catch {
		return 'system';
	}
}

class ThemeSetting {
	choice = $state<ThemeChoice>('system');
	#systemDark = $state(false);
	readonly theme: Theme = $derived(resolveTheme(this.choice, this.#systemDark));

	constructor() {
		if (typeof window === 'undefined') return;
		this.choice = readStored();
		const query = matchMedia(DARK_SCHEME_QUERY);
		this.#systemDark = query.matches;
		query.addEventListener('change', (event) => {
			this.#systemDark = event.matches;
			this.#apply();
		});
		addEventListener('storage', (event) => {
			if (event.key !== THEME_STORAGE_KEY) return;
			this.choice = parseThemeChoice(event.newValue);
			this.#apply();
		});
		this.#apply();
	}

	choose(choice: ThemeChoice): void {
		this.choice = choice;
		try {
			if (choice === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
			else localStorage.setItem(THEME_STORAGE_KEY, choice);
		} catch {
			/* private mode: this page only */
		}
		this.#apply();
	}

	#apply(): void {
		document.documentElement.dataset.theme = resolveTheme(this.choice, this.#systemDark);
	}
}

export const themeSetting = new ThemeSetting();
