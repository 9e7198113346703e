/**
 * The pin markers' CSS, added by the pin layer on mount and removed on destroy (like the
 * basemap's), so the layer works on any map. Selectors are specific enough to win over older
 * per-page rules for `.sb-pin`. No CSS filters on ordinary pins: the white halo is drawn into the
 * SVGs, because a filter on hundreds of elements makes every pan frame slow without a GPU.
 * The pointer is taken by the symbol (`.sb-pin`), not by Leaflet's icon box around it: a symbol
 * drawn apart from its place (symbol-spread.ts) leaves its box behind, which must not cover the
 * pin it moved away from. Events still reach the marker, bubbling up from the symbol.
 */
import { OUTSIDE_FOCUS_CLASS } from './pin-markers';
import { LABEL_FONT, OUTSIDE_FOCUS_OPACITY } from './pin-style';

const M = '.leaflet-container .leaflet-marker-pane .sb-pin-icon';

const CSS = `
${M} { background: none; border: 0; pointer-events: none; }
${M} .sb-pin { position: relative; width: 100%; height: 100%; cursor: pointer; pointer-events: auto; }
${M}.leaflet-marker-draggable .sb-pin { cursor: grab; }
${M} .sb-pin__glyph { display: block; filter: none; line-height: 0; }
${M} .sb-pin__glyph svg { display: block; overflow: visible; }
${M} .sb-pin__label { position: absolute; white-space: nowrap; font: ${LABEL_FONT}; line-height: 16px; color: #111827;
  text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff, 0 0 4px #fff; pointer-events: none; }
${M} .sb-pin--label-hidden .sb-pin__label { display: none; }
${M} .${OUTSIDE_FOCUS_CLASS} { opacity: ${OUTSIDE_FOCUS_OPACITY}; }
${M} .sb-pin.sb-pin--selected .sb-pin__glyph { filter: drop-shadow(0 0 2px #f2b233) drop-shadow(0 0 3px #f2b233); }
${M} .sb-pin.sb-pin--selected .sb-pin__label { color: #000; text-decoration: underline 2px #f2b233; }
.leaflet-container .sb-pin-canvas { position: absolute; left: 0; top: 0; pointer-events: none; }
.leaflet-container.sb-pin-hover { cursor: pointer; }
`;

let users = 0;
let style: HTMLStyleElement | null = null;

/** Adds the CSS to the document; returns the matching removal (counted, for several maps). */
export function usePinCss(): () => void {
	if (users++ === 0) {
		style = document.createElement('style');
		style.dataset.owner = 'situation-board-pins';
		style.textContent = CSS;
		document.head.append(style);
	}
	let released = false;
	return () => {
		if (released) return;
		released = true;
		if (--users === 0) {
			style?.remove();
			style = null;
		}
	};
}
