/**
 * The fronts of a board on the map: lines, arrows (a smoothed body and a head, recomputed in
 * pixels at each zoom) and areas, styled by legend/front-legend.ts. The selected front, when editable,
 * gets Geoman vertex handles; a finished edit is reported as `onReshape`. Symmetric lifecycle.
 */
import L from 'leaflet';
import type { Front } from '$lib/model/front';
import { arrowhead, smoothPath, type Px } from './arrow-geometry';
import { frontLook } from '../legend/front-legend';
import { optIn, vertices } from './geoman';
import { KeyedLayers } from './keyed-layers';
import { textElement, withAttribution } from './text-content';

export interface FrontLayerEvents {
	onSelect(id: string): void;
	onReshape(id: string, points: [number, number][]): void;
	/** Who last changed it, read each time the tooltip opens. */
	describe?(front: Front): string | null;
}

const HEAD_PX = 18;

export class FrontLayer {
	private readonly group = L.featureGroup();
	private readonly drawn = new KeyedLayers<Front, boolean>(this.group, (front, selected) => this.render(front, selected));
	private editing: { id: string; layer: L.Polyline<GeoJSON.Geometry> } | null = null;
	private map: L.Map | null = null;
	private editable = true;
	private selectedId: string | null = null;

	constructor(private readonly events: FrontLayerEvents) {}

	mount(map: L.Map): this {
		this.map = map;
		this.drawn.addTo(map);
		map.on('zoomend', this.redrawArrows, this);
		return this;
	}

	destroy(): void {
		this.map?.off('zoomend', this.redrawArrows, this);
		this.stopEditing();
		this.drawn.remove();
		this.map = null;
	}

	setEditable(editable: boolean): void {
		this.editable = editable;
		this.syncEditing();
	}

	/** Bounds of a front, for flying to it. */
	bounds(id: string): L.LatLngBounds | null {
		const entry = this.drawn.get(id);
		return entry ? (entry.layer as L.FeatureGroup).getBounds() : null;
	}

	update(fronts: readonly Front[], selectedId: string | null): void {
		this.selectedId = selectedId;
		this.drawn.sync(fronts, (front) => front.id === selectedId);
		this.syncEditing();
	}

	private render(front: Front, selected: boolean): L.FeatureGroup {
		const look = frontLook(front.kind, front.side, front.state, selected);
		const path: L.PathOptions = { color: look.color, weight: look.weight, opacity: look.opacity, dashArray: look.dashArray, lineCap: 'round', lineJoin: 'round' };
		const latLngs = front.points.map(([lat, lng]) => L.latLng(lat, lng));
		const parts: L.Layer[] = [];
		if (front.kind === 'area') {
			// Only the outline takes clicks: a click inside a pocket still reaches the map (to add a pin).
			parts.push(L.polygon(latLngs, { ...path, stroke: false, fill: true, fillColor: look.color, fillOpacity: look.fillOpacity, interactive: false }));
			parts.push(L.polyline([...latLngs, latLngs[0]!], path));
		} else if (front.kind === 'line' || !this.map) {
			parts.push(L.polyline(latLngs, path));
		} else {
			parts.push(...this.arrowParts(latLngs, path, look.hollow));
		}
		const layer = L.featureGroup(parts);
		const label = front.label || `${front.kind} (${front.side})`;
		// A function: Leaflet calls it each time the tooltip opens, so "3 h ago" is never stale.
		layer.bindTooltip(() => withAttribution(textElement(`${label} · ${front.state}`), this.events.describe?.(front)), { sticky: true, className: 'sb-front-tooltip' });
		layer.on('click', (event: L.LeafletMouseEvent) => {
			L.DomEvent.stop(event);
			this.events.onSelect(front.id);
		});
		return layer;
	}

	private arrowParts(latLngs: L.LatLng[], path: L.PathOptions, hollow: boolean): L.Layer[] {
		const map = this.map!;
		const zoom = map.getZoom();
		const pixels = smoothPath(latLngs.map((point) => map.project(point, zoom)).map((p) => [p.x, p.y] as Px));
		const shape = arrowhead(pixels, HEAD_PX + (path.weight ?? 4));
		if (!shape) return [L.polyline(latLngs, path)];
		const toLatLng = ([x, y]: Px) => map.unproject([x, y], zoom);
		const head = L.polygon(shape.head.map(toLatLng), { ...path, dashArray: undefined, weight: 2, fill: true, fillColor: path.color, fillOpacity: hollow ? 0 : 0.95 });
		return [L.polyline(shape.body.map(toLatLng), path), head];
	}

	/** Arrowheads are sized in pixels, so each zoom redraws the arrows. */
	private redrawArrows(): void {
		this.drawn.redraw((front) => front.kind === 'arrow');
	}

	/** Vertex handles on the selected front (on its raw points, not the smoothed arrow). */
	private syncEditing(): void {
		const target = this.editable && this.selectedId ? this.drawn.get(this.selectedId)?.item : undefined;
		if (this.editing && target && this.editing.id === target.id && samePoints(vertices(this.editing.layer), target.points)) return;
		this.stopEditing();
		if (!target || !this.map) return;
		const latLngs = target.points.map(([lat, lng]) => L.latLng(lat, lng));
		const style = { color: '#f2b233', weight: 2, dashArray: '4 4', fill: false, pmIgnore: true };
		const layer: L.Polyline<GeoJSON.Geometry> = target.kind === 'area' ? L.polygon(latLngs, style) : L.polyline(latLngs, style);
		layer.addTo(this.map);
		optIn(layer);
		layer.pm.enable({ allowSelfIntersection: target.kind !== 'area', draggable: true, snappable: true });
		const id = target.id;
		layer.on('pm:edit', () => this.events.onReshape(id, vertices(layer)));
		this.editing = { id, layer };
	}

	private stopEditing(): void {
		if (!this.editing) return;
		this.editing.layer.pm.disable();
		this.editing.layer.remove();
		this.editing = null;
	}
}

function samePoints(a: readonly [number, number][], b: readonly [number, number][]): boolean {
	return a.length === b.length && a.every(([lat, lng], i) => Math.abs(lat - b[i]![0]) < 1e-5 && Math.abs(lng - b[i]![1]) < 1e-5);
}
