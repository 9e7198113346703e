/** [R14] A room's flushes are paced by their own cost, so batches grow with the load. */
import { describe, expect, it } from 'vitest';
import { FlushPace } from '../../server/rooms/flush-pace';

describe('[R14] flush pace', () => {
	it('[R14] nothing waits before the first flush, nor when changes come further apart than a flush takes', () => {
		const pace = new FlushPace();
		expect(pace.delay(1_000)).toBe(0);
		pace.took(1_000, 1_002);
		expect(pace.delay(1_010)).toBe(0);
	});

	it('[R14] after a flush the next waits as long as that one took, counted from its end', () => {
		const pace = new FlushPace();
		pace.took(100, 108);
		expect(pace.delay(108)).toBe(8);
		expect(pace.delay(112)).toBe(4);
		expect(pace.delay(116)).toBe(0);
	});
});
