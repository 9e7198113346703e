/**
 * Which sectors want a watcher's attention: per sector, the reports posted and the other changes
 * made since this watcher last viewed it, and whether it has gone quiet while others are busy.
 * Pure: the board's records (their provenance says who changed them when), the viewed times and
 * the time now in; counts out. Removed items are not counted: nothing is left to look at. A
 * change the watcher made themselves (the record's last change is under their name) is no news to
 * them: it does not count, though it still says when the sector last changed.
 */
import type { Front } from '../model/front';
import type { Pin } from '../model/pin';
import type { Report } from '../model/report';
import type { Sector } from '../model/sector';
import type { SectorViews } from './visit-store';

export interface SectorAttention {
	/** Reports in the sector posted since it was last viewed. */
	unreadReports: number;
	/** Pins, fronts, the sector itself, and reports posted earlier, added or changed since. */
	changes: number;
	/** The newest change in the sector, or null if nothing in it says when it changed. */
	lastChangeAt: number | null;
	/** No change for quietAfterMs while another sector changed within it. */
	quiet: boolean;
}

interface Stamped {
	sector?: string;
	createdAt?: number;
	updatedAt?: number;
	createdBy?: string;
	updatedBy?: string;
}

const changedAt = (record: Stamped) => record.updatedAt ?? record.createdAt;
/** Who made the change `changedAt` dates. */
const changedBy = (record: Stamped) => (record.updatedAt !== undefined ? record.updatedBy : record.createdBy);

export function viewedAt(views: SectorViews, sectorId: string): number {
	return views.sectors[sectorId] ?? views.baseline;
}

export function sectorAttention(input: {
	sectors: readonly Sector[];
	pins: readonly Pin[];
	fronts: readonly Front[];
	reports: readonly Report[];
	views: SectorViews;
	now: number;
	quietAfterMs: number;
	/** The sector the watcher has in view: whatever changes there, they see it. */
	watching?: string | null;
	/** The watcher's name: what they changed themselves is not unread. */
	self?: string;
}): Map<string, SectorAttention> {
	const { sectors, views, now, quietAfterMs, watching = null, self } = input;
	const own = (record: Stamped) => self !== undefined && self !== '' && changedBy(record) === self;
	const result = new Map<string, SectorAttention>();
	for (const sector of sectors) {
		const at = changedAt(sector) ?? null;
		const unseen = at !== null && at > viewedAt(views, sector.id) && sector.id !== watching && !own(sector);
		result.set(sector.id, { unreadReports: 0, changes: unseen ? 1 : 0, lastChangeAt: at, quiet: false });
	}
	const count = (record: Stamped, isReport: boolean) => {
		const attention = record.sector ? result.get(record.sector) : undefined;
		const at = changedAt(record);
		if (!attention || at === undefined) return;
		attention.lastChangeAt = Math.max(attention.lastChangeAt ?? at, at);
		const since = viewedAt(views, record.sector!);
		if (at <= since || record.sector === watching || own(record)) return;
		if (isReport && (record.createdAt ?? at) > since) attention.unreadReports++;
		else attention.changes++;
	};
	for (const pin of input.pins) count(pin, false);
	for (const front of input.fronts) count(front, false);
	for (const report of input.reports) count(report, true);

	const busySince = now - quietAfterMs;
	const busy = [...result.values()].filter((attention) => attention.lastChangeAt !== null && attention.lastChangeAt >= busySince).length;
	for (const attention of result.values()) {
		const isBusy = attention.lastChangeAt !== null && attention.lastChangeAt >= busySince;
		attention.quiet = !isBusy && busy > 0;
	}
	return result;
}

/** "quiet for 2 h" — for the tooltip explaining a quiet sector. */
export function quietExplanation(attention: SectorAttention, now: number, quietAfterMs: number): string {
	const minutes = Math.round(quietAfterMs / 60_000);
	const since = attention.lastChangeAt === null ? 'No change recorded here' : `No change here for ${elapsed(now - attention.lastChangeAt)}`;
	return `${since}, while other sectors changed in the last ${minutes} min.`;
}

/** A rough, readable length of time: "45 s", "12 min", "3 h", "2 days". */
export function elapsed(ms: number): string {
	const seconds = Math.max(0, Math.round(ms / 1000));
	if (seconds < 60) return `${seconds} s`;
	const minutes = Math.round(seconds / 60);
	if (minutes < 60) return `${minutes} min`;
	const hours = Math.round(minutes / 60);
	if (hours < 48) return `${hours} h`;
	return `${Math.round(hours / 24)} days`;
}
