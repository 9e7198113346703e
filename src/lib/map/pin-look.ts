/**
 * What one pin looks like on the map, whichever way it is drawn (a DOM marker or a canvas
 * sprite): the SVG, its size, the pixel that sits on the pin's position, and where the label goes.
 * Units are their MIL-STD-2525 symbol; places their glyph in the colour of who holds them.
 */
import type { Pin } from '$lib/model/pin';
import { describePin } from './pin-format';
import { CONTROL_COLOURS } from '../legend/pin-legend';
import { changedRecently, PLACE_SIZE, placeSvg } from './pin-style';
import { unitSymbol } from './unit-symbol';

export interface PinLook {
	/** Identifies the drawing: equal keys draw identically (the sprite cache's key). */
	key: string;
	svg: string;
	width: number;
	height: number;
	/** The pixel of the drawing on the pin's position. */
	anchorX: number;
	anchorY: number;
	/** Where the label starts, in pixels right of the position. */
	labelX: number;
	/** Half the drawing's size, for the label declutter's "do not cover this pin" box. */
	radius: number;
	/** Marks shown, as words for CSS classes and tests: `changed`, `contested`, `symbol` (a 2525 symbol). */
	marks: readonly string[];
	/** A unit's SIDC, once drawn by milsymbol. */
	sidc?: string;
}

/** Gap between a symbol's right edge and its label. */
const LABEL_GAP = 3;

/** A unit frame in its side's colour (the legend's colour of the same name), until milsymbol has loaded. */
function fallbackUnitSvg(colour: string): string {
	return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 26 20" width="26" height="20" aria-hidden="true" data-glyph="unit"><rect x="2" y="2" width="22" height="16" fill="${colour}" stroke="#fff" stroke-width="2"/></svg>`;
}

/** Looks by key: thousands of pins share a few dozen drawings, built once each. */
const looks = new Map<string, PinLook>();

/** Plain text for a pin's tooltip: what it is, who holds it and since when. */
export function pinTitle(pin: Pin, reference: number): string {
	return describePin(pin, changedRecently(pin, reference));
}

export function pinLook(pin: Pin, reference: number): PinLook {
	const symbol = pin.kind === 'unit' ? unitSymbol(pin) : null;
	const key =
		pin.kind !== 'unit'
			? `place:${pin.kind}:${pin.control}:${changedRecently(pin, reference) ? 'changed' : ''}`
			: symbol
				? `unit:${symbol.sidc}`
				: `unit-fallback:${pin.side}`;
	let look = looks.get(key);
	if (!look) {
		look = drawLook(pin, reference);
		looks.set(key, look);
	}
	return look;
}

function drawLook(pin: Pin, reference: number): PinLook {
	if (pin.kind === 'unit') {
		const symbol = unitSymbol(pin);
		if (!symbol) {
			const key = `unit-fallback:${pin.side}`;
			return { key, svg: fallbackUnitSvg(CONTROL_COLOURS[pin.side]), width: 26, height: 20, anchorX: 13, anchorY: 10, labelX: 13 + LABEL_GAP, radius: 10, marks: [] };
		}
		const width = Math.ceil(symbol.width);
		const height = Math.ceil(symbol.height);
		return {
			key: `unit:${symbol.sidc}`,
			svg: symbol.svg,
			width,
			height,
			anchorX: Math.round(symbol.anchor.x),
			anchorY: Math.round(symbol.anchor.y),
			labelX: Math.round(width - symbol.anchor.x) + LABEL_GAP,
			radius: Math.min(width, height) / 2,
			marks: ['symbol'],
			sidc: symbol.sidc
		};
	}
	const changed = changedRecently(pin, reference);
	const contested = pin.control === 'contested';
	const half = PLACE_SIZE / 2;
	return {
		key: `place:${pin.kind}:${pin.control}:${changed ? 'changed' : ''}`,
		svg: placeSvg(pin.kind, pin.control, { changed, contested }),
		width: PLACE_SIZE,
		height: PLACE_SIZE,
		anchorX: half,
		anchorY: half,
		// The glyph is 16 px wide inside its 26 px box: the label starts just past the glyph, or
		// past the ring when there is one, so plain places keep their labels close.
		labelX: (changed ? 13 : contested ? 11 : 8) + LABEL_GAP,
		radius: 8,
		marks: [...(changed ? ['changed'] : []), ...(contested ? ['contested'] : [])]
	};
}

/** Every field that shows on the map; a change to anything else (a note, a sector) redraws nothing. */
const DRAWN_FIELDS = ['id', 'name', 'lat', 'lng', 'kind', 'control', 'controlSince', 'side', 'unitType', 'echelon'] as const;

/** Whether two lists of pins draw the same map: same pins, same order, same drawn fields. */
export function drawnAlike(a: readonly Pin[], b: readonly Pin[]): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) {
		const x = a[i]!;
		const y = b[i]!;
		if (x !== y && DRAWN_FIELDS.some((field) => x[field] !== y[field])) return false;
	}
	return true;
}
