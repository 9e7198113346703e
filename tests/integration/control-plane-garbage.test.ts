/**
 * Every client→server event of the control plane, sent garbage over a real socket.io connection to
 * the real server: wrong types, missing or non-function acknowledgements, huge and deep payloads.
 * Each one gets an answer of its own — an error reply naming why, or its connection closed — never
 * `internal`, never a stack trace, and the process keeps serving everyone else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientToServerEvents } from '../../src/lib/protocol/control-events';
import { useControlClients, type ControlClient } from '../helpers/control-client';
import { createBoard } from '../helpers/http';
import { startServer, type ServerProcess } from '../helpers/server-process';

let server: ServerProcess;
let boardId: string;
beforeAll(async () => {
	// Every client here is 127.0.0.1: the per-address allowances are raised so that each garbage
	// case reaches its handler instead of a rate limit.
	server = await startServer({ env: { ALERTS_BURST: '10000', PINGS_BURST: '10000', BOARD_ALERTS_BURST: '10000', BOARD_PINGS_BURST: '10000' } });
	boardId = (await createBoard(server.url, 'Garbage')).id;
});
afterAll(async () => {
	await server?.stop();
});
const controlClients = useControlClients();

const EVENTS: (keyof ClientToServerEvents | 'no:such:event')[] = ['boards:list', 'boards:create', 'boards:rename', 'board:join', 'alert:raise', 'alert:ack', 'alerts:list', 'ping', 'no:such:event'];

/** Stands for the test board's id in a payload (it is created once the server runs). */
const BOARD = Symbol('board');
const withBoard = (args: unknown[]) => args.map((arg) => (arg && typeof arg === 'object' && 'id' in arg && arg.id === BOARD ? { ...arg, id: boardId } : arg));

const deep = (levels: number): object => Array.from({ length: levels }).reduce<object>((inner) => ({ inner }), {});

/** Payloads of every wrong shape: not objects, objects of wrong types, big, deep, binary. */
const PAYLOADS: [string, unknown[]][] = [
	['nothing', []],
	['null', [null]],
	['a number', [42]],
	['a string', ['flash!']],
	['an array', [[1, 2, 3]]],
	['an empty object', [{}]],
	['two objects', [{}, {}]],
	['wrong types everywhere', [{ id: 42, title: { toString: 'x' }, boardId: [], watcher: 'me', priority: 7, text: { $gt: '' }, place: 'here', reportId: {}, alertId: null, lat: 'north', lng: NaN, until: -1, limit: 1e9, token: 5 }]],
	// On the board that exists (`boardId` is filled in when sent): the title itself is the garbage.
	['a rename with an object title', [{ id: BOARD, title: { text: 'x' } }]],
	['a rename with a title that cannot be made a string', [{ id: BOARD, title: { toString: 'x' } }]],
	['a title with control characters', [{ id: BOARD, title: 'a\r\nb\u0000\u202e' }]],
	['prototype keys', [JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}')]],
	['a huge string', [{ title: 'x'.repeat(500_000), text: 'x'.repeat(500_000) }]],
	['a payload over the transport limit', [{ title: 'x'.repeat(2_000_000) }]],
	// As deep as socket.io-client will serialise (it walks payloads recursively looking for binary).
	['a deep object', [{ title: deep(1_000), watcher: deep(1_000) }]],
	['binary', [Buffer.alloc(1024, 7)]],
	['binary inside an object', [{ title: Buffer.from('title'), lat: Buffer.alloc(8) }]]
];

type Outcome = { kind: 'reply'; reply: unknown } | { kind: 'closed' };

/** Opens a client, joins the board, sends one event with `args` and `ack`; resolves with the reply or the close. */
async function send(event: string, args: unknown[], ack: 'function' | 'none' | 'not a function'): Promise<Outcome> {
	const { client } = await controlClients.connect(server.url);
	await client.emitWithAck('board:join', { boardId, watcher: { id: `garbage-${Math.random().toString(36).slice(2)}`, name: 'Garbage' } });
	return new Promise<Outcome>((resolve) => {
		client.once('disconnect', () => resolve({ kind: 'closed' }));
		const emit = client.emit.bind(client) as (event: string, ...args: unknown[]) => ControlClient;
		args = withBoard(args);
		if (ack === 'function') emit(event, ...args, (reply: unknown) => resolve({ kind: 'reply', reply }));
		else if (ack === 'not a function') emit(event, ...args, 'ack?');
		else emit(event, ...args);
		// An unknown event has no listener, so nothing answers it: a request after it shows the connection still works.
		if (event === 'no:such:event') client.emitWithAck('boards:list').then((reply) => resolve({ kind: 'reply', reply }), () => {});
	});
}

describe('control plane garbage', () => {
	it.each(EVENTS)('garbage to %s gets a named answer or closes its connection, and the server lives', async (event) => {
		const cases = PAYLOADS.flatMap(([what, args]) => (['function', 'none', 'not a function'] as const).map((ack) => ({ what, args, ack })));
		const outcomes = await Promise.all(cases.map(async (garbage) => ({ ...garbage, outcome: await send(event, garbage.args, garbage.ack) })));
		// Both kinds of answer occur: a well-formed request with bad values is answered, other traffic closed.
		expect(outcomes.some(({ outcome }) => outcome.kind === 'reply')).toBe(true);
		expect(outcomes.some(({ outcome }) => outcome.kind === 'closed')).toBe(true);
		for (const { what, ack, outcome } of outcomes) {
			const label = `${event} with ${what}, ack ${ack}`;
			if (outcome.kind === 'closed') continue;
			expect(outcome.reply, label).toMatchObject({ ok: expect.any(Boolean) });
			const error = (outcome.reply as { error?: { code: string; message: string } }).error;
			expect(error?.code, `${label}: ${error?.message}`).not.toBe('internal');
		}
		// Someone else is still served, and nothing left a stack trace.
		const { client: bystander } = await controlClients.connect(server.url);
		expect((await bystander.emitWithAck('boards:list')).ok).toBe(true);
		expect(server.log()).not.toMatch(/^\s+at /m);
		expect(server.log()).not.toMatch(/uncaught|unhandled/i);
	});
});
