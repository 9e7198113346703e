/**
 * Every HTTP endpoint the server serves, as data: path (built from the shared path functions, so
 * a path is never typed twice), who may call it, what it takes and answers. openapi.ts turns this
 * table into the OpenAPI document, and the document is also the API's route list: a path or
 * method not in it is answered 404 / 405 before any handler runs, and each operation says who may
 * call it, what body it takes and which allowance it spends (server/http/api-router.ts).
 */
import { z } from 'zod';
import { itemId } from '../../src/lib/model/common';
import { ACCESS_API, type Role } from '../../src/lib/protocol/access';
import { BOARD_ID_PATTERN } from '../../src/lib/protocol/boards';
import { API, RECORDS_API } from '../../src/lib/protocol/endpoints';
import { EXPORT_API, EXPORT_FORMAT_NAMES, EXPORT_FORMATS, EXPORT_PARAMS } from '../../src/lib/protocol/export';
import { CHANGE_COLLECTIONS, HISTORY_API, HISTORY_PARAMS as H, MAX_CHANGES_PAGE, MAX_UPDATES_PAGE } from '../../src/lib/protocol/history';
import { SECTOR_FILTER_PARAM } from '../../src/lib/protocol/records-api';
import type { CallerLimitName } from '../limits/caller-limits';
import { inlineSchema, type JsonSchema, type RequestName, type ResponseName } from './openapi-schemas';

/** Who may call: a role on the board, anyone, or whoever BOARD_CREATION allows. */
export type Access = Role | 'anyone' | 'creator';

export interface QueryParam {
	name: string;
	description: string;
	schema: JsonSchema;
	/** May be given more than once (`?actor=a&actor=b`). */
	repeats?: boolean;
	/** The call is refused (400) without it. */
	required?: boolean;
}

export interface Operation {
	method: 'get' | 'post' | 'patch' | 'delete';
	/** An OpenAPI path template: `/api/boards/{boardId}/pins`. */
	path: string;
	operationId: string;
	tag: 'server' | 'boards' | 'access' | 'history' | 'export' | 'records';
	summary: string;
	access: Access;
	query?: QueryParam[];
	body?: RequestName;
	/** The success answer: a component, a list of one, a file of a media type, or any JSON. */
	ok: { status: 200 | 201; description: string; schema?: ResponseName; list?: true; file?: string };
	/** Refusals this call has besides those its access, body and limit imply (401/403/413/415/422/429). */
	errors?: (400 | 404 | 409)[];
	/**
	 * The caller allowance this call spends (server/limits/caller-limits.ts): the router refuses
	 * with 429 and Retry-After when it is used up.
	 */
	limit?: CallerLimitName;
}

/** Path parameters, by the name used in templates. */
export const PATH_PARAMS: Record<string, { description: string; schema: JsonSchema }> = {
	boardId: { description: 'The board id (a lower-case slug).', schema: { type: 'string', pattern: BOARD_ID_PATTERN.source } },
	tokenId: { description: 'A token’s public id (never its secret).', schema: { type: 'string' } },
	pinId: { description: 'The pin’s id.', schema: inlineSchema(itemId) },
	frontId: { description: 'The front’s id.', schema: inlineSchema(itemId) },
	reportId: { description: 'The report’s id.', schema: inlineSchema(itemId) },
	sectorId: { description: 'The sector’s id.', schema: inlineSchema(itemId) }
};

/** A path function's answer for `{name}` placeholders, with the placeholders left readable. */
const template = (path: string) => path.replace(/%7B(\w+)%7D/g, '{$1}');
const B = '{boardId}';

const moment = (name: string, description: string): QueryParam => ({
	name,
	description: `${description} Epoch milliseconds or an ISO 8601 date-time.`,
	schema: { oneOf: [{ type: 'integer', minimum: 0 }, { type: 'string', format: 'date-time' }] }
});
const wholeNumber = (name: string, description: string, max?: number): QueryParam => ({
	name,
	description,
	schema: inlineSchema(max === undefined ? z.number().int().min(0) : z.number().int().min(1).max(max))
});
const sectorFilter: QueryParam = { name: SECTOR_FILTER_PARAM, description: 'Only the records of this sector (a sector id).', schema: inlineSchema(itemId) };

function serverAndBoards(): Operation[] {
	return [
		{ method: 'get', path: API.health, operationId: 'health', tag: 'server', summary: 'Liveness, and this node’s view of its storage (a round trip now)', access: 'anyone', ok: { status: 200, description: 'The server is up.', schema: 'HealthReply' } },
		{ method: 'get', path: API.config, operationId: 'getConfig', tag: 'server', summary: 'Run-time settings for the web client', access: 'anyone', ok: { status: 200, description: 'The settings.', schema: 'RuntimeConfig' } },
		{ method: 'get', path: API.openapi, operationId: 'getOpenApi', tag: 'server', summary: 'This document', access: 'anyone', ok: { status: 200, description: 'The OpenAPI 3.1 document.' } },
		{ method: 'get', path: API.boards, operationId: 'listBoards', tag: 'boards', summary: 'Boards the caller may see: public ones, and private ones its token opens', access: 'anyone', ok: { status: 200, description: 'The boards.', schema: 'BoardSummary', list: true } },
		{ method: 'post', path: API.boards, operationId: 'createBoard', tag: 'boards', summary: 'Create a board; the answer holds its owner token, shown this once', access: 'creator', limit: 'boardCreation', body: 'CreateBoardRequest', ok: { status: 201, description: 'The new board.', schema: 'CreatedBoard' } },
		{ method: 'get', path: template(API.board(B)), operationId: 'getBoard', tag: 'boards', summary: 'One board', access: 'viewer', ok: { status: 200, description: 'The board.', schema: 'BoardSummary' } }
	];
}

function accessOperations(): Operation[] {
	const token = template(ACCESS_API.token(B, '{tokenId}'));
	return [
		{ method: 'get', path: template(ACCESS_API.me(B)), operationId: 'getMyAccess', tag: 'access', summary: 'The caller’s role and the board’s mode', access: 'viewer', ok: { status: 200, description: 'What the caller may do.', schema: 'MyAccess' } },
		{ method: 'get', path: template(ACCESS_API.access(B)), operationId: 'getAccess', tag: 'access', summary: 'The board’s mode and tokens (never their secrets)', access: 'owner', ok: { status: 200, description: 'Mode and tokens.', schema: 'BoardAccessInfo' } },
		{ method: 'post', path: template(ACCESS_API.access(B)), operationId: 'setAccess', tag: 'access', summary: 'Set who may open the board without a token', access: 'owner', body: 'SetAccessRequest', ok: { status: 200, description: 'Mode and tokens.', schema: 'BoardAccessInfo' } },
		{ method: 'post', path: template(ACCESS_API.tokens(B)), operationId: 'createToken', tag: 'access', summary: 'Create a token (a share link, or an API token for a bot: give it a label, its name in the history)', access: 'owner', body: 'CreateTokenRequest', ok: { status: 201, description: 'The token; its secret is shown this once.', schema: 'CreatedToken' } },
		{ method: 'delete', path: token, operationId: 'revokeToken', tag: 'access', summary: 'Revoke a token; its live connections close', access: 'owner', errors: [404], ok: { status: 200, description: 'Revoked.', schema: 'RevokedToken' } },
		{ method: 'post', path: template(ACCESS_API.rotate(B, '{tokenId}')), operationId: 'rotateToken', tag: 'access', summary: 'A new secret for the same role and label; the old one stops working', access: 'owner', errors: [404], ok: { status: 201, description: 'The new token.', schema: 'CreatedToken' } }
	];
}

function historyOperations(): Operation[] {
	const range = [wholeNumber(H.fromSeq, 'From this update (inclusive).'), wholeNumber(H.toSeq, 'Up to this update (inclusive).')];
	return [
		{
			method: 'get', path: template(HISTORY_API.state(B)), operationId: 'getHistoryState', tag: 'history', summary: 'The board as it stood at a moment (docs/history.md)', access: 'viewer', limit: 'history', errors: [400],
			query: [moment(H.at, 'The moment; not with seq.'), wholeNumber(H.seq, 'After this update; not with at.'), { name: H.update, description: '`false` leaves out the Yjs state.', schema: { type: 'boolean' } }],
			ok: { status: 200, description: 'Content (and Yjs state) at that moment.', schema: 'HistoryState' }
		},
		{
			method: 'get', path: template(HISTORY_API.changes(B)), operationId: 'listChanges', tag: 'history', summary: 'Who changed what, one line per change', access: 'viewer', limit: 'history', errors: [400],
			query: [
				moment(H.from, 'From this time.'), moment(H.to, 'Up to this time.'), ...range,
				{ name: H.actor, description: 'Only changes by these actors.', schema: { type: 'string' }, repeats: true },
				{ name: H.sector, description: 'Only changes in these sectors.', schema: { type: 'string' }, repeats: true },
				{ name: H.collection, description: 'Only these kinds of record.', schema: inlineSchema(z.enum(CHANGE_COLLECTIONS)), repeats: true },
				wholeNumber(H.limit, 'Page size.', MAX_CHANGES_PAGE)
			],
			ok: { status: 200, description: 'A page of changes.', schema: 'ChangesPage' }
		},
		{
			method: 'get', path: template(HISTORY_API.updates(B)), operationId: 'listUpdates', tag: 'history', summary: 'The raw update log (base64 Yjs updates)', access: 'viewer', limit: 'history', errors: [400],
			query: [...range, wholeNumber(H.limit, 'Page size.', MAX_UPDATES_PAGE)],
			ok: { status: 200, description: 'A page of updates.', schema: 'UpdatesPage' }
		},
		{
			method: 'get', path: template(HISTORY_API.since(B)), operationId: 'getSinceLastLooked', tag: 'history', summary: 'What changed since a moment: items, per-sector counts, km² gained / lost, towns that changed hands', access: 'viewer', limit: 'history', errors: [400],
			query: [{ ...moment(H.at, 'The watcher’s last visit (required).'), required: true }, { name: H.self, description: 'The asking watcher’s name: items only they changed since are not news to them.', schema: { type: 'string' } }],
			ok: { status: 200, description: 'The difference between the board then and now.', schema: 'SinceAnswer' }
		},
		{ method: 'get', path: template(HISTORY_API.latest(B)), operationId: 'getLatestChanges', tag: 'history', summary: 'Who last changed each item, and how', access: 'viewer', limit: 'history', ok: { status: 200, description: 'The newest change of every item.', schema: 'LatestChanges' } },
		{ method: 'get', path: template(HISTORY_API.summary(B)), operationId: 'getHistorySummary', tag: 'history', summary: 'Counts, actors and activity over the whole log', access: 'viewer', limit: 'history', ok: { status: 200, description: 'The summary.', schema: 'HistorySummary' } },
		{ method: 'post', path: template(HISTORY_API.fork(B)), operationId: 'forkBoard', tag: 'history', summary: 'Copy the board as it stood at a moment into a new board', access: 'editor', limit: 'boardCreation', body: 'ForkRequest', errors: [400], ok: { status: 201, description: 'The fork, with its owner token.', schema: 'ForkedBoard' } }
	];
}

/** An export's operation id: `exportGeojson`, `exportKml`, `exportCsv`. */
export const exportOperationId = (format: string) => `export${format[0]!.toUpperCase()}${format.slice(1)}`;

/** The interchange exports (docs/interchange.md); formats and paths from the shared protocol module. */
function exportOperations(): Operation[] {
	return EXPORT_FORMAT_NAMES.map((format) => ({
		method: 'get',
		path: template(EXPORT_API.path(B, format)),
		operationId: exportOperationId(format),
		tag: 'export',
		summary: `Download the board as ${EXPORT_FORMATS[format].label}: ${EXPORT_FORMATS[format].what}`,
		access: 'viewer',
		limit: 'history',
		errors: [400, 404],
		query: [sectorFilter, { name: EXPORT_PARAMS.at, description: 'The board as it stood at this moment (ISO 8601 date-time).', schema: { type: 'string', format: 'date-time' } }],
		ok: { status: 200, description: `The ${EXPORT_FORMATS[format].label} file.`, file: EXPORT_FORMATS[format].contentType.split(';')[0]! }
	}));
}

function recordOperations(): Operation[] {
	const kinds = [
		['pins', 'Pin', 'pinId', 'pin'],
		['fronts', 'Front', 'frontId', 'front'],
		['reports', 'Report', 'reportId', 'report'],
		['sectors', 'Sector', 'sectorId', 'sector']
	] as const;
	const operations: Operation[] = [];
	for (const [collection, schema, param, noun] of kinds) {
		const list = template(RECORDS_API.list(B, collection));
		const item = template(RECORDS_API.item(B, collection, `{${param}}`));
		const Noun = `${noun[0]!.toUpperCase()}${noun.slice(1)}`;
		operations.push(
			{ method: 'get', path: list, operationId: `list${Noun}s`, tag: 'records', summary: `The board’s ${collection}, by id`, access: 'viewer', errors: [400], limit: 'records', query: [sectorFilter], ok: { status: 200, description: `The ${collection}.`, schema, list: true } },
			{ method: 'get', path: item, operationId: `get${Noun}`, tag: 'records', summary: `One ${noun}`, access: 'viewer', errors: [404], limit: 'records', ok: { status: 200, description: `The ${noun}.`, schema } }
		);
	}
	operations.push(
		{ method: 'post', path: template(RECORDS_API.list(B, 'pins')), operationId: 'addPin', tag: 'records', summary: 'Add a pin (its sector filled in from where it lies)', access: 'editor', body: 'CreatePinRequest', errors: [409], limit: 'records', ok: { status: 201, description: 'The new pin.', schema: 'Pin' } },
		{ method: 'patch', path: template(RECORDS_API.item(B, 'pins', '{pinId}')), operationId: 'updatePin', tag: 'records', summary: 'Move a pin (lat and lng), rename it, or change its kind, side, control, note', access: 'editor', body: 'UpdatePinRequest', errors: [404], limit: 'records', ok: { status: 200, description: 'The pin as it now stands.', schema: 'Pin' } },
		{ method: 'post', path: template(RECORDS_API.list(B, 'reports')), operationId: 'postReport', tag: 'records', summary: 'Post a report with its sources', access: 'editor', body: 'CreateReportRequest', errors: [409], limit: 'records', ok: { status: 201, description: 'The new report.', schema: 'Report' } },
		{ method: 'patch', path: template(RECORDS_API.item(B, 'reports', '{reportId}')), operationId: 'gradeReport', tag: 'records', summary: 'Change a report’s grade (kept in its grade history)', access: 'editor', body: 'UpdateReportRequest', errors: [404], limit: 'records', ok: { status: 200, description: 'The report as it now stands.', schema: 'Report' } }
	);
	return operations;
}

export function apiOperations(): Operation[] {
	return [...serverAndBoards(), ...accessOperations(), ...historyOperations(), ...exportOperations(), ...recordOperations()];
}
