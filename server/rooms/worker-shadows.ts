/**
 * Shadow documents in a worker thread (keyframe-worker.ts). If the worker dies, keyframes stop
 * (snapshots reject) but nothing else does: the log alone is the truth, keyframes only make
 * loading and time travel cheaper, and a room still writes one inline when it unloads.
 */
import { Worker } from 'node:worker_threads';
import type { Logger } from '../logger';
import type { FromKeyframeWorker, ToKeyframeWorker } from './keyframe-messages';
import type { ShadowHost } from './shadow-host';

export function workerShadows(logger: Logger): ShadowHost {
	// The worker is TypeScript like the rest of the server; its entry registers tsx first.
	const worker = new Worker(new URL('./keyframe-worker-entry.mjs', import.meta.url));
	worker.unref();
	const waiting = new Map<number, { resolve: (state: Uint8Array) => void; reject: (error: Error) => void }>();
	let nextId = 1;
	let dead: Error | null = null;

	const fail = (error: Error) => {
		if (dead) return;
		dead = error;
		logger.warn(`keyframe worker stopped, boards will load from longer log tails: ${error.message}`);
		for (const { reject } of waiting.values()) reject(error);
		waiting.clear();
	};
	worker.on('error', fail);
	worker.on('exit', (code) => fail(new Error(`exited with code ${code}`)));
	worker.on('message', (message: FromKeyframeWorker) => {
		const request = waiting.get(message.id);
		if (!request) return;
		waiting.delete(message.id);
		if (message.type === 'snapshot') request.resolve(message.state);
		else request.reject(new Error(message.message));
	});

	const post = (message: ToKeyframeWorker) => {
		if (!dead) worker.postMessage(message);
	};
	return {
		open: (boardId, parts) => post({ type: 'open', boardId, parts: [...parts] }),
		append: (boardId, updates) => post({ type: 'append', boardId, updates: [...updates] }),
		close: (boardId) => post({ type: 'close', boardId }),
		snapshot(boardId) {
			if (dead) return Promise.reject(dead);
			const id = nextId++;
			return new Promise((resolve, reject) => {
				waiting.set(id, { resolve, reject });
				post({ type: 'snapshot', boardId, id });
			});
		},
		async terminate() {
			worker.removeAllListeners('exit');
			dead ??= new Error('terminated');
			await worker.terminate();
		}
	};
}
