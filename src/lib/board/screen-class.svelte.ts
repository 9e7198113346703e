/**
 * The class of screen the board is laid out for, from the window's width. The breakpoints live
 * here and nowhere else: the page sets `data-screen` on its root from `screen.current`, and every
 * stylesheet that adapts matches `[data-screen='phone']` and friends instead of repeating pixel
 * widths in media queries (CSS custom properties cannot be used inside a media query).
 */

export type ScreenClass = 'phone' | 'tablet' | 'laptop' | 'desktop';

/** The narrowest width of each class above the phone, in CSS pixels (a phone is anything narrower). */
export const SCREEN_MIN_WIDTH = { tablet: 768, laptop: 1024, desktop: 1280 } as const;

/** The class a window of this width gets. */
export function screenClassFor(width: number): ScreenClass {
	if (width >= SCREEN_MIN_WIDTH.desktop) return 'desktop';
	if (width >= SCREEN_MIN_WIDTH.laptop) return 'laptop';
	if (width >= SCREEN_MIN_WIDTH.tablet) return 'tablet';
	return 'phone';
}

/** The current screen class, kept up to date as the window is resized or the phone turned. */
export class ScreenWatch {
	current = $state<ScreenClass>(screenClassFor(window.innerWidth));
	readonly #listening = new AbortController();

	constructor() {
		// One media query per breakpoint: they fire only when a boundary is crossed, not on every resize.
		for (const width of Object.values(SCREEN_MIN_WIDTH)) {
			const query = window.matchMedia(`(min-width: ${width}px)`);
			query.addEventListener('change', () => (this.current = screenClassFor(window.innerWidth)), { signal: this.#listening.signal });
		}
	}

	stop(): void {
		this.#listening.abort();
	}

	get phone(): boolean {
		return this.current === 'phone';
	}
}
