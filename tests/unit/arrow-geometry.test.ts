import { describe, expect, it } from 'vitest';
import { arrowhead, smoothPath, type Px } from '../../src/lib/map/arrow-geometry';

describe('arrow geometry', () => {
	it('smoothing keeps both ends and rounds the corner', () => {
		const path = smoothPath([[0, 0], [100, 0], [100, 100]]);
		expect(path[0]).toEqual([0, 0]);
		expect(path.at(-1)).toEqual([100, 100]);
		expect(path.length).toBeGreaterThan(3);
		// No smoothed point reaches the sharp corner.
		expect(path.some(([x, y]) => x === 100 && y === 0)).toBe(false);
	});

	it('leaves a two-point arrow straight', () => {
		expect(smoothPath([[0, 0], [10, 10]])).toEqual([[0, 0], [10, 10]]);
	});

	it('puts the head at the last point, pointing along the last direction, and shortens the body to its base', () => {
		const result = arrowhead([[0, 0], [100, 0]], 20)!;
		const [left, tip, right] = result.head;
		expect(tip).toEqual([100, 0]);
		expect(left[0]).toBeCloseTo(80);
		expect(right[0]).toBeCloseTo(80);
		expect(Math.abs(left[1] - right[1])).toBeCloseTo(22);
		expect(result.body.at(-1)).toEqual([80, 0]);
	});

	it('has no head for a degenerate path', () => {
		expect(arrowhead([[5, 5]] as Px[], 10)).toBeNull();
		expect(arrowhead([[5, 5], [5, 5]], 10)).toBeNull();
	});
});
