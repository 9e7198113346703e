/**
 * Where the picture's frame goes, as pure arithmetic over a text-measuring function (a canvas in
 * the browser, a fixed width per character in tests). The frame lies over the map's edges, so the
 * picture is exactly the view's size: a band across the top with the board's title and the
 * moment; the legend in the lower left; the scale bar in the lower right; the sources along the
 * bottom. Everything is in CSS pixels; the renderer scales to the chosen pixel ratio.
 */
import type { LegendEntry, LegendSection } from '../legend/legend-entries';

export interface Rect {
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface PlacedText {
	text: string;
	x: number;
	/** The text's vertical middle. */
	y: number;
	font: string;
	align: 'left' | 'right';
}

export interface FrameLayout {
	band: Rect;
	title: PlacedText;
	moment: PlacedText;
	/** Null when not even its first section fits the height between the band and the strip. */
	legend: { box: Rect; headings: PlacedText[]; entries: { entry: LegendEntry; x: number; y: number; label: PlacedText }[] } | null;
	/** The scale bar's right end and its baseline; the bar is at most `maxPixels` long. */
	scale: { right: number; y: number; maxPixels: number };
	strip: Rect;
	attribution: PlacedText;
}

export type Measure = (text: string, font: string) => number;

export const FRAME_FONTS = {
	title: '700 17px system-ui, sans-serif',
	moment: '600 13px system-ui, sans-serif',
	heading: '700 10px system-ui, sans-serif',
	entry: '400 11px system-ui, sans-serif',
	attribution: '400 10px system-ui, sans-serif',
	scale: '600 11px system-ui, sans-serif'
} as const;

export const MARGIN = 10;
const PADDING = 8;
const TITLE_LINE = 24;
const MOMENT_LINE = 18;
const HEADING_LINE = 14;
const ENTRY_LINE = 16;
export const SWATCH_WIDTH = 18;
const SWATCH_GAP = 5;
const ENTRY_GAP = 12;
const STRIP_HEIGHT = 18;
const LEGEND_MAX_WIDTH = 340;
const SCALE_MAX_PIXELS = 160;

/** `text`, cut with an ellipsis to fit `width` (never below one character and the ellipsis). */
export function fitText(text: string, font: string, width: number, measure: Measure): string {
	if (measure(text, font) <= width) return text;
	let cut = text.length;
	while (cut > 1 && measure(`${text.slice(0, cut)}…`, font) > width) cut--;
	return `${text.slice(0, cut).trimEnd()}…`;
}

export function layoutFrame(view: { width: number; height: number }, texts: { title: string; moment: string; attribution: string }, sections: readonly LegendSection[], measure: Measure): FrameLayout {
	const { width, height } = view;
	const inner = Math.max(0, width - 2 * MARGIN);

	// The moment stays whole (it is the point of the picture); the title gives way.
	const momentWidth = measure(texts.moment, FRAME_FONTS.moment);
	const titleWidth = measure(texts.title, FRAME_FONTS.title);
	const oneLine = titleWidth + 2 * MARGIN + momentWidth <= inner;
	const bandHeight = oneLine ? TITLE_LINE + 2 * PADDING : TITLE_LINE + MOMENT_LINE + 2 * PADDING;
	const title: PlacedText = {
		text: fitText(texts.title, FRAME_FONTS.title, oneLine ? inner - momentWidth - 2 * MARGIN : inner, measure),
		x: MARGIN, y: PADDING + TITLE_LINE / 2, font: FRAME_FONTS.title, align: 'left'
	};
	const moment: PlacedText = oneLine
		? { text: texts.moment, x: width - MARGIN, y: title.y, font: FRAME_FONTS.moment, align: 'right' }
		: { text: texts.moment, x: MARGIN, y: PADDING + TITLE_LINE + MOMENT_LINE / 2, font: FRAME_FONTS.moment, align: 'left' };

	const strip: Rect = { x: 0, y: height - STRIP_HEIGHT, width, height: STRIP_HEIGHT };
	const attribution: PlacedText = {
		text: fitText(texts.attribution, FRAME_FONTS.attribution, inner, measure),
		x: width - MARGIN, y: strip.y + STRIP_HEIGHT / 2, font: FRAME_FONTS.attribution, align: 'right'
	};
	const scale = { right: width - MARGIN, y: strip.y - MARGIN, maxPixels: Math.min(SCALE_MAX_PIXELS, Math.floor(width / 3)) };

	// The legend may not reach under the scale bar, nor above the band.
	const legendWidth = Math.min(LEGEND_MAX_WIDTH, width - 3 * MARGIN - scale.maxPixels) - 2 * PADDING;
	const legendRoom = strip.y - MARGIN - (bandHeight + MARGIN) - 2 * PADDING;
	return { band: { x: 0, y: 0, width, height: bandHeight }, title, moment, legend: layoutLegend(sections, legendWidth, legendRoom, strip.y - MARGIN, measure), scale, strip, attribution };
}

/** Sections in order, each a heading then its entries flowing in rows; stops at the first that does not fit. */
function layoutLegend(sections: readonly LegendSection[], maxWidth: number, maxHeight: number, bottom: number, measure: Measure): FrameLayout['legend'] {
	if (maxWidth <= SWATCH_WIDTH || maxHeight <= 0) return null;
	const headings: { text: string; y: number }[] = [];
	const entries: { entry: LegendEntry; x: number; y: number; width: number }[] = [];
	let y = 0;
	let widest = 0;
	for (const section of sections) {
		const placed: typeof entries = [];
		let rowY = y + HEADING_LINE;
		let x = 0;
		for (const entry of section.entries) {
			const entryWidth = Math.min(maxWidth, SWATCH_WIDTH + SWATCH_GAP + measure(entry.label, FRAME_FONTS.entry));
			if (x > 0 && x + entryWidth > maxWidth) {
				x = 0;
				rowY += ENTRY_LINE;
			}
			placed.push({ entry, x, y: rowY + ENTRY_LINE / 2, width: entryWidth });
			widest = Math.max(widest, x + entryWidth);
			x += entryWidth + ENTRY_GAP;
		}
		const sectionBottom = rowY + ENTRY_LINE;
		if (sectionBottom > maxHeight) break;
		headings.push({ text: section.title.toUpperCase(), y: y + HEADING_LINE / 2 });
		entries.push(...placed);
		y = sectionBottom + 2;
	}
	if (headings.length === 0) return null;
	const boxHeight = y - 2 + 2 * PADDING;
	const box: Rect = { x: MARGIN, y: bottom - boxHeight, width: widest + 2 * PADDING, height: boxHeight };
	const left = box.x + PADDING;
	const top = box.y + PADDING;
	return {
		box,
		headings: headings.map(({ text, y: at }) => ({ text, x: left, y: top + at, font: FRAME_FONTS.heading, align: 'left' })),
		entries: entries.map(({ entry, x, y: at, width }) => ({
			entry,
			x: left + x,
			y: top + at,
			label: { text: fitText(entry.label, FRAME_FONTS.entry, width - SWATCH_WIDTH - SWATCH_GAP, measure), x: left + x + SWATCH_WIDTH + SWATCH_GAP, y: top + at, font: FRAME_FONTS.entry, align: 'left' }
		}))
	};
}
