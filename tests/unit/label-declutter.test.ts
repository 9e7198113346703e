import { describe, expect, it } from 'vitest';
import { hiddenLabels } from '../../src/lib/map/label-declutter';

describe('pin label decluttering', () => {
	it('keeps every label when none overlap', () => {
		expect(hiddenLabels([{ id: 'a', x: 0, y: 0, width: 50, priority: 1 }, { id: 'b', x: 0, y: 40, width: 50, priority: 1 }]).size).toBe(0);
	});

	it('hides the less important of two overlapping labels', () => {
		const hidden = hiddenLabels([
			{ id: 'crossing', x: 100, y: 100, width: 160, priority: 5 },
			{ id: 'city', x: 102, y: 104, width: 60, priority: 1 }
		]);
		expect([...hidden]).toEqual(['crossing']);
	});

	it('hides a label that would cover a more important pin’s dot, but may run over a lesser one', () => {
		const hidden = hiddenLabels([
			{ id: 'town', x: 0, y: 0, width: 120, priority: 3 },
			{ id: 'city', x: 60, y: 30, width: 40, priority: 1 },
			{ id: 'bridge', x: 60, y: 2, width: 10, priority: 4 }
		]);
		expect(hidden.has('town')).toBe(false);
		const blocked = hiddenLabels([
			{ id: 'town', x: 0, y: 0, width: 120, priority: 3 },
			{ id: 'city', x: 60, y: 2, width: 10, priority: 1 }
		]);
		expect(blocked.has('town')).toBe(true);
	});
});
