/**
 * Whether a watcher is active, idle or away — from page visibility and how long since their last
 * input. Pure, so the thresholds are tested without a browser; `ActivityTracker` feeds it events.
 */
import type { Activity } from '$lib/protocol/presence';

/** No input for this long and a watcher counts as idle (they may be reading, or gone for coffee). */
export const IDLE_AFTER_MS = 60_000;

export interface ActivityInput {
	/** The page is visible (not a background tab, not minimised). */
	visible: boolean;
	/** When the watcher last moved, clicked or typed (ms epoch). */
	lastInputAt: number;
	now: number;
}

export function activityOf({ visible, lastInputAt, now }: ActivityInput, idleAfterMs = IDLE_AFTER_MS): Activity {
	if (!visible) return 'away';
	return now - lastInputAt >= idleAfterMs ? 'idle' : 'active';
}

/** When the activity will next change by itself (input and visibility changes aside), or null. */
export function nextActivityChangeAt({ visible, lastInputAt, now }: ActivityInput, idleAfterMs = IDLE_AFTER_MS): number | null {
	if (!visible) return null;
	const idleAt = lastInputAt + idleAfterMs;
	return idleAt > now ? idleAt : null;
}

const INPUT_EVENTS = ['pointermove', 'pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/** Watches the page and reports each change of this watcher's activity. */
export class ActivityTracker {
	private lastInputAt = Date.now();
	private current: Activity;
	private timer: ReturnType<typeof setTimeout> | null = null;

	constructor(
		private readonly onChange: (activity: Activity) => void,
		private readonly idleAfterMs = IDLE_AFTER_MS
	) {
		this.current = this.compute();
		for (const type of INPUT_EVENTS) window.addEventListener(type, this.onInput, { passive: true, capture: true });
		document.addEventListener('visibilitychange', this.refresh);
		this.schedule();
	}

	get activity(): Activity {
		return this.current;
	}

	destroy(): void {
		for (const type of INPUT_EVENTS) window.removeEventListener(type, this.onInput, { capture: true });
		document.removeEventListener('visibilitychange', this.refresh);
		if (this.timer) clearTimeout(this.timer);
	}

	private input(): ActivityInput {
		return { visible: document.visibilityState === 'visible', lastInputAt: this.lastInputAt, now: Date.now() };
	}

	private compute(): Activity {
		return activityOf(this.input(), this.idleAfterMs);
	}

	private readonly onInput = () => {
		this.lastInputAt = Date.now();
		// Only an idle watcher coming back changes anything; the timer is re-armed lazily.
		if (this.current !== 'active') this.refresh();
	};

	private readonly refresh = () => {
		const next = this.compute();
		if (next !== this.current) {
			this.current = next;
			this.onChange(next);
		}
		this.schedule();
	};

	private schedule(): void {
		if (this.timer) clearTimeout(this.timer);
		const at = nextActivityChangeAt(this.input(), this.idleAfterMs);
		this.timer = at === null ? null : setTimeout(this.refresh, at - Date.now());
	}
}
