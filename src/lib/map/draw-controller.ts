/**
 * Drawing new shapes with Geoman: a line, an arrow, an area, a sector outline or a measurement.
 * The sketch Geoman makes is removed at once; the finished vertices go to `onDone`, and the shape
 * comes back from the document like anyone else's — one path for local and remote changes.
 */
import L from 'leaflet';
import { useGeoman, vertices } from './geoman';

export type DrawMode = 'line' | 'arrow' | 'area' | 'sector' | 'measure';

const SHAPE: Record<DrawMode, 'Line' | 'Polygon'> = { line: 'Line', arrow: 'Line', area: 'Polygon', sector: 'Polygon', measure: 'Line' };

export interface DrawCallbacks {
	onDone(mode: DrawMode, points: [number, number][]): void;
	/** Drawing ended without a shape (Esc, or the mode was switched off). */
	onCancel(mode: DrawMode): void;
	/** Each vertex while drawing, for live read-outs (the measure tool). */
	onProgress?(mode: DrawMode, points: [number, number][]): void;
}

export class DrawController {
	private mode: DrawMode | null = null;
	private finished = false;

	constructor(
		private readonly map: L.Map,
		private readonly callbacks: DrawCallbacks
	) {
		useGeoman(map);
		map.on('pm:create', this.onCreate, this);
		map.on('pm:drawstart', this.onDrawStart, this);
		map.on('pm:drawend', this.onDrawEnd, this);
	}

	start(mode: DrawMode, colour = '#f2b233'): void {
		this.cancel();
		this.mode = mode;
		this.finished = false;
		const style = { color: colour, weight: 3, dashArray: mode === 'measure' ? '6 6' : undefined };
		this.map.pm.enableDraw(SHAPE[mode], { templineStyle: style, hintlineStyle: { ...style, dashArray: '4 6' }, pathOptions: style, snappable: true });
	}

	cancel(): void {
		if (this.mode) this.map.pm.disableDraw();
	}

	get active(): DrawMode | null {
		return this.mode;
	}

	destroy(): void {
		this.cancel();
		this.map.off('pm:create', this.onCreate, this);
		this.map.off('pm:drawstart', this.onDrawStart, this);
		this.map.off('pm:drawend', this.onDrawEnd, this);
	}

	private onCreate(event: { layer: L.Layer }): void {
		const mode = this.mode;
		const layer = event.layer as L.Polyline<GeoJSON.Geometry>;
		const points = vertices(layer);
		layer.remove();
		if (!mode) return;
		this.finished = true;
		this.callbacks.onDone(mode, points);
	}

	private onDrawStart(event: { workingLayer: L.Layer }): void {
		const working = event.workingLayer as L.Polyline<GeoJSON.Geometry>;
		working.on('pm:vertexadded', () => {
			if (this.mode) this.callbacks.onProgress?.(this.mode, vertices(working));
		});
	}

	private onDrawEnd(): void {
		const mode = this.mode;
		this.mode = null;
		if (mode && !this.finished) this.callbacks.onCancel(mode);
	}
}
