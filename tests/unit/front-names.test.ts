/** [SI6] The name a drawn front is offered: counted per kind, never one the board already has, never "unnamed". */
import { describe, expect, it } from 'vitest';
import { defaultFrontLabel } from '../../src/lib/model/front-names';

describe('[SI6] offered front names', () => {
	it('counts per kind from 1', () => {
		expect(defaultFrontLabel('line', [])).toBe('Front line 1');
		expect(defaultFrontLabel('area', [{ kind: 'line', label: 'x' }, { kind: 'area', label: 'Pocket' }])).toBe('Area 2');
		expect(defaultFrontLabel('arrow', [{ kind: 'line', label: '' }])).toBe('Arrow 1');
	});

	it('skips a name the board already has', () => {
		expect(defaultFrontLabel('line', [{ kind: 'line', label: 'Front line 2' }, { kind: 'arrow', label: 'Front line 3' }])).toBe('Front line 4');
	});
});
