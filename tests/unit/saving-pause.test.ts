/**
 * [PG9] The browser's "not saving" state with a clock the test moves: set by a refusal (4507),
 * kept while each reconnect is refused again within the server's hold, over once a sync was not.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STORAGE_REFUSAL_HOLD_MS } from '../../src/lib/protocol/close-codes';
import { connectionState } from '../../src/lib/sync/connection-state';
import { SavingPause } from '../../src/lib/sync/saving-pause';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('[PG9] saving paused', () => {
	it('[PG9] a refusal pauses; a reconnect refused again within the hold keeps it; a sync not refused ends it', () => {
		let changes = 0;
		const pause = new SavingPause(() => changes++);
		expect(pause.paused).toBe(false);
		pause.synced();
		expect(pause.paused).toBe(false);

		pause.refused();
		expect([pause.paused, changes]).toEqual([true, 1]);
		expect(connectionState('connected', true, true, pause.paused)).toBe('unsaved');
		// The provider reconnects and syncs; the server holds the resent edit, then refuses it again.
		pause.synced();
		vi.advanceTimersByTime(STORAGE_REFUSAL_HOLD_MS);
		pause.refused();
		vi.advanceTimersByTime(STORAGE_REFUSAL_HOLD_MS * 3);
		expect([pause.paused, changes]).toEqual([true, 1]);

		// The database is back: the next sync is not refused.
		pause.synced();
		vi.advanceTimersByTime(STORAGE_REFUSAL_HOLD_MS);
		expect(pause.paused).toBe(true);
		vi.advanceTimersByTime(1_000);
		expect([pause.paused, changes]).toEqual([false, 2]);
		expect(connectionState('connected', true, true, pause.paused)).toBe('live');
		pause.destroy();
	});
});

describe('[PG9] saving paused, then another close', () => {
	it('[PG9] a close for another reason (the server unreachable, a dead link) ends it: the indicator says that instead', () => {
		let changes = 0;
		const pause = new SavingPause(() => changes++);
		pause.refused();
		pause.otherClose();
		expect([pause.paused, changes]).toEqual([false, 2]);
		expect(connectionState('disconnected', false, true, pause.paused)).toBe('offline');
		pause.otherClose();
		expect(changes).toBe(2);
	});
});
