/** [SI10] Pin symbols that would overlap at this zoom are drawn apart, the more important one in place. */
import { describe, expect, it } from 'vitest';
import { spreadSymbols, type SymbolCandidate } from '../../src/lib/map/symbol-spread';

const apart = (a: { x: number; y: number; radius: number }, b: { x: number; y: number; radius: number }) => Math.hypot(a.x - b.x, a.y - b.y) >= a.radius + b.radius;

function random(count: number, size: number, seed: number): SymbolCandidate[] {
	let s = seed;
	const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
	return Array.from({ length: count }, (_, i) => ({ id: `p${i}`, x: rnd() * size, y: rnd() * size, radius: 6 + rnd() * 6, priority: Math.floor(rnd() * 4) }));
}

describe('[SI10] symbols spread apart', () => {
	it('two pins 3 px apart: the more important keeps its place, the other moves clear of it', () => {
		const kupiansk = { id: 'kupiansk', x: 100, y: 100, radius: 8, priority: 1 };
		const crossing = { id: 'crossing', x: 101, y: 103, radius: 8, priority: 3 };
		const offsets = spreadSymbols([crossing, kupiansk]);
		expect(offsets.has('kupiansk')).toBe(false);
		const moved = offsets.get('crossing')!;
		expect(apart(kupiansk, { ...crossing, x: crossing.x + moved.dx, y: crossing.y + moved.dy })).toBe(true);
		// Away from Kupiansk: it was south, it goes further south.
		expect(moved.dy).toBeGreaterThan(0);
	});

	it('pins already apart stay where they are', () => {
		expect(spreadSymbols([{ id: 'a', x: 0, y: 0, radius: 8, priority: 1 }, { id: 'b', x: 40, y: 0, radius: 8, priority: 1 }]).size).toBe(0);
	});

	it('a crowd of moderate density ends with no two symbols overlapping', () => {
		const crowd = random(120, 600, 7);
		const offsets = spreadSymbols(crowd);
		const drawn = crowd.map((c) => ({ ...c, x: c.x + (offsets.get(c.id)?.dx ?? 0), y: c.y + (offsets.get(c.id)?.dy ?? 0) }));
		let overlaps = 0;
		// Rounded offsets may leave a pixel of touch; more than that is an overlap.
		for (let i = 0; i < drawn.length; i++) for (let j = i + 1; j < drawn.length; j++) if (!apart({ ...drawn[i]!, radius: drawn[i]!.radius - 1 }, drawn[j]!)) overlaps++;
		expect(overlaps).toBe(0);
	});
});
