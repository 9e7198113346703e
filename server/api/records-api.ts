/**
 * The records API for bots (paths: RECORDS_API in src/lib/protocol/endpoints.ts, bodies:
 * records-api.ts there; for people: docs/api.md). This file is the HTTP adapter only: it checks
 * the caller, parses and validates the request with the shared schemas, and hands the change to
 * the board's live Room as a named model operation (records-writer.ts). The room validates,
 * logs (actor: the token's name) and broadcasts it like any watcher's edit.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { itemId } from '../../src/lib/model/common';
import { COLLECTION_NAMES, type CollectionName } from '../../src/lib/model/layout';
import { readAll, readRecord } from '../../src/lib/model/records';
import { API } from '../../src/lib/protocol/endpoints';
import { apiError, ERROR_CODES } from '../../src/lib/protocol/errors';
import {
	createPinRequest,
	createReportRequest,
	SECTOR_FILTER_PARAM,
	updatePinRequest,
	updateReportRequest
} from '../../src/lib/protocol/records-api';
import { secretOf } from '../auth/access-api';
import type { BoardAccess } from '../auth/board-access';
import { KeyedRateLimit } from '../auth/rate-limit';
import type { BoardDirectory } from '../boards/board-directory';
import type { ServerConfig } from '../config';
import { HttpError, methodNotAllowed, readValidBody, sendJson, type ApiRoute } from '../transport/http-api';
import { actorOf, RecordsWriter } from './records-writer';

const ROUTE = new RegExp(`^${API.boards}/([^/]+)/(${COLLECTION_NAMES.join('|')})(?:/([^/]+))?$`);

/** What each collection accepts besides GET: the writes a bot needs, nothing more. */
const WRITES: Record<CollectionName, { list?: 'POST'; item?: 'PATCH' }> = {
	pins: { list: 'POST', item: 'PATCH' },
	reports: { list: 'POST', item: 'PATCH' },
	fronts: {},
	sectors: {}
};

const notFound = (message: string) => new HttpError(404, apiError(ERROR_CODES.notFound, message));

function decode(segment: string, what: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		throw notFound(`no such ${what}`);
	}
}

/** `?sector=` as a sector id; a malformed one is a 400 naming the parameter. */
function sectorFilter(url: URL): string | undefined {
	const raw = url.searchParams.get(SECTOR_FILTER_PARAM);
	if (raw === null || raw === '') return undefined;
	if (!itemId.safeParse(raw).success) {
		throw new HttpError(400, apiError(ERROR_CODES.invalid, `${SECTOR_FILTER_PARAM} must be a sector id`, SECTOR_FILTER_PARAM));
	}
	return raw;
}

type Limits = Pick<ServerConfig, 'apiRateLimitPerSecond' | 'apiRateLimitBurst'>;

export function createRecordsApi(directory: BoardDirectory, access: BoardAccess, limits: Limits): ApiRoute {
	const rateLimit = new KeyedRateLimit(limits.apiRateLimitPerSecond, limits.apiRateLimitBurst);
	const writer = new RecordsWriter(directory);

	function allowed(collection: CollectionName, isItem: boolean): string {
		const write = isItem ? WRITES[collection].item : WRITES[collection].list;
		return write ? `GET or ${write}` : 'GET';
	}

	async function answer(req: IncomingMessage, res: ServerResponse, url: URL, boardId: string, collection: CollectionName, id: string | undefined) {
		const method = req.method ?? 'GET';
		const write = id === undefined ? WRITES[collection].list : WRITES[collection].item;
		if (method !== 'GET' && method !== write) throw methodNotAllowed(allowed(collection, id !== undefined));
		const secret = secretOf(req);
		const grant = await access.require(boardId, secret, method === 'GET' ? 'viewer' : 'editor');
		// Per token: one bot's loop cannot slow another's. Callers without one share their address's.
		const wait = rateLimit.take(grant.tokenId ?? (access.isAdmin(secret) ? 'admin' : `address:${req.socket.remoteAddress ?? ''}`));
		if (wait > 0) {
			res.setHeader('retry-after', String(Math.ceil(wait / 1000)));
			throw new HttpError(429, apiError(ERROR_CODES.rateLimited, `rate limit exceeded: retry in ${Math.ceil(wait / 1000)} s`));
		}
		const actor = actorOf(grant, access.isAdmin(secret));

		if (method === 'GET' && id === undefined) {
			const sector = sectorFilter(url);
			const records = await writer.read(boardId, (doc) => readAll(doc, collection));
			// A sector lists itself; everything else by the sector it belongs to.
			const inSector = (record: { id: string; sector?: string }) => (collection === 'sectors' ? record.id : record.sector) === sector;
			const listed = sector ? records.filter(inSector) : records;
			sendJson(res, 200, listed.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
		} else if (method === 'GET') {
			const record = await writer.read(boardId, (doc) => readRecord(doc, collection, id!));
			if (!record) throw notFound(`no ${collection.slice(0, -1)} with id "${id}" on this board`);
			sendJson(res, 200, record);
		} else if (method === 'POST') {
			const created =
				collection === 'pins'
					? await writer.addPin(boardId, await readValidBody(req, createPinRequest, 'pin'), actor)
					: await writer.postReport(boardId, await readValidBody(req, createReportRequest, 'report'), actor);
			res.setHeader('location', `${url.pathname}/${encodeURIComponent(created.id)}`);
			sendJson(res, 201, created);
		} else {
			const updated =
				collection === 'pins'
					? await writer.updatePin(boardId, id!, await readValidBody(req, updatePinRequest, 'pin'), actor)
					: await writer.gradeReport(boardId, id!, (await readValidBody(req, updateReportRequest, 'report')).confidence, actor);
			sendJson(res, 200, updated);
		}
	}

	return async function recordsRoute(req, res, url) {
		const match = ROUTE.exec(url.pathname);
		if (!match) return false;
		const boardId = decode(match[1]!, 'board');
		if (!(await directory.get(boardId))) throw notFound('no such board');
		const id = match[3] === undefined ? undefined : decode(match[3], 'record');
		await answer(req, res, url, boardId, match[2] as CollectionName, id);
		return true;
	};
}
