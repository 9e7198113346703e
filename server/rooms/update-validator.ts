/**
 * Checks an incoming Yjs update before it is applied, stored or broadcast. Today: it must decode,
 * and it may only create the board's top-level types. (Field-level schema checks build on this.)
 */
import * as Y from 'yjs';
import { TOP_LEVEL_NAMES } from '../../src/lib/model/layout';

export type Verdict = { ok: true } | { ok: false; malformed: boolean; reason: string };

export type UpdateValidator = (doc: Y.Doc, update: Uint8Array) => Verdict;

const allowedRoots = new Set(TOP_LEVEL_NAMES);

export const validateUpdate: UpdateValidator = (_doc, update) => {
	let decoded: ReturnType<typeof Y.decodeUpdate>;
	try {
		decoded = Y.decodeUpdate(update);
	} catch {
		return { ok: false, malformed: true, reason: 'update does not decode' };
	}
	for (const struct of decoded.structs) {
		if (!(struct instanceof Y.Item)) continue;
		if (typeof struct.parent === 'string' && !allowedRoots.has(struct.parent)) {
			return { ok: false, malformed: false, reason: `unknown top-level type "${struct.parent}"` };
		}
	}
	return { ok: true };
};
