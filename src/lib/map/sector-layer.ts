/**
 * Sectors on the map: a tinted outline and a name. They never take clicks — a sector is context,
 * and the map under it must stay clickable. The focused sector is drawn stronger. Hovering the
 * name says who last changed the sector (a title, set as text when the pointer arrives).
 */
import L from 'leaflet';
import type { Sector } from '$lib/model/sector';
import { KeyedLayers } from './keyed-layers';
import { textElement } from './text-content';

export class SectorLayer {
	private readonly group = L.layerGroup();
	private readonly layers = new KeyedLayers<Sector, boolean>(this.group, (sector, focused) => {
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
		const label = textElement(sector.name);
		label.addEventListener('mouseenter', () => {
			const change = this.describe(sector);
			label.title = change ? `${sector.name} — ${change}` : sector.name;
		});
		layer.bindTooltip(label, { permanent: true, direction: 'center', className: 'sb-sector-label', interactive: false });
		return layer;
	});

	constructor(private readonly describe: (sector: Sector) => string | null = () => null) {}

	mount(map: L.Map): this {
		this.layers.addTo(map);
		return this;
	}

	destroy(): void {
		this.layers.remove();
	}

	update(sectors: readonly Sector[], focusedId: string | null): void {
		this.layers.sync(sectors, (sector) => sector.id === focusedId, (sector) => sector.area.length < 3);
	}
}
