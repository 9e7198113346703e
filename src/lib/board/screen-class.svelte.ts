/**
 * The class of screen the board is laid out for. The breakpoints live here and nowhere else: the
 * page sets `data-screen` on its root from `screen.current`, and every stylesheet that adapts
 * matches `[data-screen='phone']` and friends instead of repeating pixel widths in media queries
 * (CSS custom properties cannot be used inside a media query).
 *
 * A phone is a phone both ways up. Held sideways (844×390) it is as wide as a tablet, but a
 * tablet's layout — bar, map, a feed under it — leaves the map a strip of a 390 px height. So the
 * class is read from the width, except that a touch screen (coarse primary pointer) whose short
 * side is under the tablet's width is a phone whatever its width. A desktop window made short
 * keeps its class: its pointer is fine, and it has a keyboard and a mouse for the panels.
 */

export type ScreenClass = 'phone' | 'tablet' | 'laptop' | 'desktop';

/** The narrowest width of each class above the phone, in CSS pixels (a phone is anything narrower). */
export const SCREEN_MIN_WIDTH = { tablet: 768, laptop: 1024, desktop: 1280 } as const;

/** What the class is read from: the window's size and whether its primary pointer is a finger. */
export interface ScreenShape {
	width: number;
	height: number;
	coarse: boolean;
}

/** The class a window of this shape gets. */
export function screenClassFor({ width, height, coarse }: ScreenShape): ScreenClass {
	if (coarse && Math.min(width, height) < SCREEN_MIN_WIDTH.tablet) return 'phone';
	if (width >= SCREEN_MIN_WIDTH.desktop) return 'desktop';
	if (width >= SCREEN_MIN_WIDTH.laptop) return 'laptop';
	if (width >= SCREEN_MIN_WIDTH.tablet) return 'tablet';
	return 'phone';
}

const COARSE = '(pointer: coarse)';

function currentShape(): ScreenShape {
	return { width: window.innerWidth, height: window.innerHeight, coarse: window.matchMedia(COARSE).matches };
}

/** The current screen class, kept up to date as the window is resized or the phone turned. */
export class ScreenWatch {
	current = $state<ScreenClass>(screenClassFor(currentShape()));
	readonly #listening = new AbortController();

	constructor() {
		// One media query per boundary: they fire only when one is crossed, not on every resize.
		const queries = [...Object.values(SCREEN_MIN_WIDTH).map((width) => `(min-width: ${width}px)`), `(min-height: ${SCREEN_MIN_WIDTH.tablet}px)`, COARSE];
		for (const media of queries) {
			window.matchMedia(media).addEventListener('change', () => (this.current = screenClassFor(currentShape())), { signal: this.#listening.signal });
		}
	}

	stop(): void {
		this.#listening.abort();
	}

	get phone(): boolean {
		return this.current === 'phone';
	}
}
