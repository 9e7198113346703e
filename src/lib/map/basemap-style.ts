/**
 * The look of the offline basemap: a calm, muted chart that stays out of the way of the board's
 * own pins and fronts. Colours, line widths by zoom, town label sizes, and the few CSS rules the
 * town labels need (injected while a basemap is mounted, so the module works without a global
 * stylesheet).
 */
import type { Theme } from '../theme/theme-names';

/** The sea is the map container's background, a CSS colour: --map-sea in styles/theme.css. */
export const SEA_BACKGROUND = 'var(--map-sea)';

export interface BasemapPalette {
	land: string;
	/** Ukraine a touch lighter than its neighbours, so the theatre reads at a glance. */
	ukraine: string;
	coast: string;
	border: string;
	ukraineBorder: string;
	river: string;
}

/**
 * One palette per theme. The dark one keeps the light one's relations (Ukraine lighter than its
 * neighbours, land lighter than the sea, rivers the one blue) at low brightness, so the board's own
 * colours (sides, control states, watchers; src/lib/legend) stand out on it as on the light one.
 * Town labels take their colours from styles/theme.css (--map-town-*), being HTML.
 */
export const BASEMAP_PALETTES: Record<Theme, BasemapPalette> = {
	light: {
		land: '#e9e5dc',
		ukraine: '#f3f0e9',
		coast: '#93aec4',
		border: '#a8a297',
		ukraineBorder: '#857d6c',
		river: '#6a9ccf'
	},
	dark: {
		land: '#283039',
		ukraine: '#323b45',
		coast: '#3f5870',
		border: '#56606b',
		ukraineBorder: '#8a949f',
		river: '#3f73a6'
	}
};

/** ISO 3166 numeric id of Ukraine in world-atlas. */
export const UKRAINE_ID = '804';

/** 1 = the Dnipro, 2 = large rivers, 3 = the rest (see scripts/basemap/rivers.mjs). */
export type RiverSize = 1 | 2 | 3;

/** Line widths at zoom 7 (the theatre view); other zooms scale from these. */
const RIVER_WIDTH: Record<RiverSize, number> = { 1: 2.6, 2: 1.5, 3: 1.1 };

/** Lines thicken gently as the map zooms in, and thin out at world scale. */
const zoomScale = (zoom: number) => Math.min(1.8, Math.max(0.45, 2 ** ((zoom - 7) / 3)));

export const riverWidth = (size: RiverSize, zoom: number) => RIVER_WIDTH[size] * zoomScale(zoom);
/** Small rivers are left out at small scales, where they would only be noise. */
export const riverVisible = (size: RiverSize, zoom: number) => zoom >= (size === 1 ? 4 : size === 2 ? 5 : 6);
export const borderWidth = (ukraine: boolean, zoom: number) => (ukraine ? 1.6 : 0.8) * Math.min(1.3, zoomScale(zoom));

/** Town rank (1 largest … 6 smallest) → first zoom at which a Ukrainian town may be labelled. */
const TOWN_MIN_ZOOM: Record<number, number> = { 1: 3, 2: 5, 3: 6, 4: 7, 5: 8, 6: 9 };

/** Towns abroad come one zoom later (capitals excepted), to keep the eye on the theatre. */
export const townMinZoom = (rank: number, country: string | undefined) => (TOWN_MIN_ZOOM[rank] ?? 99) + (rank > 1 && country !== 'UA' ? 1 : 0);

/** Extra clearance around small towns' labels, in pixels, so dense areas thin out. */
export const townMargin = (rank: number) => (rank >= 4 ? 2 : rank === 3 ? 1 : 0);

/** Label font per rank, used both by the CSS and to measure labels for collision tests. */
export const townFont = (rank: number) =>
	rank <= 1 ? '600 13px system-ui, sans-serif' : rank === 2 ? '600 12px system-ui, sans-serif' : rank === 3 ? '500 11.5px system-ui, sans-serif' : '400 11px system-ui, sans-serif';
export const townDotSize = (rank: number) => (rank <= 1 ? 7 : rank <= 3 ? 5 : 4);

const CSS = `
.sb-basemap-pane { pointer-events: none; }
.sb-town { position: absolute; white-space: nowrap; pointer-events: none; }
.sb-town > i { position: absolute; left: 0; top: 0; border-radius: 50%; background: var(--map-town-dot, #4d4d4d);
  box-shadow: 0 0 0 1.5px var(--map-town-halo, rgba(255,255,255,.9)); transform: translate(-50%, -50%); }
.sb-town > span { position: absolute; top: 0; transform: translateY(-52%); color: var(--map-town-text, #3b3b3b);
  text-shadow: 0 0 2px var(--map-town-halo, #fff), 0 0 2px var(--map-town-halo, #fff), 0 0 3px var(--map-town-halo, #fff), 0 0 4px var(--map-town-halo, #fff); letter-spacing: .01em; }
.sb-town--right > span { left: 6px; }
.sb-town--left > span { right: 6px; text-align: right; }
.sb-town--above > span { left: 0; transform: translate(-50%, calc(-100% - 4px)); }
.sb-town--below > span { left: 0; transform: translate(-50%, 4px); }
`;

let styleUsers = 0;
let styleElement: HTMLStyleElement | null = null;

/** Adds the label CSS to the document; returns the matching removal (counted, for several maps). */
export function useBasemapCss(): () => void {
	if (styleUsers++ === 0) {
		styleElement = document.createElement('style');
		styleElement.dataset.owner = 'situation-board-basemap';
		styleElement.textContent = CSS;
		document.head.append(styleElement);
	}
	let released = false;
	return () => {
		if (released) return;
		released = true;
		if (--styleUsers === 0) {
			styleElement?.remove();
			styleElement = null;
		}
	};
}
