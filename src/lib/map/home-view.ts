/**
 * Showing a board's home view. A home view is a centre and a zoom, chosen by someone at a laptop
 * or desktop; at that zoom a phone's narrow map shows a third of what they framed (the demo's
 * phone view lost Kherson and crowded Kupiansk to the edge). So a home view also stands for an
 * area — what a laptop's map shows around its centre at its zoom — and a phone fits that area
 * instead of copying the zoom.
 */
import L from 'leaflet';
import type { MapView } from '$lib/model/meta';

/** The map a home view is taken to be framed on: about a 13-inch laptop's map, in CSS pixels. */
export const HOME_VIEW_FRAME = { width: 720, height: 720 } as const;
/** Room kept around the area on a phone: the legend and the map's buttons sit on its lower edge. */
const PHONE_PADDING = { topLeft: L.point(12, 12), bottomRight: L.point(12, 40) };

/** The area a home view frames. */
export function homeBounds(map: L.Map, view: MapView): L.LatLngBounds {
	const centre = map.project([view.lat, view.lng], view.zoom);
	const half = L.point(HOME_VIEW_FRAME.width / 2, HOME_VIEW_FRAME.height / 2);
	return L.latLngBounds(map.unproject(centre.subtract(half), view.zoom), map.unproject(centre.add(half), view.zoom));
}

/** Shows the home view: its area fitted (`fit`, a phone) or its own centre and zoom. */
export function showHome(map: L.Map, view: MapView, { fit, animate }: { fit: boolean; animate: boolean }): void {
	const padding = { paddingTopLeft: PHONE_PADDING.topLeft, paddingBottomRight: PHONE_PADDING.bottomRight };
	if (fit && animate) map.flyToBounds(homeBounds(map, view), { ...padding, duration: 0.8 });
	else if (fit) map.fitBounds(homeBounds(map, view), { ...padding, animate: false });
	else if (animate) map.flyTo([view.lat, view.lng], view.zoom, { duration: 0.8 });
	else map.setView([view.lat, view.lng], view.zoom, { animate: false });
}
