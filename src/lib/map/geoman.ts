/**
 * Loads Leaflet-Geoman once, in opt-in mode: only layers we hand it (the shape being edited) get
 * its handles — the basemap, pins and other fronts are never touched by it.
 */
import L from 'leaflet';
import '@geoman-io/leaflet-geoman-free';
import '@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css';

let configured = false;

export function useGeoman(map: L.Map): void {
	if (!configured) {
		L.PM.setOptIn(true);
		configured = true;
	}
	map.pm.setGlobalOptions({ snappable: true, snapDistance: 12, finishOnEnter: true, exitModeOnEscape: true, allowSelfIntersection: false });
}

/** Makes an ignored layer editable by Geoman (opt-in mode). */
export function optIn(layer: L.Layer): void {
	(layer.options as { pmIgnore?: boolean }).pmIgnore = false;
	L.PM.reInitLayer(layer);
}

/** Vertices of a polyline or polygon as `[lat, lng]` pairs (an area's ring, open). */
export function vertices(layer: L.Polyline<GeoJSON.Geometry>): [number, number][] {
	const raw = layer.getLatLngs();
	const ring = (Array.isArray(raw[0]) ? raw[0] : raw) as L.LatLng[];
	return ring.map((point) => [round(point.lat), round(point.lng)]);
}

/** Five decimals: about a metre; more only bloats the document. */
const round = (value: number) => Math.round(value * 1e5) / 1e5;
