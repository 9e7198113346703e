/**
 * How replay plays. Paced by changes, it goes from one changed moment to the next, showing each
 * for CHANGE_DWELL_MS whatever the quiet stretch between them: a week without news is one beat.
 * Paced by the clock, story time runs at a chosen rate, up to a week per second.
 */
const MINUTE_S = 60;
const HOUR_S = 60 * MINUTE_S;
const DAY_S = 24 * HOUR_S;

/** Seconds of story per second of play. */
export const CLOCK_RATES = [1, MINUTE_S, HOUR_S, DAY_S, 7 * DAY_S] as const;
export type ClockRate = (typeof CLOCK_RATES)[number];

/** "1 min/s", "1 day/s": how much story a second of play shows. */
function rateLabel(rate: ClockRate): string {
	if (rate >= 7 * DAY_S) return `${rate / (7 * DAY_S)} week/s`;
	if (rate >= DAY_S) return `${rate / DAY_S} day/s`;
	if (rate >= HOUR_S) return `${rate / HOUR_S} h/s`;
	if (rate >= MINUTE_S) return `${rate / MINUTE_S} min/s`;
	return 'real time';
}

/** `changes`: from change to change; a rate: by the clock. */
export type Pace = 'changes' | ClockRate;
export const PACES: readonly Pace[] = ['changes', ...CLOCK_RATES];
export const PACE_LABEL_CHANGES = 'by change';

export function paceLabel(pace: Pace): string {
	return pace === 'changes' ? PACE_LABEL_CHANGES : rateLabel(pace);
}

/**
 * How long each change stays on screen when paced by changes, counted from when it is drawn.
 * The demo's 141 busy minutes play in about a minute.
 */
export const CHANGE_DWELL_MS = 350;
