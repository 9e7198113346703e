/**
 * The pins of a board on a Leaflet map. Every pin is drawn at its own position with its own
 * symbol at every zoom (no clustering: on a situation map, where a unit is *is* the news).
 *
 * Thousands of pins stay fluid by drawing each pin one of two ways:
 * - near the view and few (≤ DOM_HIGH): DOM markers — draggable, keyboard-focusable, tooltips;
 * - many in view: one canvas for the crowd, plus a DOM marker for the selected pin only, so it
 *   can still be dragged. A click on a canvas pin selects it (and so makes it a marker).
 * Either way, only pins within the padded view exist at all, and the set is recomputed when the
 * map settles. Symmetric lifecycle: `destroy` removes exactly what `mount` added.
 */
import L from 'leaflet';
import type { Pin, PinKind } from '$lib/model/pin';
import { hiddenLabels, type LabelCandidate } from './label-declutter';
import { spreadSymbols, type Offset } from './symbol-spread';
import { PinCanvas, type CanvasPin } from './pin-canvas';
import { usePinCss } from './pin-css';
import { drawnAlike, pinLook, pinTitle } from './pin-look';
import { PinMarkers } from './pin-markers';
import { PinLongPress } from './long-press';
import { PinPointer } from './pin-pointer';
import { PinSprites } from './pin-sprites';
import { CONTROL_COLOURS } from '../legend/pin-legend';
import { changeReference, LABEL_FONT } from './pin-style';
import { loadMilsymbol, milsymbolReady } from './unit-symbol';

/** Which labels win when pins crowd: the selected pin, cities, rail hubs, towns and units, the rest. */
const LABEL_PRIORITY: Partial<Record<PinKind, number>> = { city: 1, 'rail-hub': 2, town: 3, unit: 3 };
const OTHER_PRIORITY = 4;
const NO_OFFSETS: ReadonlyMap<string, Offset> = new Map();
/** Above DOM_HIGH pins near the view the canvas takes over; below DOM_LOW markers come back (hysteresis). */
export const DOM_HIGH = 300;
export const DOM_LOW = 200;
/**
 * Pins this far outside the view (a fraction of its size) are drawn too, so short pans show no
 * gaps. Leaflet's own canvas uses 0.1; more costs canvas memory (the area grows with the square).
 */
const PADDING = 0.2;
/** Distinct names whose widths are remembered; past it the cache starts again rather than grow. */
const MAX_WIDTHS = 20_000;
const PANE = 'sbPinCanvas';

export interface PinLayerEvents {
	onSelect(id: string): void;
	onMove(id: string, lat: number, lng: number): void;
	/** Who last changed it, read when the pointer arrives on it. */
	describe?(pin: Pin): string | null;
	/** A long press (touch) or right-click on a pin: its menu, at a point of the map's container. */
	onMenu?(id: string, point: L.Point): void;
}

export class PinLayer {
	private map: L.Map | null = null;
	private canvas: PinCanvas | null = null;
	private pointer: PinPointer | null = null;
	private longPress: PinLongPress | null = null;
	private interactive = true;
	private releaseCss: (() => void) | null = null;
	private readonly markers: PinMarkers;
	private readonly sprites = new PinSprites(() => this.redraw(true));
	private pins: readonly Pin[] = [];
	private selectedId: string | null = null;
	private now: number | undefined;
	private mode: 'markers' | 'canvas' = 'markers';
	/** What was drawn last, so a change elsewhere on a big board (or to a note) redraws nothing. */
	private last: { near: readonly Pin[]; selectedId: string | null; reference: number; focus: string | null } | null = null;
	private focusedSector: string | null = null;
	private frame = 0;
	private readonly measure = document.createElement('canvas').getContext('2d');
	private readonly labelWidths = new Map<string, number>();

	constructor(private readonly events: PinLayerEvents) {
		this.markers = new PinMarkers({ ...events, titleOf: (id) => this.titleOf(id) });
	}

	mount(map: L.Map): this {
		this.map = map;
		this.releaseCss = usePinCss();
		// Above the fronts (overlay pane, 400), below the markers (600) so the selected pin is on top.
		const pane = map.createPane(PANE);
		pane.style.zIndex = '450';
		pane.style.pointerEvents = 'none';
		this.canvas = new PinCanvas(map, pane, this.sprites, PADDING);
		this.pointer = new PinPointer(map, (point) => (this.mode === 'canvas' ? (this.canvas?.pinAt(point) ?? null) : null), (id) => this.events.onSelect(id), (id) => this.titleOf(id));
		const onMenu = this.events.onMenu;
		if (onMenu) this.longPress = new PinLongPress(map, (target, clientX, clientY) => this.pinUnder(target, clientX, clientY), onMenu);
		this.markers.mount(map);
		map.on('moveend', this.onMoveEnd);
		this.render();
		return this;
	}

	destroy(): void {
		const map = this.map;
		if (!map) return;
		map.off('moveend', this.onMoveEnd);
		cancelAnimationFrame(this.frame);
		this.frame = 0;
		this.markers.destroy();
		this.pointer?.destroy();
		this.longPress?.destroy();
		this.longPress = null;
		this.canvas?.destroy();
		map.getPane(PANE)?.remove();
		delete (map as unknown as { _panes: Record<string, HTMLElement> })._panes[PANE];
		this.releaseCss?.();
		this.sprites.clear();
		this.map = this.canvas = this.pointer = this.releaseCss = null;
	}

	setEditable(editable: boolean): void {
		this.markers.setEditable(editable);
	}

	/** While false (say, while a front is being drawn) clicks on canvas pins go to the map. */
	setInteractive(interactive: boolean): void {
		this.interactive = interactive;
		this.pointer?.setEnabled(interactive);
	}

	/** The pin under a point of the page: a marker's element, or a pin the canvas drew there. */
	private pinUnder(target: EventTarget | null, clientX: number, clientY: number): string | null {
		if (!this.interactive || !this.map) return null;
		const marker = target instanceof Element ? target.closest<HTMLElement>('[data-pin-id]') : null;
		if (marker) return marker.dataset.pinId ?? null;
		if (this.mode !== 'canvas' || !this.canvas) return null;
		return this.canvas.pinAt(this.map.mouseEventToLayerPoint({ clientX, clientY } as MouseEvent));
	}

	/**
	 * Brings the map in line with `pins`, on the next frame: a burst of remote changes costs one
	 * redraw, not one each. `now` is the moment "changed hands recently" is measured from (a
	 * replay passes its time); by default, the newest change of control on the board.
	 */
	/** `focusedSector`: pins outside it are drawn faint (null: none is). */
	update(pins: readonly Pin[], selectedId: string | null, focusedSector: string | null = null, now?: number): void {
		this.focusedSector = focusedSector;
		this.pins = pins;
		this.selectedId = selectedId;
		this.now = now;
		if (!milsymbolReady() && pins.some((pin) => pin.kind === 'unit')) void loadMilsymbol().then(() => this.redraw(true));
		this.scheduleRender();
	}

	/** The map settled somewhere else: other pins are near, and all are at new pixels. */
	private readonly onMoveEnd = () => this.redraw();

	/** The view or the drawings changed: draw again even if the pins did not. */
	private redraw(later = false): void {
		this.last = null;
		if (later) this.scheduleRender();
		else this.render();
	}

	private scheduleRender(): void {
		if (this.frame || !this.map) return;
		this.frame = requestAnimationFrame(() => {
			this.frame = 0;
			this.render();
		});
	}

	private render(): void {
		cancelAnimationFrame(this.frame);
		this.frame = 0;
		const map = this.map;
		if (!map || !this.canvas) return;
		const reference = changeReference(this.pins, this.now);
		const bounds = map.getBounds().pad(PADDING);
		const [south, north, west, east] = [bounds.getSouth(), bounds.getNorth(), bounds.getWest(), bounds.getEast()];
		const near = this.pins.filter(
			(pin) => (pin.lat >= south && pin.lat <= north && pin.lng >= west && pin.lng <= east) || pin.id === this.selectedId || this.markers.isDragging(pin.id)
		);
		const focus = this.focusedSector;
		if (this.last && this.last.selectedId === this.selectedId && this.last.reference === reference && this.last.focus === focus && drawnAlike(this.last.near, near)) return;
		this.last = { near, selectedId: this.selectedId, reference, focus };
		const dimmed = (pin: Pin) => focus !== null && pin.sector !== focus && pin.id !== this.selectedId;
		if (this.mode === 'markers' && near.length > DOM_HIGH) this.mode = 'canvas';
		else if (this.mode === 'canvas' && near.length < DOM_LOW) this.mode = 'markers';
		const asMarker = (pin: Pin) => this.mode === 'markers' || pin.id === this.selectedId || this.markers.isDragging(pin.id);

		const drawn = near.map((pin) => {
			const { x, y } = map.latLngToLayerPoint([pin.lat, pin.lng]);
			const priority = pin.id === this.selectedId ? 0 : (LABEL_PRIORITY[pin.kind] ?? OTHER_PRIORITY);
			return { pin, look: pinLook(pin, reference), x, y, priority };
		});
		this.markers.sync(
			drawn.filter(({ pin }) => asMarker(pin)).map(({ pin, look }) => ({ pin, look, title: pinTitle(pin, reference), selected: pin.id === this.selectedId, dimmed: dimmed(pin) }))
		);
		// Markers whose symbols would cover one another are drawn apart, so each can be hovered
		// (a dragged pin stays under the pointer); labels are then placed where the symbols are.
		const offsets: ReadonlyMap<string, Offset> =
			this.mode === 'markers'
				? spreadSymbols(drawn.filter(({ pin }) => !this.markers.isDragging(pin.id)).map(({ pin, look, x, y, priority }) => ({ id: pin.id, x, y, radius: look.radius, priority })))
				: NO_OFFSETS;
		this.markers.setOffsets(offsets);
		const candidates: LabelCandidate[] = drawn.map(({ pin, look, x, y, priority }) => ({
			id: pin.id, x: x + (offsets.get(pin.id)?.dx ?? 0), y: y + (offsets.get(pin.id)?.dy ?? 0), priority, width: this.labelWidth(pin.name), labelX: look.labelX, radius: look.radius
		}));
		const hidden = hiddenLabels(candidates);
		this.markers.setHiddenLabels(hidden);
		const pane = map.getPane(PANE);
		if (pane) pane.dataset.mode = this.mode;
		if (this.mode === 'markers') {
			this.canvas.clear();
			if (pane) pane.dataset.drawn = '0';
			return;
		}
		const crowd: CanvasPin[] = drawn
			.filter(({ pin }) => !asMarker(pin))
			// The least important first, so cities and rail hubs are drawn on top.
			.sort((a, b) => b.priority - a.priority)
			.map(({ pin, look, x, y }) => ({
				id: pin.id, x, y, look,
				colour: CONTROL_COLOURS[pin.kind === 'unit' ? pin.side : pin.control],
				dimmed: dimmed(pin),
				label: hidden.has(pin.id) ? null : pin.name
			}));
		this.canvas.draw(crowd);
		// For tests and the bench: how the pins are drawn, without reaching into the layer.
		if (pane) pane.dataset.drawn = String(crowd.length);
	}

	private titleOf(id: string): string {
		const pin = this.pins.find((candidate) => candidate.id === id);
		if (!pin) return '';
		const change = this.events.describe?.(pin);
		const title = pinTitle(pin, changeReference(this.pins, this.now));
		return change ? `${title}\n${change}` : title;
	}

	private labelWidth(name: string): number {
		let width = this.labelWidths.get(name);
		if (width === undefined) {
			if (this.labelWidths.size >= MAX_WIDTHS) this.labelWidths.clear();
			if (this.measure) this.measure.font = LABEL_FONT;
			width = this.measure ? this.measure.measureText(name).width : name.length * 7;
			this.labelWidths.set(name, width);
		}
		return width;
	}
}
