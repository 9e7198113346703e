/**
 * The records API for bots (paths: RECORDS_API in src/lib/protocol/endpoints.ts, bodies:
 * records-api.ts there; for people: docs/api.md). Handlers only: the router has checked the
 * caller's role, spent its allowance (per token, or per address without one) and parsed the body;
 * writes go to the board's live Room as named model operations (records-writer.ts), so they are
 * validated, logged under the token's name and broadcast like any watcher's edit.
 */
import { itemId } from '../../src/lib/model/common';
import type { CollectionName } from '../../src/lib/model/layout';
import { readAll, readRecord } from '../../src/lib/model/records';
import { SECTOR_FILTER_PARAM } from '../../src/lib/protocol/records-api';
import type { BoardAccess } from '../auth/board-access';
import type { BoardDirectory } from '../boards/board-directory';
import { bodyOf, json, paramOf, type ApiContext, type ApiHandler, type ApiHandlers } from '../http/api-handler';
import { invalidParam, notFound } from '../http/http-errors';
import { actorOf, RecordsWriter } from './records-writer';

const COLLECTIONS: readonly [CollectionName, string, string][] = [
	['pins', 'Pin', 'pinId'],
	['fronts', 'Front', 'frontId'],
	['reports', 'Report', 'reportId'],
	['sectors', 'Sector', 'sectorId']
];

/** `?sector=` as a sector id; a malformed one is a 400 naming the parameter. */
function sectorFilter(query: URLSearchParams): string | undefined {
	const raw = query.get(SECTOR_FILTER_PARAM);
	if (raw === null || raw === '') return undefined;
	if (!itemId.safeParse(raw).success) throw invalidParam(SECTOR_FILTER_PARAM, 'must be a sector id');
	return raw;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function recordsApi(directory: BoardDirectory, access: BoardAccess): ApiHandlers {
	const writer = new RecordsWriter(directory);
	const board = (context: ApiContext) => paramOf(context, 'boardId');
	const actor = (context: ApiContext) => actorOf(context.grant!, access.isAdmin(context.secret));

	const list = (collection: CollectionName): ApiHandler => async (context) => {
		const sector = sectorFilter(context.query);
		const records = await writer.read(board(context), (doc) => readAll(doc, collection));
		// A sector lists itself; everything else by the sector it belongs to.
		const inSector = (record: { id: string; sector?: string }) => (collection === 'sectors' ? record.id : record.sector) === sector;
		return json(200, (sector ? records.filter(inSector) : records).sort(byId));
	};
	const get = (collection: CollectionName, param: string): ApiHandler => async (context) => {
		const id = paramOf(context, param);
		const record = await writer.read(board(context), (doc) => readRecord(doc, collection, id));
		if (!record) throw notFound(`no ${collection.slice(0, -1)} with id "${id}" on this board`, param);
		return json(200, record);
	};
	const created = (context: ApiContext, record: { id: string }) =>
		json(201, record, { location: `${context.url.pathname}/${encodeURIComponent(record.id)}` });

	const reads: Record<string, ApiHandler> = {};
	for (const [collection, noun, param] of COLLECTIONS) {
		reads[`list${noun}s`] = list(collection);
		reads[`get${noun}`] = get(collection, param);
	}
	return {
		...reads,
		addPin: async (context) => created(context, await writer.addPin(board(context), bodyOf(context, 'CreatePinRequest'), actor(context))),
		updatePin: async (context) =>
			json(200, await writer.updatePin(board(context), paramOf(context, 'pinId'), bodyOf(context, 'UpdatePinRequest'), actor(context))),
		postReport: async (context) =>
			created(context, await writer.postReport(board(context), bodyOf(context, 'CreateReportRequest'), actor(context))),
		gradeReport: async (context) =>
			json(200, await writer.gradeReport(board(context), paramOf(context, 'reportId'), bodyOf(context, 'UpdateReportRequest').confidence, actor(context)))
	};
}
