// The resolve hook of module-trace.mjs (Node runs hooks on their own thread).
import { appendFileSync } from 'node:fs';

/** @type {string | undefined} */
let traceFile;

/** @param {{ file?: string }} data */
export function initialize(data) {
	traceFile = data.file;
}

/**
 * @param {string} specifier
 * @param {unknown} context
 * @param {(specifier: string, context: unknown) => Promise<{ url: string }>} nextResolve
 */
export async function resolve(specifier, context, nextResolve) {
	const resolved = await nextResolve(specifier, context);
	if (traceFile) appendFileSync(traceFile, `${resolved.url}\n`);
	return resolved;
}
