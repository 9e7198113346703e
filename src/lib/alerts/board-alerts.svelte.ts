/**
 * Everything alerts and pings do on a board page, composed in one place so the page only wires
 * it: the control-plane channel, the signals an arriving alert gives (toast, flash tone unless
 * muted, background notification, map ping), ping mode and Alt+click pings, the raise-alert form's
 * state, and the alert list for replay (alerts raised up to the replay moment).
 */
import type L from 'leaflet';
import type { Alert, Ping, RaiseAlertRequest } from '$lib/protocol/alerts';
import { PingLayer } from '$lib/map/ping-layer';
import { colourForName, PRIORITY_COLOURS, PRIORITY_LABELS } from './alert-look';
import { notifyInBackground } from './alert-notification';
import { playFlashTone, unlockAudioOnGesture } from './alert-sound';
import { BoardChannel } from './board-channel.svelte';
import { alertMute } from './mute-setting.svelte';

/** An alert's place is shown at least this close. */
const SHOW_ZOOM = 9;

export class BoardAlerts {
	readonly channel: BoardChannel;
	/** The raise-alert form, while open: whether the next map click picks its place, and the spot picked. */
	form = $state<{ picking: boolean; picked: { lat: number; lng: number } | null } | null>(null);
	/** "Ping" was pressed: the next map click pings there. */
	pingArmed = $state(false);
	/** Every stored alert of the board, loaded when replay opens; filtered by the replay moment. */
	history = $state.raw<Alert[]>([]);
	/** The last failure of a ping or a raise, for the page's problem line. */
	problem = $state<string | null>(null);

	private map: L.Map | null = null;
	private pings: PingLayer | null = null;
	private readonly stopAudio = unlockAudioOnGesture();

	constructor(
		boardId: string,
		name: string,
		token: string | null,
		private readonly boardTitle: () => string,
		/** The watcher's own colour (#rrggbb), for their pings; derived from the name when absent. */
		private colour?: string
	) {
		this.channel = new BoardChannel(boardId, name, {
			token,
			colour,
			onalert: (alert) => this.arrived(alert),
			onping: (ping) => this.pinged(ping)
		});
	}

	attachMap(map: L.Map): void {
		this.pings?.destroy();
		this.map = map;
		this.pings = new PingLayer(map);
	}

	/** Esc: leaves ping mode, or else stops picking a place for the alert form. */
	cancelPicking(): void {
		if (this.pingArmed) this.pingArmed = false;
		else if (this.form?.picking) this.form = { ...this.form, picking: false };
	}

	/** Handles a map click if ping mode or place picking wants it; true when consumed. */
	takeMapClick(lat: number, lng: number): boolean {
		if (this.pingArmed) {
			this.pingArmed = false;
			this.pingAt(lat, lng);
			return true;
		}
		if (this.form?.picking) {
			this.form = { picking: false, picked: { lat, lng } };
			return true;
		}
		return false;
	}

	/** Pings a place on every watcher's map (and shows it here at once). */
	pingAt(lat: number, lng: number): void {
		this.pings?.show({ lat, lng, label: 'you', colour: this.colour ?? colourForName(this.channel.watcher.name) });
		this.channel.ping(lat, lng).then(
			() => (this.problem = null),
			(error: Error) => (this.problem = `Ping not sent: ${error.message}`)
		);
	}

	openForm(): void {
		this.form = { picking: false, picked: null };
	}

	/** Sends the form's alert; resolves with an error message for the form, or null when sent. */
	async raise(input: RaiseAlertRequest): Promise<string | null> {
		try {
			await this.channel.raise(input);
			this.form = null;
			return null;
		} catch (error) {
			return (error as Error).message;
		}
	}

	/** Flies to an alert's place and pings it; a toast shown on the map counts as seen. */
	show(alert: Alert): void {
		this.channel.acknowledge(alert.id);
		if (!alert.place || !this.map) return;
		this.map.flyTo([alert.place.lat, alert.place.lng], Math.max(this.map.getZoom(), SHOW_ZOOM), { duration: 0.8 });
		this.mark(alert);
	}

	async loadHistory(): Promise<void> {
		this.history = await this.channel.listUntil(Number.MAX_SAFE_INTEGER).catch(() => []);
	}

	/** The alerts raised up to a replay moment, newest first. */
	until(time: number): Alert[] {
		return this.history.filter((alert) => alert.raisedAt <= time);
	}

	/** The watcher renamed themselves or changed colour (identity dialog). */
	rename(name: string, colour?: string): void {
		this.colour = colour;
		this.channel.rename(name, colour);
	}

	destroy(): void {
		this.stopAudio();
		this.pings?.destroy();
		this.channel.destroy();
	}

	private arrived(alert: Alert): void {
		if (alert.priority === 'flash' && !alertMute.muted) playFlashTone();
		notifyInBackground(alert, this.boardTitle(), () => this.show(alert));
		this.mark(alert);
	}

	private mark(alert: Alert): void {
		if (alert.place) this.pings?.show({ lat: alert.place.lat, lng: alert.place.lng, label: `${PRIORITY_LABELS[alert.priority]} · ${alert.raisedBy.name}`, colour: PRIORITY_COLOURS[alert.priority] });
	}

	private pinged(ping: Ping): void {
		this.pings?.show({ lat: ping.lat, lng: ping.lng, label: ping.from.name, colour: ping.from.colour ?? colourForName(ping.from.name) });
	}
}
