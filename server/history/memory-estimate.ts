/**
 * How much memory a board's derived history holds, estimated as it is built, so the history cache
 * can be sized in bytes rather than in boards (one long board can outweigh a hundred short ones).
 *
 * The method: each thing the index keeps is counted when it is added, by the V8 layout of plain
 * values on a 64-bit heap — an object costs a header plus a slot per property, an array a header
 * plus a slot per element, a string a header plus its characters, a non-integer number a boxed
 * double — walked over the value itself (a record's fields, a change entry), so a board of long
 * labels or many-point fronts counts for what it is. The replay document is not walked (its
 * structs are Yjs internals): it is counted as a multiple of the update bytes applied to it,
 * measured on bench/replay.ts-like boards (a tombstone per overwritten value keeps it growing
 * with the log). tests/integration/history-memory.test.ts checks the whole estimate against
 * the heap a derived board really retains.
 */

/** Object and array headers (map, properties, elements, length): 4 words. */
const HEADER = 32;
/** One pointer-size slot. */
const SLOT = 8;
/** A property's slot plus its share of the hidden class and descriptor array. */
const PROPERTY = 24;
/** A boxed double (a coordinate, a time stored as a field). */
const HEAP_NUMBER = 16;
/** String header (map, hash, length) before the one-byte characters. */
const STRING_HEADER = 16;
/**
 * Heap bytes of the replay Y.Doc per byte of update applied to it: 5.3 measured on a 50 000-update
 * board (tests/helpers/long-board.ts), rounded up — Yjs keeps an Item (about a dozen fields) per
 * inserted value, overwritten ones included.
 */
export const DOC_BYTES_PER_UPDATE_BYTE = 6;
/** Per logged update besides its document: its time in the timeline, its share of activity buckets. */
export const PER_UPDATE_BYTES = 24;
/** A version wrapper ({ seq, record }) and its slot in the item's version list. */
export const VERSION_BYTES = HEADER + 2 * PROPERTY + SLOT;

/** Heap bytes of a plain value (JSON-like: what records, meta values and change entries are). */
export function valueBytes(value: unknown): number {
	switch (typeof value) {
		case 'string':
			return STRING_HEADER + value.length;
		case 'number':
			return Number.isInteger(value) && Math.abs(value) < 2 ** 30 ? 0 : HEAP_NUMBER;
		case 'object': {
			if (value === null) return 0;
			if (Array.isArray(value)) {
				let bytes = HEADER + SLOT * value.length;
				for (const element of value) bytes += valueBytes(element);
				return bytes;
			}
			let bytes = HEADER;
			for (const key in value) bytes += PROPERTY + valueBytes((value as Record<string, unknown>)[key]);
			return bytes;
		}
		default:
			return 0; // booleans, undefined: immediates in their slot
	}
}

/** What one logged update adds besides its versions and change entries. */
export function updateBytes(update: Uint8Array): number {
	return PER_UPDATE_BYTES + DOC_BYTES_PER_UPDATE_BYTE * update.byteLength;
}

export const BYTES_PER_MB = 1024 * 1024;
