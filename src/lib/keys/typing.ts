/**
 * A key typed into a field belongs to the field: its own undo, a literal "?" or "/", letters that
 * would otherwise pick drawing tools.
 */
const FIELDS = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';

export function isTypingTarget(target: EventTarget | null): boolean {
	const element = target as HTMLElement | null;
	return !!element?.closest?.(FIELDS);
}
