/**
 * Pin drawings rasterised once into small bitmaps, so the canvas renderer can stamp thousands of
 * pins with `drawImage` (an SVG image would be re-rasterised on every stamp). A board uses a
 * few dozen distinct drawings (kind × control × marks, side × arm × echelon), so the cache is
 * keyed by the drawing, not by the pin.
 */
import type { PinLook } from './pin-look';
import { LABEL_FONT } from './pin-style';

type Sprite = ImageBitmap | 'loading' | 'failed';

export class PinSprites {
	private readonly sprites = new Map<string, Sprite>();
	private notifyScheduled = false;

	/** `onReady` is called (at most once a frame) when sprites that were asked for have loaded. */
	constructor(private readonly onReady: () => void) {}

	/** The bitmap for a look, or null while it is being made (the caller draws a stand-in). */
	get(look: PinLook, pixelRatio: number): ImageBitmap | null {
		const key = `${look.key}@${pixelRatio}`;
		const sprite = this.sprites.get(key);
		if (sprite instanceof ImageBitmap) return sprite;
		if (!sprite) {
			this.sprites.set(key, 'loading');
			void this.rasterise(look, pixelRatio).then(
				(canvas) => {
					this.sprites.set(key, canvas);
					this.notify();
				},
				// A drawing that cannot be decoded keeps its stand-in dot rather than retrying forever.
				() => this.sprites.set(key, 'failed')
			);
		}
		return null;
	}

	clear(): void {
		this.sprites.clear();
	}

	private async rasterise(look: PinLook, pixelRatio: number): Promise<ImageBitmap> {
		const image = new Image(look.width, look.height);
		image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(look.svg)}`;
		await image.decode();
		const canvas = document.createElement('canvas');
		canvas.width = Math.ceil(look.width * pixelRatio);
		canvas.height = Math.ceil(look.height * pixelRatio);
		canvas.getContext('2d')?.drawImage(image, 0, 0, canvas.width, canvas.height);
		return createImageBitmap(canvas);
	}

	private notify(): void {
		if (this.notifyScheduled) return;
		this.notifyScheduled = true;
		requestAnimationFrame(() => {
			this.notifyScheduled = false;
			this.onReady();
		});
	}
}

/** Room around a label's text for its white halo, in pixels. */
export const LABEL_HALO = 3;
const LABEL_HEIGHT = 16;
/** Enough for every label near the view; past it the cache starts again rather than grow. */
const MAX_LABELS = 4000;

/**
 * Pin names rasterised once each, with their halo. Without a GPU, shaping and stroking text is
 * the slowest thing a canvas does (~0.5 ms a label: a redraw with 250 labels took 130 ms);
 * stamping a bitmap is not.
 */
export class LabelSprites {
	private readonly labels = new Map<string, HTMLCanvasElement>();
	private readonly measure = document.createElement('canvas').getContext('2d');

	get(text: string, pixelRatio: number): HTMLCanvasElement {
		const key = `${pixelRatio}|${text}`;
		let sprite = this.labels.get(key);
		if (!sprite) {
			if (this.labels.size >= MAX_LABELS) this.labels.clear();
			sprite = this.draw(text, pixelRatio);
			this.labels.set(key, sprite);
		}
		return sprite;
	}

	clear(): void {
		this.labels.clear();
	}

	private draw(text: string, pixelRatio: number): HTMLCanvasElement {
		if (this.measure) this.measure.font = LABEL_FONT;
		const width = Math.ceil(this.measure?.measureText(text).width ?? text.length * 7) + 2 * LABEL_HALO;
		const height = LABEL_HEIGHT + 2 * LABEL_HALO;
		const canvas = document.createElement('canvas');
		canvas.width = Math.ceil(width * pixelRatio);
		canvas.height = Math.ceil(height * pixelRatio);
		const ctx = canvas.getContext('2d');
		if (!ctx) return canvas;
		ctx.scale(pixelRatio, pixelRatio);
		ctx.font = LABEL_FONT;
		ctx.textBaseline = 'middle';
		ctx.lineJoin = 'round';
		ctx.lineWidth = 3.5;
		ctx.strokeStyle = 'rgba(255,255,255,0.92)';
		ctx.fillStyle = '#111827';
		ctx.strokeText(text, LABEL_HALO, height / 2);
		ctx.fillText(text, LABEL_HALO, height / 2);
		return canvas;
	}
}
