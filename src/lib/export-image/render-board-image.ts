/**
 * The picture of what the map shows: the view as it is on screen (the live board, or the replay
 * moment being shown), redrawn onto a canvas at 1× or 2× the view's CSS size, with a frame that
 * says what it is (title, moment, legend, scale, sources). Everything comes from the page: no
 * request is made, so it works offline with the packaged basemap, and no tile or font from
 * elsewhere can taint the canvas.
 */
import L from 'leaflet';
import { legendSections } from '$lib/legend/legend-entries';
import { drawFrame } from './draw-frame';
import { layoutFrame, type Measure } from './frame-layout';
import { paneZ, prepareElements, type Drawable } from './map-elements';
import { drawPath, paneOfPath } from './map-paths';
import { scaleBar, type ScaleBar } from './scale-bar';

export type PixelRatio = 1 | 2;

export interface ImageRequest {
	title: string;
	/** The moment as the frame writes it ("As at 11 Sep 2022 14:05 UTC"). */
	momentText: string;
	ratio: PixelRatio;
	/** False: the map alone, edge to edge (for a picture to annotate elsewhere). */
	frame: boolean;
}

/** Metres per CSS pixel across the view's centre, measured over 100 px of it. */
export function metresPerPixel(map: L.Map): number {
	const centre = map.getSize().divideBy(2);
	const west = map.containerPointToLatLng([centre.x - 50, centre.y]);
	const east = map.containerPointToLatLng([centre.x + 50, centre.y]);
	return map.distance(west, east) / 100;
}

/** The sources the map credits now (its attribution control), as one line. */
export function mapAttribution(map: L.Map): string {
	const shown = map.attributionControl?.getContainer()?.textContent ?? '';
	return shown.replace(/\s*\|\s*/g, ' · ').replace(/\s+/g, ' ').trim();
}

function pathDrawables(map: L.Map): Drawable[] {
	const drawables: Drawable[] = [];
	map.eachLayer((layer) => {
		if (!(layer instanceof L.Path)) return;
		const pane = map.getPane(paneOfPath(layer));
		drawables.push({ z: pane ? paneZ(pane) : 400, draw: (ctx) => drawPath(ctx, map, layer) });
	});
	return drawables;
}

export async function renderBoardImage(map: L.Map, request: ImageRequest): Promise<HTMLCanvasElement> {
	const container = map.getContainer();
	const readElements = await prepareElements(container);
	// From here on nothing waits: the picture is one state of the map.
	const size = map.getSize();
	const canvas = document.createElement('canvas');
	canvas.width = size.x * request.ratio;
	canvas.height = size.y * request.ratio;
	const ctx = canvas.getContext('2d');
	if (!ctx) throw new Error('This browser cannot draw on a canvas.');
	ctx.setTransform(request.ratio, 0, 0, request.ratio, 0, 0);
	ctx.fillStyle = getComputedStyle(container).backgroundColor;
	ctx.fillRect(0, 0, size.x, size.y);

	// Stable sort: within a pane, Leaflet's own order (paths as added, elements as in the page).
	const drawables = [...pathDrawables(map), ...readElements()].sort((a, b) => a.z - b.z);
	for (const drawable of drawables) {
		ctx.save();
		drawable.draw(ctx);
		ctx.restore();
	}

	if (request.frame) {
		const measure: Measure = (text, font) => ((ctx.font = font), ctx.measureText(text).width);
		const layout = layoutFrame({ width: size.x, height: size.y }, { title: request.title, moment: request.momentText, attribution: mapAttribution(map) }, legendSections(), measure);
		const bar: ScaleBar | null = scaleBar(metresPerPixel(map), layout.scale.maxPixels);
		drawFrame(ctx, layout, bar);
	}
	return canvas;
}

export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
	return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The picture could not be encoded.'))), 'image/png'));
}
