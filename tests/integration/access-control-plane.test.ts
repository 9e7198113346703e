/**
 * Roles on the control plane (socket.io `auth: { token }`) and who may create boards: a viewer's
 * rename is refused with a named error, an editor's passes; with BOARD_CREATION=token only the
 * admin token creates boards, over HTTP and socket.io alike.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ACCESS_API, type CreatedBoard, type CreatedToken } from '../../src/lib/protocol/access';
import { DEMO_BOARD_ID } from '../../src/lib/protocol/boards';
import { useControlClients } from '../helpers/control-client';
import { startServer, type ServerProcess } from '../helpers/server-process';

const ADMIN = 'admin-secret-for-tests-0123456789';
const servers: ServerProcess[] = [];
afterAll(async () => {
	await Promise.all(servers.map((server) => server.stop()));
});
const controlClients = useControlClients();

async function serve(env: Record<string, string> = {}) {
	const server = await startServer({ env });
	servers.push(server);
	return server;
}

const connect = async (url: string, token?: string) => (await controlClients.connect(url, token)).client;

async function post(url: string, secret: string | null, body: object) {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...(secret ? { authorization: `Bearer ${secret}` } : {}) },
		body: JSON.stringify(body)
	});
	return { status: response.status, body: (await response.json()) as any };
}

describe('access on the control plane', () => {
	it('boards:create answers an owner token; a viewer cannot rename, an editor can', async () => {
		const server = await serve();
		const creator = await connect(server.url);
		const created = await creator.emitWithAck('boards:create', { title: 'Control' });
		expect(created).toMatchObject({ ok: true, value: { title: 'Control', access: 'public-edit', ownerToken: { role: 'owner' } } });
		const board = (created as { value: CreatedBoard }).value;
		const owner = board.ownerToken.token;
		await post(`${server.url}${ACCESS_API.access(board.id)}`, owner, { mode: 'public-view' });
		const viewerToken = (await post(`${server.url}${ACCESS_API.tokens(board.id)}`, owner, { role: 'viewer' })).body as CreatedToken;
		const editorToken = (await post(`${server.url}${ACCESS_API.tokens(board.id)}`, owner, { role: 'editor' })).body as CreatedToken;

		const viewer = await connect(server.url, viewerToken.token);
		expect(await viewer.emitWithAck('boards:rename', { id: board.id, title: 'Hijacked' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		const anonymous = await connect(server.url);
		expect(await anonymous.emitWithAck('boards:rename', { id: board.id, title: 'Hijacked' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		const wrong = await connect(server.url, 'wrong-token');
		expect(await wrong.emitWithAck('boards:rename', { id: board.id, title: 'Hijacked' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });

		const editor = await connect(server.url, editorToken.token);
		expect(await editor.emitWithAck('boards:rename', { id: board.id, title: 'Renamed' })).toMatchObject({ ok: true, value: { title: 'Renamed' } });
		// A per-request token works on a connection that has none (a home page holds one per board).
		expect(await anonymous.emitWithAck('boards:rename', { id: board.id, title: 'Again', token: editorToken.token })).toMatchObject({ ok: true });
	});

	it('private boards are listed only to sockets whose token opens them', async () => {
		const server = await serve();
		const creator = await connect(server.url);
		const { value: board } = (await creator.emitWithAck('boards:create', { title: 'Secret' })) as { value: CreatedBoard };
		await post(`${server.url}${ACCESS_API.access(board.id)}`, board.ownerToken.token, { mode: 'private' });
		const anonymous = await connect(server.url);
		const seen = (await anonymous.emitWithAck('boards:list')) as { value: { id: string }[] };
		expect(seen.value.map((b) => b.id)).not.toContain(board.id);
		const owner = await connect(server.url, board.ownerToken.token);
		const mine = (await owner.emitWithAck('boards:list')) as { value: { id: string }[] };
		expect(mine.value.map((b) => b.id)).toContain(board.id);
	});

	it('with BOARD_CREATION=token only the admin token creates boards (HTTP and socket.io)', async () => {
		const server = await serve({ BOARD_CREATION: 'token', ADMIN_TOKEN: ADMIN });
		expect(await post(`${server.url}/api/boards`, null, { title: 'x' })).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
		expect(await post(`${server.url}/api/boards`, 'wrong', { title: 'x' })).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
		const made = await post(`${server.url}/api/boards`, ADMIN, { title: 'By admin' });
		expect(made).toMatchObject({ status: 201, body: { title: 'By admin', ownerToken: { role: 'owner' } } });
		const anonymous = await connect(server.url);
		expect(await anonymous.emitWithAck('boards:create', { title: 'x' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
		const admin = await connect(server.url, ADMIN);
		expect(await admin.emitWithAck('boards:create', { title: 'Admin socket' })).toMatchObject({ ok: true });
		// The admin token is owner of every board: it can manage a board whose owner link is lost.
		const info = await fetch(`${server.url}${ACCESS_API.access(made.body.id)}`, { headers: { authorization: `Bearer ${ADMIN}` } });
		expect(info.status).toBe(200);
	});

	it('with DEFAULT_ACCESS=private new boards are private, while the demo board stays public-edit', async () => {
		const server = await serve({ DEFAULT_ACCESS: 'private', SEED_DEMO: 'true' });
		const made = await post(`${server.url}/api/boards`, null, { title: 'Closed by default' });
		expect(made.body).toMatchObject({ access: 'private' });
		expect((await fetch(`${server.url}/api/boards/${made.body.id}`)).status).toBe(401);
		const demo = await fetch(`${server.url}${ACCESS_API.me(DEMO_BOARD_ID)}`);
		expect(await demo.json()).toEqual({ role: 'editor', mode: 'public-edit' });
	});
});
