/**
 * The map's vector layers (basemap land, coasts, rivers and borders; sectors, fronts, report
 * markers, highlights) redrawn from their own coordinates and Leaflet styles onto a canvas, at
 * whatever pixel ratio the canvas has. Redrawn rather than copied: the map's own canvases and
 * SVG are at the screen's resolution, and a 2× picture must be sharp, not enlarged.
 */
import L from 'leaflet';

/** A vector layer on the map, ready to stroke and fill onto a context in container pixels. */
export function drawPath(ctx: CanvasRenderingContext2D, map: L.Map, layer: L.Path): void {
	const options = layer.options;
	const stroke = options.stroke !== false && (options.opacity ?? 1) > 0 && (options.weight ?? 3) > 0;
	const fill = Boolean(options.fill) && (options.fillOpacity ?? 0.2) > 0;
	if (!stroke && !fill) return;
	ctx.beginPath();
	if (layer instanceof L.CircleMarker) {
		const { x, y } = map.latLngToContainerPoint(layer.getLatLng());
		ctx.arc(x, y, layer.getRadius(), 0, 2 * Math.PI);
	} else if (layer instanceof L.Polyline) {
		const closed = layer instanceof L.Polygon;
		for (const ring of rings(layer.getLatLngs())) {
			ring.forEach((latLng, index) => {
				const { x, y } = map.latLngToContainerPoint(latLng);
				if (index === 0) ctx.moveTo(x, y);
				else ctx.lineTo(x, y);
			});
			if (closed) ctx.closePath();
		}
	} else return;
	if (fill) {
		ctx.globalAlpha = options.fillOpacity ?? 0.2;
		ctx.fillStyle = options.fillColor ?? options.color ?? '#3388ff';
		ctx.fill((options.fillRule as CanvasFillRule | undefined) ?? 'evenodd');
	}
	if (stroke) {
		ctx.globalAlpha = options.opacity ?? 1;
		ctx.strokeStyle = options.color ?? '#3388ff';
		ctx.lineWidth = options.weight ?? 3;
		ctx.lineCap = (options.lineCap as CanvasLineCap | undefined) ?? 'round';
		ctx.lineJoin = (options.lineJoin as CanvasLineJoin | undefined) ?? 'round';
		ctx.setLineDash(dashes(options.dashArray));
		ctx.stroke();
		ctx.setLineDash([]);
	}
	ctx.globalAlpha = 1;
}

/** The name of the pane a vector layer is drawn in: its renderer's, else its own. */
export function paneOfPath(layer: L.Path): string {
	const renderer = layer.options.renderer as L.Renderer | undefined;
	return renderer?.options.pane ?? layer.options.pane ?? 'overlayPane';
}

/** Every ring of a polyline's or polygon's (possibly nested) coordinates. */
function rings(latLngs: L.LatLng[] | L.LatLng[][] | L.LatLng[][][]): L.LatLng[][] {
	const out: L.LatLng[][] = [];
	const walk = (value: unknown): void => {
		if (!Array.isArray(value) || value.length === 0) return;
		if (value[0] instanceof L.LatLng) out.push(value as L.LatLng[]);
		else for (const inner of value) walk(inner);
	};
	walk(latLngs);
	return out;
}

/** "10 6" or "10,6" (Leaflet's SVG dash syntax) as canvas dashes. */
export function dashes(dashArray: string | number[] | undefined): number[] {
	if (!dashArray) return [];
	const parts = Array.isArray(dashArray) ? dashArray : dashArray.split(/[\s,]+/).filter(Boolean).map(Number);
	return parts.every((n) => Number.isFinite(n) && n >= 0) ? parts : [];
}
