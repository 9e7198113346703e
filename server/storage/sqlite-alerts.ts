/** AlertStorage on the board server's SQLite file (tables from migration 4 in sqlite-schema.ts). */
import type { Database } from 'better-sqlite3';
import type { Alert } from '../../src/lib/protocol/alerts';
import { alertRowValues, toAlerts, type AlertRow, type RecipientRow } from './storage-rows';
import type { AlertStorage } from './storage';


export function sqliteAlertStorage(db: Database): AlertStorage {
	const statements = {
		insert: db.prepare(
			'INSERT INTO alerts (id, board_id, raised_at, priority, text, place, report_id, raised_by_id, raised_by_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'
		),
		insertRecipient: db.prepare('INSERT INTO alert_recipients (alert_id, watcher_id, name, seen_at) VALUES (?, ?, ?, NULL)'),
		markSeen: db.prepare(
			`UPDATE alert_recipients SET seen_at = ? WHERE alert_id = ? AND watcher_id = ? AND seen_at IS NULL
			 AND alert_id IN (SELECT id FROM alerts WHERE id = ? AND board_id = ?)`
		),
		get: db.prepare<[string, string], AlertRow>('SELECT * FROM alerts WHERE board_id = ? AND id = ?'),
		list: db.prepare<[string, number, number], AlertRow>(
			'SELECT * FROM alerts WHERE board_id = ? AND raised_at <= ? ORDER BY raised_at DESC, rowid DESC LIMIT ?'
		),
		// Recipients of a page of alerts in one query: the ids go in as a JSON array.
		recipients: db.prepare<[string], RecipientRow>(
			'SELECT * FROM alert_recipients WHERE alert_id IN (SELECT value FROM json_each(?)) ORDER BY rowid'
		)
	};

	const add = db.transaction((alert: Alert) => {
		statements.insert.run(...alertRowValues(alert));
		for (const recipient of alert.recipients) statements.insertRecipient.run(alert.id, recipient.id, recipient.name);
	});

	const withRecipients = (rows: AlertRow[]): Alert[] => {
		const recipients = rows.length > 0 ? statements.recipients.all(JSON.stringify(rows.map((alert) => alert.id))) : [];
		return toAlerts(rows, recipients);
	};

	return {
		async addAlert(alert) {
			add(alert);
		},
		async markAlertSeen(boardId, alertId, watcherId, at) {
			return statements.markSeen.run(at, alertId, watcherId, alertId, boardId).changes > 0;
		},
		async getAlert(boardId, alertId) {
			const row = statements.get.get(boardId, alertId);
			return row ? withRecipients([row])[0] : undefined;
		},
		async listAlerts(boardId, { until = Number.MAX_SAFE_INTEGER, limit }) {
			return withRecipients(statements.list.all(boardId, Math.min(until, Number.MAX_SAFE_INTEGER), limit));
		}
	};
}
