/**
 * Every keyboard (and pointer) shortcut of the board, listed once: the help panel shows this
 * list, grouped. A feature that adds a shortcut adds its line here.
 */
export interface Shortcut {
	/** Keys as shown, each a separate key cap: ['Ctrl', 'Z']. */
	keys: string[];
	action: string;
	group: 'Board' | 'Drawing' | 'Watching together' | 'Alerts' | 'Replay';
}

export const SHORTCUTS: Shortcut[] = [
	{ keys: ['?'], action: 'Show or hide this help', group: 'Board' },
	{ keys: ['/'], action: 'Search for a place', group: 'Board' },
	{ keys: ['Ctrl', 'Z'], action: 'Undo your last change', group: 'Board' },
	{ keys: ['Ctrl', 'Shift', 'Z'], action: 'Redo', group: 'Board' },
	{ keys: ['Ctrl', 'Y'], action: 'Redo', group: 'Board' },
	{ keys: ['Esc'], action: 'Cancel, close, or stop following', group: 'Board' },
	{ keys: ['L'], action: 'Draw a front line', group: 'Drawing' },
	{ keys: ['A'], action: 'Draw an arrow (axis of advance)', group: 'Drawing' },
	{ keys: ['P'], action: 'Draw an area (pocket, bridgehead)', group: 'Drawing' },
	{ keys: ['S'], action: 'Draw a new sector', group: 'Drawing' },
	{ keys: ['M'], action: 'Measure a distance', group: 'Drawing' },
	{ keys: ['Click'], action: 'A watcher in the roster: follow their view (pan, zoom or Esc to stop)', group: 'Watching together' },
	{ keys: ['Click'], action: 'Your own name in the roster: change your name or colour', group: 'Watching together' },
	{ keys: ['Alt', 'Click'], action: 'Ping that place on every watcher’s map', group: 'Alerts' },
	{ keys: ['Ping', 'Click'], action: 'The same without a modifier key: press Ping, then click the map', group: 'Alerts' },
	{ keys: ['Esc'], action: 'Cancel ping mode or picking a place; close the alert form', group: 'Alerts' },
	{ keys: ['Space'], action: 'Play or pause the replay', group: 'Replay' },
	{ keys: ['←', '→'], action: 'Step to the previous or next change', group: 'Replay' }
];

export const SHORTCUT_GROUPS = ['Board', 'Drawing', 'Watching together', 'Alerts', 'Replay'] as const satisfies readonly Shortcut['group'][];
