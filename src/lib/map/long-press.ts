/**
 * A long press on the map's pins: the touch screen's right-click. A finger held still on a pin
 * for LONG_PRESS_MS opens that pin's menu. A finger that moves past MOVE_TOLERANCE_PX first is a
 * pan or a drag and is left alone, so the press never also starts a map drag; and the click, the
 * context menu and the text selection a browser may make of the same press are swallowed, so the
 * press does not also select the pin (on a phone that would cover the menu with the pin's sheet).
 * A right-click on a pin opens the same menu with a mouse.
 */
import L from 'leaflet';

/** How long a finger rests on a pin before its menu opens (Android's own long press is 400–500 ms). */
export const LONG_PRESS_MS = 500;
/** A finger may wobble this far, in CSS pixels, and still be resting. */
const MOVE_TOLERANCE_PX = 10;
/** How long after the menu opens the press's own click or context menu is still its own. */
const SWALLOW_MS = 800;

export class PinLongPress {
	private timer: ReturnType<typeof setTimeout> | null = null;
	private start: { x: number; y: number } | null = null;
	private firedAt = 0;
	private readonly listening = new AbortController();

	constructor(
		private readonly map: L.Map,
		/** The pin under a point of the page (client coordinates), or null. */
		private readonly pinAt: (target: EventTarget | null, clientX: number, clientY: number) => string | null,
		/** Opens the pin's menu at a point of the map's container. */
		private readonly onMenu: (id: string, point: L.Point) => void
	) {
		const container = map.getContainer();
		const options = { signal: this.listening.signal };
		container.addEventListener('touchstart', this.touchStart, { ...options, passive: true });
		container.addEventListener('touchmove', this.touchMove, { ...options, passive: true });
		container.addEventListener('touchend', this.cancel, options);
		container.addEventListener('touchcancel', this.cancel, options);
		// The press's own click comes when the finger lifts, at its point — where the menu may be
		// by then — so it is swallowed on the window, in capture, before anything else sees it.
		window.addEventListener('click', this.swallowAfterPress, { ...options, capture: true });
		container.addEventListener('contextmenu', this.contextMenu, { ...options, capture: true });
	}

	destroy(): void {
		this.cancel();
		this.listening.abort();
	}

	private readonly touchStart = (event: TouchEvent) => {
		this.cancel();
		const touch = event.touches[0];
		if (event.touches.length !== 1 || !touch) return;
		const id = this.pinAt(event.target, touch.clientX, touch.clientY);
		if (!id) return;
		this.start = { x: touch.clientX, y: touch.clientY };
		const point = this.map.mouseEventToContainerPoint(touch as unknown as MouseEvent);
		this.timer = setTimeout(() => {
			this.timer = null;
			this.firedAt = performance.now();
			// Whatever the press began to select goes: a long press is not a text selection.
			window.getSelection()?.removeAllRanges();
			this.onMenu(id, point);
		}, LONG_PRESS_MS);
	};

	private readonly touchMove = (event: TouchEvent) => {
		const touch = event.touches[0];
		if (!this.start || !touch) return;
		if (Math.hypot(touch.clientX - this.start.x, touch.clientY - this.start.y) > MOVE_TOLERANCE_PX) this.cancel();
	};

	private readonly cancel = () => {
		if (this.timer) clearTimeout(this.timer);
		this.timer = null;
		this.start = null;
	};

	private pressJustFired(): boolean {
		return performance.now() - this.firedAt < SWALLOW_MS;
	}

	private readonly swallowAfterPress = (event: MouseEvent) => {
		if (!this.pressJustFired()) return;
		this.firedAt = 0;
		event.stopPropagation();
		event.preventDefault();
	};

	private readonly contextMenu = (event: MouseEvent) => {
		if (this.pressJustFired()) {
			event.preventDefault();
			return;
		}
		const id = this.pinAt(event.target, event.clientX, event.clientY);
		if (!id) return;
		event.preventDefault();
		event.stopPropagation();
		this.onMenu(id, this.map.mouseEventToContainerPoint(event));
	};
}
