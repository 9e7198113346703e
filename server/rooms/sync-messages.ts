/**
 * Encoding and decoding of the y-websocket wire format (the `y-websocket` provider's message
 * types), on y-protocols and lib0. Decoding never trusts its input: anything that does not parse
 * is a MalformedMessage for the caller to answer with a close code.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

export type IncomingMessage =
	| { type: 'sync-step-1'; stateVector: Uint8Array }
	| { type: 'update'; update: Uint8Array }
	| { type: 'awareness'; update: Uint8Array }
	| { type: 'query-awareness' }
	| { type: 'auth' };

export class MalformedMessage extends Error {}

export function decodeMessage(data: Uint8Array): IncomingMessage {
	try {
		const decoder = decoding.createDecoder(data);
		const type = decoding.readVarUint(decoder);
		let message: IncomingMessage;
		switch (type) {
			case MESSAGE_SYNC: {
				const syncType = decoding.readVarUint(decoder);
				const payload = decoding.readVarUint8Array(decoder);
				if (syncType === syncProtocol.messageYjsSyncStep1) message = { type: 'sync-step-1', stateVector: payload };
				else if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate)
					message = { type: 'update', update: payload };
				else throw new MalformedMessage(`unknown sync message type ${syncType}`);
				break;
			}
			case MESSAGE_AWARENESS:
				message = { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
				break;
			case MESSAGE_QUERY_AWARENESS:
				message = { type: 'query-awareness' };
				break;
			case MESSAGE_AUTH:
				message = { type: 'auth' };
				break;
			default:
				throw new MalformedMessage(`unknown message type ${type}`);
		}
		return message;
	} catch (error) {
		if (error instanceof MalformedMessage) throw error;
		throw new MalformedMessage('truncated or undecodable message');
	}
}

function syncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	write(encoder);
	return encoding.toUint8Array(encoder);
}

export const encodeSyncStep1 = (stateVector: Uint8Array) =>
	syncMessage((encoder) => {
		encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1);
		encoding.writeVarUint8Array(encoder, stateVector);
	});

export const encodeSyncStep2 = (update: Uint8Array) =>
	syncMessage((encoder) => {
		encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
		encoding.writeVarUint8Array(encoder, update);
	});

export const encodeUpdate = (update: Uint8Array) =>
	syncMessage((encoder) => {
		encoding.writeVarUint(encoder, syncProtocol.messageYjsUpdate);
		encoding.writeVarUint8Array(encoder, update);
	});

export function encodeAwareness(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
	encoding.writeVarUint8Array(encoder, update);
	return encoding.toUint8Array(encoder);
}

/**
 * One state vector that asks for everything either of two asks lacks: per client the lower clock,
 * and a client missing from either is missing from the result. Throws on a vector that does not decode.
 */
export function lowerStateVector(a: Uint8Array, b: Uint8Array): Uint8Array {
	const left = Y.decodeStateVector(a);
	const right = Y.decodeStateVector(b);
	const lower = new Map<number, number>();
	for (const [client, clock] of left) {
		const other = right.get(client);
		if (other !== undefined) lower.set(client, Math.min(clock, other));
	}
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, lower.size);
	for (const [client, clock] of lower) {
		encoding.writeVarUint(encoder, client);
		encoding.writeVarUint(encoder, clock);
	}
	return encoding.toUint8Array(encoder);
}
