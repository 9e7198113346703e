import { describe, expect, it } from 'vitest';
import { hiddenLabels, type LabelCandidate } from '../../src/lib/map/label-declutter';

/** The rule, stated the slow obvious way (every pair), to check the grid against. */
function reference(candidates: readonly LabelCandidate[]): Set<string> {
	type Box = [number, number, number, number];
	const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
	const symbol = ({ x, y, radius = 8 }: LabelCandidate): Box => [x - radius, y - radius, x + radius, y + radius];
	const order = candidates.map((c, i) => ({ c, i })).sort((a, b) => a.c.priority - b.c.priority || a.i - b.i);
	const placed: Box[] = [];
	const hidden = new Set<string>();
	for (const { c } of order) {
		const left = c.x + (c.labelX ?? 11);
		const label: Box = [left - 2, c.y - 8, left + c.width, c.y + 8];
		const blocked = placed.some((box) => overlaps(box, label)) || candidates.some((o) => o.priority < c.priority && overlaps(symbol(o), label));
		if (blocked) hidden.add(c.id);
		else placed.push(label);
	}
	return hidden;
}

function random(count: number, width: number, height: number, seed: number): LabelCandidate[] {
	let s = seed;
	const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
	return Array.from({ length: count }, (_, i) => ({
		id: `p${i}`,
		// Negative coordinates too: layer pixels west or north of the origin.
		x: rnd() * width - width / 3,
		y: rnd() * height - height / 3,
		width: 20 + rnd() * 120,
		priority: Math.floor(rnd() * 5),
		...(rnd() < 0.3 ? { labelX: 20 + rnd() * 10, radius: 10 + rnd() * 10 } : {})
	}));
}

describe('label declutter on a spatial grid', () => {
	it('hides exactly what testing every pair would hide', () => {
		for (const [count, width, height, seed] of [
			[50, 400, 300, 1],
			[400, 1400, 900, 2],
			[1500, 2000, 1400, 3],
			[300, 200, 200, 4]
		] as const) {
			const candidates = random(count, width, height, seed);
			expect(hiddenLabels(candidates)).toEqual(reference(candidates));
		}
	});

	it('handles a theatre-wide view of 5 000 pins (speed is measured by npm run bench)', () => {
		const candidates = random(5000, 6000, 4000, 5);
		const hidden = hiddenLabels(candidates);
		expect(hidden.size).toBeGreaterThan(0);
		expect(hidden.size).toBeLessThan(5000);
	});
});
