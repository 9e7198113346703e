/**
 * The rule ids quoted in test names and headers are the ones docs/spec.md defines, and every rule
 * there is quoted by some test: an id nobody defines, or a rule nobody tests, fails here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const TESTS = path.resolve('tests');
const SPEC = path.resolve('docs/spec.md');
/** An id opening a test name ('[R1] …) or a header line ( * [C*] …), not an array in code. */
const QUOTED_ID = /(?:['"`]|^ \* )\[([A-Z]+(?:\d+[a-z]?)?)(\*)?\]/gm;
const DEFINED_ID = /^- ([A-Z]+(?:\d+[a-z]?)?) — /gm;

function testFiles(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const file = path.join(dir, entry.name);
		return entry.isDirectory() ? testFiles(file) : entry.name.endsWith('.test.ts') ? [file] : [];
	});
}

describe('spec rule ids', () => {
	const defined = new Set([...fs.readFileSync(SPEC, 'utf8').matchAll(DEFINED_ID)].map((match) => match[1]!));
	const quoted = testFiles(TESTS).flatMap((file) =>
		[...fs.readFileSync(file, 'utf8').matchAll(QUOTED_ID)].map((match) => ({ file: path.relative(TESTS, file), id: match[1]!, family: match[2] === '*' }))
	);

	it('every id a test quotes is defined in docs/spec.md (a family [X*] by at least one X rule)', () => {
		const family = (prefix: string) => [...defined].some((id) => id.replace(/\d+[a-z]?$/, '') === prefix);
		const undefinedIds = quoted.filter(({ id, family: isFamily }) => (isFamily ? !family(id) : !defined.has(id)));
		expect(undefinedIds).toEqual([]);
	});

	it('every rule in docs/spec.md is quoted by a test', () => {
		const quotedIds = new Set(quoted.filter(({ family }) => !family).map(({ id }) => id));
		expect([...defined].filter((id) => !quotedIds.has(id))).toEqual([]);
	});
});
