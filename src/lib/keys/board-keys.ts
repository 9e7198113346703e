/** Which board-wide command a key press means, if any (undo, redo, help, escape). */
export type BoardCommand = 'undo' | 'redo' | 'help' | 'escape';

/** A key typed into a field belongs to the field (its own undo, a literal "?"). */
export function isTypingTarget(target: EventTarget | null): boolean {
	const element = target as HTMLElement | null;
	return !!element?.closest?.('input, textarea, select, [contenteditable]:not([contenteditable="false"])');
}

export function boardCommand(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'target'>): BoardCommand | null {
	if (event.key === 'Escape') return 'escape';
	if (isTypingTarget(event.target) || event.altKey) return null;
	const key = event.key.toLowerCase();
	if (event.ctrlKey || event.metaKey) {
		if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
		if (key === 'y' && !event.shiftKey) return 'redo';
		return null;
	}
	return event.key === '?' ? 'help' : null;
}
