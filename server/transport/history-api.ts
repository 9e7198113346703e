/**
 * The history API over HTTP (paths and shapes: src/lib/protocol/history.ts; for scripts:
 * docs/history.md). Mounted as a route of the HTTP API, so errors come out in the same JSON shape;
 * this file only parses requests and picks the BoardHistory call.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ModelValidationError } from '../../src/lib/model/validation-error';
import { API } from '../../src/lib/protocol/endpoints';
import { apiError, ERROR_CODES } from '../../src/lib/protocol/errors';
import {
	CHANGE_COLLECTIONS,
	forkRequest,
	HISTORY_PARAMS as P,
	MAX_CHANGES_PAGE,
	MAX_UPDATES_PAGE,
	parseMoment,
	type ChangeCollection
} from '../../src/lib/protocol/history';
import { secretOf } from '../auth/access-api';
import type { BoardAccess } from '../auth/board-access';
import type { BoardDirectory } from '../boards/board-directory';
import type { BoardHistory } from '../history/board-history';
import { SeqOutOfRangeError, type Moment } from '../history/time-travel';
import { HttpError, methodNotAllowed, readValidBody, sendJson, type ApiRoute } from './http-api';

const ROUTE = new RegExp(`^${API.boards}/([^/]+)/(history/(?:state|changes|updates|summary|since|latest)|fork)$`);

const invalid = (field: string, message: string) => new ModelValidationError('query', [{ path: field, message }]);

/** Reads the query parameters of one request, each by its name, failing with the name. */
class Query {
	constructor(private readonly params: URLSearchParams) {}

	moment(name: string): number | undefined {
		const raw = this.params.get(name);
		if (raw === null || raw === '') return undefined;
		const value = parseMoment(raw);
		if (value === undefined) throw invalid(name, `must be epoch milliseconds or an ISO date-time, got "${raw.slice(0, 40)}"`);
		return value;
	}

	integer(name: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
		const raw = this.params.get(name);
		if (raw === null || raw === '') return undefined;
		const value = Number(raw);
		if (!/^\d+$/.test(raw.trim()) || value < min || value > max) throw invalid(name, `must be a whole number from ${min} to ${max}`);
		return value;
	}

	flag(name: string, fallback: boolean): boolean {
		const raw = this.params.get(name);
		if (raw === null || raw === '') return fallback;
		if (/^(true|1)$/i.test(raw)) return true;
		if (/^(false|0)$/i.test(raw)) return false;
		throw invalid(name, 'must be true or false');
	}

	set(name: string): Set<string> | undefined {
		const values = this.params.getAll(name).filter((value) => value !== '');
		return values.length > 0 ? new Set(values) : undefined;
	}

	/** `at` or `seq`, not both; neither means now. */
	stateMoment(): Moment {
		const at = this.moment(P.at);
		const seq = this.integer(P.seq, 0);
		if (at !== undefined && seq !== undefined) throw invalid(P.seq, 'give at or seq, not both');
		return at !== undefined ? { at } : seq !== undefined ? { seq } : {};
	}
}

function safeDecode(segment: string): string | undefined {
	try {
		return decodeURIComponent(segment);
	} catch {
		return undefined;
	}
}

function collections(query: Query): Set<ChangeCollection> | undefined {
	const names = query.set(P.collection);
	for (const name of names ?? []) {
		if (!(CHANGE_COLLECTIONS as readonly string[]).includes(name)) {
			throw invalid(P.collection, `must be one of ${CHANGE_COLLECTIONS.join(', ')}, got "${name.slice(0, 40)}"`);
		}
	}
	return names as Set<ChangeCollection> | undefined;
}

export function createHistoryApi(directory: BoardDirectory, history: BoardHistory, access: BoardAccess): ApiRoute {
	async function answer(req: IncomingMessage, res: ServerResponse, boardId: string, what: string, query: Query): Promise<void> {
		const method = req.method ?? 'GET';
		if (what === 'fork') {
			if (method !== 'POST') throw methodNotAllowed('POST');
			const { at, seq, title, actor } = await readValidBody(req, forkRequest, 'fork');
			const moment: Moment = at !== undefined ? { at: parseMoment(at)! } : seq !== undefined ? { seq } : {};
			const fork = await history.fork(boardId, { moment, title, ...(actor ? { actor } : {}) });
			// The forker owns the fork: it gets the owner token once, like any new board's creator.
			sendJson(res, 201, { ...fork, ...(await access.adopt(fork.id)) });
			return;
		}
		if (method !== 'GET') throw methodNotAllowed('GET');
		switch (what) {
			case 'history/state':
				sendJson(res, 200, await history.state(boardId, query.stateMoment(), { withUpdate: query.flag(P.update, true) }));
				return;
			case 'history/changes':
				sendJson(
					res,
					200,
					await history.changes(boardId, {
						from: query.moment(P.from),
						to: query.moment(P.to),
						fromSeq: query.integer(P.fromSeq, 0),
						toSeq: query.integer(P.toSeq, 0),
						actors: query.set(P.actor),
						sectors: query.set(P.sector),
						collections: collections(query),
						limit: query.integer(P.limit, 1, MAX_CHANGES_PAGE)
					})
				);
				return;
			case 'history/updates':
				sendJson(
					res,
					200,
					await history.updates(boardId, {
						fromSeq: query.integer(P.fromSeq, 0),
						toSeq: query.integer(P.toSeq, 0),
						limit: query.integer(P.limit, 1, MAX_UPDATES_PAGE)
					})
				);
				return;
			case 'history/since': {
				const at = query.moment(P.at);
				if (at === undefined) throw invalid(P.at, 'is required: the moment of your last visit (epoch milliseconds or an ISO date-time)');
				sendJson(res, 200, await history.since(boardId, at));
				return;
			}
			case 'history/latest':
				sendJson(res, 200, await history.latest(boardId));
				return;
			default:
				sendJson(res, 200, await history.summary(boardId));
		}
	}

	return async function historyRoute(req, res, url) {
		const match = ROUTE.exec(url.pathname);
		if (!match) return false;
		const boardId = safeDecode(match[1]!);
		if (boardId === undefined || !(await directory.get(boardId))) throw new HttpError(404, apiError(ERROR_CODES.notFound, 'no such board'));
		// Reading the record needs a viewer; forking copies it into a new board, so an editor.
		await access.require(boardId, secretOf(req), match[2] === 'fork' ? 'editor' : 'viewer');
		try {
			await answer(req, res, boardId, match[2]!, new Query(url.searchParams));
		} catch (error) {
			if (error instanceof SeqOutOfRangeError) throw new HttpError(400, apiError(ERROR_CODES.invalid, error.message, P.seq));
			throw error;
		}
		return true;
	}
}
