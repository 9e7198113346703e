/**
 * The history API (replay, attribution, forks): paths, query parameters and response shapes,
 * shared by the server (server/transport/history-api.ts) and the client. Documented for scripts
 * in docs/history.md. Every time is epoch milliseconds, UTC; every `update` is standard base64 of
 * a Yjs update (load it with `Y.applyUpdate(doc, bytes)`).
 */
import { z } from 'zod';
import { actorName, epochMillis } from '../model/common';
import { frontSchema } from '../model/front';
import { forkedFrom, metaFields } from '../model/meta';
import { controlState, pinSchema } from '../model/pin';
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
	/** GET `?at=` (required: the watcher's last visit) → SinceAnswer: what changed from then to now. */
	since: (id: string) => `${API.board(id)}/history/since`,
	/** GET → LatestChanges: the newest change of every item (for "who last changed this"). */
	latest: (id: string) => `${API.board(id)}/history/latest`,
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
	/** On the since path: the asking watcher's name; what only they changed is not news to them. */
	self: 'self',
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

/** Where a fork came from: the model's `meta.forkedFrom` (model/meta.ts). */
export { FORKED_FROM_KEY, forkedFrom, type ForkedFrom } from '../model/meta';

/** The board as the model reads it: valid records only, sorted by id. */
export const boardContent = z.object({
	pins: z.array(pinSchema),
	fronts: z.array(frontSchema),
	reports: z.array(reportSchema),
	sectors: z.array(sectorSchema),
	meta: z.object(metaFields).partial()
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
		/** Left out: "<the source's title> (fork)". */
		title: metaFields.title.optional(),
		actor: actorName.optional(),
		at: z.union([z.number(), z.string()]).refine((value) => parseMoment(value) !== undefined, 'at is epoch ms or an ISO date-time').optional(),
		seq: z.number().int().nonnegative().optional()
	})
	.refine((request) => request.at === undefined || request.seq === undefined, { message: 'give at or seq, not both', path: ['seq'] });
export type ForkRequest = z.input<typeof forkRequest>;

export const forkResponse = boardSummary.extend({ forkedFrom });
export type ForkResponse = z.infer<typeof forkResponse>;

/** Items and towns listed by a SinceAnswer; past it the answer says how many more there are. */
export const SINCE_LIST_CAP = 50;
/** Ids per collection and status a SinceAnswer gives for highlighting on the map. */
export const SINCE_MARKS_CAP = 2000;

/** The collections "since you last looked" reports on (board meta is not news). */
export const SINCE_COLLECTIONS = ['pins', 'fronts', 'reports', 'sectors'] as const;
export type SinceCollection = (typeof SINCE_COLLECTIONS)[number];
/** `new`: absent at the last visit; `changed`: there then and different now; `removed`: gone since. */
export const SINCE_STATUSES = ['new', 'changed', 'removed'] as const;
export type SinceStatus = (typeof SINCE_STATUSES)[number];

export const sinceItem = z.object({
	collection: z.enum(SINCE_COLLECTIONS),
	itemId: z.string(),
	/** Its name now (as it was, for a removed item). */
	label: z.string(),
	status: z.enum(SINCE_STATUSES),
	sector: z.string().optional(),
	/** Change-list entries for it in the window. */
	changes: z.number().int().nonnegative(),
	/** The newest of them: who did what, when. Absent if the log names none (it always should). */
	last: z.object({ at: epochMillis, actor: z.string().nullable(), action: z.enum(CHANGE_ACTIONS), summary: z.string() }).optional()
});
export type SinceItem = z.infer<typeof sinceItem>;

export const sinceCounts = z.object({ new: z.number().int(), changed: z.number().int(), removed: z.number().int() });
export type SinceCounts = z.infer<typeof sinceCounts>;

/** Ground held by one side within a sector, from the board's area fronts, in km². */
export const heldAreaShift = z.object({
	side: z.enum(['ukraine', 'russia']),
	beforeKm2: z.number(),
	nowKm2: z.number(),
	/** Held now, not then. */
	gainedKm2: z.number(),
	/** Held then, not now. */
	lostKm2: z.number()
});
export type HeldAreaShift = z.infer<typeof heldAreaShift>;

export const sinceSector = z.object({
	/** null: items in no sector, and ground outside every sector ("elsewhere"). */
	sector: z.string().nullable(),
	name: z.string(),
	pins: sinceCounts,
	fronts: sinceCounts,
	reports: sinceCounts,
	/** Sides whose held ground in this sector changed. */
	area: z.array(heldAreaShift)
});
export type SinceSector = z.infer<typeof sinceSector>;

/** A place whose `control` changed: "Kupiansk: russia → ukraine". */
export const handsChange = z.object({
	pinId: z.string(),
	name: z.string(),
	from: controlState,
	to: controlState,
	sector: z.string().optional(),
	at: epochMillis.nullable(),
	actor: z.string().nullable()
});
export type HandsChange = z.infer<typeof handsChange>;

const sinceLogPoint = z.object({ seq: z.number().int().nonnegative(), at: epochMillis.nullable() });
const marks = z.object({ new: z.array(z.string()), changed: z.array(z.string()) });

export const sinceAnswer = z.object({
	boardId: z.string(),
	/** The board at the asked-for moment: its newest update then (seq 0: before the first). */
	since: sinceLogPoint,
	now: sinceLogPoint,
	/** Whether anything in pins, fronts, reports or sectors differs. */
	changed: z.boolean(),
	/** Newest change first, at most SINCE_LIST_CAP. */
	items: z.array(sinceItem),
	moreItems: z.number().int().nonnegative(),
	/** Sectors with something to say, by name; "elsewhere" last. */
	sectors: z.array(sinceSector),
	/** At most SINCE_LIST_CAP, newest first. */
	handsChanged: z.array(handsChange),
	moreHandsChanged: z.number().int().nonnegative(),
	/** Who made the changes in the window, most changes first. */
	actors: z.array(z.object({ actor: z.string().nullable(), changes: z.number().int() })),
	/** Ids to highlight, per collection: new and changed (each at most SINCE_MARKS_CAP). */
	marks: z.object({ pins: marks, fronts: marks, reports: marks, sectors: marks })
});
export type SinceAnswer = z.infer<typeof sinceAnswer>;

/** The newest change of one item. */
export const latestChange = z.object({ at: epochMillis, actor: z.string().nullable(), action: z.enum(CHANGE_ACTIONS) });
export type LatestChange = z.infer<typeof latestChange>;
const latestOf = z.record(z.string(), latestChange);
/** Per collection, per item id, its newest change; `seq` is the log head it was read at. */
export const latestChanges = z.object({
	seq: z.number().int().nonnegative(),
	items: z.object({ pins: latestOf, fronts: latestOf, reports: latestOf, sectors: latestOf })
});
export type LatestChanges = z.infer<typeof latestChanges>;
