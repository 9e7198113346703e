/**
 * The picture's scale bar: the longest round distance (1, 2 or 5 × a power of ten, in metres)
 * that fits the room it is given, and its length in pixels. A bar of "37.4 km" is exact and
 * useless; "20 km" is what a reader can carry to another map.
 */

export interface ScaleBar {
	/** The distance the bar stands for, in metres: 1, 2 or 5 × 10^n. */
	metres: number;
	/** Its length in CSS pixels at the view's centre. */
	pixels: number;
	/** "20 km", "500 m". */
	label: string;
}

/** The largest 1/2/5 × 10^n not above `metres` (for metres ≥ 1). */
export function roundDistance(metres: number): number {
	if (!(metres >= 1) || !Number.isFinite(metres)) return 0;
	const power = 10 ** Math.floor(Math.log10(metres));
	const leading = metres / power;
	// A hair of tolerance: 2000 measured as 1999.9999 is still 2 km.
	const step = leading >= 5 - 1e-9 ? 5 : leading >= 2 - 1e-9 ? 2 : 1;
	return step * power;
}

export function distanceLabel(metres: number): string {
	return metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
}

/**
 * The bar for a map whose scale at the centre is `metresPerPixel`, no longer than `maxPixels`;
 * null when not even one metre fits (a nonsensical scale).
 */
export function scaleBar(metresPerPixel: number, maxPixels: number): ScaleBar | null {
	if (!(metresPerPixel > 0) || !(maxPixels > 0)) return null;
	const metres = roundDistance(metresPerPixel * maxPixels);
	if (metres === 0) return null;
	return { metres, pixels: metres / metresPerPixel, label: distanceLabel(metres) };
}
