/**
 * What the nodes of a cluster tell each other about one board, on its Redis channel. Binary
 * (lib0 encoding, as Yjs itself): updates travel as the bytes the log holds. Every message names
 * the node that sent it, so a node skips its own. A message that does not decode is dropped by
 * the receiver with a log line: Redis is trusted infrastructure, but a bad message must cost one
 * message, never the process.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { LoggedUpdate } from '../storage/storage';

export type PeerMessage =
	/** Entries a node just made durable, with their seqs. */
	| { type: 'logged'; node: string; entries: LoggedUpdate[] }
	/** A presence change of a node's own watchers (y-protocols awareness update). */
	| { type: 'awareness'; node: string; update: Uint8Array }
	/** A node just opened the board and asks the others for every presence they know. */
	| { type: 'awareness-query'; node: string };

const KINDS = ['logged', 'awareness', 'awareness-query'] as const;

export function encodePeerMessage(message: PeerMessage): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, KINDS.indexOf(message.type));
	encoding.writeVarString(encoder, message.node);
	if (message.type === 'logged') {
		encoding.writeVarUint(encoder, message.entries.length);
		for (const entry of message.entries) {
			encoding.writeVarUint(encoder, entry.seq);
			encoding.writeFloat64(encoder, entry.at);
			encoding.writeUint8(encoder, entry.actor === null ? 0 : 1);
			if (entry.actor !== null) encoding.writeVarString(encoder, entry.actor);
			encoding.writeVarUint8Array(encoder, entry.update);
		}
	} else if (message.type === 'awareness') {
		encoding.writeVarUint8Array(encoder, message.update);
	}
	return encoding.toUint8Array(encoder);
}

/** Decodes a message; throws on anything that is not one, whole and exact. */
export function decodePeerMessage(bytes: Uint8Array): PeerMessage {
	const decoder = decoding.createDecoder(bytes);
	const type = KINDS[decoding.readVarUint(decoder)];
	if (!type) throw new Error('unknown peer message kind');
	const node = decoding.readVarString(decoder);
	let message: PeerMessage;
	if (type === 'logged') {
		const count = decoding.readVarUint(decoder);
		const entries: LoggedUpdate[] = [];
		for (let index = 0; index < count; index++) {
			const seq = decoding.readVarUint(decoder);
			const at = decoding.readFloat64(decoder);
			const actor = decoding.readUint8(decoder) === 1 ? decoding.readVarString(decoder) : null;
			entries.push({ seq, at, actor, update: decoding.readVarUint8Array(decoder) });
		}
		message = { type, node, entries };
	} else if (type === 'awareness') {
		message = { type, node, update: decoding.readVarUint8Array(decoder) };
	} else {
		message = { type, node };
	}
	if (decoding.hasContent(decoder)) throw new Error(`peer message "${type}" has trailing bytes`);
	return message;
}
