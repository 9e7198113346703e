/**
 * [P3] `npm start`'s first step (scripts/ensure-build.mjs), run for real in a folder laid out like
 * the project, whose `npm run build` writes the outputs and stamps them as the real one does: it
 * builds when there is no build, then not again until a source changes, and says why in one line.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILD_OUTPUTS } from '../../scripts/build-fingerprint.mjs';

const SCRIPTS = path.resolve('scripts');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-start-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** A stand-in build: writes every output and counts its runs; its last step is the real stamp script. */
const FAKE_BUILD = [
	`node -e "const fs=require('fs');for(const f of ${JSON.stringify(BUILD_OUTPUTS).replaceAll('"', "'")}){fs.mkdirSync(require('path').dirname(f),{recursive:true});fs.writeFileSync(f,'built')}fs.appendFileSync('builds.log','x')"`,
	`node ${path.join(SCRIPTS, 'stamp-build.mjs')}`
].join(' && ');

function write(file: string, content: string): void {
	fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
	fs.writeFileSync(path.join(root, file), content);
}
function start(): { output: string; builds: number } {
	const run = spawnSync(process.execPath, [path.join(SCRIPTS, 'ensure-build.mjs')], { cwd: root, encoding: 'utf8' });
	expect(run.status, run.stderr).toBe(0);
	const log = path.join(root, 'builds.log');
	return { output: run.stdout, builds: fs.existsSync(log) ? fs.readFileSync(log, 'utf8').length : 0 };
}

describe('npm start rebuilds a stale build', () => {
	write('package.json', JSON.stringify({ name: 'fixture', private: true, scripts: { build: FAKE_BUILD } }));
	write('src/routes/+page.svelte', '<h1>one</h1>');
	write('server/index.ts', 'listen();');

	it('[P3] builds a fresh clone once, then starts without building while nothing changed', () => {
		const first = start();
		expect(first.output).toMatch(/^Rebuilding \(npm run build\): no complete build \(build\/handler\.js is missing\)\.$/m);
		expect(first.builds).toBe(1);
		const second = start();
		expect(second.output).not.toMatch(/Rebuilding/);
		expect(second.builds).toBe(1);
	});

	it('[P3] a changed source makes the next start rebuild first, and the line names it', () => {
		write('src/routes/+page.svelte', '<h1>two</h1>');
		const after = start();
		expect(after.output).toMatch(/^Rebuilding \(npm run build\): 1 source file changed since the last build \(src\/routes\/\+page\.svelte\)\.$/m);
		expect(after.builds).toBe(2);
		expect(start().builds).toBe(2);
	});
});
