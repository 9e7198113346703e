/**
 * The keyframe worker: keeps a shadow of every live board and encodes keyframes from it, so the
 * full-state encode (tens of ms on a long-lived board) never stalls the room's event loop.
 */
import { parentPort } from 'node:worker_threads';
import type { FromKeyframeWorker, ToKeyframeWorker } from './keyframe-messages';
import { ShadowDocs } from './shadow-docs';

const shadows = new ShadowDocs();
const port = parentPort;
if (!port) throw new Error('keyframe-worker.ts runs as a worker thread only');

port.on('message', (message: ToKeyframeWorker) => {
	switch (message.type) {
		case 'open':
			shadows.open(message.boardId, message.parts);
			break;
		case 'append':
			shadows.append(message.boardId, message.updates);
			break;
		case 'close':
			shadows.close(message.boardId);
			break;
		case 'snapshot': {
			let reply: FromKeyframeWorker;
			try {
				const state = shadows.snapshot(message.boardId);
				reply = { type: 'snapshot', id: message.id, state };
				// Handed over, not copied, when the array owns its whole buffer (Yjs gives a fresh one).
				const whole = state.byteOffset === 0 && state.byteLength === state.buffer.byteLength;
				port.postMessage(reply, whole ? [state.buffer as ArrayBuffer] : []);
			} catch (error) {
				reply = { type: 'failed', id: message.id, message: (error as Error).message };
				port.postMessage(reply);
			}
			break;
		}
	}
});
