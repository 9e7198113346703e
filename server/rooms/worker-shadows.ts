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
	const waiting = new Map<number, { resolve: (state: Uint8Array) => void; reject: (error: Error) => void }>();
	let nextId = 1;
	let dead: Error | null = null;
	// Started with the first live board, not with the server, and let go when the last board
	// closes: a server nobody watches (or one that only answers the API and history) does not carry
	// a second V8 heap (about 14 MB of RSS) for boards it no longer holds.
	let worker: Worker | null = null;
	let openBoards = 0;

	const stopIfIdle = () => {
		if (!worker || openBoards > 0 || waiting.size > 0) return;
		const idle = worker;
		worker = null;
		idle.removeAllListeners('exit');
		idle.removeAllListeners('error');
		idle.on('error', () => {});
		void idle.terminate();
	};

	const fail = (error: Error) => {
		if (dead) return;
		dead = error;
		logger.warn(`keyframe worker stopped, boards will load from longer log tails: ${error.message}`);
		for (const { reject } of waiting.values()) reject(error);
		waiting.clear();
	};
	const start = () => {
		// From the sources (dev, tests) this entry registers tsx and loads keyframe-worker.ts; in the
		// compiled server (scripts/build-server.mjs) the file of this name is the compiled worker itself.
		const started = new Worker(new URL('./keyframe-worker-entry.mjs', import.meta.url));
		started.unref();
		started.on('error', fail);
		started.on('exit', (code) => fail(new Error(`exited with code ${code}`)));
		started.on('message', (message: FromKeyframeWorker) => {
			const request = waiting.get(message.id);
			if (!request) return;
			waiting.delete(message.id);
			if (message.type === 'snapshot') request.resolve(message.state);
			else request.reject(new Error(message.message));
			stopIfIdle();
		});
		return started;
	};

	const post = (message: ToKeyframeWorker) => {
		if (!dead) (worker ??= start()).postMessage(message);
	};
	return {
		open: (boardId, parts) => {
			openBoards += 1;
			post({ type: 'open', boardId, parts: [...parts] });
		},
		append: (boardId, updates) => post({ type: 'append', boardId, updates: [...updates] }),
		close: (boardId) => {
			post({ type: 'close', boardId });
			openBoards = Math.max(0, openBoards - 1);
			stopIfIdle();
		},
		snapshot(boardId) {
			if (dead) return Promise.reject(dead);
			const id = nextId++;
			return new Promise((resolve, reject) => {
				waiting.set(id, { resolve, reject });
				post({ type: 'snapshot', boardId, id });
			});
		},
		async terminate() {
			worker?.removeAllListeners('exit');
			dead ??= new Error('terminated');
			await worker?.terminate();
		}
	};
}
