/**
 * Lint holds structure and real bugs, not style: the layer zones of eslint.layers.js, no import
 * cycles, and the recommended sets of ESLint, typescript-eslint and eslint-plugin-svelte. Types are
 * checked by svelte-check and tsc in the same `npm run check`, so nothing here needs type info.
 */
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import svelteConfig from './svelte.config.js';
import { layerZones, roomsForbiddenPackages } from './eslint.layers.js';

export default tseslint.config(
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'static/', 'bench/results/'] },
	js.configs.recommended,
	...tseslint.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		plugins: { 'import-x': importX },
		settings: {
			// Resolves `$lib/...` through the tsconfig SvelteKit generates, so `$lib` and relative
			// imports of the same file are one module to the layer and cycle rules.
			'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
			'import-x/extensions': ['.ts', '.js', '.mjs', '.svelte'],
			// The cycle rule parses every dependency: each kind of file with its own parser, not the
			// parser of the file being linted (a .svelte file's parser cannot read a .ts module).
			'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.js', '.mjs'], 'svelte-eslint-parser': ['.svelte'] }
		},
		rules: {
			'import-x/no-restricted-paths': ['error', { zones: layerZones }],
			// A cycle makes load order matter and hides which module is the lower layer.
			'import-x/no-cycle': ['error', { ignoreExternal: true }],
			// Unused imports and variables are real dead code; a leading _ marks one kept on purpose.
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }
			],
			// Plain-text labels and file names match control characters on purpose, to refuse them.
			'no-control-regex': 'off',
			// It takes any method named `apply` (ChangeDrafter.apply, a demo step's) for Function.apply.
			'prefer-spread': 'off',
			// Runes state here is copy-on-write (a new Map assigned to $state.raw) or private and not
			// shown; SvelteMap/SvelteSet would make those reactive for nothing.
			'svelte/prefer-svelte-reactivity': 'off',
			// The app is served at the root (no kit.paths.base), so resolve() would change no link.
			'svelte/no-navigation-without-resolve': 'off',
			// A form copying a prop into $state and resetting it in an effect is a choice, not a bug.
			'svelte/prefer-writable-derived': 'off',
			// Unkeyed lists here hold plain elements without component state; keys would not change them.
			'svelte/require-each-key': 'off'
		}
	},
	{
		// TypeScript already refuses undefined names, and no-undef does not know its DOM types (RequestInit).
		files: ['**/*.ts', '**/*.svelte'],
		rules: { 'no-undef': 'off' }
	},
	{
		// Tests read HTTP and socket answers loosely and pin them down with expect().
		files: ['tests/**'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' }
	},
	{
		files: ['server/rooms/**'],
		rules: { 'no-restricted-imports': ['error', { paths: roomsForbiddenPackages }] }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: { projectService: false, extraFileExtensions: ['.svelte'], parser: tseslint.parser, svelteConfig }
		}
	}
);
