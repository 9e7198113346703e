/**
 * The map's DOM-drawn parts copied onto the picture from what the page shows: pin symbols (the
 * SVG the pin layer drew, milsymbol's for units), pin and town labels, sector names, and the pin
 * layer's crowd canvas. Positions come from the elements' own boxes, so whatever Leaflet and CSS
 * did to place them (anchors, transforms, decluttered labels) the picture does too. Others'
 * cursors and open tooltips are left out: the picture is of the board, not of who is watching.
 */

/** One thing to draw, in container pixels; `z` is its pane's stacking order. */
export interface Drawable {
	z: number;
	draw(ctx: CanvasRenderingContext2D): void;
}

/** What the element's pane stacks at (Leaflet panes carry a z-index), 0 when it has none. */
export function paneZ(element: Element): number {
	const pane = element.closest('.leaflet-pane');
	const z = pane ? Number.parseInt(getComputedStyle(pane).zIndex, 10) : Number.NaN;
	return Number.isFinite(z) ? z : 0;
}

/** The element's opacity as shown: its own times every ancestor's up to the map. */
function shownOpacity(element: Element, container: Element): number {
	let opacity = 1;
	for (let at: Element | null = element; at && at !== container; at = at.parentElement) opacity *= Number.parseFloat(getComputedStyle(at).opacity) || 0;
	return opacity;
}

const shown = (element: Element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';

/** Text as the page styles it (font, colour, letter spacing, upper case), with a white halo when it has a text shadow. */
function textDrawable(element: HTMLElement, container: HTMLElement, origin: DOMRect): Drawable | null {
	const text = element.textContent?.trim();
	if (!text || !shown(element)) return null;
	const style = getComputedStyle(element);
	const box = element.getBoundingClientRect();
	const opacity = shownOpacity(element, container);
	const written = style.textTransform === 'uppercase' ? text.toUpperCase() : text;
	return {
		z: paneZ(element),
		draw(ctx) {
			ctx.save();
			ctx.globalAlpha = opacity;
			ctx.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
			if (style.letterSpacing !== 'normal') ctx.letterSpacing = style.letterSpacing;
			ctx.textBaseline = 'middle';
			const x = box.left - origin.left + (Number.parseFloat(style.paddingLeft) || 0);
			const y = box.top - origin.top + box.height / 2;
			if (style.textShadow !== 'none') {
				ctx.lineJoin = 'round';
				ctx.lineWidth = 3.5;
				ctx.strokeStyle = 'rgba(255,255,255,0.92)';
				ctx.strokeText(written, x, y);
			}
			ctx.fillStyle = style.color;
			ctx.fillText(written, x, y);
			ctx.restore();
		}
	};
}

/** An SVG image decoded from the element's markup; shared by every element with the same drawing. */
async function svgImage(svg: SVGSVGElement, cache: Map<string, Promise<HTMLImageElement | null>>): Promise<HTMLImageElement | null> {
	const markup = new XMLSerializer().serializeToString(svg);
	let image = cache.get(markup);
	if (!image) {
		const element = new Image();
		element.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
		image = element.decode().then(
			() => element,
			() => null
		);
		cache.set(markup, image);
	}
	return image;
}

/** Pin symbols drawn as SVG images, sharp at any pixel ratio; `images` holds each one's decoded drawing. */
function glyphDrawables(glyphs: SVGSVGElement[], images: (HTMLImageElement | null)[], container: HTMLElement, origin: DOMRect): Drawable[] {
	return glyphs.flatMap((svg, index) => {
		const image = images[index];
		if (!image) return [];
		const box = svg.getBoundingClientRect();
		const opacity = shownOpacity(svg, container);
		return [{ z: paneZ(svg), draw: (ctx: CanvasRenderingContext2D) => ((ctx.globalAlpha = opacity), ctx.drawImage(image, box.left - origin.left, box.top - origin.top, box.width, box.height), (ctx.globalAlpha = 1)) }];
	});
}

/** A town's dot: a disc in its colour with a white ring, as basemap-style.ts draws it. */
function dotDrawable(dot: HTMLElement, origin: DOMRect): Drawable | null {
	if (!shown(dot)) return null;
	const box = dot.getBoundingClientRect();
	const colour = getComputedStyle(dot).backgroundColor;
	return {
		z: paneZ(dot),
		draw(ctx) {
			ctx.beginPath();
			ctx.arc(box.left - origin.left + box.width / 2, box.top - origin.top + box.height / 2, box.width / 2 + 0.75, 0, 2 * Math.PI);
			ctx.fillStyle = 'rgba(255,255,255,0.9)';
			ctx.fill();
			ctx.beginPath();
			ctx.arc(box.left - origin.left + box.width / 2, box.top - origin.top + box.height / 2, box.width / 2, 0, 2 * Math.PI);
			ctx.fillStyle = colour;
			ctx.fill();
		}
	};
}

/** The pin layer's crowd canvas (many pins), copied as it is: it is already drawn at up to 2×. */
function canvasDrawables(container: HTMLElement, origin: DOMRect): Drawable[] {
	return [...container.querySelectorAll<HTMLCanvasElement>('canvas.sb-pin-canvas')].filter(shown).map((canvas) => {
		const box = canvas.getBoundingClientRect();
		return { z: paneZ(canvas), draw: (ctx) => ctx.drawImage(canvas, box.left - origin.left, box.top - origin.top, box.width, box.height) };
	});
}

/**
 * Decodes the pin symbols' drawings, then returns a function that reads everything DOM-drawn on
 * the map that belongs in the picture. The reading is synchronous, so what it reads, and the paths
 * drawn right after it, are one state of the map even while a replay plays.
 */
export async function prepareElements(container: HTMLElement): Promise<() => Drawable[]> {
	const glyphs = [...container.querySelectorAll<SVGSVGElement>('.leaflet-marker-pane .sb-pin__glyph svg')];
	const cache = new Map<string, Promise<HTMLImageElement | null>>();
	const images = new Map(await Promise.all(glyphs.map(async (svg) => [svg, await svgImage(svg, cache)] as const)));
	return () => {
		const origin = container.getBoundingClientRect();
		const texts = [
			...container.querySelectorAll<HTMLElement>('.sb-town > span'),
			...container.querySelectorAll<HTMLElement>('.leaflet-marker-pane .sb-pin__label'),
			...container.querySelectorAll<HTMLElement>('.leaflet-tooltip.sb-sector-label')
		];
		const dots = [...container.querySelectorAll<HTMLElement>('.sb-town > i')];
		// Markers added since the decoding are left out rather than drawn without their symbol.
		const shownGlyphs = [...container.querySelectorAll<SVGSVGElement>('.leaflet-marker-pane .sb-pin__glyph svg')].filter((svg) => images.has(svg) && shown(svg));
		return [
			...canvasDrawables(container, origin),
			...dots.map((dot) => dotDrawable(dot, origin)).filter((item): item is Drawable => item !== null),
			...glyphDrawables(shownGlyphs, shownGlyphs.map((svg) => images.get(svg) ?? null), container, origin),
			...texts.map((text) => textDrawable(text, container, origin)).filter((item): item is Drawable => item !== null)
		];
	};
}
