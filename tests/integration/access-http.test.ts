/**
 * Roles and links over HTTP, against the real server: creation answers an owner token once, the
 * owner API sets the mode and mints, rotates and revokes tokens, and every refusal is named JSON.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardAccessInfo, CreatedBoard, CreatedToken } from '../../src/lib/protocol/access';
import { ACCESS_API } from '../../src/lib/protocol/access';
import { startServer, type ServerProcess } from '../helpers/server-process';

let server: ServerProcess;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.stop();
});

/** One JSON request with an optional bearer secret. */
async function call(method: string, path: string, secret?: string | null, body?: object) {
	const headers: Record<string, string> = {};
	if (secret) headers.authorization = `Bearer ${secret}`;
	if (body) headers['content-type'] = 'application/json';
	const response = await fetch(`${server.url}${path}`, { method, headers, body: body ? JSON.stringify(body) : undefined });
	return { status: response.status, body: (await response.json()) as any };
}

async function privateBoard(title: string): Promise<CreatedBoard> {
	const created = (await call('POST', '/api/boards', null, { title })).body as CreatedBoard;
	expect((await call('POST', ACCESS_API.access(created.id), created.ownerToken.token, { mode: 'private' })).status).toBe(200);
	return created;
}

describe('access over HTTP', () => {
	it('creating a board answers the board, its mode (public-edit) and an owner token that is stored only hashed', async () => {
		const { status, body } = await call('POST', '/api/boards', null, { title: 'Owned' });
		expect(status).toBe(201);
		expect(body).toMatchObject({ title: 'Owned', access: 'public-edit', ownerToken: { role: 'owner' } });
		expect(body.ownerToken.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		const info = await call('GET', ACCESS_API.access(body.id), body.ownerToken.token);
		expect(info.body).toEqual({ mode: 'public-edit', tokens: [expect.objectContaining({ id: body.ownerToken.id, role: 'owner' })] });
		expect(JSON.stringify(info.body)).not.toContain(body.ownerToken.token);
	});

	it('a private board refuses callers without a valid token with named 401s, and a weak role with 403', async () => {
		const board = await privateBoard('Private');
		const noToken = await call('GET', `/api/boards/${board.id}`);
		expect(noToken).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
		expect(await call('GET', `/api/boards/${board.id}`, 'not-a-real-token')).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
		expect((await call('GET', `/api/boards/${board.id}/history/summary`)).status).toBe(401);
		const viewer = (await call('POST', ACCESS_API.tokens(board.id), board.ownerToken.token, { role: 'viewer', label: 'press' })).body as CreatedToken;
		expect(viewer).toMatchObject({ role: 'viewer', label: 'press' });
		expect((await call('GET', `/api/boards/${board.id}`, viewer.token)).status).toBe(200);
		expect((await call('GET', `/api/boards/${board.id}/history/summary`, viewer.token)).status).toBe(200);
		expect(await call('GET', ACCESS_API.me(board.id), viewer.token)).toMatchObject({ status: 200, body: { role: 'viewer', mode: 'private' } });
		expect(await call('GET', ACCESS_API.access(board.id), viewer.token)).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
		expect((await call('POST', `/api/boards/${board.id}/fork`, viewer.token, { title: 'copy' })).status).toBe(403);
	});

	it('a token of one board opens no other', async () => {
		const a = await privateBoard('A');
		const b = await privateBoard('B');
		expect((await call('GET', `/api/boards/${b.id}`, a.ownerToken.token)).status).toBe(401);
	});

	it('the board list hides private boards unless the caller’s token opens them', async () => {
		const board = await privateBoard('Hidden');
		const open = (await call('POST', '/api/boards', null, { title: 'Open' })).body as CreatedBoard;
		const anonymous = ((await call('GET', '/api/boards')).body as { id: string }[]).map((b) => b.id);
		expect(anonymous).toContain(open.id);
		expect(anonymous).not.toContain(board.id);
		const withToken = ((await call('GET', '/api/boards', board.ownerToken.token)).body as { id: string }[]).map((b) => b.id);
		expect(withToken).toEqual(expect.arrayContaining([board.id, open.id]));
	});

	it('rotate gives a new secret and kills the old one; revoke kills a token; both answer 404 for an unknown id', async () => {
		const board = await privateBoard('Rotate');
		const owner = board.ownerToken.token;
		const editor = (await call('POST', ACCESS_API.tokens(board.id), owner, { role: 'editor' })).body as CreatedToken;
		const rotated = await call('POST', ACCESS_API.rotate(board.id, editor.id), owner);
		expect(rotated).toMatchObject({ status: 201, body: { role: 'editor' } });
		expect(rotated.body.token).not.toBe(editor.token);
		expect((await call('GET', ACCESS_API.me(board.id), editor.token)).status).toBe(401);
		expect((await call('GET', ACCESS_API.me(board.id), rotated.body.token)).body).toMatchObject({ role: 'editor' });
		expect((await call('DELETE', ACCESS_API.token(board.id, rotated.body.id), owner)).status).toBe(200);
		expect((await call('GET', ACCESS_API.me(board.id), rotated.body.token)).status).toBe(401);
		expect((await call('DELETE', ACCESS_API.token(board.id, rotated.body.id), owner)).status).toBe(404);
		expect((await call('POST', ACCESS_API.rotate(board.id, 'nope'), owner)).status).toBe(404);
		const info = (await call('GET', ACCESS_API.access(board.id), owner)).body as BoardAccessInfo;
		expect(info.tokens.map((t) => t.role)).toEqual(['owner']);
	});

	it('bad owner requests are named: unknown role, unknown mode', async () => {
		const board = await privateBoard('Bad requests');
		const owner = board.ownerToken.token;
		expect(await call('POST', ACCESS_API.tokens(board.id), owner, { role: 'god' })).toMatchObject({ status: 422, body: { error: { code: 'invalid' } } });
		expect(await call('POST', ACCESS_API.access(board.id), owner, { mode: 'open' })).toMatchObject({ status: 422, body: { error: { code: 'invalid' } } });
	});
});
