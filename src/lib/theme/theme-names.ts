/**
 * The themes and the watcher's choice among them, and how a choice becomes a theme. Pure, so the
 * before-first-paint script of src/app.html can be checked against it (tests/unit/theme-choice.test.ts).
 */
export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];
export type Theme = 'light' | 'dark';

/** Where the choice is kept (localStorage); src/app.html reads the same key before first paint. */
export const THEME_STORAGE_KEY = 'situation-board:theme';
export const DARK_SCHEME_QUERY = '(prefers-color-scheme: dark)';

export const THEME_CHOICE_LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** Anything stored that is not a choice (an old value, a hand edit) means "follow the system". */
export function parseThemeChoice(stored: string | null | undefined): ThemeChoice {
	return (THEME_CHOICES as readonly string[]).includes(stored ?? '') ? (stored as ThemeChoice) : 'system';
}

export function resolveTheme(choice: ThemeChoice, systemPrefersDark: boolean): Theme {
	return choice === 'system' ? (systemPrefersDark ? 'dark' : 'light') : choice;
}
