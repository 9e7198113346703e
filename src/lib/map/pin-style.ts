/**
 * How a pin looks: a glyph by kind, a colour by who holds it. One legend for the whole board.
 * Names are inserted as text nodes, never as HTML.
 */
import type { ControlState, Pin, PinKind } from '$lib/model/pin';

export const CONTROL_COLOURS: Record<ControlState, string> = {
	ukraine: '#2f6fd0',
	russia: '#c8372d',
	contested: '#e09b1a',
	unknown: '#6b7280'
};

export const CONTROL_LABELS: Record<ControlState, string> = {
	ukraine: 'held by Ukraine',
	russia: 'held by Russia',
	contested: 'contested',
	unknown: 'control unknown'
};

/** Small inline SVG shapes, 16×16, drawn in the control colour. */
const GLYPHS: Record<PinKind, string> = {
	town: '<circle cx="8" cy="8" r="4.5"/>',
	city: '<circle cx="8" cy="8" r="6"/><circle cx="8" cy="8" r="2.2" fill="#fff"/>',
	unit: '<rect x="2" y="4" width="12" height="8" rx="1"/>',
	'rail-hub': '<rect x="2.5" y="2.5" width="11" height="11" rx="1.5"/><path d="M4 10h8M4 6h8" stroke="#fff" stroke-width="1.4"/>',
	bridge: '<path d="M1 11 Q8 3 15 11" stroke-width="2.6" fill="none" stroke="currentColor"/><path d="M1 12h14" stroke-width="1.6" stroke="currentColor"/>',
	crossing: '<path d="M8 1 L15 8 L8 15 L1 8 Z"/>',
	airfield: '<path d="M8 1 L9.5 6 L15 8 L9.5 10 L8 15 L6.5 10 L1 8 L6.5 6 Z"/>',
	port: '<circle cx="8" cy="5" r="2.5" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="M8 7.5V14M3 10q5 6 10 0" stroke="currentColor" stroke-width="1.6" fill="none"/>',
	'border-area': '<path d="M2 2h12v12H2z" fill="none" stroke="currentColor" stroke-width="2" stroke-dasharray="3 2"/>',
	landmark: '<path d="M8 1l2.2 4.6 5 .7-3.6 3.5.9 5L8 12.4 3.5 14.8l.9-5L.8 6.3l5-.7z"/>',
	other: '<circle cx="8" cy="8" r="4"/>'
};

export function pinGlyph(kind: PinKind, control: ControlState): string {
	const colour = CONTROL_COLOURS[control];
	return `<svg viewBox="0 0 16 16" width="16" height="16" fill="${colour}" style="color:${colour}" aria-hidden="true">${GLYPHS[kind]}</svg>`;
}

/** Builds the marker's element: glyph plus a label set as text (user input is never HTML). */
export function pinElement(pin: Pin, selected: boolean): HTMLElement {
	const root = document.createElement('div');
	root.className = `sb-pin sb-pin--${pin.kind}${selected ? ' sb-pin--selected' : ''}`;
	root.dataset.pinId = pin.id;
	// Shown on hover, and the only place the name is when the label is hidden to avoid clutter.
	root.title = pin.name;
	const glyph = document.createElement('span');
	glyph.className = 'sb-pin__glyph';
	glyph.innerHTML = pinGlyph(pin.kind, pin.control);
	const label = document.createElement('span');
	label.className = 'sb-pin__label';
	label.textContent = pin.name;
	root.append(glyph, label);
	return root;
}
