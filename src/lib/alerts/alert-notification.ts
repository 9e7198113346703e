/**
 * Browser notifications for alerts that arrive while the board's tab is in the background.
 * Permission is asked only from a click on "Enable desktop alerts" (browsers ignore or punish a
 * prompt on load); the notification's text is plain text, which the browser never renders as markup.
 */
import type { Alert } from '$lib/protocol/alerts';
import { PRIORITY_LABELS } from './alert-look';

export type NotificationPermissionState = NotificationPermission | 'unsupported';

export function notificationPermission(): NotificationPermissionState {
	return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

export async function askNotificationPermission(): Promise<NotificationPermissionState> {
	if (typeof Notification === 'undefined') return 'unsupported';
	return Notification.requestPermission();
}

/** Shows a notification when the tab is hidden and allowed to; clicking it brings the board forward. */
export function notifyInBackground(alert: Alert, boardTitle: string, onclick: () => void): void {
	if (typeof Notification === 'undefined' || Notification.permission !== 'granted' || document.visibilityState === 'visible') return;
	const notification = new Notification(`${PRIORITY_LABELS[alert.priority]} · ${boardTitle}`, {
		body: `${alert.raisedBy.name}: ${alert.text}`,
		tag: alert.id,
		requireInteraction: alert.priority === 'flash'
	});
	notification.onclick = () => {
		window.focus();
		onclick();
		notification.close();
	};
}
