/**
 * The pins of a board on a Leaflet map: one draggable marker per pin, updated in place as the
 * document changes. Symmetric lifecycle: `mount` adds the layer and its listeners, `destroy`
 * removes exactly those.
 */
import L from 'leaflet';
import type { Pin } from '$lib/model/pin';
import { pinElement } from './pin-style';

export interface PinLayerEvents {
	onSelect(id: string): void;
	onMove(id: string, lat: number, lng: number): void;
}

interface Entry {
	marker: L.Marker;
	/** What the marker currently shows, to skip redrawing unchanged pins. */
	shown: string;
}

const appearance = (pin: Pin, selected: boolean) => `${pin.name}|${pin.kind}|${pin.control}|${selected}`;

export class PinLayer {
	private readonly group = L.layerGroup();
	private readonly entries = new Map<string, Entry>();
	private map: L.Map | null = null;
	private selectedId: string | null = null;
	private editable = true;
	private readonly dragging = new Set<string>();

	constructor(private readonly events: PinLayerEvents) {}

	mount(map: L.Map): this {
		this.map = map;
		this.group.addTo(map);
		return this;
	}

	destroy(): void {
		this.group.clearLayers();
		this.group.remove();
		this.entries.clear();
		this.dragging.clear();
		this.map = null;
	}

	setEditable(editable: boolean): void {
		this.editable = editable;
		for (const { marker } of this.entries.values()) {
			if (editable) marker.dragging?.enable();
			else marker.dragging?.disable();
		}
	}

	/** Brings the markers in line with `pins`: adds, moves, restyles and removes as needed. */
	update(pins: readonly Pin[], selectedId: string | null): void {
		this.selectedId = selectedId;
		const seen = new Set<string>();
		for (const pin of pins) {
			seen.add(pin.id);
			const look = appearance(pin, pin.id === selectedId);
			const entry = this.entries.get(pin.id);
			if (!entry) {
				this.entries.set(pin.id, { marker: this.createMarker(pin), shown: look });
				continue;
			}
			const position = entry.marker.getLatLng();
			// Leave a marker alone while it is being dragged: the drop will write its position.
			if (!this.dragging.has(pin.id) && (position.lat !== pin.lat || position.lng !== pin.lng)) entry.marker.setLatLng([pin.lat, pin.lng]);
			if (entry.shown !== look) {
				entry.marker.setIcon(this.icon(pin));
				entry.marker.setZIndexOffset(pin.id === selectedId ? 1000 : 0);
				entry.shown = look;
			}
		}
		for (const [id, entry] of this.entries) {
			if (seen.has(id)) continue;
			entry.marker.remove();
			this.entries.delete(id);
		}
	}

	private icon(pin: Pin): L.DivIcon {
		return L.divIcon({ html: pinElement(pin, pin.id === this.selectedId), className: 'sb-pin-icon', iconSize: [16, 16], iconAnchor: [8, 8] });
	}

	private createMarker(pin: Pin): L.Marker {
		const marker = L.marker([pin.lat, pin.lng], {
			icon: this.icon(pin),
			draggable: this.editable,
			keyboard: true,
			title: pin.name,
			riseOnHover: true,
			autoPan: true
		});
		marker.on('click', () => this.events.onSelect(pin.id));
		marker.on('dragstart', () => this.dragging.add(pin.id));
		marker.on('dragend', () => {
			this.dragging.delete(pin.id);
			const { lat, lng } = marker.getLatLng();
			this.events.onMove(pin.id, lat, lng);
		});
		marker.addTo(this.group);
		return marker;
	}
}
