import { describe, expect, it } from 'vitest';
import { commandFor, keysOf, SHORTCUTS } from '../../src/lib/keys/keymap';

/** A stand-in for an element: `closest` answers for the selectors given. */
const element = (...matching: string[]) =>
	({ closest: (selector: string) => (matching.some((part) => selector.includes(part)) ? {} : null) }) as unknown as EventTarget;

const press = (key: string, mods: Partial<KeyboardEvent> = {}, target: EventTarget | null = null) =>
	commandFor({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, target, ...mods });

describe('the keymap', () => {
	it('maps Ctrl/⌘+Z, Ctrl+Shift+Z, Ctrl+Y, ?, / and Esc', () => {
		expect(press('z', { ctrlKey: true })).toBe('undo');
		expect(press('z', { metaKey: true })).toBe('undo');
		expect(press('Z', { ctrlKey: true, shiftKey: true })).toBe('redo');
		expect(press('y', { ctrlKey: true })).toBe('redo');
		expect(press('?', { shiftKey: true })).toBe('help');
		expect(press('/')).toBe('search');
		expect(press('Escape')).toBe('escape');
		expect(press('Escape', { ctrlKey: true })).toBe('escape');
		expect(press('z')).toBeNull();
		expect(press('z', { ctrlKey: true, altKey: true })).toBeNull();
	});

	it('maps the drawing tools and the replay keys, without Ctrl', () => {
		expect(press('l')).toBe('draw-line');
		expect(press('M', { shiftKey: true })).toBe('measure');
		expect(press('l', { ctrlKey: true })).toBeNull();
		expect(press(' ')).toBe('replay-play');
		expect(press('ArrowLeft')).toBe('replay-back');
		expect(press('ArrowRight')).toBe('replay-forward');
	});

	it('leaves keys typed into a field to the field, but for Esc and the replay scrubber', () => {
		const input = element('input');
		expect(press('z', { ctrlKey: true }, input)).toBeNull();
		expect(press('?', {}, input)).toBeNull();
		expect(press('l', {}, input)).toBeNull();
		expect(press('Escape', {}, input)).toBe('escape');
		expect(press('ArrowLeft', {}, input)).toBeNull();
		expect(press('ArrowLeft', {}, element('input', '.scrubber'))).toBe('replay-back');
	});

	it('the help lists undo and redo with their keys, and buttons read their keys from it', () => {
		expect(SHORTCUTS).toContainEqual(expect.objectContaining({ keys: ['Ctrl', 'Z'], action: 'Undo your last change' }));
		expect(SHORTCUTS.filter((shortcut) => shortcut.action === 'Redo').map((shortcut) => shortcut.keys.join('+'))).toEqual(['Ctrl+Shift+Z', 'Ctrl+Y']);
		expect(keysOf('draw-area')).toBe('P');
	});
});
