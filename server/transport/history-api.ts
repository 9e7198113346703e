/**
 * The history API over HTTP (paths and shapes: src/lib/protocol/history.ts; for scripts:
 * docs/history.md). Handlers only: the router has checked the caller (a viewer reads, an editor
 * forks — a fork copies the board into a new one) and its allowance; this file parses the query
 * and picks the BoardHistory call.
 */
import { ModelValidationError } from '../../src/lib/model/validation-error';
import { apiError, ERROR_CODES } from '../../src/lib/protocol/errors';
import {
	CHANGE_COLLECTIONS,
	HISTORY_PARAMS as P,
	MAX_CHANGES_PAGE,
	MAX_UPDATES_PAGE,
	parseMoment,
	type ChangeCollection
} from '../../src/lib/protocol/history';
import type { BoardAccess } from '../auth/board-access';
import type { BoardHistory } from '../history/board-history';
import { SeqOutOfRangeError, type Moment } from '../history/time-travel';
import { bodyOf, json, paramOf, type ApiContext, type ApiHandlers } from '../http/api-handler';
import { HttpError } from '../http/http-errors';

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

function collections(query: Query): Set<ChangeCollection> | undefined {
	const names = query.set(P.collection);
	for (const name of names ?? []) {
		if (!(CHANGE_COLLECTIONS as readonly string[]).includes(name)) {
			throw invalid(P.collection, `must be one of ${CHANGE_COLLECTIONS.join(', ')}, got "${name.slice(0, 40)}"`);
		}
	}
	return names as Set<ChangeCollection> | undefined;
}

/** Maps a seek past the log to a 400 naming `seq`; anything else goes on to the router. */
async function seeking<T>(answer: () => Promise<T>): Promise<T> {
	try {
		return await answer();
	} catch (error) {
		if (error instanceof SeqOutOfRangeError) throw new HttpError(400, apiError(ERROR_CODES.invalid, error.message, P.seq));
		throw error;
	}
}

export function historyApi(history: BoardHistory, access: BoardAccess): ApiHandlers {
	const board = (context: ApiContext) => paramOf(context, 'boardId');
	const query = (context: ApiContext) => new Query(context.query);
	return {
		getHistoryState: (context) =>
			seeking(async () => {
				const q = query(context);
				return json(200, await history.state(board(context), q.stateMoment(), { withUpdate: q.flag(P.update, true) }));
			}),
		listChanges: (context) =>
			seeking(async () => {
				const q = query(context);
				return json(
					200,
					await history.changes(board(context), {
						from: q.moment(P.from),
						to: q.moment(P.to),
						fromSeq: q.integer(P.fromSeq, 0),
						toSeq: q.integer(P.toSeq, 0),
						actors: q.set(P.actor),
						sectors: q.set(P.sector),
						collections: collections(q),
						limit: q.integer(P.limit, 1, MAX_CHANGES_PAGE)
					})
				);
			}),
		listUpdates: (context) =>
			seeking(async () => {
				const q = query(context);
				return json(
					200,
					await history.updates(board(context), { fromSeq: q.integer(P.fromSeq, 0), toSeq: q.integer(P.toSeq, 0), limit: q.integer(P.limit, 1, MAX_UPDATES_PAGE) })
				);
			}),
		getSinceLastLooked: async (context) => {
			const q = query(context);
			const at = q.moment(P.at);
			if (at === undefined) throw invalid(P.at, 'is required: the moment of your last visit (epoch milliseconds or an ISO date-time)');
			const self = context.query.get(P.self) || undefined;
			return json(200, await history.since(board(context), at, self));
		},
		getLatestChanges: async (context) => json(200, await history.latest(board(context))),
		getHistorySummary: async (context) => json(200, await history.summary(board(context))),
		forkBoard: (context) =>
			seeking(async () => {
				const { at, seq, title, actor } = bodyOf(context, 'ForkRequest');
				const moment: Moment = at !== undefined ? { at: parseMoment(at)! } : seq !== undefined ? { seq } : {};
				const fork = await history.fork(board(context), { moment, title, ...(actor ? { actor } : {}) });
				// The forker owns the fork: it gets the owner token once, like any new board's creator.
				return json(201, { ...fork, ...(await access.adopt(fork.id)) });
			})
	};
}
