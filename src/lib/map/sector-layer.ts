/**
 * Sectors on the map: a tinted outline and a name. They never take clicks — a sector is context,
 * and the map under it must stay clickable. The focused sector is drawn stronger.
 */
import L from 'leaflet';
import type { Sector } from '$lib/model/sector';
import { textElement } from './text-content';

export class SectorLayer {
	private readonly group = L.layerGroup();
	private shown = new Map<string, { sector: Sector; focused: boolean; layer: L.Polygon }>();

	mount(map: L.Map): this {
		this.group.addTo(map);
		return this;
	}

	destroy(): void {
		this.group.clearLayers();
		this.group.remove();
		this.shown.clear();
	}

	update(sectors: readonly Sector[], focusedId: string | null): void {
		const seen = new Set<string>();
		for (const sector of sectors) {
			if (sector.area.length < 3) continue;
			seen.add(sector.id);
			const focused = sector.id === focusedId;
			const entry = this.shown.get(sector.id);
			if (entry && entry.sector === sector && entry.focused === focused) continue;
			if (entry) this.group.removeLayer(entry.layer);
			const layer = L.polygon(
				sector.area.map(([lat, lng]) => L.latLng(lat, lng)),
				{
					color: sector.colour,
					weight: focused ? 2.5 : 1.5,
					opacity: focused ? 0.9 : 0.55,
					dashArray: '8 5',
					fillColor: sector.colour,
					fillOpacity: focused ? 0.08 : 0.035,
					interactive: false
				}
			);
			layer.bindTooltip(textElement(sector.name), { permanent: true, direction: 'center', className: 'sb-sector-label', interactive: false });
			this.group.addLayer(layer);
			this.shown.set(sector.id, { sector, focused, layer });
		}
		for (const [id, entry] of this.shown) {
			if (seen.has(id)) continue;
			this.group.removeLayer(entry.layer);
			this.shown.delete(id);
		}
	}
}
