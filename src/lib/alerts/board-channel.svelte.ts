/**
 * This page's control-plane channel to one board: joins it (again after every reconnect), keeps
 * the board's alert list with live receipts, the toasts still on screen, and sends alerts,
 * receipts and pings. What an arriving alert or ping does to the page (sound, notification, map)
 * is the caller's, through `onalert` and `onping`.
 *
 * Receipts: an alert counts as seen by the rule of seen-rule.ts — its toast on screen in a visible
 * tab for a moment, or clicked (dismissing is a click) — which the toast watches and reports
 * through `acknowledge`. Delivery alone is not a receipt.
 */
import { newId } from '$lib/model/ids';
import type { Role } from '$lib/protocol/access';
import type { Alert, AlertSeen, JoinedBoard, Ping, RaiseAlertRequest, WatcherRef } from '$lib/protocol/alerts';
import { ERROR_CODES } from '$lib/protocol/errors';
import { connectControl, request, type ControlSocket } from '$lib/sync/control-client';

export interface ChannelOptions {
	token: string | null;
	/** The watcher's colour for pings (#rrggbb), when they have one. */
	colour?: string;
	onalert?: (alert: Alert) => void;
	onping?: (ping: Ping) => void;
}

export class BoardChannel {
	/** The board's alerts, newest first, with receipts as they come in. */
	alerts = $state.raw<Alert[]>([]);
	/** Alerts from others still shown as toasts, newest first. */
	toasts = $state.raw<Alert[]>([]);
	role = $state<Role | null>(null);
	joined = $state(false);
	/** Why joining failed (no access), for the alert panel to say. */
	problem = $state<string | null>(null);

	/** This page as a watcher: random per page, the same across reconnects (its name may change). */
	watcher: WatcherRef;
	private readonly socket: ControlSocket;
	private readonly acknowledged = new Set<string>();

	constructor(
		readonly boardId: string,
		name: string,
		private readonly options: ChannelOptions
	) {
		this.watcher = { id: newId('w'), name };
		this.socket = connectControl(options.token);
		this.socket.on('connect', () => void this.join());
		this.socket.on('disconnect', () => (this.joined = false));
		this.socket.on('alert:raised', (alert) => this.received(alert));
		this.socket.on('alert:seen', (seen) => this.seen(seen));
		this.socket.on('ping', (ping) => this.options.onping?.(ping));
		// Access withdrawn (token revoked, board made private): the server has dropped us from the board.
		this.socket.on('notice', (notice) => {
			if (notice.code !== ERROR_CODES.unauthorized) return;
			this.joined = false;
			this.problem = notice.message;
		});
	}

	/**
	 * The watcher chose another name or colour: join again so alerts, receipts and pings from now
	 * on carry it (the server replaces this connection's watch; the page's id stays).
	 */
	rename(name: string, colour?: string): void {
		if (name === this.watcher.name && colour === this.options.colour) return;
		this.watcher = { ...this.watcher, name };
		this.options.colour = colour;
		if (this.socket.connected) void this.join();
	}

	private async join(): Promise<void> {
		try {
			const joined = await request<JoinedBoard>((ack) =>
				this.socket.emit('board:join', { boardId: this.boardId, watcher: this.watcher, ...(this.options.colour ? { colour: this.options.colour } : {}) }, ack)
			);
			this.role = joined.role;
			this.merge(joined.alerts);
			this.joined = true;
			this.problem = null;
		} catch (error) {
			this.problem = (error as Error).message;
		}
	}

	/** Raises an alert on the board; resolves with it as stored (with its recipients). */
	async raise(input: RaiseAlertRequest): Promise<Alert> {
		const alert = await request<Alert>((ack) => this.socket.emit('alert:raise', input, ack));
		this.merge([alert]);
		return alert;
	}

	/** Pings a place on every other watcher's map. */
	ping(lat: number, lng: number): Promise<null> {
		return request<null>((ack) => this.socket.emit('ping', { lat, lng }, ack));
	}

	/** The alerts raised up to `until` (replay), newest first. */
	listUntil(until: number): Promise<Alert[]> {
		return request<Alert[]>((ack) => this.socket.emit('alerts:list', { until }, ack));
	}

	/** Takes a toast off the screen; dismissing counts as having seen it. */
	dismiss(alertId: string): void {
		this.acknowledge(alertId);
		this.toasts = this.toasts.filter((toast) => toast.id !== alertId);
	}

	/** Tells the sender this watcher has seen the alert (once, and only if it was meant for us). */
	acknowledge(alertId: string): void {
		const alert = this.alerts.find((candidate) => candidate.id === alertId);
		const mine = alert?.recipients.find((recipient) => recipient.id === this.watcher.id);
		if (!mine || mine.seenAt !== null || this.acknowledged.has(alertId)) return;
		this.acknowledged.add(alertId);
		this.socket.emit('alert:ack', { alertId }, (reply) => {
			if (!reply.ok) this.acknowledged.delete(alertId);
		});
	}

	destroy(): void {
		this.socket.disconnect();
	}

	private received(alert: Alert): void {
		this.merge([alert]);
		this.toasts = [alert, ...this.toasts.filter((toast) => toast.id !== alert.id)];
		this.options.onalert?.(alert);
	}

	private seen({ alertId, watcher, at }: AlertSeen): void {
		this.alerts = this.alerts.map((alert) =>
			alert.id !== alertId
				? alert
				: { ...alert, recipients: alert.recipients.map((recipient) => (recipient.id === watcher.id ? { ...recipient, seenAt: at } : recipient)) }
		);
	}

	/** Adds or replaces alerts by id, keeping the list newest first. */
	private merge(incoming: Alert[]): void {
		const byId = new Map(this.alerts.map((alert) => [alert.id, alert]));
		for (const alert of incoming) byId.set(alert.id, alert);
		this.alerts = [...byId.values()].sort((a, b) => b.raisedAt - a.raisedAt);
	}
}
