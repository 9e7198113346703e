/**
 * "Since you last looked" highlights: a halo around each new or changed item — green for new,
 * violet for changed — drawn in a pane of its own beneath the pins and above the fronts, taking no
 * clicks. Pins and reports get a ring at their place, fronts a broad glow along their shape,
 * sectors a bright outline. Symmetric lifecycle: destroy removes the pane and all it drew.
 */
import L from 'leaflet';
import type { Front } from '$lib/model/front';
import type { Pin } from '$lib/model/pin';
import type { Report } from '$lib/model/report';
import type { Sector } from '$lib/model/sector';
import type { SinceCollection } from '$lib/protocol/history';

export type HighlightMark = 'new' | 'changed';
export const HIGHLIGHT_COLOURS: Record<HighlightMark, string> = { new: '#22c55e', changed: '#a855f7' };
const PANE = 'sbSinceHalo';

export interface HighlightState {
	marks: ReadonlyMap<string, HighlightMark>;
	pins: readonly Pin[];
	fronts: readonly Front[];
	reports: readonly Report[];
	sectors: readonly Sector[];
}

export class SinceHighlightLayer {
	private map: L.Map | null = null;
	private renderer: L.Renderer | null = null;
	private readonly group = L.layerGroup();

	mount(map: L.Map): this {
		this.map = map;
		const pane = map.createPane(PANE);
		pane.style.zIndex = '440';
		pane.style.pointerEvents = 'none';
		this.renderer = L.svg({ pane: PANE });
		this.group.addTo(map);
		return this;
	}

	destroy(): void {
		const map = this.map;
		if (!map) return;
		this.group.clearLayers();
		this.group.remove();
		this.renderer?.remove();
		map.getPane(PANE)?.remove();
		delete (map as unknown as { _panes: Record<string, HTMLElement> })._panes[PANE];
		this.map = this.renderer = null;
	}

	/** Redraws every halo (there are few: what changed since the last visit, until dismissed). */
	update(state: HighlightState): void {
		this.group.clearLayers();
		if (!this.renderer || state.marks.size === 0) return;
		const markOf = (collection: SinceCollection, id: string) => state.marks.get(`${collection}/${id}`);
		const style = (mark: HighlightMark): L.PathOptions => ({
			renderer: this.renderer!,
			interactive: false,
			color: HIGHLIGHT_COLOURS[mark],
			className: `sb-since-halo sb-since-halo--${mark}`
		});
		const ring = (mark: HighlightMark, lat: number, lng: number, id: string) => {
			const halo = L.circleMarker([lat, lng], { ...style(mark), radius: 17, weight: 4, opacity: 0.9, fill: true, fillOpacity: 0.12 });
			halo.on('add', () => halo.getElement()?.setAttribute('data-item', id));
			this.group.addLayer(halo);
		};
		for (const pin of state.pins) {
			const mark = markOf('pins', pin.id);
			if (mark) ring(mark, pin.lat, pin.lng, `pins/${pin.id}`);
		}
		for (const report of state.reports) {
			const mark = markOf('reports', report.id);
			if (mark && report.place) ring(mark, report.place.lat, report.place.lng, `reports/${report.id}`);
		}
		for (const front of state.fronts) {
			const mark = markOf('fronts', front.id);
			if (!mark) continue;
			const points = front.points.map(([lat, lng]) => L.latLng(lat, lng));
			const glow = { ...style(mark), weight: 12, opacity: 0.45, lineCap: 'round' as const, lineJoin: 'round' as const };
			this.group.addLayer(front.kind === 'area' ? L.polygon(points, { ...glow, fill: false }) : L.polyline(points, glow));
		}
		for (const sector of state.sectors) {
			const mark = markOf('sectors', sector.id);
			if (mark && sector.area.length >= 3) this.group.addLayer(L.polygon(sector.area, { ...style(mark), weight: 4, opacity: 0.8, fill: false, dashArray: '2 8' }));
		}
	}
}
