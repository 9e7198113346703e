/** One sector of a board: the sector itself and every pin, front and report assigned to it. */
import type { BoardRecords } from '../model/geojson';

export function sectorSlice(records: BoardRecords, sectorId: string): BoardRecords | undefined {
	const sector = records.sectors.find((candidate) => candidate.id === sectorId);
	if (!sector) return undefined;
	const inSector = <T extends { sector?: string }>(items: readonly T[]) => items.filter((item) => item.sector === sectorId);
	return { sectors: [sector], pins: inSector(records.pins), fronts: inSector(records.fronts), reports: inSector(records.reports) };
}
