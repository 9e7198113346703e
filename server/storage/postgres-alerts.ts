/**
 * AlertStorage on PostgreSQL (tables in postgres-schema.ts). `raised_order` and a recipient's
 * `position` keep the order the SQLite backend gets from rowid: alerts of one millisecond newest
 * first, recipients as the alert listed them.
 */
import type pg from 'pg';
import type { Alert } from '../../src/lib/protocol/alerts';
import { bigintBound } from './postgres-pool';
import type { AlertStorage } from './storage';
import { alertRowValues, toAlerts, type AlertRow, type RecipientRow } from './storage-rows';


const ALERT_COLUMNS = 'id, board_id, raised_at, priority, text, place, report_id, raised_by_id, raised_by_name';

export function postgresAlertStorage(pool: pg.Pool): AlertStorage {
	const withRecipients = async (rows: AlertRow[]): Promise<Alert[]> => {
		if (rows.length === 0) return [];
		const recipients = await pool.query<RecipientRow>(
			'SELECT alert_id, watcher_id, name, seen_at FROM alert_recipients WHERE alert_id = ANY($1::text[]) ORDER BY alert_id, position',
			[rows.map((row) => row.id)]
		);
		return toAlerts(rows, recipients.rows);
	};

	return {
		async addAlert(alert) {
			// One statement, so the alert and its recipients are stored together or not at all.
			await pool.query(
				`WITH alert AS (
					INSERT INTO alerts (id, board_id, raised_at, priority, text, place, report_id, raised_by_id, raised_by_name)
					VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id
				)
				INSERT INTO alert_recipients (alert_id, watcher_id, position, name)
				SELECT alert.id, recipient.id, recipient.position, recipient.name
				FROM alert, unnest($10::text[], $11::text[]) WITH ORDINALITY AS recipient (id, name, position)`,
				[
					...alertRowValues(alert),
					alert.recipients.map((recipient) => recipient.id),
					alert.recipients.map((recipient) => recipient.name)
				]
			);
		},
		async markAlertSeen(boardId, alertId, watcherId, at) {
			const result = await pool.query(
				`UPDATE alert_recipients SET seen_at = $4 WHERE alert_id = $2 AND watcher_id = $3 AND seen_at IS NULL
				 AND EXISTS (SELECT 1 FROM alerts WHERE id = $2 AND board_id = $1)`,
				[boardId, alertId, watcherId, at]
			);
			return (result.rowCount ?? 0) > 0;
		},
		async getAlert(boardId, alertId) {
			const { rows } = await pool.query<AlertRow>(`SELECT ${ALERT_COLUMNS} FROM alerts WHERE board_id = $1 AND id = $2`, [boardId, alertId]);
			return rows.length > 0 ? (await withRecipients(rows))[0] : undefined;
		},
		async listAlerts(boardId, { until = Infinity, limit }) {
			const { rows } = await pool.query<AlertRow>(
				`SELECT ${ALERT_COLUMNS} FROM alerts WHERE board_id = $1 AND raised_at <= $2 ORDER BY raised_at DESC, raised_order DESC LIMIT $3`,
				[boardId, bigintBound(until), limit]
			);
			return withRecipients(rows);
		}
	};
}
