/**
 * What each key command does on the board page; which key gives which command, and where it
 * works, is `keys/keymap.ts`. The page's one window keydown listener calls `onBoardKey`.
 */
import type { DrawMode } from '$lib/map/draw-controller';
import { commandFor, type KeyCommand } from '$lib/keys/keymap';
import { isTypingTarget } from '$lib/keys/typing';
import type { BoardPage } from './board-page.svelte';

/** What the page itself owns: its help dialog and the top bar's place search. */
export interface PageKeyHooks {
	toggleHelp: () => void;
	focusSearch: () => void;
}

const DRAW_MODES: Partial<Record<KeyCommand, DrawMode>> = {
	'draw-line': 'line',
	'draw-arrow': 'arrow',
	'draw-area': 'area',
	'draw-sector': 'sector',
	measure: 'measure'
};

/**
 * Runs a command; true when the key was used up (its default is then prevented). Esc stays false:
 * a dialog's own Esc still closes it.
 */
function run(command: KeyCommand, board: BoardPage, hooks: PageKeyHooks, inField: boolean): boolean {
	const { services, shown, drafts, editing } = board;
	const mode = DRAW_MODES[command];
	if (mode) {
		// The drawing tools are on the map while live; viewers may still measure.
		if (!board.mapHandle.configLoaded || shown.replaying || (!shown.canEdit && mode !== 'measure')) return false;
		editing.chooseDrawMode(drafts.drawMode === mode ? null : mode);
		return true;
	}
	switch (command) {
		case 'help':
			hooks.toggleHelp();
			return true;
		case 'search':
			hooks.focusSearch();
			return true;
		case 'undo':
		case 'redo':
			if (!shown.canEdit) return false;
			services.session.undo[command]();
			return true;
		case 'escape':
			// Every open thing Esc cancels hears it: following, ping mode or place picking, a new pin's form.
			services.presence.stopFollowing();
			services.alerts.cancelPicking();
			drafts.pinDraft = null;
			// Deselects too, but not from a field: there Esc belongs to the field (a rename, a search).
			if (!inField) board.selection.current = null;
			return false;
		case 'replay-play':
		case 'replay-back':
		case 'replay-forward':
			if (!services.replay.active) return false;
			if (command === 'replay-play') services.replay.toggle();
			else services.replay.step(command === 'replay-back' ? -1 : 1);
			return true;
		default:
			return false;
	}
}

export function onBoardKey(event: KeyboardEvent, board: BoardPage, hooks: PageKeyHooks): void {
	const command = commandFor(event);
	if (command && run(command, board, hooks, isTypingTarget(event.target))) event.preventDefault();
}
