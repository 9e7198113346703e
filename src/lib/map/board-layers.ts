/**
 * Everything the board draws over the basemap, in z-order: sectors, fronts, reports, pins, plus
 * the drawing tools and the local measurement line. One object so the page can hand it state in
 * one place; symmetric lifecycle like each layer it owns.
 */
import L from 'leaflet';
import type { Front } from '$lib/model/front';
import type { Pin } from '$lib/model/pin';
import type { Report } from '$lib/model/report';
import type { Sector } from '$lib/model/sector';
import type { SinceCollection } from '$lib/protocol/history';
import { DrawController, type DrawCallbacks, type DrawMode } from './draw-controller';
import { FrontLayer } from './front-layer';
import { PinLayer } from './pin-layer';
import { ReportLayer } from './report-layer';
import { SectorLayer } from './sector-layer';

export type Selection = { kind: 'pin' | 'front' | 'report'; id: string } | null;

export interface BoardLayerEvents extends DrawCallbacks {
	onSelect(selection: Selection): void;
	onMovePin(id: string, lat: number, lng: number): void;
	onReshapeFront(id: string, points: [number, number][]): void;
	/** A pin's menu was asked for (long press, right-click) at a point of the map's container. */
	onPinMenu?(id: string, x: number, y: number): void;
	/** Who last changed an item and when ("Moved by Olena · 14:05 UTC, 3 h ago"), read on hover. */
	describeChange?(collection: SinceCollection, record: Pin | Front | Report | Sector): string | null;
}

export class BoardLayers {
	readonly sectors: SectorLayer;
	readonly fronts: FrontLayer;
	readonly reports: ReportLayer;
	readonly pins: PinLayer;
	readonly draw: DrawController;
	private measureLine: L.Polyline | null = null;

	constructor(
		private readonly map: L.Map,
		events: BoardLayerEvents
	) {
		const describe = events.describeChange ?? (() => null);
		this.sectors = new SectorLayer((sector) => describe('sectors', sector)).mount(map);
		this.fronts = new FrontLayer({
			onSelect: (id) => events.onSelect({ kind: 'front', id }),
			onReshape: (id, points) => events.onReshapeFront(id, points),
			describe: (front) => describe('fronts', front)
		}).mount(map);
		this.reports = new ReportLayer({ onSelect: (id) => events.onSelect({ kind: 'report', id }), describe: (report) => describe('reports', report) }).mount(map);
		this.pins = new PinLayer({
			onSelect: (id) => events.onSelect({ kind: 'pin', id }),
			onMove: (id, lat, lng) => events.onMovePin(id, lat, lng),
			describe: (pin) => describe('pins', pin),
			onMenu: (id, point) => events.onPinMenu?.(id, point.x, point.y)
		}).mount(map);
		this.draw = new DrawController(map, {
			onDone: (mode, points) => {
				if (mode === 'measure') this.showMeasurement(points);
				events.onDone(mode, points);
			},
			onCancel: (mode) => events.onCancel(mode),
			onProgress: (mode, points) => events.onProgress?.(mode, points)
		});
	}

	update(state: { pins: Pin[]; fronts: Front[]; reports: Report[]; sectors: Sector[]; selection: Selection; focusedSector: string | null }): void {
		const selected = (kind: 'pin' | 'front' | 'report') => (state.selection?.kind === kind ? state.selection.id : null);
		this.sectors.update(state.sectors, state.focusedSector);
		this.fronts.update(state.fronts, selected('front'));
		this.reports.update(state.reports, selected('report'), state.focusedSector);
		this.pins.update(state.pins, selected('pin'), state.focusedSector);
	}

	setEditable(editable: boolean): void {
		this.pins.setEditable(editable);
		this.fronts.setEditable(editable);
		if (!editable) this.draw.cancel();
	}

	startDrawing(mode: DrawMode | null, colour?: string): void {
		// While drawing, a click on a pin must add a vertex, not select the pin.
		this.pins.setInteractive(mode === null);
		if (mode) this.draw.start(mode, colour);
		else this.draw.cancel();
	}

	/** The last measurement stays on the map (only for this watcher) until cleared; so does a drawn front while it is being named. */
	showMeasurement(points: [number, number][] | null): void {
		this.measureLine?.remove();
		this.measureLine = points ? L.polyline(points, { color: '#111827', weight: 2.5, dashArray: '6 6', interactive: false }).addTo(this.map) : null;
	}

	destroy(): void {
		this.showMeasurement(null);
		this.draw.destroy();
		this.pins.destroy();
		this.reports.destroy();
		this.fronts.destroy();
		this.sectors.destroy();
	}
}
