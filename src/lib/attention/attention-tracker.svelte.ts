/**
 * A watcher's attention on one board, in the browser: when they last looked (saved while they
 * watch: tab visible and the board live), what changed since (the history API's since answer,
 * shown once on return and highlighted until dismissed or opened), when they last viewed each
 * sector (for the switcher's unread badges), and who last changed each item (for hovering).
 * The page says when the watcher is watching and which sector they focus; this class keeps time.
 */
import { untrack } from 'svelte';
import type { SinceAnswer, SinceCollection, LatestChanges } from '../protocol/history';
import type { HistoryClient } from '../api/history-client';
import { ATTENTION_TICK_MS, RETURN_AFTER_MS, SAVE_VISIT_EVERY_MS } from './attention-config';
import { lastChangeText } from './attribution';
import { VisitStore, type SectorViews } from './visit-store';

/** How long a latest-change map is trusted before a hover on a newer record asks again. */
const LATEST_REFRESH_MS = 15_000;

export type SinceMark = 'new' | 'changed';

export class AttentionTracker {
	/** The answer the panel shows; null: no panel (first visit, nothing changed, dismissed). */
	since = $state.raw<SinceAnswer | null>(null);
	/** The last visit that answer is about (epoch ms). */
	sinceFrom = $state<number | null>(null);
	/** Items still highlighted on the map, keyed `collection/id`. */
	marks = $state.raw<ReadonlyMap<string, SinceMark>>(new Map());
	sectorViews = $state.raw<SectorViews>({ baseline: 0, sectors: {} });
	/** The clock the badges and "ago" read, ticking every ATTENTION_TICK_MS. */
	now = $state(Date.now());

	private readonly store: VisitStore;
	private readonly previousVisit: number | null;
	private watching = false;
	private arrived = false;
	private focused: string | null = null;
	private lastSaved = 0;
	private latest: LatestChanges | null = null;
	private latestAt = 0;
	private latestLoading = false;
	private request: AbortController | null = null;

	constructor(
		private readonly client: HistoryClient,
		store?: VisitStore,
		/** The watcher's name now: their own changes are not news to them. */
		private readonly self: () => string = () => ''
	) {
		this.store = store ?? new VisitStore(client.boardId);
		// Read before anything is written: this visit must not hide the last one.
		this.previousVisit = this.store.lastVisit();
		this.sectorViews = this.store.sectorViews() ?? { baseline: Date.now(), sectors: {} };
	}

	/** Starts the clock and the page listeners; returns the cleanup. */
	start(): () => void {
		const timer = setInterval(() => this.tick(), ATTENTION_TICK_MS);
		document.addEventListener('visibilitychange', this.onVisibility);
		window.addEventListener('pagehide', this.onLeave);
		return () => {
			clearInterval(timer);
			document.removeEventListener('visibilitychange', this.onVisibility);
			window.removeEventListener('pagehide', this.onLeave);
			this.onLeave();
			this.request?.abort();
		};
	}

	/**
	 * The board is live and shown (not a replay): the watcher is watching while the tab is visible.
	 * Called from an effect: what it reads and writes here must not become that effect's dependencies.
	 */
	setWatching(watching: boolean): void {
		untrack(() => this.updateWatching(watching));
	}

	private updateWatching(watching: boolean): void {
		this.watching = watching;
		if (!watching || !this.isWatching()) return;
		if (!this.arrived) {
			this.arrived = true;
			if (this.previousVisit !== null) void this.loadSince(this.previousVisit);
			void this.loadLatest();
		}
		this.save();
	}

	/** The sector the watcher looks at (null: all); viewing one reads its unread changes. */
	focusSector(id: string | null): void {
		// They watched the sector they leave until now, and look at the new one from now.
		const left = this.focused;
		this.focused = id;
		if (this.isWatching()) this.save(left);
	}

	/** An item was opened: it no longer needs its highlight. */
	seen(collection: SinceCollection, id: string): void {
		const key = `${collection}/${id}`;
		if (!this.marks.has(key)) return;
		const next = new Map(this.marks);
		next.delete(key);
		this.marks = next;
	}

	dismiss(): void {
		this.since = null;
		this.sinceFrom = null;
		this.marks = new Map();
	}

	/** "Moved by Olena · 14:05 UTC, 3 h ago", or null if nothing says. */
	lastChange(collection: SinceCollection, record: { id: string; createdAt?: number; updatedAt?: number; createdBy?: string; updatedBy?: string }): string | null {
		const latest = this.latest?.items[collection]?.[record.id];
		const stamped = record.updatedAt ?? record.createdAt;
		// A record changed after the map was read: ask again, so the next hover names the action.
		if (stamped !== undefined && (!latest || latest.at < stamped) && Date.now() - this.latestAt > LATEST_REFRESH_MS) void this.loadLatest();
		return lastChangeText(collection, record, latest, Date.now());
	}

	private isWatching(): boolean {
		return this.watching && document.visibilityState === 'visible';
	}

	private tick(): void {
		this.now = Date.now();
		if (this.isWatching() && this.now - this.lastSaved >= SAVE_VISIT_EVERY_MS) this.save();
	}

	/** Records that the watcher is looking now: at the board, and at the focused sector. */
	private save(alsoViewed: string | null = null): void {
		const now = Date.now();
		this.now = now;
		this.lastSaved = now;
		this.store.saveVisit(now);
		const viewed = [this.focused, alsoViewed].filter((id): id is string => id !== null);
		if (viewed.length) this.sectorViews = { ...this.sectorViews, sectors: { ...this.sectorViews.sectors, ...Object.fromEntries(viewed.map((id) => [id, now])) } };
		this.store.saveSectorViews(this.sectorViews);
	}

	private readonly onVisibility = () => {
		if (document.visibilityState === 'hidden') {
			// They watched until now.
			if (this.watching) this.save();
			return;
		}
		const last = this.store.lastVisit();
		if (this.watching && last !== null && Date.now() - last >= RETURN_AFTER_MS) void this.loadSince(last);
		if (this.watching) this.save();
	};

	private readonly onLeave = () => {
		if (this.watching && this.arrived) this.save();
	};

	private async loadSince(at: number): Promise<void> {
		this.request?.abort();
		const request = (this.request = new AbortController());
		try {
			const answer = await this.client.since(at, request.signal, this.self() || undefined);
			if (request.signal.aborted) return;
			if (!answer.changed) return this.dismiss();
			const marks = new Map<string, SinceMark>();
			for (const [collection, ids] of Object.entries(answer.marks)) {
				for (const id of ids.new) marks.set(`${collection}/${id}`, 'new');
				for (const id of ids.changed) marks.set(`${collection}/${id}`, 'changed');
			}
			this.since = answer;
			this.sinceFrom = at;
			this.marks = marks;
		} catch {
			// Offline or no history access: no panel, the board works as ever.
		}
	}

	private async loadLatest(): Promise<void> {
		if (this.latestLoading) return;
		this.latestLoading = true;
		this.latestAt = Date.now();
		try {
			this.latest = await this.client.latest();
		} catch {
			// Hover falls back to the records' own provenance.
		} finally {
			this.latestLoading = false;
		}
	}
}
