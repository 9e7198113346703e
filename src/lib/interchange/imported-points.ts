/** Where an import landed: every vertex it adds, as `[lat, lng]`, so the map can show them all. */
import type { LatLngPair } from '../model/common';
import type { ImportPlan } from './import-plan';

export function importedPoints(added: ImportPlan): LatLngPair[] {
	return [
		...added.sectors.flatMap((sector) => sector.area),
		...added.fronts.flatMap((front) => front.points),
		...added.pins.map((pin): LatLngPair => [pin.lat, pin.lng]),
		...added.reports.flatMap((report) => (report.place ? [[report.place.lat, report.place.lng] as LatLngPair] : []))
	];
}
