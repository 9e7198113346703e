/**
 * How a place looks: a glyph by kind, a colour by who holds it, one legend for the whole board.
 * Contested places wear a dashed amber ring; a place that changed hands lately a thin solid ring
 * in its new colour. Everything here is SVG text built from our own constants, never user text.
 */
import { CONTROL_COLOURS } from '../legend/pin-legend';
import type { ControlState, Pin, PinKind } from '$lib/model/pin';

/** The font of pin labels: the markers' CSS, the canvas and the declutter's measurements share it. */
export const LABEL_FONT = '600 12px system-ui, sans-serif';

/** How long a change of hands is marked, counted back from the board's newest change. */
export const CHANGE_WINDOW_MS = 72 * 3_600_000;

/**
 * The moment "recently" is measured from: `now` when given (a replay passes its time), else the
 * newest `controlSince` on the board. Not the wall clock, so a board replaying 2022 still marks
 * the places that changed hands in its last days.
 */
export function changeReference(pins: readonly Pin[], now?: number): number {
	if (now !== undefined) return now;
	let newest = -Infinity;
	for (const pin of pins) if (pin.kind !== 'unit' && pin.controlSince !== undefined && pin.controlSince > newest) newest = pin.controlSince;
	return newest;
}

/** A place (not a unit) whose control changed within the window before `reference`. */
export function changedRecently(pin: Pin, reference: number): boolean {
	const since = pin.controlSince;
	return pin.kind !== 'unit' && since !== undefined && since <= reference && reference - since <= CHANGE_WINDOW_MS;
}

/** Paint for one pass of a glyph: the white halo underneath, then the coloured shape. */
interface Paint {
	fill: string;
	/** Added to every stroke width: the halo's margin. */
	grow: number;
	/** Colour of details cut into the shape (a city's centre, a rail track). */
	detail: string;
}

const solid = (p: Paint, shape: string) => `${shape.slice(0, -2)} fill="${p.fill}" stroke="${p.fill}" stroke-width="${p.grow}"/>`;
const line = (p: Paint, d: string, width: number) =>
	`<path d="${d}" fill="none" stroke="${p.fill}" stroke-width="${width + p.grow}" stroke-linecap="round" stroke-linejoin="round"/>`;
const detail = (p: Paint, d: string, width: number) => (p.grow ? '' : `<path d="${d}" fill="none" stroke="${p.detail}" stroke-width="${width}"/>`);

/** 16×16 shapes. Rail hubs, bridges and airfields get pictures of themselves. */
const GLYPHS: Record<PinKind, (p: Paint) => string> = {
	town: (p) => solid(p, '<circle cx="8" cy="8" r="4.5"/>'),
	city: (p) => solid(p, '<circle cx="8" cy="8" r="6"/>') + solid({ ...p, fill: p.grow ? p.fill : p.detail }, '<circle cx="8" cy="8" r="2.2"/>'),
	unit: (p) => solid(p, '<rect x="1.5" y="3.5" width="13" height="9"/>'),
	'rail-hub': (p) => solid(p, '<rect x="1.5" y="1.5" width="13" height="13" rx="2.5"/>') + detail(p, 'M6 3v10M10 3v10M4.5 5h7M4.5 8h7M4.5 11h7', 1.2),
	bridge: (p) => line(p, 'M1.5 11.5Q8 3.5 14.5 11.5', 2.4) + line(p, 'M1 12.5h14', 1.8),
	crossing: (p) => line(p, 'M2 4q3 2 6 0t6 0M2 8q3 2 6 0t6 0M2 12q3 2 6 0t6 0', 1.8),
	airfield: (p) =>
		solid(p, '<path d="M8 .8c.7 0 1.1.8 1.1 1.7V6l5.6 3.3v1.6L9.1 9.2v3.1l1.7 1.3v1.5L8 14.3l-2.8.8v-1.5l1.7-1.3V9.2l-5.6 1.7V9.3L6.9 6V2.5C6.9 1.6 7.3.8 8 .8z"/>'),
	port: (p) => line(p, 'M8 5.2v8.6M3 9.5q5 6.5 10 0M5.5 7h5', 1.6) + line(p, 'M8 1.4a1.8 1.8 0 1 0 .01 0', 1.5),
	'border-area': (p) => `<path d="M2 2h12v12H2z" fill="none" stroke="${p.fill}" stroke-width="${2 + p.grow}" stroke-dasharray="${p.grow ? 'none' : '3 2'}"/>`,
	landmark: (p) => solid(p, '<path d="M8 1l2.2 4.6 5 .7-3.6 3.5.9 5L8 12.4 3.5 14.8l.9-5L.8 6.3l5-.7z"/>'),
	other: (p) => solid(p, '<circle cx="8" cy="8" r="4"/>')
};

const HALO: Paint = { fill: '#fff', grow: 2.4, detail: '#fff' };
const drawGlyph = (kind: PinKind, colour: string) => GLYPHS[kind](HALO) + GLYPHS[kind]({ fill: colour, grow: 0, detail: '#fff' });

const glyphs = new Map<string, string>();

/** A 16×16 glyph (the side panel's list uses it, once per row: so each is built only once). */
export function pinGlyph(kind: PinKind, control: ControlState): string {
	const key = `${kind}:${control}`;
	let svg = glyphs.get(key);
	if (svg === undefined) {
		svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-1 -1 18 18" width="16" height="16" aria-hidden="true" data-glyph="${kind}">${drawGlyph(kind, CONTROL_COLOURS[control])}</svg>`;
		glyphs.set(key, svg);
	}
	return svg;
}

/** Size of a place's map symbol: the glyph with room for its rings. */
export const PLACE_SIZE = 26;

export interface PlaceMarks {
	contested: boolean;
	changed: boolean;
}

/** A place's map symbol, 26×26, centred on the place. */
export function placeSvg(kind: PinKind, control: ControlState, { contested, changed }: PlaceMarks): string {
	const colour = CONTROL_COLOURS[control];
	const rings =
		(changed ? `<circle cx="13" cy="13" r="11.8" fill="none" stroke="#fff" stroke-width="3" opacity=".85"/><circle cx="13" cy="13" r="11.8" fill="none" stroke="${colour}" stroke-width="1.4"/>` : '') +
		(contested ? `<circle cx="13" cy="13" r="9.6" fill="none" stroke="#fff" stroke-width="3.6"/><circle cx="13" cy="13" r="9.6" fill="none" stroke="${CONTROL_COLOURS.contested}" stroke-width="2" stroke-dasharray="3.4 2.1"/>` : '');
	return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 26 26" width="26" height="26" aria-hidden="true" data-glyph="${kind}">${rings}<g transform="translate(5 5)">${drawGlyph(kind, colour)}</g></svg>`;
}

/** How faint pins outside the focused sector are: still readable as context, clearly not the subject. */
export const OUTSIDE_FOCUS_OPACITY = 0.35;
