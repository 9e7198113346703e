/**
 * Paints the frame that `layoutFrame` placed: the title band, the legend (its swatches drawn like
 * the map draws fronts, places and reports), the scale bar and the sources strip.
 */
import type { LegendSwatch } from '$lib/legend/legend-entries';
import { SWATCH_WIDTH, type FrameLayout, type PlacedText } from './frame-layout';
import { dashes } from './map-paths';
import type { ScaleBar } from './scale-bar';

const BAND = 'rgba(15, 23, 42, 0.88)';
const BAND_TEXT = '#f8fafc';
/** The app's accent (the top bar's replay and wordmark colour), so the moment stands out. */
const MOMENT_TEXT = '#f2b233';
const PANEL = 'rgba(255, 255, 255, 0.94)';
const PANEL_TEXT = '#1f2937';
const HEADING_TEXT = '#6b7280';

function text(ctx: CanvasRenderingContext2D, placed: PlacedText, colour: string): void {
	ctx.font = placed.font;
	ctx.textAlign = placed.align;
	ctx.textBaseline = 'middle';
	ctx.fillStyle = colour;
	ctx.fillText(placed.text, placed.x, placed.y);
	ctx.textAlign = 'left';
}

function swatch(ctx: CanvasRenderingContext2D, look: LegendSwatch, x: number, y: number): void {
	ctx.beginPath();
	if (look.kind === 'line') {
		ctx.globalAlpha = look.opacity;
		ctx.strokeStyle = look.colour;
		ctx.lineWidth = look.width;
		ctx.lineCap = 'round';
		ctx.setLineDash(dashes(look.dashArray));
		ctx.moveTo(x + 2, y);
		ctx.lineTo(x + SWATCH_WIDTH - 2, y);
		ctx.stroke();
		ctx.setLineDash([]);
		ctx.globalAlpha = 1;
		return;
	}
	const r = 4.5;
	ctx.arc(x + SWATCH_WIDTH / 2, y, r, 0, 2 * Math.PI);
	if (look.filled) {
		ctx.fillStyle = look.colour;
		ctx.fill();
	} else {
		ctx.strokeStyle = look.colour;
		ctx.lineWidth = 2;
		ctx.stroke();
	}
}

function roundedRect(ctx: CanvasRenderingContext2D, x: number, y: number, width: number, height: number, radius: number): void {
	ctx.beginPath();
	ctx.roundRect(x, y, width, height, radius);
}

function scaleBar(ctx: CanvasRenderingContext2D, layout: FrameLayout['scale'], bar: ScaleBar): void {
	const left = layout.right - bar.pixels;
	const y = layout.y;
	// White under black, so the bar reads on sea, land and fronts alike.
	for (const [colour, width] of [['rgba(255,255,255,0.95)', 6], ['#111827', 2.5]] as const) {
		ctx.beginPath();
		ctx.strokeStyle = colour;
		ctx.lineWidth = width;
		ctx.lineCap = 'butt';
		ctx.moveTo(left, y - 5);
		ctx.lineTo(left, y);
		ctx.lineTo(layout.right, y);
		ctx.lineTo(layout.right, y - 5);
		ctx.stroke();
	}
	ctx.font = '600 11px system-ui, sans-serif';
	ctx.textAlign = 'center';
	ctx.textBaseline = 'bottom';
	ctx.lineJoin = 'round';
	ctx.lineWidth = 3.5;
	ctx.strokeStyle = 'rgba(255,255,255,0.95)';
	ctx.strokeText(bar.label, left + bar.pixels / 2, y - 5);
	ctx.fillStyle = '#111827';
	ctx.fillText(bar.label, left + bar.pixels / 2, y - 5);
	ctx.textAlign = 'left';
}

export function drawFrame(ctx: CanvasRenderingContext2D, layout: FrameLayout, bar: ScaleBar | null): void {
	ctx.save();
	const { band, strip, legend } = layout;
	ctx.fillStyle = BAND;
	ctx.fillRect(band.x, band.y, band.width, band.height);
	text(ctx, layout.title, BAND_TEXT);
	text(ctx, layout.moment, MOMENT_TEXT);

	if (legend) {
		roundedRect(ctx, legend.box.x, legend.box.y, legend.box.width, legend.box.height, 8);
		ctx.fillStyle = PANEL;
		ctx.fill();
		for (const heading of legend.headings) text(ctx, heading, HEADING_TEXT);
		for (const { entry, x, y, label } of legend.entries) {
			swatch(ctx, entry.swatch, x, y);
			text(ctx, label, PANEL_TEXT);
		}
	}

	if (bar) scaleBar(ctx, layout.scale, bar);
	ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
	ctx.fillRect(strip.x, strip.y, strip.width, strip.height);
	text(ctx, layout.attribution, '#475569');
	ctx.restore();
}
