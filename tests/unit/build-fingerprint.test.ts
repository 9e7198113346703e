/**
 * [P2] `npm start` rebuilds exactly when what the build is made from changed: the fingerprint
 * follows file content, not times, and leaves out what the build itself writes among its inputs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILD_OUTPUTS, changedFiles, fingerprint, STAMP_FILE, staleReason } from '../../scripts/build-fingerprint.mjs';

const fixtures: string[] = [];
afterEach(() => {
	for (const dir of fixtures.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function fixture(files: Record<string, string>): string {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-fingerprint-'));
	fixtures.push(root);
	for (const [file, content] of Object.entries(files)) write(root, file, content);
	return root;
}
function write(root: string, file: string, content: string): void {
	fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
	fs.writeFileSync(path.join(root, file), content);
}
/** What `npm run build` leaves: its outputs and the stamp of its inputs (scripts/stamp-build.mjs). */
function built(root: string): void {
	for (const output of BUILD_OUTPUTS) write(root, output, 'built');
	write(root, STAMP_FILE, JSON.stringify(fingerprint(root)));
}

const SOURCES = { 'src/app.ts': 'export const a = 1;', 'server/index.ts': 'listen();', 'package-lock.json': '{}' };

describe('build fingerprint', () => {
	it('[P2] follows content: a touched file keeps the hash, an edited, added or removed one changes it', () => {
		const root = fixture(SOURCES);
		const first = fingerprint(root);
		const later = new Date(Date.now() + 3_600_000);
		fs.utimesSync(path.join(root, 'src/app.ts'), later, later);
		expect(fingerprint(root).hash).toBe(first.hash);

		write(root, 'src/app.ts', 'export const a = 2;');
		const edited = fingerprint(root);
		expect(edited.hash).not.toBe(first.hash);
		expect(changedFiles(first.files, edited.files)).toEqual(['src/app.ts']);

		write(root, 'src/lib/new.ts', '');
		fs.rmSync(path.join(root, 'server/index.ts'));
		expect(changedFiles(edited.files, fingerprint(root).files)).toEqual(['server/index.ts', 'src/lib/new.ts']);
	});

	it('[P2] leaves out what the build writes among its inputs, and everything outside them', () => {
		const root = fixture(SOURCES);
		const before = fingerprint(root).hash;
		write(root, 'static/basemap/countries.json', '{"generated": true}');
		write(root, 'static/gazetteer.json', '[]');
		write(root, 'data/situation-board.sqlite', 'not an input');
		write(root, 'build/handler.js', 'an output');
		expect(fingerprint(root).hash).toBe(before);
	});

	it('[P2] a build is stale without its outputs, without a stamp, or once a source changed; naming the file', () => {
		const root = fixture(SOURCES);
		expect(staleReason(root)).toMatch(/no complete build/);
		for (const output of BUILD_OUTPUTS) write(root, output, 'built');
		expect(staleReason(root)).toMatch(/no record of its sources/);
		built(root);
		expect(staleReason(root)).toBeNull();
		write(root, 'package-lock.json', '{"lockfileVersion": 3}');
		expect(staleReason(root)).toBe('1 source file changed since the last build (package-lock.json)');
	});
});
