/**
 * The before-first-paint script of src/app.html and the theme module agree: the page's first
 * paint and the app after it resolve every stored choice, under either system scheme, to the
 * same theme (the script cannot import the module: it runs before any module loads).
 */
import fs from 'node:fs';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { DARK_SCHEME_QUERY, parseThemeChoice, resolveTheme, THEME_STORAGE_KEY } from '../../src/lib/theme/theme-names';

const APP_HTML = fs.readFileSync('src/app.html', 'utf8');
const THEME_SCRIPT = [...APP_HTML.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1]!).find((script) => script.includes(`'${THEME_STORAGE_KEY}'`));

function firstPaintTheme(stored: string | null, systemDark: boolean, storageThrows = false): string | undefined {
	const root = { dataset: {} as Record<string, string> };
	const context = {
		localStorage: {
			getItem: (key: string) => {
				if (storageThrows) throw new Error('private mode');
				return key === THEME_STORAGE_KEY ? stored : null;
			}
		},
		matchMedia: (query: string) => ({ matches: query === DARK_SCHEME_QUERY && systemDark }),
		document: { documentElement: root }
	};
	vm.runInNewContext(THEME_SCRIPT!, context);
	return root.dataset.theme;
}

describe('the theme before first paint', () => {
	it('[TH4] app.html has one inline theme script, and it resolves every choice as theme-names.ts does', () => {
		expect(THEME_SCRIPT).toBeDefined();
		for (const stored of [null, 'system', 'light', 'dark', 'sepia', '']) {
			for (const systemDark of [false, true]) {
				expect(firstPaintTheme(stored, systemDark), `stored ${stored}, system dark ${systemDark}`).toBe(resolveTheme(parseThemeChoice(stored), systemDark));
			}
		}
	});

	it('[TH4] with storage refused (private mode) the first paint follows the system', () => {
		expect(firstPaintTheme('dark', false, true)).toBe('light');
		expect(firstPaintTheme('light', true, true)).toBe('dark');
	});
});
