/**
 * Every shortcut of the board, declared once: its keys, where it works, what it does and its help
 * text. The help panel renders this list, and `commandFor` reads a key press against it for the
 * board page's one keydown listener. A feature that adds a shortcut adds its line here and what
 * the command does in `board/board-shortcuts.ts`.
 */
import { isTypingTarget } from './typing';

export type KeyCommand =
	| 'help'
	| 'search'
	| 'undo'
	| 'redo'
	| 'escape'
	| 'draw-line'
	| 'draw-arrow'
	| 'draw-area'
	| 'draw-sector'
	| 'measure'
	| 'replay-play'
	| 'replay-back'
	| 'replay-forward';

export const SHORTCUT_GROUPS = ['Board', 'Drawing', 'Watching together', 'Alerts', 'Replay'] as const;

/** One key press and the command it gives. */
interface Binding {
	command: KeyCommand;
	/** As in `KeyboardEvent.key`, case-insensitive. */
	key: string;
	/** Ctrl, or ⌘ on a Mac. Without it the key works only with neither Ctrl, ⌘ nor Alt held. */
	ctrl?: boolean;
	/** Left out: Shift may be held or not. */
	shift?: boolean;
	/** Works whatever modifiers are held (Esc always cancels). */
	anyModifiers?: boolean;
	/**
	 * Whether the key still works while typing in a field: `true` everywhere, or a selector of the
	 * fields where it does (the replay scrubber is an input, but Space and the arrows mean the same
	 * there). Left out, a key typed into a field belongs to the field.
	 */
	inFields?: true | string;
}

export interface Shortcut {
	/** Keys as shown in the help, each a separate key cap: ['Ctrl', 'Z']. */
	keys: string[];
	/** The help text. */
	action: string;
	group: (typeof SHORTCUT_GROUPS)[number];
	/** What pressing it does; none for pointer gestures, which the help lists too. */
	bindings?: Binding[];
}

export const SHORTCUTS: Shortcut[] = [
	{ keys: ['?'], action: 'Show or hide this help', group: 'Board', bindings: [{ command: 'help', key: '?' }] },
	{ keys: ['/'], action: 'Search for a place', group: 'Board', bindings: [{ command: 'search', key: '/' }] },
	{ keys: ['Ctrl', 'Z'], action: 'Undo your last change', group: 'Board', bindings: [{ command: 'undo', key: 'z', ctrl: true, shift: false }] },
	{ keys: ['Ctrl', 'Shift', 'Z'], action: 'Redo', group: 'Board', bindings: [{ command: 'redo', key: 'z', ctrl: true, shift: true }] },
	{ keys: ['Ctrl', 'Y'], action: 'Redo', group: 'Board', bindings: [{ command: 'redo', key: 'y', ctrl: true, shift: false }] },
	{ keys: ['Esc'], action: 'Cancel, close, deselect, or stop following', group: 'Board', bindings: [{ command: 'escape', key: 'Escape', anyModifiers: true, inFields: true }] },
	{ keys: ['L'], action: 'Draw a front line', group: 'Drawing', bindings: [{ command: 'draw-line', key: 'l' }] },
	{ keys: ['A'], action: 'Draw an arrow (axis of advance)', group: 'Drawing', bindings: [{ command: 'draw-arrow', key: 'a' }] },
	{ keys: ['P'], action: 'Draw an area (pocket, bridgehead)', group: 'Drawing', bindings: [{ command: 'draw-area', key: 'p' }] },
	{ keys: ['S'], action: 'Draw a new sector', group: 'Drawing', bindings: [{ command: 'draw-sector', key: 's' }] },
	{ keys: ['M'], action: 'Measure a distance', group: 'Drawing', bindings: [{ command: 'measure', key: 'm' }] },
	{ keys: ['Click'], action: 'A watcher in the roster: follow their view (pan, zoom or Esc to stop)', group: 'Watching together' },
	{ keys: ['Click'], action: 'Your own name in the roster: change your name or colour', group: 'Watching together' },
	{ keys: ['Alt', 'Click'], action: 'Ping that place on every watcher’s map', group: 'Alerts' },
	{ keys: ['Ping', 'Click'], action: 'The same without a modifier key: press Ping, then click the map', group: 'Alerts' },
	// The key is the Board group's Esc; listed again where an alerts reader looks.
	{ keys: ['Esc'], action: 'Cancel ping mode or picking a place; close the alert form', group: 'Alerts' },
	{ keys: ['Space'], action: 'Play or pause the replay', group: 'Replay', bindings: [{ command: 'replay-play', key: ' ', inFields: '.scrubber' }] },
	{
		keys: ['←', '→'],
		action: 'Step to the previous or next change',
		group: 'Replay',
		bindings: [
			{ command: 'replay-back', key: 'ArrowLeft', inFields: '.scrubber' },
			{ command: 'replay-forward', key: 'ArrowRight', inFields: '.scrubber' }
		]
	}
];

type KeyPress = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'target'>;

function matches(binding: Binding, event: KeyPress): boolean {
	if (event.key.toLowerCase() !== binding.key.toLowerCase()) return false;
	if (binding.anyModifiers) return true;
	if (event.altKey || (event.ctrlKey || event.metaKey) !== (binding.ctrl ?? false)) return false;
	return binding.shift === undefined || binding.shift === event.shiftKey;
}

function worksHere(binding: Binding, target: EventTarget | null): boolean {
	if (binding.inFields === true || !isTypingTarget(target)) return true;
	return typeof binding.inFields === 'string' && !!(target as HTMLElement).closest?.(binding.inFields);
}

/** The command a key press means where it was typed, or null. */
export function commandFor(event: KeyPress): KeyCommand | null {
	for (const shortcut of SHORTCUTS) {
		const binding = shortcut.bindings?.find((candidate) => matches(candidate, event) && worksHere(candidate, event.target));
		if (binding) return binding.command;
	}
	return null;
}

/** The key caps a command is listed under, for a button's title: "L". */
export function keysOf(command: KeyCommand): string {
	return SHORTCUTS.find((shortcut) => shortcut.bindings?.some((binding) => binding.command === command))?.keys.join('+') ?? '';
}
