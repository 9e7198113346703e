/** Moving the map to what the watcher picked: a pin, a front, a report or a sector. */
import L from 'leaflet';
import type { BoardLayers, Selection } from '$lib/map/board-layers';
import type { Sector } from '$lib/model/sector';
import type { BoardSession } from '$lib/sync/board-session.svelte';

const CLOSE_ZOOM = 9;

export function sectorBounds(sector: Sector | undefined): L.LatLngBounds | null {
	return sector && sector.area.length >= 3 ? L.latLngBounds(sector.area) : null;
}

/** Flies to the item unless it is already comfortably in view. */
export function flyToItem(map: L.Map, layers: BoardLayers, selection: NonNullable<Selection>, session: BoardSession): void {
	const inView = map.getBounds().pad(-0.1);
	if (selection.kind === 'front') {
		const bounds = layers.fronts.bounds(selection.id);
		if (bounds && !inView.contains(bounds)) map.flyToBounds(bounds, { padding: [40, 40], duration: 0.8 });
		return;
	}
	let target: L.LatLngExpression | null = null;
	if (selection.kind === 'pin') {
		const pin = session.pins.find((candidate) => candidate.id === selection.id);
		if (pin) target = [pin.lat, pin.lng];
	} else {
		const report = session.reports.find((candidate) => candidate.id === selection.id);
		if (report?.place) target = [report.place.lat, report.place.lng];
		else {
			// A report without a place: show what it is linked to.
			const linked = report?.links.map((id) => session.pins.find((pin) => pin.id === id)).find(Boolean);
			if (linked) target = [linked.lat, linked.lng];
			else {
				const front = report?.links.map((id) => layers.fronts.bounds(id)).find(Boolean);
				if (front) map.flyToBounds(front, { padding: [40, 40], duration: 0.8 });
			}
		}
	}
	if (target && !inView.contains(target)) map.flyTo(target, Math.max(map.getZoom(), CLOSE_ZOOM), { duration: 0.8 });
}
