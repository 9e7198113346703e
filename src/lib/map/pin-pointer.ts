/**
 * Clicks and hovers on pins drawn on the canvas. The canvas takes no pointer events (it would
 * cover the fronts beneath it), so this listens on the map's container instead: a click is caught
 * on its way down (capture phase) and, when it lands on a canvas pin, stopped before Leaflet sees
 * it — so it selects the pin instead of also counting as a click on the empty map.
 */
import L from 'leaflet';

/** Elements that handle their own clicks: markers, controls, popups. */
const OWN_CLICKS = '.leaflet-marker-icon, .leaflet-control, .leaflet-popup, .leaflet-tooltip';

/** Leaflet's map-drag handler has `moved()` and `moving()` (Map.Drag), which its typings omit. */
type MapDrag = L.Handler & { moved?(): boolean; moving?(): boolean };

export class PinPointer {
	private enabled = true;
	private hovered: string | null = null;
	private pending: MouseEvent | null = null;
	private frame = 0;
	private readonly container: HTMLElement;

	constructor(
		private readonly map: L.Map,
		private readonly pinAt: (layerPoint: L.Point) => string | null,
		private readonly onSelect: (id: string) => void,
		private readonly titleOf: (id: string) => string
	) {
		this.container = map.getContainer();
		this.container.addEventListener('click', this.click, true);
		this.container.addEventListener('mousemove', this.move, { passive: true });
		this.container.addEventListener('mouseleave', this.leave);
	}

	destroy(): void {
		this.container.removeEventListener('click', this.click, true);
		this.container.removeEventListener('mousemove', this.move);
		this.container.removeEventListener('mouseleave', this.leave);
		cancelAnimationFrame(this.frame);
		this.setHovered(null);
	}

	setEnabled(enabled: boolean): void {
		this.enabled = enabled;
		if (!enabled) this.setHovered(null);
	}

	private hit(event: MouseEvent): string | null {
		if (!this.enabled) return null;
		if (event.target instanceof Element && event.target.closest(OWN_CLICKS)) return null;
		return this.pinAt(this.map.mouseEventToLayerPoint(event));
	}

	private readonly click = (event: MouseEvent) => {
		// The end of a drag of the map is not a click on whatever is under the pointer.
		if ((this.map.dragging as MapDrag | undefined)?.moved?.()) return;
		const id = this.hit(event);
		if (!id) return;
		event.stopPropagation();
		this.onSelect(id);
	};

	/** Hover is tested once a frame at most: mousemove fires far more often while panning. */
	private readonly move = (event: MouseEvent) => {
		this.pending = event;
		if (this.frame) return;
		this.frame = requestAnimationFrame(() => {
			this.frame = 0;
			const latest = this.pending;
			this.pending = null;
			if (latest) this.setHovered((this.map.dragging as MapDrag | undefined)?.moving?.() ? null : this.hit(latest));
		});
	};

	private readonly leave = () => this.setHovered(null);

	private setHovered(id: string | null): void {
		if (id === this.hovered) return;
		this.hovered = id;
		this.container.classList.toggle('sb-pin-hover', id !== null);
		// The canvas has no elements to carry tooltips, so the map carries the hovered pin's.
		if (id) this.container.title = this.titleOf(id);
		else this.container.removeAttribute('title');
	}
}
