/**
 * The y-protocols awareness update, read and written by us so the room can check each entry before
 * y-protocols applies it (awareness-guard.ts). The format (y-protocols `encodeAwarenessUpdate`):
 * varUint count, then per entry varUint clientID, varUint clock, varString JSON state (null: the
 * client left). Decoding never trusts its input: anything that does not parse, or has bytes left
 * over, is a MalformedAwareness naming what is wrong.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export interface AwarenessEntry {
	clientId: number;
	clock: number;
	/** The state as sent; null when the client left. Any JSON value: the guard checks its shape. */
	state: unknown;
	/** The state's JSON as sent, re-sent unchanged when the entry is applied. */
	json: string;
	/** Size of the JSON in UTF-8 bytes, as it came over the wire. */
	bytes: number;
}

export class MalformedAwareness extends Error {}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
	const decoder = decoding.createDecoder(update);
	const count = read(decoder, decoding.readVarUint, 'the entry count');
	const entries: AwarenessEntry[] = [];
	for (let index = 0; index < count; index++) {
		const where = `entry ${index + 1} of ${count}`;
		const clientId = read(decoder, decoding.readVarUint, `the client id of ${where}`);
		const clock = read(decoder, decoding.readVarUint, `the clock of ${where}`);
		const raw = read(decoder, decoding.readVarUint8Array, `the state of ${where}`);
		let json: string;
		try {
			json = utf8.decode(raw);
		} catch {
			throw new MalformedAwareness(`awareness state of client ${clientId} is not UTF-8`);
		}
		let state: unknown;
		try {
			state = JSON.parse(json);
		} catch {
			throw new MalformedAwareness(`awareness state of client ${clientId} is not JSON`);
		}
		entries.push({ clientId, clock, state, json, bytes: raw.length });
	}
	if (decoding.hasContent(decoder)) throw new MalformedAwareness(`awareness update has ${update.length - decoder.pos} bytes after its ${count} entries`);
	return entries;
}

export function encodeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, entries.length);
	for (const entry of entries) {
		encoding.writeVarUint(encoder, entry.clientId);
		encoding.writeVarUint(encoder, entry.clock);
		encoding.writeVarString(encoder, entry.json);
	}
	return encoding.toUint8Array(encoder);
}

/** One lib0 read; running off the end (or a number past 2^53) names the part that was cut. */
function read<T>(decoder: decoding.Decoder, reader: (decoder: decoding.Decoder) => T, what: string): T {
	try {
		return reader(decoder);
	} catch {
		throw new MalformedAwareness(`awareness update is cut short in ${what}`);
	}
}
