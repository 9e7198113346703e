/** Lat/lng boxes for geometry tests, and their exact area on turf's sphere. */

/** turf's earth radius (km). */
const EARTH_RADIUS_KM = 6371.0088;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** An open `[lat, lng]` ring: south-west, south-east, north-east, north-west. */
export function box(south: number, west: number, north: number, east: number): [number, number][] {
	return [
		[south, west],
		[south, east],
		[north, east],
		[north, west]
	];
}

/** The exact area of a lat/lng box on that sphere: R² Δλ (sin φ2 − sin φ1), km². */
export function boxKm2(south: number, west: number, north: number, east: number): number {
	return EARTH_RADIUS_KM ** 2 * radians(east - west) * (Math.sin(radians(north)) - Math.sin(radians(south)));
}
