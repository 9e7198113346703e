/**
 * "Since you last looked": the board at a watcher's last visit compared with the board now —
 * which items are new, changed or gone, counted per sector; how much ground each side gained or
 * lost per sector (held-area.ts); which towns changed hands; who did it. Pure: two readings of
 * the board (as the timeline gives them) and the change-list entries between them in, the
 * answer out, so it is tested on hand-made boards.
 *
 * What counts is the difference of the two states, not the traffic between them: a pin moved
 * and moved back is unchanged; an item added and removed in between never existed for this
 * watcher. The change list only says who did it and when.
 *
 * A watcher's own changes are not news to them (`self`, the name they edit under): an item only
 * they changed in the window is left out, and so are they from the actors. An item someone else
 * changed too still counts. Ground held (held-area.ts) is compared as a whole and is not split
 * by who moved the front.
 */
import type { Front } from '../../src/lib/model/front';
import type { Pin } from '../../src/lib/model/pin';
import type { Report } from '../../src/lib/model/report';
import type { Sector } from '../../src/lib/model/sector';
import {
	SINCE_COLLECTIONS,
	SINCE_LIST_CAP,
	SINCE_MARKS_CAP,
	type BoardContent,
	type ChangeEntry,
	type HandsChange,
	type SinceAnswer,
	type SinceCollection,
	type SinceCounts,
	type SinceItem,
	type SinceSector
} from '../../src/lib/protocol/history';
import { itemLabel, type Fields } from './change-labels';
import { NOT_CHANGES, sameValue } from './describe-change';
import { heldAreaShifts } from './held-area';

export type SinceDiff = Omit<SinceAnswer, 'boardId' | 'since' | 'now'>;

type AnyRecord = Pin | Front | Report | Sector;
/** The per-sector counts cover these; sectors themselves are listed and highlighted, not counted. */
type Counted = 'pins' | 'fronts' | 'reports';

export const ELSEWHERE = 'Elsewhere';

const zero = (): SinceCounts => ({ new: 0, changed: 0, removed: 0 });
const byId = <T extends { id: string }>(records: readonly T[]) => new Map(records.map((record) => [record.id, record]));
const sectorOf = (collection: SinceCollection, record: AnyRecord) =>
	collection === 'sectors' ? record.id : ((record as { sector?: string }).sector ?? undefined);

/** Equal but for provenance: a pin moved and moved back is where it was, whoever touched it last. */
function sameContent(a: AnyRecord, b: AnyRecord): boolean {
	const strip = (record: AnyRecord) => Object.fromEntries(Object.entries(record).filter(([key]) => !NOT_CHANGES.has(key)));
	return sameValue(strip(a), strip(b));
}

/** Newest first; ties (one update) in list order. Items the log names no change for go last. */
const newestFirst = (a: SinceItem, b: SinceItem) => (b.last?.at ?? -1) - (a.last?.at ?? -1);

export function sinceDiff(before: BoardContent, now: BoardContent, window: readonly ChangeEntry[], self?: string): SinceDiff {
	// The newest entry per item in the window, and how many there were; who made them; whether
	// anyone but the asking watcher did.
	const lastChange = new Map<string, { entry: ChangeEntry; count: number; byOthers: boolean }>();
	const actorCounts = new Map<string | null, number>();
	for (const entry of window) {
		if (entry.collection === 'meta') continue;
		const key = `${entry.collection}/${entry.itemId}`;
		const seen = lastChange.get(key);
		const byOthers = self === undefined || entry.actor !== self;
		lastChange.set(key, { entry, count: (seen?.count ?? 0) + 1, byOthers: (seen?.byOthers ?? false) || byOthers });
		if (byOthers) actorCounts.set(entry.actor, (actorCounts.get(entry.actor) ?? 0) + 1);
	}
	/** Only the asking watcher changed it since: not news to them. */
	const ownOnly = (key: string) => {
		const logged = lastChange.get(key);
		return logged !== undefined && !logged.byOthers;
	};

	const items: SinceItem[] = [];
	const marks = Object.fromEntries(SINCE_COLLECTIONS.map((name) => [name, { new: [] as string[], changed: [] as string[] }])) as SinceAnswer['marks'];
	const counts = new Map<string | null, Record<Counted, SinceCounts>>();
	const countsFor = (sector: string | undefined) => {
		const key = sector ?? null;
		let entry = counts.get(key);
		if (!entry) counts.set(key, (entry = { pins: zero(), fronts: zero(), reports: zero() }));
		return entry;
	};

	for (const collection of SINCE_COLLECTIONS) {
		const then = byId<AnyRecord>(before[collection]);
		const current = byId<AnyRecord>(now[collection]);
		const note = (record: AnyRecord, status: SinceItem['status']) => {
			if (ownOnly(`${collection}/${record.id}`)) return;
			const sector = sectorOf(collection, record);
			const logged = lastChange.get(`${collection}/${record.id}`);
			const item: SinceItem = {
				collection,
				itemId: record.id,
				label: itemLabel(collection, record.id, record as unknown as Fields),
				status,
				changes: logged?.count ?? 0
			};
			if (sector !== undefined) item.sector = sector;
			if (logged) item.last = { at: logged.entry.at, actor: logged.entry.actor, action: logged.entry.action, summary: logged.entry.summary };
			items.push(item);
			if (status !== 'removed' && marks[collection][status].length < SINCE_MARKS_CAP) marks[collection][status].push(record.id);
			if (collection !== 'sectors') countsFor(sector)[collection][status]++;
		};
		for (const [id, record] of current) {
			const old = then.get(id);
			if (!old) note(record, 'new');
			else if (!sameContent(old, record)) note(record, 'changed');
		}
		for (const [id, record] of then) if (!current.has(id)) note(record, 'removed');
	}

	const handsChanged = townsThatChangedHands(before.pins, now.pins, lastChange).filter((change) => !ownOnly(`pins/${change.pinId}`));
	const areas = heldAreaShifts(before, now);
	items.sort(newestFirst);
	return {
		changed: items.length > 0,
		items: items.slice(0, SINCE_LIST_CAP),
		moreItems: Math.max(0, items.length - SINCE_LIST_CAP),
		sectors: sectorSummaries(before.sectors, now.sectors, counts, areas),
		handsChanged: handsChanged.slice(0, SINCE_LIST_CAP),
		moreHandsChanged: Math.max(0, handsChanged.length - SINCE_LIST_CAP),
		actors: [...actorCounts].map(([actor, changes]) => ({ actor, changes })).sort((a, b) => b.changes - a.changes),
		marks
	};
}

/** Places (not units, which have a side, not a control) whose holder differs now. */
function townsThatChangedHands(before: readonly Pin[], now: readonly Pin[], lastChange: Map<string, { entry: ChangeEntry }>): HandsChange[] {
	const then = byId(before);
	const changes: HandsChange[] = [];
	for (const pin of now) {
		const old = then.get(pin.id);
		if (!old || pin.kind === 'unit' || old.control === pin.control) continue;
		const logged = lastChange.get(`pins/${pin.id}`)?.entry;
		const change: HandsChange = { pinId: pin.id, name: pin.name, from: old.control, to: pin.control, at: logged?.at ?? null, actor: logged?.actor ?? null };
		if (pin.sector) change.sector = pin.sector;
		changes.push(change);
	}
	return changes.sort((a, b) => (b.at ?? -1) - (a.at ?? -1));
}

function sectorSummaries(
	before: readonly Sector[],
	now: readonly Sector[],
	counts: Map<string | null, Record<Counted, SinceCounts>>,
	areas: Map<string | null, SinceSector['area']>
): SinceSector[] {
	const names = new Map<string, string>([...before, ...now].map((sector) => [sector.id, sector.name]));
	const keys = new Set<string | null>([...counts.keys(), ...areas.keys()]);
	const summaries = [...keys].map((sector): SinceSector => ({
		sector,
		// An item may name a sector that no longer exists: show its id rather than hide it.
		name: sector === null ? ELSEWHERE : (names.get(sector) ?? sector),
		...(counts.get(sector) ?? { pins: zero(), fronts: zero(), reports: zero() }),
		area: areas.get(sector) ?? []
	}));
	return summaries.sort((a, b) => (a.sector === null ? 1 : b.sector === null ? -1 : a.name.localeCompare(b.name)));
}
