import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardSummary } from '../../src/lib/protocol/boards';
import type { BoardsChange } from '../../src/lib/protocol/control-events';
import { PROTOCOL_VERSION } from '../../src/lib/protocol/control-events';
import { startServer, type ServerProcess } from '../helpers/server-process';
import { waitFor } from '../helpers/wait-for';
import { createBoard } from '../helpers/http';
import { useControlClients, type ControlClient } from '../helpers/control-client';

let server: ServerProcess;
/** One board for the refused renames below (each new board spends the address's creation allowance). */
let plain: { id: string; title: string };
beforeAll(async () => {
	server = await startServer();
	plain = await createBoard(server.url, 'Plain title');
});
afterAll(async () => {
	await server?.stop();
});
const controlClients = useControlClients();
const connect = () => controlClients.connect(server.url);

describe('control plane (socket.io)', () => {
	it('announces the protocol version and lists boards', async () => {
		const { client, hello } = await connect();
		expect(hello.protocolVersion).toBe(PROTOCOL_VERSION);
		const reply = await client.emitWithAck('boards:list');
		expect(reply.ok).toBe(true);
	});

	it('a board created by one client (or over HTTP) is announced live to the others', async () => {
		const { client: creator } = await connect();
		const { client: watcher } = await connect();
		const changes: BoardsChange[] = [];
		watcher.on('boards:changed', (change) => changes.push(change));
		const reply = await creator.emitWithAck('boards:create', { title: 'Lyman axis' });
		expect(reply).toMatchObject({ ok: true, value: { title: 'Lyman axis' } });
		const created = (reply as { value: BoardSummary }).value;
		await waitFor(() => changes.find((change) => change.board.id === created.id));
		expect(changes.find((change) => change.board.id === created.id)?.type).toBe('created');
		const overHttp = await createBoard(server.url, 'Izyum axis');
		await waitFor(() => changes.find((change) => change.board.id === overHttp.id));
	});

	it('a rename is announced and the list shows the new title', async () => {
		const { client } = await connect();
		const board = await createBoard(server.url, 'Old title');
		const changes: BoardsChange[] = [];
		client.on('boards:changed', (change) => changes.push(change));
		const reply = await client.emitWithAck('boards:rename', { id: board.id, title: 'New title' });
		expect(reply.ok).toBe(true);
		await waitFor(() => changes.find((change) => change.type === 'renamed' && change.board.title === 'New title'));
		const list = await client.emitWithAck('boards:list');
		expect(list.ok && list.value.find((entry) => entry.id === board.id)?.title).toBe('New title');
	});

	it('bad values get an error reply naming the problem, and the socket keeps working', async () => {
		const { client } = await connect();
		const emit = client.emitWithAck.bind(client) as (event: string, ...args: unknown[]) => Promise<unknown>;
		expect(await emit('boards:create', { title: '' })).toMatchObject({ ok: false, error: { code: 'invalid', field: 'title' } });
		expect(await emit('boards:rename', { id: 42 })).toMatchObject({ ok: false, error: { code: 'invalid', field: 'id' } });
		expect(await emit('boards:rename', { id: 'missing', title: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
		expect((await client.emitWithAck('boards:list')).ok).toBe(true);
	});

	it('a rename with a title that is not a string is invalid naming the title (it answered internal)', async () => {
		const { client } = await connect();
		const board = plain;
		const emit = client.emitWithAck.bind(client) as (event: string, ...args: unknown[]) => Promise<unknown>;
		for (const title of [{ text: 'x' }, { toString: 'x' }, 42, null, ['a']]) {
			expect(await emit('boards:rename', { id: board.id, title })).toMatchObject({ ok: false, error: { code: 'invalid', field: 'title' } });
		}
		expect(await emit('boards:rename', { id: board.id })).toMatchObject({ ok: false, error: { code: 'invalid', field: 'title' } });
	});

	it.each([
		['a line feed', 'Kherson\nFAKE: board deleted', 'U+000A'],
		['a carriage return', 'Kherson\r', 'U+000D'],
		['a NUL', 'Kherson\u0000', 'U+0000'],
		['a C1 control', 'Kherson\u0085', 'U+0085'],
		['a right-to-left override', 'Kherson \u202Efdp.exe', 'U+202E'],
		['a bidi isolate', '\u2066Kherson', 'U+2066']
	])('a title with %s is refused on create and rename, naming the character', async (_what, title, codePoint) => {
		const { client } = await connect();
		const board = plain;
		const refusal = { ok: false, error: { code: 'invalid', field: 'title', message: expect.stringContaining(`found ${codePoint}`) } };
		expect(await client.emitWithAck('boards:create', { title })).toMatchObject(refusal);
		expect(await client.emitWithAck('boards:rename', { id: board.id, title })).toMatchObject(refusal);
		const list = await client.emitWithAck('boards:list');
		expect(list.ok && list.value.find((entry) => entry.id === board.id)?.title).toBe('Plain title');
	});

	it.each([
		['a payload that is not an object', (client: ControlClient) => (client.emit as (...args: unknown[]) => void)('boards:create', 'not an object', () => {})],
		['no acknowledgement callback', (client: ControlClient) => (client.emit as (...args: unknown[]) => void)('boards:create', { title: 'x' })]
	])('malformed traffic (%s) closes only that connection, with a named notice', async (_what, send) => {
		const { client: bystander } = await connect();
		const { client } = await connect();
		const notices: { code?: string; message: string }[] = [];
		client.on('notice', (notice) => notices.push(notice));
		const disconnected = new Promise<string>((resolve) => client.once('disconnect', resolve));
		send(client);
		expect(await disconnected).toBe('io server disconnect');
		expect(notices[0]).toMatchObject({ code: 'malformed' });
		expect((await bystander.emitWithAck('boards:list')).ok).toBe(true);
	});
});
