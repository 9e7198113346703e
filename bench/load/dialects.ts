/**
 * The two wire dialects the bench speaks with light sockets. Ours and the y-websocket reference
 * server speak plain y-websocket (`[type][...]`, one document per URL). Hocuspocus multiplexes
 * documents on one socket, so every frame starts with the document name, and a document must be
 * authenticated (an empty token is fine with default settings) before anything else is handled.
 * Kept byte-level on lib0 so a light socket costs almost nothing beyond the socket itself.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

const SYNC = 0;
const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;
/** Hocuspocus only: authentication, and a sync answer that asks for no answer back. */
const HOCUSPOCUS_AUTH = 2;
const HOCUSPOCUS_SYNC_REPLY = 4;
const AUTH_TOKEN = 0;

export interface Dialect {
	/** Frames to send once the socket is open: they ask the server for its state. */
	hello(stateVector: Uint8Array): Uint8Array[];
	/** One Yjs update as a frame. */
	update(update: Uint8Array): Uint8Array;
	/** Whether a frame is the server's sync step 2, i.e. the handshake is complete. */
	isSyncStep2(frame: Uint8Array): boolean;
}

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
	const encoder = encoding.createEncoder();
	write(encoder);
	return encoding.toUint8Array(encoder);
}

export const yWebsocketDialect: Dialect = {
	hello: (stateVector) => [
		frame((e) => {
			encoding.writeVarUint(e, SYNC);
			encoding.writeVarUint(e, SYNC_STEP_1);
			encoding.writeVarUint8Array(e, stateVector);
		})
	],
	update: (update) =>
		frame((e) => {
			encoding.writeVarUint(e, SYNC);
			encoding.writeVarUint(e, SYNC_UPDATE);
			encoding.writeVarUint8Array(e, update);
		}),
	isSyncStep2: (data) => data[0] === SYNC && data[1] === SYNC_STEP_2
};

export function hocuspocusDialect(documentName: string): Dialect {
	return {
		hello: (stateVector) => [
			frame((e) => {
				encoding.writeVarString(e, documentName);
				encoding.writeVarUint(e, HOCUSPOCUS_AUTH);
				encoding.writeVarUint(e, AUTH_TOKEN);
				encoding.writeVarString(e, '');
			}),
			frame((e) => {
				encoding.writeVarString(e, documentName);
				encoding.writeVarUint(e, SYNC);
				encoding.writeVarUint(e, SYNC_STEP_1);
				encoding.writeVarUint8Array(e, stateVector);
			})
		],
		update: (update) =>
			frame((e) => {
				encoding.writeVarString(e, documentName);
				encoding.writeVarUint(e, SYNC);
				encoding.writeVarUint(e, SYNC_UPDATE);
				encoding.writeVarUint8Array(e, update);
			}),
		isSyncStep2: (data) => {
			try {
				const decoder = decoding.createDecoder(data);
				decoding.readVarString(decoder);
				const type = decoding.readVarUint(decoder);
				return (type === SYNC || type === HOCUSPOCUS_SYNC_REPLY) && decoding.readVarUint(decoder) === SYNC_STEP_2;
			} catch {
				return false;
			}
		}
	};
}
