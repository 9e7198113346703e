/** A BoardStorage in memory, recording the order of calls; for room tests without SQLite. */
import type { Alert } from '../../src/lib/protocol/alerts';
import type { AlertStorage, BoardStorage, Keyframe, LoggedUpdate } from '../../server/storage/storage';

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
