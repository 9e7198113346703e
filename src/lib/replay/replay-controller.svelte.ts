/**
 * Replay of one board: which moment is shown, the board's content at it (from the history API,
 * `update=false`), the period the slider spans, playback (paced by changes or by the clock) and
 * stepping. The page shows `content` instead of the live session while `active`. Stale answers
 * never win: every fetch of a moment goes through a LatestLoader.
 */
import type { BoardContent, HistoryState, HistorySummary } from '../protocol/history';
import { HistoryClient, type Moment } from '../api/history-client';
import type { FetchLike } from '../api/api-answer';
import { LatestLoader } from './latest-loader';
import { MOMENT_NOTICES, type ReplayClock } from './moments';
import { formatUtc } from '../format/utc-time';
import { CHANGE_DWELL_MS, type Pace } from './pacing';
import { changeMoments, nextMoment, periodAt, storyPeriods, type StoryPeriod } from './story';

/** Scrubbing waits this long for the slider to rest; playback fetches at most this often. */
const SEEK_DEBOUNCE_MS = 80;
/** What replay shows before its first moment has loaded: nothing, rather than the live board. */
export const EMPTY_CONTENT: BoardContent = { pins: [], fronts: [], reports: [], sectors: [], meta: {} };
const PLAY_FETCH_MS = 150;

export class ReplayController {
	active = $state(false);
	/** The moment shown, epoch ms. */
	time = $state(0);
	/** The newest update included in `content` (0: before the first). */
	seq = $state(0);
	/** The time of update `seq` (null at seq 0). */
	seqAt = $state<number | null>(null);
	loading = $state(false);
	/** What is being loaded, for a long history's first (cold) request. */
	progress = $state<string | null>(null);
	error = $state<string | null>(null);
	/** Why the moment shown is not the one asked for (not a date, before the story). */
	notice = $state<string | null>(null);
	content = $state.raw<BoardContent | null>(null);
	summary = $state.raw<HistorySummary | null>(null);
	playing = $state(false);
	pace = $state<Pace>('changes');
	/** The span of the slider: a period of the story, or one the watcher zoomed to. */
	period = $state.raw<{ from: number; to: number }>({ from: 0, to: 0 });
	/** The moments with changes, oldest first, and the story's periods (split at long quiet stretches). */
	moments = $state.raw<number[]>([]);
	periods = $state.raw<StoryPeriod[]>([]);
	clock = $state<ReplayClock>('changed');

	readonly client: HistoryClient;
	private readonly loader: LatestLoader<{ state: HistoryState; moveTime: boolean }>;
	private seekTimer: ReturnType<typeof setTimeout> | null = null;
	private frame: number | null = null;
	private lastFrame = 0;
	private lastFetch = 0;
	/** When the moment now shown was drawn (paced by changes, the next waits CHANGE_DWELL_MS after it). */
	private shownAt = 0;
	private opening = 0;

	constructor(boardId: string, fetcher?: FetchLike) {
		this.client = new HistoryClient(boardId, fetcher);
		this.loader = new LatestLoader(
			({ state, moveTime }) => {
				this.content = state.content;
				this.seq = state.seq;
				this.seqAt = state.at;
				if (moveTime && state.at !== null) this.time = state.at;
				this.shownAt = performance.now();
				this.loading = false;
				this.progress = null;
			},
			(error) => {
				this.error = error.message;
				this.loading = false;
				this.progress = null;
			}
		);
	}

	/** First and last moments of the log (both 0 for an empty board). */
	get start(): number {
		return this.summary?.first?.at ?? 0;
	}
	get end(): number {
		return this.summary?.last?.at ?? 0;
	}

	/** Shows a period on the slider (zooming in or to another part of the story). */
	showPeriod(from: number, to: number): void {
		const first = Math.max(this.start, Math.min(from, to));
		const last = Math.min(this.end, Math.max(from, to));
		this.period = { from: first, to: Math.max(first, last) };
		if (this.time < this.period.from || this.time > this.period.to) this.seek(this.period.from);
	}

	/** Jumps to the newest logged change, showing its period. */
	jumpToNow(): void {
		this.pause();
		this.followPeriodOf(this.end);
		this.seek(this.end);
	}

	/** Enters replay at `at` (clamped to the log) or at the last moment; `notice` says why, if not as asked. */
	async open(at?: number, notice: string | null = null): Promise<void> {
		const opening = ++this.opening;
		this.active = true;
		this.error = null;
		this.notice = notice;
		this.loading = true;
		this.progress = 'Reading the board’s history…';
		try {
			const summary = await this.client.summary();
			if (opening !== this.opening || !this.active) return;
			this.summary = summary;
			this.moments = changeMoments(summary);
			this.periods = storyPeriods(this.moments);
			this.progress = `Rebuilding the board from ${summary.count.toLocaleString('en')} logged updates…`;
			if (at !== undefined && summary.first && at < summary.first.at) this.notice = MOMENT_NOTICES.beforeStory(formatUtc(at), formatUtc(summary.first.at));
			this.time = this.clamp(at ?? this.end);
			this.followPeriodOf(this.time);
			await this.load({ at: this.time }, false);
		} catch (error) {
			if (opening !== this.opening) return;
			this.error = error instanceof Error ? error.message : String(error);
			this.loading = false;
			this.progress = null;
		}
	}

	/** Moves to `time` at once; the board follows when the slider rests. */
	seek(time: number): void {
		if (!this.active) return;
		this.time = this.clamp(time);
		if (this.time < this.period.from || this.time > this.period.to) this.followPeriodOf(this.time);
		if (this.seekTimer) clearTimeout(this.seekTimer);
		this.seekTimer = setTimeout(() => {
			this.seekTimer = null;
			void this.load({ at: this.time }, false);
		}, SEEK_DEBOUNCE_MS);
	}

	/** To the next (+1) or previous (-1) logged change. */
	step(direction: 1 | -1): void {
		if (!this.active || !this.summary?.last) return;
		this.pause();
		const behindShown = direction === -1 && this.seqAt !== null && this.time > this.seqAt;
		const target = behindShown ? this.seq : this.seq + direction;
		if (target < 1 || target > this.summary.last.seq) return;
		void this.load({ seq: target }, true).then(() => {
			if (this.time < this.period.from || this.time > this.period.to) this.followPeriodOf(this.time);
		});
	}

	play(): void {
		if (!this.active || this.playing || this.period.to <= this.period.from) return;
		if (this.time >= this.period.to) {
			this.time = this.period.from;
			void this.load({ at: this.time }, false);
		}
		this.playing = true;
		this.lastFrame = performance.now();
		this.lastFetch = 0;
		this.shownAt = this.lastFrame;
		this.frame = requestAnimationFrame(this.tick);
	}

	pause(): void {
		if (!this.playing) return;
		this.playing = false;
		if (this.frame !== null) cancelAnimationFrame(this.frame);
		this.frame = null;
		void this.load({ at: this.time }, false);
	}

	toggle(): void {
		if (this.playing) this.pause();
		else this.play();
	}

	exit(): void {
		this.pause();
		this.opening++;
		if (this.seekTimer) clearTimeout(this.seekTimer);
		this.seekTimer = null;
		this.loader.cancel();
		this.active = false;
		this.loading = false;
		this.progress = null;
		this.error = null;
		this.notice = null;
		this.content = null;
	}

	private readonly tick = (now: number) => {
		if (!this.playing) return;
		if (this.pace === 'changes') this.tickByChanges(now);
		else this.tickByClock(now, this.pace);
		if (this.playing) this.frame = requestAnimationFrame(this.tick);
	};

	/** The next changed moment once the one shown has been on screen for its dwell. */
	private tickByChanges(now: number): void {
		this.lastFrame = now;
		if (this.loader.pending || now - this.shownAt < CHANGE_DWELL_MS) return;
		const next = nextMoment(this.moments, this.time);
		if (next === null || next > this.period.to) {
			this.time = this.period.to;
			this.pause();
			return;
		}
		this.time = next;
		void this.load({ at: next }, false);
	}

	private tickByClock(now: number, rate: number): void {
		this.time = Math.min(this.period.to, this.time + (now - this.lastFrame) * rate);
		this.lastFrame = now;
		if (this.time >= this.period.to) {
			this.pause();
			return;
		}
		// At most every PLAY_FETCH_MS, and never over an unanswered fetch: on a slow server each
		// new request would abort the last and nothing would ever be shown.
		if (now - this.lastFetch >= PLAY_FETCH_MS && !this.loader.pending) {
			this.lastFetch = now;
			void this.load({ at: this.time }, false);
		}
	}

	/** Puts the slider on the story period holding `time`. */
	private followPeriodOf(time: number): void {
		const period = periodAt(this.periods, time);
		this.period = period ? { from: Math.max(this.start, period.from), to: Math.min(this.end, period.to) } : { from: this.start, to: this.end };
	}

	private load(moment: Moment, moveTime: boolean): Promise<void> {
		if (!this.content) this.loading = true;
		return this.loader.request(async (signal) => ({ state: await this.client.state(moment, signal), moveTime }));
	}

	private clamp(time: number): number {
		return Math.min(this.end, Math.max(this.start, time));
	}
}
