/**
 * Following another watcher: our map mirrors their centre and zoom until we move it ourselves.
 * Our own mirroring moves start synchronously inside `apply` (an animated pan fires `movestart`
 * at once; a zoom change is applied without animation), so any `movestart` outside it — a drag,
 * the wheel, a zoom button, a fly-to a sector or a search result — is the watcher's own move.
 */
import type L from 'leaflet';
import type { MapView } from '$lib/model/meta';
import { CURSOR_SEND_INTERVAL_MS } from '$lib/protocol/presence';

/** A pan glides over about the time until their next view update, so the motion joins up. */
const PAN_SECONDS = (CURSOR_SEND_INTERVAL_MS * 1.5) / 1000;

export class FollowController {
	/** The awareness client id of whom we follow, or null. */
	target = $state<number | null>(null);
	private applying = false;
	private lastApplied: MapView | null = null;

	constructor(private readonly map: L.Map) {
		map.on('movestart', this.onMoveStart);
	}

	start(clientId: number, view: MapView | null): void {
		this.target = clientId;
		this.lastApplied = null;
		if (view) this.apply(view);
	}

	stop(): void {
		this.target = null;
		this.lastApplied = null;
	}

	/** Mirrors the followed watcher's view (called whenever their presence changes). */
	apply(view: MapView): void {
		if (this.target === null) return;
		const last = this.lastApplied;
		if (last && last.lat === view.lat && last.lng === view.lng && last.zoom === view.zoom) return;
		this.lastApplied = view;
		this.applying = true;
		try {
			if (Math.round(view.zoom) !== this.map.getZoom()) this.map.setView([view.lat, view.lng], view.zoom, { animate: false });
			else this.map.panTo([view.lat, view.lng], { animate: true, duration: PAN_SECONDS, easeLinearity: 1 });
		} finally {
			this.applying = false;
		}
	}

	destroy(): void {
		this.map.off('movestart', this.onMoveStart);
	}

	private readonly onMoveStart = () => {
		if (!this.applying && this.target !== null) this.stop();
	};
}
