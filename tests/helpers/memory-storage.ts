/** A BoardStorage in memory, recording the order of calls; for room tests without SQLite. */
import type { BoardStorage, Keyframe, LoggedUpdate } from '../../server/storage/storage';

export function memoryStorage(events: string[] = []): BoardStorage & { log: LoggedUpdate[]; keyframes: Keyframe[]; failNext: boolean } {
	const log: LoggedUpdate[] = [];
	const keyframes: Keyframe[] = [];
	const store = {
		log,
		keyframes,
		failNext: false,
		async listBoards() {
			return [];
		},
		async getBoard() {
			return undefined;
		},
		async createBoard({ id, title, at }: { id: string; title: string; at: number }) {
			return { id, title, createdAt: at, updatedAt: at };
		},
		async renameBoard() {
			return undefined;
		},
		async appendUpdates(_boardId: string, entries: readonly Omit<LoggedUpdate, 'seq'>[]) {
			if (store.failNext) {
				store.failNext = false;
				throw new Error('disk full');
			}
			for (const entry of entries) log.push({ ...entry, seq: log.length + 1 });
			events.push(`append ${entries.length}`);
			return log.length;
		},
		async writeKeyframe(_boardId: string, keyframe: Keyframe) {
			keyframes.push(keyframe);
		},
		async loadBoard() {
			return { keyframe: null, updates: [...log] };
		},
		async readUpdates(_boardId: string, from: number, to = Infinity) {
			return log.filter((entry) => entry.seq > from && entry.seq <= to);
		},
		async close() {}
	};
	return store;
}
