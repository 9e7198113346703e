/**
 * Which of the top bar's tools stay in the bar on each class of screen; the rest go into its
 * overflow menu, so the bar never runs past the window's edge. The board's name, the menu button
 * and the live/offline light are always in the bar. Order here is the order on screen.
 */
import type { ScreenClass } from './screen-class.svelte';

export const TOPBAR_TOOLS = ['search', 'sectors', 'import', 'export', 'share', 'undo', 'me', 'ping', 'help', 'replay'] as const;
export type TopbarTool = (typeof TOPBAR_TOOLS)[number];

const IN_BAR: Record<ScreenClass, readonly TopbarTool[]> = {
	desktop: TOPBAR_TOOLS,
	// A 13-inch laptop keeps what a watcher reaches for while following (where, which sector, ping,
	// replay); the board's file tools, undo (also Ctrl+Z) and one's own name move to the menu.
	laptop: ['search', 'sectors', 'ping', 'help', 'replay'],
	tablet: ['sectors', 'replay'],
	// A phone's bar holds only the board's name, the menu and the light: the map needs the screen.
	phone: []
};

/** The tools shown in the bar and those in the overflow menu, each in screen order. */
export function placeTopbarTools(screen: ScreenClass): { bar: TopbarTool[]; menu: TopbarTool[] } {
	const inBar = new Set(IN_BAR[screen]);
	return { bar: TOPBAR_TOOLS.filter((tool) => inBar.has(tool)), menu: TOPBAR_TOOLS.filter((tool) => !inBar.has(tool)) };
}
