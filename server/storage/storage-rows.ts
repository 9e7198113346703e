/**
 * The rows both SQL backends store (the same columns in sqlite-schema.ts and postgres-schema.ts)
 * and how a row becomes what the storage contract returns — once, so the two backends cannot
 * drift apart in what they answer.
 */
import type { Role } from '../../src/lib/protocol/access';
import type { Alert, AlertPlace, AlertPriority } from '../../src/lib/protocol/alerts';
import type { BoardSummary } from '../../src/lib/protocol/boards';
import type { StoredToken } from './storage';

export interface BoardRow {
	id: string;
	title: string;
	created_at: number;
	updated_at: number;
}

export const toSummary = (row: BoardRow): BoardSummary => ({ id: row.id, title: row.title, createdAt: row.created_at, updatedAt: row.updated_at });

export interface TokenRow {
	id: string;
	board_id: string;
	hash: string;
	role: Role;
	label: string | null;
	created_at: number;
	revoked_at: number | null;
}

export const toToken = (row: TokenRow): StoredToken => ({
	id: row.id,
	boardId: row.board_id,
	hash: row.hash,
	role: row.role,
	label: row.label,
	createdAt: row.created_at,
	revokedAt: row.revoked_at
});

export interface AlertRow {
	id: string;
	board_id: string;
	raised_at: number;
	priority: AlertPriority;
	text: string;
	place: string | null;
	report_id: string | null;
	raised_by_id: string;
	raised_by_name: string;
}

export interface RecipientRow {
	alert_id: string;
	watcher_id: string;
	name: string;
	seen_at: number | null;
}

/** An alert's row values, in the column order of `alerts` (id … raised_by_name), for an INSERT. */
export function alertRowValues(alert: Alert): [string, string, number, AlertPriority, string, string | null, string | null, string, string] {
	const place = alert.place ? JSON.stringify(alert.place) : null;
	return [alert.id, alert.boardId, alert.raisedAt, alert.priority, alert.text, place, alert.reportId, alert.raisedBy.id, alert.raisedBy.name];
}

/** Alerts from their rows and their recipients' rows (in the order the alert listed them). */
export function toAlerts(rows: readonly AlertRow[], recipients: Iterable<RecipientRow>): Alert[] {
	const byAlert = new Map<string, RecipientRow[]>();
	for (const row of recipients) byAlert.set(row.alert_id, [...(byAlert.get(row.alert_id) ?? []), row]);
	return rows.map((row) => ({
		id: row.id,
		boardId: row.board_id,
		priority: row.priority,
		text: row.text,
		place: row.place ? (JSON.parse(row.place) as AlertPlace) : null,
		reportId: row.report_id,
		raisedAt: row.raised_at,
		raisedBy: { id: row.raised_by_id, name: row.raised_by_name },
		recipients: (byAlert.get(row.id) ?? []).map((recipient) => ({ id: recipient.watcher_id, name: recipient.name, seenAt: recipient.seen_at }))
	}));
}
