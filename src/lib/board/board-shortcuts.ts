/**
 * What the board-wide keys do on the board page: undo / redo (editors, live only), help, and Esc
 * to stop following. Which key means which command is `help/board-keys.ts`; this is the doing.
 */
import { boardCommand } from '$lib/keys/board-keys';
import type { BoardPage } from './board-page.svelte';

export function onBoardKey(event: KeyboardEvent, board: BoardPage, toggleHelp: () => void): void {
	const command = boardCommand(event);
	if (command === 'escape') board.services.presence.stopFollowing();
	else if (command === 'help') toggleHelp();
	else if ((command === 'undo' || command === 'redo') && board.shown.canEdit) board.services.session.undo[command]();
	else return;
	if (command !== 'escape') event.preventDefault();
}
