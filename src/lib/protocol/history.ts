/**
 * The history API (replay, attribution, forks): paths, query parameters and response shapes,
 * shared by the server (server/transport/history-api.ts) and the client. Documented for scripts
 * in docs/history.md. Every time is epoch milliseconds, UTC; every `update` is standard base64 of
 * a Yjs update (load it with `Y.applyUpdate(doc, bytes)`).
 */
import { z } from 'zod';
import { actorName, epochMillis } from '../model/common';
import { frontSchema } from '../model/front';
import { metaFields } from '../model/meta';
import { pinSchema } from '../model/pin';
import { reportSchema } from '../model/report';
import { sectorSchema } from '../model/sector';
import { boardSummary } from './boards';
import { API } from './endpoints';

export const HISTORY_API = {
	/** GET `?at=` or `?seq=` (neither: now), `&update=false` to leave out the Yjs state → HistoryState. */
	state: (id: string) => `${API.board(id)}/history/state`,
	/** GET `?from=&to=&fromSeq=&toSeq=&actor=&sector=&collection=&limit=` → ChangesPage. */
	changes: (id: string) => `${API.board(id)}/history/changes`,
	/** GET `?fromSeq=&toSeq=&limit=` → UpdatesPage. */
	updates: (id: string) => `${API.board(id)}/history/updates`,
	/** GET → HistorySummary. */
	summary: (id: string) => `${API.board(id)}/history/summary`,
	/** POST ForkRequest → 201 ForkResponse. */
	fork: (id: string) => `${API.board(id)}/fork`
} as const;

/** Query parameter names. `actor`, `sector` and `collection` may repeat (any of them matches). */
export const HISTORY_PARAMS = {
	at: 'at',
	seq: 'seq',
	from: 'from',
	to: 'to',
	fromSeq: 'fromSeq',
	toSeq: 'toSeq',
	actor: 'actor',
	sector: 'sector',
	collection: 'collection',
	limit: 'limit',
	/** On the state path: `false` leaves out `update` (timeline scrubbing needs only content). */
	update: 'update'
} as const;

/** Largest page of raw updates or of changes; a longer answer says where to go on (`next`). */
export const MAX_UPDATES_PAGE = 5000;
export const MAX_CHANGES_PAGE = 5000;

export const CHANGE_COLLECTIONS = ['pins', 'fronts', 'reports', 'sectors', 'meta'] as const;
export type ChangeCollection = (typeof CHANGE_COLLECTIONS)[number];

/**
 * What a change did. `restyled`: how a thing is drawn (a pin's kind or side, a front's side, state
 * or kind, a sector's colour). `control-changed`: who holds a place. `graded`: a report's
 * confidence. `edited`: anything else (notes, sectors, a report's text or sources, board meta).
 */
export const CHANGE_ACTIONS = [
	'created',
	'moved',
	'renamed',
	'reshaped',
	'restyled',
	'control-changed',
	'graded',
	'edited',
	'removed'
] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

/** One human-readable change. One logged update may yield several (one per item and action). */
export const changeEntry = z.object({
	seq: z.number().int(),
	at: epochMillis,
	/** Who sent the update, as the server logged it; null when unknown. */
	actor: z.string().nullable(),
	collection: z.enum(CHANGE_COLLECTIONS),
	/** The record id, or the meta key for `meta`. */
	itemId: z.string(),
	/** The item's name as it reads after the change (before it, for a removal). */
	itemLabel: z.string(),
	action: z.enum(CHANGE_ACTIONS),
	/** A log line: "Olena moved the pin 'Kupiansk'". */
	summary: z.string(),
	/** The item's sector (a sector's own id for sectors). */
	sector: z.string().optional()
});
export type ChangeEntry = z.infer<typeof changeEntry>;

/** Where a fork came from; kept in the fork's `meta` map under FORKED_FROM_KEY. */
export const FORKED_FROM_KEY = 'forkedFrom';
export const forkedFrom = z.object({
	boardId: z.string().min(1).max(64),
	seq: z.number().int().nonnegative(),
	at: z.number().int().nonnegative().nullable()
});
export type ForkedFrom = z.infer<typeof forkedFrom>;

/** The board as the model reads it: valid records only, sorted by id. */
export const boardContent = z.object({
	pins: z.array(pinSchema),
	fronts: z.array(frontSchema),
	reports: z.array(reportSchema),
	sectors: z.array(sectorSchema),
	meta: z.object({ ...metaFields, forkedFrom }).partial()
});
export type BoardContent = z.infer<typeof boardContent>;

export const historyState = z.object({
	boardId: z.string(),
	/** The newest update included (0: before the first). */
	seq: z.number().int(),
	/** The time of that update; null at seq 0. */
	at: epochMillis.nullable(),
	content: boardContent,
	/**
	 * base64 of the encoded Yjs state at that seq, exactly as the board stood (load it with
	 * Y.applyUpdate). Absent when asked for with `update=false`: it holds the board's whole
	 * history, so it costs more than the content the longer the board has lived.
	 */
	update: z.string().optional()
});
export type HistoryState = z.infer<typeof historyState>;

export const changesPage = z.object({
	changes: z.array(changeEntry),
	/** Pass as `fromSeq` (with the same filters) for the next page; null when this is the last. */
	next: z.number().int().nullable()
});
export type ChangesPage = z.infer<typeof changesPage>;

export const loggedUpdateJson = z.object({
	seq: z.number().int(),
	at: epochMillis,
	actor: z.string().nullable(),
	/** base64 of the update as the server integrated it. */
	update: z.string()
});
export type LoggedUpdateJson = z.infer<typeof loggedUpdateJson>;

export const updatesPage = z.object({
	updates: z.array(loggedUpdateJson),
	/** Pass as `fromSeq` for the next page; null when this is the last. */
	next: z.number().int().nullable()
});
export type UpdatesPage = z.infer<typeof updatesPage>;

export const logPoint = z.object({ seq: z.number().int(), at: epochMillis });
export type LogPoint = z.infer<typeof logPoint>;

export const activityBucket = z.object({
	/** Start of the bucket, epoch ms (a whole minute or hour, UTC). */
	start: epochMillis,
	updates: z.number().int()
});
export type ActivityBucket = z.infer<typeof activityBucket>;

export const actorActivity = z.object({ actor: z.string().nullable(), updates: z.number().int(), firstAt: epochMillis, lastAt: epochMillis });
export type ActorActivity = z.infer<typeof actorActivity>;

export const historySummary = z.object({
	boardId: z.string(),
	/** Updates in the log. */
	count: z.number().int(),
	first: logPoint.nullable(),
	last: logPoint.nullable(),
	actors: z.array(actorActivity),
	/** Non-empty buckets only, oldest first: for timeline tick marks. */
	activity: z.object({ minute: z.array(activityBucket), hour: z.array(activityBucket) }),
	/** Every report post, oldest first. */
	reportPosts: z.array(z.object({ seq: z.number().int(), at: epochMillis, actor: z.string().nullable(), itemId: z.string(), itemLabel: z.string() }))
});
export type HistorySummary = z.infer<typeof historySummary>;

/**
 * A moment as a query or a body gives it: epoch milliseconds (digits) or an ISO 8601 date-time
 * ("2022-09-11T12:00:00Z"). Returns undefined for anything else.
 */
export function parseMoment(value: string | number): number | undefined {
	if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
	const text = value.trim();
	if (/^\d{1,16}$/.test(text)) return parseMoment(Number(text));
	if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i.test(text)) return undefined;
	const ms = Date.parse(text);
	return Number.isNaN(ms) || ms < 0 ? undefined : ms;
}

/** `at` or `seq` (not both); neither forks the board as it is now. `actor`: who forks (logged). */
export const forkRequest = z
	.object({
		title: metaFields.title,
		actor: actorName.optional(),
		at: z.union([z.number(), z.string()]).refine((value) => parseMoment(value) !== undefined, 'at is epoch ms or an ISO date-time').optional(),
		seq: z.number().int().nonnegative().optional()
	})
	.refine((request) => request.at === undefined || request.seq === undefined, { message: 'give at or seq, not both', path: ['seq'] });
export type ForkRequest = z.input<typeof forkRequest>;

export const forkResponse = boardSummary.extend({ forkedFrom });
export type ForkResponse = z.infer<typeof forkResponse>;
