/**
 * Pings on the map: an expanding ring in the sender's colour with their name (dark tag, coloured
 * edge: readable whatever the colour), gone after a few
 * seconds. Used for watchers' pings and for the place of an arriving alert. The name tag is set
 * with textContent (never markup). What mount adds, destroy removes: markers, timers and the CSS.
 */
import L from 'leaflet';
import { ALERT_LIMITS } from '$lib/protocol/alerts';
import { textElement } from './text-content';

/** The ring's box; Leaflet centres the icon on the place. */
const RING_PX = 18;

const CSS = `
.leaflet-container .sb-ping-icon { background: none; border: 0; pointer-events: none; }
.sb-ping { position: relative; width: ${RING_PX}px; height: ${RING_PX}px; }
.sb-ping__ring { position: absolute; inset: 0; border-radius: 50%; box-sizing: border-box;
  border: 3px solid var(--ping-colour); box-shadow: 0 0 0 2px rgba(255,255,255,.85); animation: sb-ping-ring 1.2s ease-out infinite; }
.sb-ping__dot { position: absolute; left: 4px; top: 4px; width: 10px; height: 10px; border-radius: 50%;
  background: var(--ping-colour); box-shadow: 0 0 0 2px #fff; }
.sb-ping__tag { position: absolute; left: 22px; top: -16px; white-space: nowrap; padding: 1px 6px; border-radius: 4px;
  font: 600 12px/16px system-ui, sans-serif; color: #fff; background: #0b1520; border: 2px solid var(--ping-colour);
  box-shadow: 0 1px 4px rgba(0,0,0,.35); }
@keyframes sb-ping-ring { from { transform: scale(1); opacity: 1; } to { transform: scale(4); opacity: 0; } }
@media (prefers-reduced-motion: reduce) { .sb-ping__ring { animation: none; transform: scale(2); } }
`;

export interface PingMark {
	lat: number;
	lng: number;
	/** Who pinged (or what the alert says): shown beside the ring. */
	label: string;
	colour: string;
}

export class PingLayer {
	private readonly style = document.createElement('style');
	private readonly live = new Map<L.Marker, ReturnType<typeof setTimeout>>();

	constructor(private readonly map: L.Map) {
		this.style.textContent = CSS;
		document.head.append(this.style);
	}

	/** Shows a ping for `ms` (a few seconds by default). */
	show(mark: PingMark, ms: number = ALERT_LIMITS.pingMs): void {
		const element = document.createElement('div');
		element.className = 'sb-ping';
		element.dataset.testid = 'map-ping';
		element.style.setProperty('--ping-colour', mark.colour);
		const ring = document.createElement('span');
		ring.className = 'sb-ping__ring';
		const dot = document.createElement('span');
		dot.className = 'sb-ping__dot';
		element.append(ring, dot, textElement(mark.label, 'sb-ping__tag'));
		const marker = L.marker([mark.lat, mark.lng], {
			icon: L.divIcon({ html: element, className: 'sb-ping-icon', iconSize: [RING_PX, RING_PX] }),
			interactive: false,
			keyboard: false,
			zIndexOffset: 10_000
		}).addTo(this.map);
		this.live.set(
			marker,
			setTimeout(() => this.remove(marker), ms)
		);
	}

	destroy(): void {
		for (const marker of [...this.live.keys()]) this.remove(marker);
		this.style.remove();
	}

	private remove(marker: L.Marker): void {
		clearTimeout(this.live.get(marker));
		this.live.delete(marker);
		marker.remove();
	}
}
