/**
 * The history API as the replay UI uses it, over an injectable fetch (tests pass a fake). Answers
 * are parsed with the protocol's schemas; a refusal throws an ApiCallError with the server's message.
 */
import type { z } from 'zod';
import {
	HISTORY_API,
	HISTORY_PARAMS,
	changesPage,
	forkResponse,
	historyState,
	historySummary,
	latestChanges,
	sinceAnswer,
	type ChangeCollection,
	type ChangesPage,
	type ForkResponse,
	type HistoryState,
	type HistorySummary,
	type LatestChanges,
	type SinceAnswer
} from '../protocol/history';
import { jsonBody, readAnswer, type FetchLike } from './api-answer';

/** Which moment to read: a time (epoch ms) or a sequence number. */
export type Moment = { at: number } | { seq: number };

export interface ChangeFilter {
	actor?: string[];
	sector?: string[];
	collection?: ChangeCollection[];
}

const WHAT = 'history request';

export class HistoryClient {
	constructor(
		readonly boardId: string,
		private readonly fetcher: FetchLike = (input, init) => fetch(input, init)
	) {}

	summary(signal?: AbortSignal): Promise<HistorySummary> {
		return this.get(historySummary, HISTORY_API.summary(this.boardId), new URLSearchParams(), signal);
	}

	/** The board's content at a moment, without the Yjs state. */
	state(moment: Moment, signal?: AbortSignal): Promise<HistoryState> {
		const query = new URLSearchParams({ [HISTORY_PARAMS.update]: 'false' });
		if ('at' in moment) query.set(HISTORY_PARAMS.at, String(Math.max(0, Math.floor(moment.at))));
		else query.set(HISTORY_PARAMS.seq, String(moment.seq));
		return this.get(historyState, HISTORY_API.state(this.boardId), query, signal);
	}

	changes(filter: ChangeFilter, fromSeq: number | null, limit: number, signal?: AbortSignal): Promise<ChangesPage> {
		const query = new URLSearchParams({ [HISTORY_PARAMS.limit]: String(limit) });
		if (fromSeq !== null) query.set(HISTORY_PARAMS.fromSeq, String(fromSeq));
		for (const actor of filter.actor ?? []) query.append(HISTORY_PARAMS.actor, actor);
		for (const sector of filter.sector ?? []) query.append(HISTORY_PARAMS.sector, sector);
		for (const collection of filter.collection ?? []) query.append(HISTORY_PARAMS.collection, collection);
		return this.get(changesPage, HISTORY_API.changes(this.boardId), query, signal);
	}

	/** What changed on the board since `at` (epoch ms): "since you last looked"; `self`'s own changes left out. */
	since(at: number, signal?: AbortSignal, self?: string): Promise<SinceAnswer> {
		const query = new URLSearchParams({ [HISTORY_PARAMS.at]: String(Math.max(0, Math.floor(at))) });
		if (self) query.set(HISTORY_PARAMS.self, self);
		return this.get(sinceAnswer, HISTORY_API.since(this.boardId), query, signal);
	}

	/** The newest change of every item, for "who last changed this". */
	latest(signal?: AbortSignal): Promise<LatestChanges> {
		return this.get(latestChanges, HISTORY_API.latest(this.boardId), new URLSearchParams(), signal);
	}

	async fork(at: number, title: string, actor?: string): Promise<ForkResponse> {
		const response = await this.fetcher(HISTORY_API.fork(this.boardId), jsonBody('POST', { at, title, ...(actor ? { actor } : {}) }));
		return readAnswer(response, forkResponse, WHAT);
	}

	private async get<S extends z.ZodType>(schema: S, path: string, query: URLSearchParams, signal?: AbortSignal): Promise<z.infer<S>> {
		const text = query.toString();
		return readAnswer(await this.fetcher(text ? `${path}?${text}` : path, { signal }), schema, WHAT);
	}
}
