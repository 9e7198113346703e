/**
 * What an import will add, worked out in full before anything is written: every feature checked
 * (geometry, layer, the model's schemas), ids kept from the file where free (so an export
 * re-imported into an empty board keeps its ids, links and sectors) and fresh where taken,
 * references between imported things carried over, sectors filled in from where a thing lies,
 * and the board's limits respected. Any problem stops the whole import: nothing is half-added.
 */
import type { Feature } from 'geojson';
import { sectorAt, sectorOfShape } from '../geo/sector-at';
import { BOARD_LIMITS } from '../model/board-limits';
import { itemId, type LatLngPair } from '../model/common';
import { frontSchema, type Front } from '../model/front';
import { COLLECTION_OF, type BoardLayer, type BoardRecords } from '../model/geojson';
import { newId } from '../model/ids';
import type { CollectionName } from '../model/layout';
import { newPinSchema, type Pin } from '../model/pin';
import { reportSchema, type Report } from '../model/report';
import { sectorSchema, type Sector } from '../model/sector';
import { shapeOf } from './feature-geometry';
import { featureToCandidate, LAYER_GEOMETRY, type Candidate } from './feature-records';
import { ProblemList } from './import-error';
import type { ImportFile, ImportFormat } from './import-file';

type Planned<T> = Omit<T, 'createdBy' | 'createdAt' | 'updatedBy' | 'updatedAt'>;

export interface ImportPlan {
	format: ImportFormat;
	sectors: Planned<Sector>[];
	pins: Planned<Pin>[];
	fronts: Planned<Front>[];
	reports: Omit<Planned<Report>, 'gradeHistory'>[];
	/** One line per feature, in file order, for the preview list. */
	items: { layer: BoardLayer; label: string; detail: string }[];
	/** How the file's properties mapped, most used first. */
	mapping: { property: string; target: string; features: number }[];
	warnings: string[];
}

interface Located {
	candidate: Candidate;
	points: LatLngPair[];
	id: string;
}

function assignIds(located: Omit<Located, 'id'>[], board: BoardRecords): { items: Located[]; idMap: Map<string, string> } {
	const taken = new Set([...board.pins, ...board.fronts, ...board.reports, ...board.sectors].map((record) => record.id));
	const idMap = new Map<string, string>();
	const items = located.map((item) => {
		const { fileId, layer } = item.candidate;
		const keep = fileId !== undefined && itemId.safeParse(fileId).success && !taken.has(fileId);
		const id = keep ? fileId : newId(layer);
		taken.add(id);
		if (fileId !== undefined && !idMap.has(fileId)) idMap.set(fileId, id);
		return { ...item, id };
	});
	return { items, idMap };
}

export function planImport(file: ImportFile, board: BoardRecords): ImportPlan {
	const problems = new ProblemList();
	const warnings: string[] = [];
	const located: Omit<Located, 'id'>[] = [];
	let altitude = false;
	file.features.forEach((feature: Feature, index) => {
		const number = index + 1;
		if (!feature || typeof feature !== 'object' || feature.type !== 'Feature') return problems.add(`feature ${number}: is not a GeoJSON Feature`);
		const geometry = shapeOf(feature.geometry);
		if (!geometry.ok) return problems.add(`feature ${number}: ${geometry.problem}`);
		altitude ||= geometry.droppedAltitude;
		const candidate = featureToCandidate(feature, number, geometry.shape);
		const { shape } = geometry;
		if (!LAYER_GEOMETRY[candidate.layer].includes(shape.type)) {
			return problems.add(`feature ${number}: a ${candidate.layer} must be a ${LAYER_GEOMETRY[candidate.layer].join(' or ')}, not a ${shape.type}`);
		}
		if (shape.type === 'Polygon' && shape.holes > 0) candidate.warnings.push(`${shape.holes} hole(s) dropped: areas have one outline`);
		for (const warning of candidate.warnings) warnings.push(`feature ${number}: ${warning}`);
		located.push({ candidate, points: shape.type === 'Point' ? [shape.point] : shape.points });
	});
	if (altitude) warnings.push('altitudes (third coordinates) dropped: the board is flat');
	problems.throwIfAny();

	const { items, idMap } = assignIds(located, board);
	const sectorNames = new Map(board.sectors.map((sector) => [sector.name, sector.id]));
	const plan: ImportPlan = { format: file.format, sectors: [], pins: [], fronts: [], reports: [], items: [], mapping: [], warnings };
	const boardSectorIds = new Set(board.sectors.map((sector) => sector.id));
	const fail = (item: Located, label: string, issue: { path: PropertyKey[]; message: string }) =>
		problems.add(`feature ${item.candidate.number} (${item.candidate.layer} "${label.slice(0, 40)}"): ${issue.path.map(String).join('.') || 'record'} ${issue.message}`);

	for (const item of items.filter((entry) => entry.candidate.layer === 'sector')) {
		const fields = { ...item.candidate.fields, name: item.candidate.fields.name ?? `Imported sector ${item.candidate.number}` };
		const parsed = sectorSchema.safeParse({ ...fields, id: item.id, area: item.points });
		if (parsed.success) {
			plan.sectors.push(parsed.data);
			sectorNames.set(parsed.data.name, parsed.data.id);
		} else fail(item, String(fields.name), parsed.error.issues[0]!);
	}
	const allSectors = [...board.sectors, ...(plan.sectors as Sector[])];
	const sectorFor = (item: Located): string | undefined => {
		const { id, name } = item.candidate.sectorRef;
		if (id && idMap.has(id) && plan.sectors.some((sector) => sector.id === idMap.get(id))) return idMap.get(id);
		if (id && boardSectorIds.has(id)) return id;
		if (name && sectorNames.has(name)) return sectorNames.get(name);
		// Our own export names every sector a thing had; a foreign file's things get theirs from where they lie.
		if (item.candidate.ours) return undefined;
		const [first] = item.points;
		return item.points.length === 1 && first ? sectorAt(first[0], first[1], allSectors) : sectorOfShape(item.points, allSectors);
	};
	const known = new Set([...idMap.values(), ...board.pins.map((pin) => pin.id), ...board.fronts.map((front) => front.id)]);

	for (const item of items) {
		const { candidate } = item;
		const fields = candidate.fields;
		if (candidate.layer === 'pin') {
			const name = (fields.name as string | undefined) ?? `Imported point ${candidate.number}`;
			const [lat, lng] = item.points[0]!;
			const parsed = newPinSchema.safeParse({ ...fields, name, id: item.id, lat, lng, sector: sectorFor(item) });
			if (parsed.success) plan.pins.push(parsed.data as Planned<Pin>);
			else fail(item, name, parsed.error.issues[0]!);
		} else if (candidate.layer === 'front') {
			const parsed = frontSchema.safeParse({ ...fields, id: item.id, points: item.points, sector: sectorFor(item) });
			if (parsed.success) plan.fronts.push(parsed.data);
			else fail(item, String(fields.label ?? ''), parsed.error.issues[0]!);
		} else if (candidate.layer === 'report') {
			if (fields.eventTime === undefined) warnings.push(`feature ${candidate.number}: no event time; the time of the import is used`);
			const [lat, lng] = item.points[0]!;
			const links = candidate.linkRefs.map((ref) => idMap.get(ref) ?? ref).filter((ref) => known.has(ref));
			const parsed = reportSchema.safeParse({ eventTime: Date.now(), ...fields, id: item.id, place: { lat, lng }, links, sector: sectorFor(item) });
			if (parsed.success) {
				const { gradeHistory: _history, ...report } = parsed.data;
				plan.reports.push(report);
			} else fail(item, String(fields.text ?? ''), parsed.error.issues[0]!);
		}
	}

	for (const layer of Object.keys(COLLECTION_OF) as BoardLayer[]) {
		const collection = COLLECTION_OF[layer];
		const adding = plan[collection].length;
		const room = BOARD_LIMITS.records[collection] - board[collection].length;
		if (adding > room) problems.add(`too many ${collection}: the file adds ${adding}, this board has room for ${Math.max(0, room)} more (at most ${BOARD_LIMITS.records[collection]})`);
	}
	problems.throwIfAny();

	const tally = new Map<string, { property: string; target: string; features: number }>();
	for (const { candidate } of items) {
		for (const [property, target] of candidate.mapping) {
			const key = `${property}\u0000${target}`;
			const entry = tally.get(key) ?? { property, target, features: 0 };
			entry.features++;
			tally.set(key, entry);
		}
	}
	plan.mapping = [...tally.values()].sort((a, b) => b.features - a.features || a.property.localeCompare(b.property));
	plan.items = describeItems(plan);
	return plan;
}

function describeItems(plan: ImportPlan): ImportPlan['items'] {
	return [
		...plan.sectors.map((sector) => ({ layer: 'sector' as const, label: sector.name, detail: `${sector.area.length} points` })),
		...plan.fronts.map((front) => ({ layer: 'front' as const, label: front.label || `unnamed ${front.kind}`, detail: `${front.kind}, ${front.side}, ${front.state}` })),
		...plan.pins.map((pin) => ({ layer: 'pin' as const, label: pin.name, detail: `${pin.kind}, ${pin.kind === 'unit' ? pin.side : pin.control}` })),
		...plan.reports.map((report) => ({ layer: 'report' as const, label: report.text.slice(0, 80), detail: report.confidence }))
	];
}

export const planCounts = (plan: ImportPlan): Record<CollectionName, number> => ({
	sectors: plan.sectors.length,
	fronts: plan.fronts.length,
	pins: plan.pins.length,
	reports: plan.reports.length
});
