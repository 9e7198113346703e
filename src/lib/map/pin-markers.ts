/**
 * Pins as Leaflet DOM markers: draggable, focusable with the keyboard, with a tooltip. The pin
 * layer keeps only a few hundred of them at a time (the pins near the view, or just the selected
 * one when the canvas draws the crowd), because each marker is an element the browser composites.
 * Names are inserted as text nodes, never as HTML; the SVGs are our own drawings.
 */
import L from 'leaflet';
import type { Pin } from '$lib/model/pin';
import type { PinLook } from './pin-look';
import type { Offset } from './symbol-spread';

export interface MarkerPin {
	pin: Pin;
	look: PinLook;
	title: string;
	selected: boolean;
	/** Outside the focused sector: drawn faint, kept for context. */
	dimmed: boolean;
}

export interface MarkerEvents {
	onSelect(id: string): void;
	onMove(id: string, lat: number, lng: number): void;
	/** The hover text, read when the pointer arrives (it says how long ago the pin changed). */
	titleOf?(id: string): string;
}

interface Entry {
	marker: L.Marker;
	/** What the marker currently shows, to skip redrawing unchanged pins. */
	shown: string;
	labelHidden: boolean;
	/** How far the symbol is drawn from its place ("dx,dy"; "" when in place): symbol-spread.ts. */
	offset: string;
}

/** Builds a marker's element: the symbol, then the label set as text. */
/** The class of a marker outside the focused sector (pin-css.ts fades it). */
export const OUTSIDE_FOCUS_CLASS = 'sb-pin--outside';

export function pinElement({ pin, look, title, selected, dimmed }: MarkerPin): HTMLElement {
	const root = document.createElement('div');
	const marks = look.marks.map((mark) => ` sb-pin--${mark}`).join('');
	root.className = `sb-pin sb-pin--${pin.kind}${marks}${selected ? ' sb-pin--selected' : ''}${dimmed ? ` ${OUTSIDE_FOCUS_CLASS}` : ''}`;
	root.dataset.pinId = pin.id;
	// Who holds the place, readable without decoding the glyph (tests, and scripts over the page).
	root.dataset.control = pin.control;
	if (look.sidc) root.dataset.sidc = look.sidc;
	// Shown on hover, and the only place the name is when the label is hidden to avoid clutter.
	root.title = title;
	const glyph = document.createElement('span');
	glyph.className = 'sb-pin__glyph';
	glyph.innerHTML = look.svg;
	const label = document.createElement('span');
	label.className = 'sb-pin__label';
	label.textContent = pin.name;
	// Inline, because the label's place depends on the symbol's size.
	label.style.left = `${look.anchorX + look.labelX}px`;
	label.style.top = `${look.anchorY - 8}px`;
	root.append(glyph, label);
	return root;
}

const appearance = ({ look, title, selected, pin, dimmed }: MarkerPin) => `${look.key}|${pin.name}|${title}|${selected}|${dimmed}`;

export class PinMarkers {
	private readonly group = L.layerGroup();
	private readonly entries = new Map<string, Entry>();
	private readonly dragging = new Set<string>();
	private editable = true;

	constructor(private readonly events: MarkerEvents) {}

	mount(map: L.Map): void {
		this.group.addTo(map);
	}

	destroy(): void {
		this.group.clearLayers();
		this.group.remove();
		this.entries.clear();
		this.dragging.clear();
	}

	/** A marker being dragged is kept even if its pin leaves the view: the drop writes its position. */
	isDragging(id: string): boolean {
		return this.dragging.has(id);
	}

	setEditable(editable: boolean): void {
		this.editable = editable;
		for (const { marker } of this.entries.values()) {
			if (editable) marker.dragging?.enable();
			else marker.dragging?.disable();
		}
	}

	/** Shows exactly `items` as markers: adds, moves, restyles and removes as needed. */
	sync(items: readonly MarkerPin[]): void {
		const seen = new Set<string>();
		for (const item of items) {
			const { pin } = item;
			seen.add(pin.id);
			const entry = this.entries.get(pin.id);
			if (!entry) {
				this.entries.set(pin.id, { marker: this.createMarker(item), shown: appearance(item), labelHidden: false, offset: '' });
				continue;
			}
			const position = entry.marker.getLatLng();
			if (!this.dragging.has(pin.id) && (position.lat !== pin.lat || position.lng !== pin.lng)) entry.marker.setLatLng([pin.lat, pin.lng]);
			const look = appearance(item);
			if (entry.shown !== look) {
				entry.marker.setIcon(this.icon(item));
				entry.marker.setZIndexOffset(item.selected ? 1000 : 0);
				entry.shown = look;
				entry.labelHidden = false;
				entry.offset = '';
			}
		}
		for (const [id, entry] of this.entries) {
			if (seen.has(id) || this.dragging.has(id)) continue;
			entry.marker.remove();
			this.entries.delete(id);
		}
	}

	/** Draws each marker's symbol (and label) at its offset from its place; the rest in place. */
	setOffsets(offsets: ReadonlyMap<string, Offset>): void {
		for (const [id, entry] of this.entries) {
			const offset = this.dragging.has(id) ? undefined : offsets.get(id);
			const key = offset ? `${offset.dx},${offset.dy}` : '';
			if (key === entry.offset) continue;
			entry.offset = key;
			const element = entry.marker.getElement()?.querySelector<HTMLElement>('.sb-pin');
			if (!element) continue;
			element.style.transform = offset ? `translate(${offset.dx}px, ${offset.dy}px)` : '';
			element.classList.toggle('sb-pin--nudged', offset !== undefined);
		}
	}

	/** Hides the labels the declutter chose, shows the rest (touching only those that change). */
	setHiddenLabels(hidden: ReadonlySet<string>): void {
		for (const [id, entry] of this.entries) {
			const hide = hidden.has(id);
			if (hide === entry.labelHidden) continue;
			entry.labelHidden = hide;
			entry.marker.getElement()?.querySelector('.sb-pin')?.classList.toggle('sb-pin--label-hidden', hide);
		}
	}

	private icon(item: MarkerPin): L.DivIcon {
		const { look } = item;
		return L.divIcon({ html: pinElement(item), className: 'sb-pin-icon', iconSize: [look.width, look.height], iconAnchor: [look.anchorX, look.anchorY] });
	}

	private createMarker(item: MarkerPin): L.Marker {
		const { id } = item.pin;
		const marker = L.marker([item.pin.lat, item.pin.lng], {
			icon: this.icon(item),
			draggable: this.editable,
			keyboard: true,
			riseOnHover: true,
			autoPan: true,
			zIndexOffset: item.selected ? 1000 : 0
		});
		marker.on('click', () => this.events.onSelect(id));
		marker.on('mouseover', () => {
			const element = marker.getElement()?.querySelector<HTMLElement>('.sb-pin');
			if (element && this.events.titleOf) element.title = this.events.titleOf(id);
		});
		marker.on('dragstart', () => this.dragging.add(id));
		marker.on('dragend', () => {
			this.dragging.delete(id);
			const { lat, lng } = marker.getLatLng();
			this.events.onMove(id, lat, lng);
		});
		marker.addTo(this.group);
		return marker;
	}
}
