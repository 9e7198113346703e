/** Length of a path on the globe in kilometres (geodesic, via turf). */
import length from '@turf/length';
import { lineString } from '@turf/helpers';

export function pathLengthKm(points: readonly [number, number][]): number {
	if (points.length < 2) return 0;
	return length(lineString(points.map(([lat, lng]) => [lng, lat])), { units: 'kilometers' });
}

export function formatKm(km: number): string {
	return km >= 100 ? `${Math.round(km)} km` : `${km.toFixed(1)} km`;
}
