/**
 * Limits that hold across connections, against the real server with its shipped defaults and real
 * socket.io clients: opening more sockets buys a caller nothing. (Found by attacking `npm start`:
 * 50 sockets on one token delivered 250 flash alerts in 5 s; 300 anonymous boards in 1.2 s.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_API, type CreatedToken } from '../../src/lib/protocol/access';
import { DEFAULT_CONFIG } from '../../server/config';
import { useControlClients, type ControlClient } from '../helpers/control-client';
import { createBoard } from '../helpers/http';
import { startServer, type ServerProcess } from '../helpers/server-process';
import { waitFor } from '../helpers/wait-for';

let server: ServerProcess;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.stop();
});
const controlClients = useControlClients();

let counter = 0;
async function joined(url: string, boardId: string, token?: string): Promise<ControlClient> {
	const { client } = await controlClients.connect(url, token);
	const reply = await client.emitWithAck('board:join', { boardId, watcher: { id: `watcher-${++counter}`, name: `Watcher ${counter}` } });
	if (!reply.ok) throw new Error(`join failed: ${reply.error.message}`);
	return client;
}

/** What a caller may get through in `elapsedMs`: its burst, plus what refilled meanwhile (rounded up). */
const allowance = (burst: number, perSecond: number, elapsedMs: number) => burst + Math.ceil((elapsedMs / 1000) * perSecond);

async function editorToken(boardId: string, owner: string): Promise<CreatedToken> {
	const response = await fetch(`${server.url}${ACCESS_API.tokens(boardId)}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: `Bearer ${owner}` },
		body: JSON.stringify({ role: 'editor', label: 'Flood bot' })
	});
	return (await response.json()) as CreatedToken;
}

describe('control plane limits across connections', () => {
	it('50 sockets on one token: the alerts delivered stay within the per-token allowance', async () => {
		const board = (await (await fetch(`${server.url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Flooded' }) })).json()) as {
			id: string;
			ownerToken: { token: string };
		};
		const token = await editorToken(board.id, board.ownerToken.token);
		const listener = await joined(server.url, board.id);
		let delivered = 0;
		listener.on('alert:raised', () => delivered++);
		const bots = await Promise.all(Array.from({ length: 50 }, () => joined(server.url, board.id, token.token)));

		const started = Date.now();
		const replies = await Promise.all(bots.flatMap((bot) => Array.from({ length: 5 }, (_, n) => bot.emitWithAck('alert:raise', { priority: 'flash', text: `flood ${n}` }))));
		const elapsed = Date.now() - started;
		const accepted = replies.filter((reply) => reply.ok).length;
		await waitFor(() => delivered === accepted, { what: 'every accepted alert at the listener' });

		expect(accepted).toBeGreaterThan(0);
		expect(delivered).toBeLessThanOrEqual(allowance(DEFAULT_CONFIG.alertsBurst, DEFAULT_CONFIG.alertsPerMinute / 60, elapsed));
		expect(replies.find((reply) => !reply.ok)).toMatchObject({ ok: false, error: { code: 'rate_limited', message: expect.stringMatching(/^too many alerts from this token/) } });
		console.info(`50 sockets × 5 alerts on one token: ${accepted} accepted, ${delivered} delivered in ${elapsed} ms`);
	});

	it('anonymous sockets from one address share one ping allowance', async () => {
		const board = await createBoard(server.url, 'Pinged');
		const listener = await joined(server.url, board.id);
		let delivered = 0;
		listener.on('ping', () => delivered++);
		const pingers = await Promise.all(Array.from({ length: 20 }, () => joined(server.url, board.id)));

		const started = Date.now();
		const replies = await Promise.all(pingers.flatMap((pinger) => Array.from({ length: 5 }, () => pinger.emitWithAck('ping', { lat: 49, lng: 37 }))));
		const elapsed = Date.now() - started;
		const accepted = replies.filter((reply) => reply.ok).length;
		await waitFor(() => delivered === accepted, { what: 'every accepted ping at the listener' });

		expect(delivered).toBeLessThanOrEqual(allowance(DEFAULT_CONFIG.pingsBurst, DEFAULT_CONFIG.pingsPerSecond, elapsed));
		expect(replies.find((reply) => !reply.ok)).toMatchObject({ ok: false, error: { code: 'rate_limited', message: expect.stringMatching(/^too many pings from this address/) } });
		console.info(`20 anonymous sockets × 5 pings from one address: ${delivered} delivered in ${elapsed} ms`);
	});

	it('boards:create on many sockets from one address spends one board allowance', async () => {
		const burst = 3;
		const small = await startServer({ env: { BOARDS_BURST: String(burst) } });
		try {
			const creators = await Promise.all(Array.from({ length: 8 }, async () => (await controlClients.connect(small.url)).client));
			const replies = await Promise.all(creators.map((creator, n) => creator.emitWithAck('boards:create', { title: `Spam ${n}` })));
			expect(replies.filter((reply) => reply.ok)).toHaveLength(burst);
			expect(replies.find((reply) => !reply.ok)).toMatchObject({ ok: false, error: { code: 'rate_limited', message: expect.stringMatching(/^too many new boards from this address/) } });
			const listed = await creators[0]!.emitWithAck('boards:list');
			expect(listed.ok && listed.value.filter((board) => board.title.startsWith('Spam'))).toHaveLength(burst);
		} finally {
			await small.stop();
		}
	});
});
