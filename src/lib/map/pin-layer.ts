/**
 * The pins of a board on a Leaflet map: one draggable marker per pin, updated in place as the
 * document changes. Symmetric lifecycle: `mount` adds the layer and its listeners, `destroy`
 * removes exactly those.
 */
import L from 'leaflet';
import type { Pin, PinKind } from '$lib/model/pin';
import { hiddenLabels } from './label-declutter';
import { pinElement } from './pin-style';

/** Which labels win when pins crowd: the selected pin, then cities and rail hubs, then the rest. */
const LABEL_PRIORITY: Partial<Record<PinKind, number>> = { city: 1, 'rail-hub': 2, town: 3 };
const OTHER_PRIORITY = 4;
const LABEL_FONT = '600 12px system-ui, sans-serif';

export interface PinLayerEvents {
	onSelect(id: string): void;
	onMove(id: string, lat: number, lng: number): void;
}

interface Entry {
	marker: L.Marker;
	pin: Pin;
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
	private readonly measure = document.createElement('canvas').getContext('2d');
	private readonly labelWidths = new Map<string, number>();

	constructor(private readonly events: PinLayerEvents) {}

	mount(map: L.Map): this {
		this.map = map;
		this.group.addTo(map);
		map.on('zoomend', this.declutter, this);
		return this;
	}

	destroy(): void {
		this.map?.off('zoomend', this.declutter, this);
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
				this.entries.set(pin.id, { marker: this.createMarker(pin), pin, shown: look });
				continue;
			}
			entry.pin = pin;
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
		this.declutter();
	}

	/** Hides labels that would overlap more important ones (layer pixels: unchanged by panning). */
	private declutter(): void {
		const map = this.map;
		if (!map) return;
		const candidates = [...this.entries.values()].map(({ pin, marker }) => {
			const { x, y } = map.latLngToLayerPoint(marker.getLatLng());
			const priority = pin.id === this.selectedId ? 0 : (LABEL_PRIORITY[pin.kind] ?? OTHER_PRIORITY);
			return { id: pin.id, x, y, width: this.labelWidth(pin.name), priority };
		});
		const hidden = hiddenLabels(candidates);
		for (const { pin, marker } of this.entries.values()) {
			marker.getElement()?.querySelector('.sb-pin')?.classList.toggle('sb-pin--label-hidden', hidden.has(pin.id));
		}
	}

	private labelWidth(name: string): number {
		let width = this.labelWidths.get(name);
		if (width === undefined) {
			if (this.measure) this.measure.font = LABEL_FONT;
			width = this.measure ? this.measure.measureText(name).width : name.length * 7;
			this.labelWidths.set(name, width);
		}
		return width;
	}

	private icon(pin: Pin): L.DivIcon {
		return L.divIcon({ html: pinElement(pin, pin.id === this.selectedId), className: 'sb-pin-icon', iconSize: [16, 16], iconAnchor: [8, 8] });
	}

	private createMarker(pin: Pin): L.Marker {
		const marker = L.marker([pin.lat, pin.lng], {
			icon: this.icon(pin),
			draggable: this.editable,
			keyboard: true,
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
