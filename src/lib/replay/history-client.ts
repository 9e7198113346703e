/**
 * The history API as the replay UI uses it, over an injectable fetch (tests pass a fake). Every
 * call throws an Error with the server's message on a non-2xx answer.
 */
import {
	HISTORY_API,
	HISTORY_PARAMS,
	type ChangeCollection,
	type ChangesPage,
	type ForkResponse,
	type HistoryState,
	type HistorySummary,
	type LatestChanges,
	type SinceAnswer
} from '../protocol/history';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** Which moment to read: a time (epoch ms) or a sequence number. */
export type Moment = { at: number } | { seq: number };

export interface ChangeFilter {
	actor?: string[];
	sector?: string[];
	collection?: ChangeCollection[];
}

export class HistoryClient {
	constructor(
		readonly boardId: string,
		private readonly fetcher: FetchLike = (input, init) => fetch(input, init)
	) {}

	summary(signal?: AbortSignal): Promise<HistorySummary> {
		return this.get<HistorySummary>(HISTORY_API.summary(this.boardId), new URLSearchParams(), signal);
	}

	/** The board's content at a moment, without the Yjs state. */
	state(moment: Moment, signal?: AbortSignal): Promise<HistoryState> {
		const query = new URLSearchParams({ [HISTORY_PARAMS.update]: 'false' });
		if ('at' in moment) query.set(HISTORY_PARAMS.at, String(Math.max(0, Math.floor(moment.at))));
		else query.set(HISTORY_PARAMS.seq, String(moment.seq));
		return this.get<HistoryState>(HISTORY_API.state(this.boardId), query, signal);
	}

	changes(filter: ChangeFilter, fromSeq: number | null, limit: number, signal?: AbortSignal): Promise<ChangesPage> {
		const query = new URLSearchParams({ [HISTORY_PARAMS.limit]: String(limit) });
		if (fromSeq !== null) query.set(HISTORY_PARAMS.fromSeq, String(fromSeq));
		for (const actor of filter.actor ?? []) query.append(HISTORY_PARAMS.actor, actor);
		for (const sector of filter.sector ?? []) query.append(HISTORY_PARAMS.sector, sector);
		for (const collection of filter.collection ?? []) query.append(HISTORY_PARAMS.collection, collection);
		return this.get<ChangesPage>(HISTORY_API.changes(this.boardId), query, signal);
	}

	/** What changed on the board since `at` (epoch ms): "since you last looked". */
	since(at: number, signal?: AbortSignal): Promise<SinceAnswer> {
		const query = new URLSearchParams({ [HISTORY_PARAMS.at]: String(Math.max(0, Math.floor(at))) });
		return this.get<SinceAnswer>(HISTORY_API.since(this.boardId), query, signal);
	}

	/** The newest change of every item, for "who last changed this". */
	latest(signal?: AbortSignal): Promise<LatestChanges> {
		return this.get<LatestChanges>(HISTORY_API.latest(this.boardId), new URLSearchParams(), signal);
	}

	async fork(at: number, title: string, actor?: string): Promise<ForkResponse> {
		const response = await this.fetcher(HISTORY_API.fork(this.boardId), {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ at, title, ...(actor ? { actor } : {}) })
		});
		return read<ForkResponse>(response);
	}

	private async get<T>(path: string, query: URLSearchParams, signal?: AbortSignal): Promise<T> {
		const text = query.toString();
		return read<T>(await this.fetcher(text ? `${path}?${text}` : path, { signal }));
	}
}

async function read<T>(response: Response): Promise<T> {
	const body: unknown = await response.json().catch(() => null);
	if (!response.ok) {
		const message = (body as { error?: { message?: string } } | null)?.error?.message;
		throw new Error(message ?? `history request failed (${response.status})`);
	}
	return body as T;
}

/**
 * Latest-wins loading for the replay slider: every request supersedes the ones before it, so an
 * answer that arrives after a newer request was made is dropped (and its fetch aborted), whatever
 * order the network delivers them in. Plain TypeScript, so it is unit-tested without Svelte.
 */export class LatestLoader<T> {
	private ticket = 0;
	private controller: AbortController | null = null;

	constructor(
		private readonly onResult: (value: T) => void,
		private readonly onError: (error: Error) => void = () => {}
	) {}

	/** True while the newest request has not answered. */
	pending = false;

	/** Starts `load`; its result reaches onResult only if no newer request was made meanwhile. */
	async request(load: (signal: AbortSignal) => Promise<T>): Promise<void> {
		this.controller?.abort();
		const controller = new AbortController();
		this.controller = controller;
		const ticket = ++this.ticket;
		this.pending = true;
		try {
			const value = await load(controller.signal);
			if (ticket !== this.ticket) return;
			this.pending = false;
			this.onResult(value);
		} catch (error) {
			if (ticket !== this.ticket) return;
			this.pending = false;
			if (!controller.signal.aborted) this.onError(error instanceof Error ? error : new Error(String(error)));
		}
	}

	/** Drops whatever is in flight. */
	cancel(): void {
		this.ticket++;
		this.pending = false;
		this.controller?.abort();
		this.controller = null;
	}
}
