/**
 * A HistoryStorage in memory, recording the order of calls; for room tests without SQLite, and the
 * second backend of the storage contract suite, so it keeps each board's log and keyframes apart.
 * `log` and `keyframes` are every board's entries in the order they came, for tests that watch one
 * room; `failNext` makes the next append fail as a full disk would, `down` every append until it
 * is cleared (a database away), counting the refusals in `failedAppends`.
 */
import type { BoardSummary } from '../../src/lib/protocol/boards';
import type { Alert } from '../../src/lib/protocol/alerts';
import type { AlertStorage, HistoryStorage, Keyframe, LoggedUpdate, NewLogEntry } from '../../server/storage/storage';

export function memoryStorage(events: string[] = []): HistoryStorage & { log: LoggedUpdate[]; keyframes: Keyframe[]; failNext: boolean; down: boolean; failedAppends: number } {
	const boards = new Map<string, BoardSummary>();
	const logs = new Map<string, LoggedUpdate[]>();
	const keyframesOf = new Map<string, Keyframe[]>();
	const of = <T>(map: Map<string, T[]>, boardId: string): T[] => map.get(boardId) ?? map.set(boardId, []).get(boardId)!;
	const copy = (entry: LoggedUpdate): LoggedUpdate => ({ ...entry });
	const store = {
		log: [] as LoggedUpdate[],
		keyframes: [] as Keyframe[],
		failNext: false,
		down: false,
		failedAppends: 0,
		async listBoards() {
			return [...boards.values()].sort((a, b) => b.updatedAt - a.updatedAt).map((board) => ({ ...board }));
		},
		async getBoard(id: string) {
			const board = boards.get(id);
			return board && { ...board };
		},
		async createBoard({ id, title, at }: { id: string; title: string; at: number }) {
			if (boards.has(id)) throw new Error(`board ${id} exists`);
			boards.set(id, { id, title, createdAt: at, updatedAt: at });
			return { ...boards.get(id)! };
		},
		async renameBoard(id: string, title: string, at: number) {
			const board = boards.get(id);
			if (!board) return undefined;
			Object.assign(board, { title, updatedAt: at });
			return { ...board };
		},
		async appendUpdates(boardId: string, entries: readonly NewLogEntry[]) {
			if (store.failNext || store.down) {
				store.failNext = false;
				store.failedAppends++;
				throw new Error(store.down ? 'database unreachable' : 'disk full');
			}
			const log = of(logs, boardId);
			for (const entry of entries) {
				const logged = { ...entry, seq: log.length + 1 };
				log.push(logged);
				store.log.push(logged);
			}
			events.push(`append ${entries.length}`);
			return log.length;
		},
		async writeKeyframe(boardId: string, keyframe: Keyframe) {
			of(keyframesOf, boardId).push(keyframe);
			store.keyframes.push(keyframe);
		},
		async loadBoard(boardId: string) {
			const keyframe = await store.keyframeAtOrBefore(boardId, Infinity);
			return { keyframe, updates: await store.readUpdates(boardId, keyframe?.seq ?? 0) };
		},
		async readUpdates(boardId: string, from: number, to = Infinity) {
			return of(logs, boardId).filter((entry) => entry.seq > from && entry.seq <= to).map(copy);
		},
		async keyframeAtOrBefore(boardId: string, seq: number) {
			const older = of(keyframesOf, boardId).filter((keyframe) => keyframe.seq <= seq);
			return older.reduce<Keyframe | null>((newest, keyframe) => (newest && newest.seq > keyframe.seq ? newest : keyframe), null);
		},
		async seqAt(boardId: string, time: number) {
			// Times never go backwards within a board, so the last entry at or before `time` is the answer.
			return of(logs, boardId).findLast((entry) => entry.at <= time)?.seq ?? 0;
		},
		async close() {}
	};
	return store;
}

/** AlertStorage in memory: the second backend the alert contract suite runs against. */
export function memoryAlertStorage(): AlertStorage {
	const alerts: Alert[] = [];
	const copy = (alert: Alert): Alert => structuredClone(alert);
	return {
		async addAlert(alert) {
			if (alerts.some((stored) => stored.id === alert.id)) throw new Error(`alert ${alert.id} exists`);
			alerts.push(copy({ ...alert, recipients: alert.recipients.map((recipient) => ({ ...recipient, seenAt: null })) }));
		},
		async markAlertSeen(boardId, alertId, watcherId, at) {
			const recipient = alerts
				.find((alert) => alert.boardId === boardId && alert.id === alertId)
				?.recipients.find((candidate) => candidate.id === watcherId);
			if (!recipient || recipient.seenAt !== null) return false;
			recipient.seenAt = at;
			return true;
		},
		async getAlert(boardId, alertId) {
			const alert = alerts.find((stored) => stored.boardId === boardId && stored.id === alertId);
			return alert ? copy(alert) : undefined;
		},
		async listAlerts(boardId, { until = Infinity, limit }) {
			return alerts
				.map((alert, order) => ({ alert, order }))
				.filter(({ alert }) => alert.boardId === boardId && alert.raisedAt <= until)
				.sort((a, b) => b.alert.raisedAt - a.alert.raisedAt || b.order - a.order)
				.slice(0, limit)
				.map(({ alert }) => copy(alert));
		}
	};
}
