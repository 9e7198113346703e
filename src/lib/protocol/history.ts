/**
 * The history API (replay, attribution, forks): paths, query parameters and response shapes,
 * shared by the server (server/transport/history-api.ts) and the client. Documented for scripts
 * in docs/history.md. Every time is epoch milliseconds, UTC; every `update` is standard base64 of
 * a Yjs update (load it with `Y.applyUpdate(doc, bytes)`).
 */
import { z } from 'zod';
import type { Front } from '../model/front';
import type { BoardMeta } from '../model/meta';
import type { ControlState, Pin } from '../model/pin';
import type { Report } from '../model/report';
import type { Sector } from '../model/sector';
import { actorName } from '../model/common';
import { metaFields } from '../model/meta';
import type { BoardSummary } from './boards';
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
export interface ChangeEntry {
	seq: number;
	at: number;
	/** Who sent the update, as the server logged it; null when unknown. */
	actor: string | null;
	collection: ChangeCollection;
	/** The record id, or the meta key for `meta`. */
	itemId: string;
	/** The item's name as it reads after the change (before it, for a removal). */
	itemLabel: string;
	action: ChangeAction;
	/** A log line: "Olena moved the pin 'Kupiansk'". */
	summary: string;
	/** The item's sector (a sector's own id for sectors). */
	sector?: string;
}

/** Where a fork came from; kept in the fork's `meta` map under FORKED_FROM_KEY. */
export const FORKED_FROM_KEY = 'forkedFrom';
export const forkedFrom = z.object({
	boardId: z.string().min(1).max(64),
	seq: z.number().int().nonnegative(),
	at: z.number().int().nonnegative().nullable()
});
export type ForkedFrom = z.infer<typeof forkedFrom>;

/** The board as the model reads it: valid records only, sorted by id. */
export interface BoardContent {
	pins: Pin[];
	fronts: Front[];
	reports: Report[];
	sectors: Sector[];
	meta: BoardMeta & { forkedFrom?: ForkedFrom };
}

export interface HistoryState {
	boardId: string;
	/** The newest update included (0: before the first). */
	seq: number;
	/** The time of that update; null at seq 0. */
	at: number | null;
	content: BoardContent;
	/**
	 * base64 of the encoded Yjs state at that seq, exactly as the board stood (load it with
	 * Y.applyUpdate). Absent when asked for with `update=false`: it holds the board's whole
	 * history, so it costs more than the content the longer the board has lived.
	 */
	update?: string;
}

export interface ChangesPage {
	changes: ChangeEntry[];
	/** Pass as `fromSeq` (with the same filters) for the next page; null when this is the last. */
	next: number | null;
}

export interface LoggedUpdateJson {
	seq: number;
	at: number;
	actor: string | null;
	/** base64 of the update as the server integrated it. */
	update: string;
}

export interface UpdatesPage {
	updates: LoggedUpdateJson[];
	/** Pass as `fromSeq` for the next page; null when this is the last. */
	next: number | null;
}

export interface LogPoint {
	seq: number;
	at: number;
}
export interface ActivityBucket {
	/** Start of the bucket, epoch ms (a whole minute or hour, UTC). */
	start: number;
	updates: number;
}
export interface ActorActivity {
	actor: string | null;
	updates: number;
	firstAt: number;
	lastAt: number;
}
export interface HistorySummary {
	boardId: string;
	/** Updates in the log. */
	count: number;
	first: LogPoint | null;
	last: LogPoint | null;
	actors: ActorActivity[];
	/** Non-empty buckets only, oldest first: for timeline tick marks. */
	activity: { minute: ActivityBucket[]; hour: ActivityBucket[] };
	/** Every report post, oldest first. */
	reportPosts: { seq: number; at: number; actor: string | null; itemId: string; itemLabel: string }[];
}

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

export type ForkResponse = BoardSummary & { forkedFrom: ForkedFrom };

/** Items and towns listed by a SinceAnswer; past it the answer says how many more there are. */
export const SINCE_LIST_CAP = 50;
/** Ids per collection and status a SinceAnswer gives for highlighting on the map. */
export const SINCE_MARKS_CAP = 2000;

/** The collections "since you last looked" reports on (board meta is not news). */
export const SINCE_COLLECTIONS = ['pins', 'fronts', 'reports', 'sectors'] as const;
export type SinceCollection = (typeof SINCE_COLLECTIONS)[number];
/** `new`: absent at the last visit; `changed`: there then and different now; `removed`: gone since. */
export type SinceStatus = 'new' | 'changed' | 'removed';

export interface SinceItem {
	collection: SinceCollection;
	itemId: string;
	/** Its name now (as it was, for a removed item). */
	label: string;
	status: SinceStatus;
	sector?: string;
	/** Change-list entries for it in the window. */
	changes: number;
	/** The newest of them: who did what, when. Absent if the log names none (it always should). */
	last?: { at: number; actor: string | null; action: ChangeAction; summary: string };
}

export interface SinceCounts {
	new: number;
	changed: number;
	removed: number;
}

/** Ground held by one side within a sector, from the board's area fronts, in km². */
export interface HeldAreaShift {
	side: 'ukraine' | 'russia';
	beforeKm2: number;
	nowKm2: number;
	/** Held now, not then. */
	gainedKm2: number;
	/** Held then, not now. */
	lostKm2: number;
}

export interface SinceSector {
	/** null: items in no sector, and ground outside every sector ("elsewhere"). */
	sector: string | null;
	name: string;
	pins: SinceCounts;
	fronts: SinceCounts;
	reports: SinceCounts;
	/** Sides whose held ground in this sector changed. */
	area: HeldAreaShift[];
}

/** A place whose `control` changed: "Kupiansk: russia → ukraine". */
export interface HandsChange {
	pinId: string;
	name: string;
	from: ControlState;
	to: ControlState;
	sector?: string;
	at: number | null;
	actor: string | null;
}

export interface SinceAnswer {
	boardId: string;
	/** The board at the asked-for moment: its newest update then (seq 0: before the first). */
	since: { seq: number; at: number | null };
	now: { seq: number; at: number | null };
	/** Whether anything in pins, fronts, reports or sectors differs. */
	changed: boolean;
	/** Newest change first, at most SINCE_LIST_CAP. */
	items: SinceItem[];
	moreItems: number;
	/** Sectors with something to say, by name; "elsewhere" last. */
	sectors: SinceSector[];
	/** At most SINCE_LIST_CAP, newest first. */
	handsChanged: HandsChange[];
	moreHandsChanged: number;
	/** Who made the changes in the window, most changes first. */
	actors: { actor: string | null; changes: number }[];
	/** Ids to highlight, per collection: new and changed (each at most SINCE_MARKS_CAP). */
	marks: Record<SinceCollection, { new: string[]; changed: string[] }>;
}

/** The newest change of one item. */
export interface LatestChange {
	at: number;
	actor: string | null;
	action: ChangeAction;
}
/** Per collection, per item id, its newest change; `seq` is the log head it was read at. */
export interface LatestChanges {
	seq: number;
	items: Record<SinceCollection, Record<string, LatestChange>>;
}
