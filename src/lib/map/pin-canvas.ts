/**
 * Many pins drawn on one canvas: every pin keeps its own symbol at its own position (nothing is
 * clustered away), but the browser composites one bitmap instead of thousands of elements, so
 * panning stays smooth. Like Leaflet's own canvas renderer, the canvas covers the view plus a
 * margin, moves with the map while it is dragged, scales during zoom animations, and is redrawn
 * when the map settles. It takes no pointer events (fronts underneath stay clickable); the pin
 * layer asks `pinAt` where a click landed.
 */
import L from 'leaflet';
import type { PinLook } from './pin-look';
import { LABEL_HALO, LabelSprites, type PinSprites } from './pin-sprites';
import { OUTSIDE_FOCUS_OPACITY } from './pin-style';

export interface CanvasPin {
	id: string;
	/** Position in layer pixels. */
	x: number;
	y: number;
	look: PinLook;
	colour: string;
	/** Outside the focused sector: drawn at OUTSIDE_FOCUS_OPACITY. */
	dimmed: boolean;
	/** The label to draw, or null when decluttered away. */
	label: string | null;
}

/** Hit-test buckets, in pixels: each pin sits in every bucket its symbol touches. */
const CELL = 48;
const cell = (pixels: number) => Math.floor(pixels / CELL);
const bucketKey = (cx: number, cy: number) => (cx + 1e5) * 2e5 + (cy + 1e5);

export class PinCanvas {
	private readonly canvas = L.DomUtil.create('canvas', 'sb-pin-canvas leaflet-zoom-animated');
	private readonly ctx = this.canvas.getContext('2d');
	/** Where the canvas's top-left corner is on the map, for zoom animations. */
	private topLeft: L.LatLng | null = null;
	private drawn: CanvasPin[] = [];
	private readonly buckets = new Map<number, number[]>();
	private readonly labels = new LabelSprites();

	constructor(
		private readonly map: L.Map,
		pane: HTMLElement,
		private readonly sprites: PinSprites,
		/** Extra drawn area around the view, as a fraction of its size. */
		private readonly padding: number
	) {
		this.canvas.style.pointerEvents = 'none';
		pane.append(this.canvas);
		map.on('zoomanim', this.animateZoom, this);
	}

	destroy(): void {
		this.map.off('zoomanim', this.animateZoom, this);
		this.canvas.remove();
		this.labels.clear();
	}

	/** Draws `pins` (bottom first) and remembers them for hit tests. */
	draw(pins: CanvasPin[]): void {
		const { map, canvas, ctx } = this;
		const size = map.getSize();
		const pad = size.multiplyBy(this.padding).round();
		const origin = map.containerPointToLayerPoint(pad.multiplyBy(-1));
		// Sharp on high-DPI screens, but not beyond 2×: the canvas's memory grows with the square.
		const ratio = Math.min(window.devicePixelRatio || 1, 2);
		const width = size.x + 2 * pad.x;
		const height = size.y + 2 * pad.y;
		if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
			canvas.width = Math.round(width * ratio);
			canvas.height = Math.round(height * ratio);
			canvas.style.width = `${width}px`;
			canvas.style.height = `${height}px`;
		}
		L.DomUtil.setPosition(canvas, origin);
		this.topLeft = map.layerPointToLatLng(origin);
		this.drawn = pins;
		this.buckets.clear();
		if (!ctx) return;
		ctx.setTransform(ratio, 0, 0, ratio, -origin.x * ratio, -origin.y * ratio);
		ctx.clearRect(origin.x, origin.y, width, height);
		pins.forEach((pin, index) => {
			ctx.globalAlpha = pin.dimmed ? OUTSIDE_FOCUS_OPACITY : 1;
			const sprite = this.sprites.get(pin.look, ratio);
			// Whole pixels: a sprite stamped off the pixel grid is resampled, several times slower.
			const left = Math.round(pin.x - pin.look.anchorX);
			const top = Math.round(pin.y - pin.look.anchorY);
			if (sprite) ctx.drawImage(sprite, left, top, pin.look.width, pin.look.height);
			else {
				// Stand-in until the sprite is ready (a frame or two): a dot in the pin's colour.
				ctx.fillStyle = pin.colour;
				ctx.beginPath();
				ctx.arc(pin.x, pin.y, 5, 0, 2 * Math.PI);
				ctx.fill();
			}
			for (let cx = cell(left); cx <= cell(left + pin.look.width); cx++) {
				for (let cy = cell(top); cy <= cell(top + pin.look.height); cy++) {
					const bucket = this.buckets.get(bucketKey(cx, cy));
					if (bucket) bucket.push(index);
					else this.buckets.set(bucketKey(cx, cy), [index]);
				}
			}
		});
		this.drawLabels(ctx, pins, ratio);
		ctx.globalAlpha = 1;
	}

	clear(): void {
		if (this.drawn.length === 0) return;
		this.drawn = [];
		this.buckets.clear();
		this.ctx?.clearRect(0, 0, this.canvas.width, this.canvas.height);
	}

	/** The topmost drawn pin whose symbol covers a layer point, if any. */
	pinAt(point: L.Point): string | null {
		let best = -1;
		for (const index of this.buckets.get(bucketKey(cell(point.x), cell(point.y))) ?? []) {
			const { x, y, look } = this.drawn[index]!;
			const left = x - look.anchorX;
			const top = y - look.anchorY;
			const inside = point.x >= left && point.x <= left + look.width && point.y >= top && point.y <= top + look.height;
			if (inside && index > best) best = index;
		}
		return best < 0 ? null : this.drawn[best]!.id;
	}

	private drawLabels(ctx: CanvasRenderingContext2D, pins: CanvasPin[], ratio: number): void {
		for (const pin of pins) {
			if (pin.label === null) continue;
			ctx.globalAlpha = pin.dimmed ? OUTSIDE_FOCUS_OPACITY : 1;
			const sprite = this.labels.get(pin.label, ratio);
			const width = sprite.width / ratio;
			const height = sprite.height / ratio;
			ctx.drawImage(sprite, Math.round(pin.x + pin.look.labelX - LABEL_HALO), Math.round(pin.y - height / 2), width, height);
		}
	}

	/** Scales the canvas with Leaflet's zoom animation (the same sums as its own renderers, public API only). */
	private animateZoom(event: L.ZoomAnimEvent): void {
		if (!this.topLeft) return;
		const { map } = this;
		const scale = map.getZoomScale(event.zoom, map.getZoom());
		const mapPane = L.DomUtil.getPosition(map.getPane('mapPane')!);
		const newOrigin = map.project(event.center, event.zoom).subtract(map.getSize().divideBy(2)).add(mapPane).round();
		L.DomUtil.setTransform(this.canvas, map.project(this.topLeft, event.zoom).subtract(newOrigin), scale);
	}
}
