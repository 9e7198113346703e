/**
 * [R7] A sender refused while the log is down is held, unread, before its close (4507): a client
 * reconnects within 200 ms of a close and resends the same edit, so an immediate close made every
 * refused client a join and a sync reply five times a second for the whole outage.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Connection } from '../../server/rooms/connection';
import { LogOutage, REFUSAL_HOLD_MS } from '../../server/rooms/log-outage';
import { MemorySocket } from '../helpers/memory-socket';
import { silentLogger } from '../helpers/test-room';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

/** An outage under way: its first append failed. */
function downOutage(): LogOutage {
	const outage = new LogOutage('lyman', silentLogger);
	outage.failed(new Error('database unreachable'), () => undefined);
	return outage;
}

function refusedSender(outage: LogOutage) {
	const socket = new MemorySocket();
	const connection = new Connection(socket, 'Olena');
	let closes = 0;
	outage.refuse(connection, () => {
		closes++;
		connection.close(4507, 'storage unavailable');
	});
	return { socket, closes: () => closes };
}

describe('[R7] a refused sender while the log is down', () => {
	it('[R7] is held unread for REFUSAL_HOLD_MS, then closed once', () => {
		const outage = downOutage();
		const sender = refusedSender(outage);
		expect(sender.socket.inputPaused).toBe(true);
		vi.advanceTimersByTime(REFUSAL_HOLD_MS - 1);
		expect(sender.socket.closedWith).toBeNull();
		vi.advanceTimersByTime(1);
		expect(sender.socket.closedWith?.code).toBe(4507);
		vi.advanceTimersByTime(REFUSAL_HOLD_MS * 2);
		expect(sender.closes()).toBe(1);
	});

	it('[R7] is closed at once when the log is back, so it resends without waiting out the hold', () => {
		const outage = downOutage();
		const sender = refusedSender(outage);
		outage.recovered();
		expect(sender.socket.closedWith?.code).toBe(4507);
		vi.advanceTimersByTime(REFUSAL_HOLD_MS);
		expect(sender.closes()).toBe(1);
	});

	it('[R7] the room closing drops the hold without a 4507 of its own (the room closes everyone)', () => {
		const outage = downOutage();
		const sender = refusedSender(outage);
		outage.stop();
		vi.advanceTimersByTime(REFUSAL_HOLD_MS);
		expect(sender.closes()).toBe(0);
	});
});
