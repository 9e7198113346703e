// What a build is made from, as one content hash: `npm start` compares it with the hash stored by
// the last build (scripts/stamp-build.mjs) and rebuilds when they differ, so it never serves an app
// or a server older than the sources. Content, not timestamps: a checkout, a copy or `touch` moves
// times without changing anything, and a `git pull` can bring a change with an older time.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';

/** Everything `npm run build` reads of ours: sources, static files, build scripts, settings, the lock file (node_modules). */
export const BUILD_INPUTS = [
	'src',
	'server',
	'static',
	'scripts',
	'package.json',
	'package-lock.json',
	'vite.config.ts',
	'svelte.config.js',
	'tsconfig.json',
	'tsconfig.server.json'
];

/** Files the build writes among its inputs (gitignored): derived from scripts and packages, which are hashed. */
const GENERATED = new Set(['static/basemap', 'static/gazetteer.json']);

/** What a complete build leaves: without one of these there is nothing whole to serve. */
export const BUILD_OUTPUTS = ['build/handler.js', 'build/node-server/index.mjs', 'static/basemap/countries.json', 'static/gazetteer.json'];

/** Where the last build's fingerprint is kept: inside build/, which the SvelteKit adapter empties on every build. */
export const STAMP_FILE = 'build/build-stamp.json';

/** @param {string} path */
const toPosix = (path) => path.split(sep).join('/');

/** @param {string} root @param {string} path @param {string[]} into */
function listFiles(root, path, into) {
	if (GENERATED.has(path) || !existsSync(join(root, path))) return;
	if (statSync(join(root, path)).isDirectory()) {
		for (const name of readdirSync(join(root, path)).sort()) listFiles(root, `${path}/${name}`, into);
	} else {
		into.push(path);
	}
}

/**
 * `{ hash, files }`: one hash over every input's path and content, and each file's own hash.
 * @param {string} root
 * @returns {{ hash: string, files: Record<string, string> }}
 */
export function fingerprint(root, inputs = BUILD_INPUTS) {
	/** @type {string[]} */
	const paths = [];
	for (const input of inputs) listFiles(root, toPosix(input), paths);
	/** @type {Record<string, string>} */
	const files = {};
	const whole = createHash('sha256');
	for (const path of paths.sort()) {
		files[path] = createHash('sha256').update(readFileSync(join(root, path))).digest('hex');
		whole.update(`${path}\0${files[path]}\n`);
	}
	return { hash: whole.digest('hex'), files };
}

/**
 * Paths added, removed or changed between two fingerprints' file lists.
 * @param {Record<string, string>} before @param {Record<string, string>} after
 */
export function changedFiles(before, after) {
	const paths = new Set([...Object.keys(before), ...Object.keys(after)]);
	return [...paths].filter((path) => before[path] !== after[path]).sort();
}

/**
 * Why the build in `root` must be rebuilt, as one line, or null when it is up to date: no complete
 * build, no stamp, or inputs whose content differs from the stamp's.
 * @param {string} root
 * @returns {string | null}
 */
export function staleReason(root, current = fingerprint(root)) {
	const missing = BUILD_OUTPUTS.find((output) => !existsSync(join(root, output)));
	if (missing) return `no complete build (${missing} is missing)`;
	const stampPath = join(root, STAMP_FILE);
	if (!existsSync(stampPath)) return `the build has no record of its sources (${STAMP_FILE})`;
	/** @type {{ hash?: string, files?: Record<string, string> }} */
	const stamp = JSON.parse(readFileSync(stampPath, 'utf8'));
	if (stamp.hash === current.hash) return null;
	const changed = changedFiles(stamp.files ?? {}, current.files);
	const shown = changed.slice(0, 3).join(', ');
	return `${changed.length} source file${changed.length === 1 ? '' : 's'} changed since the last build (${shown}${changed.length > 3 ? ', …' : ''})`;
}

