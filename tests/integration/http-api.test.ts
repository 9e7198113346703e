import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, postJson } from '../helpers/http';
import { startServer, type ServerProcess } from '../helpers/server-process';

let server: ServerProcess;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.stop();
});

describe('HTTP API', () => {
	it('GET /healthz answers 200 JSON with the node’s view of its storage', async () => {
		const { status, body } = await getJson(`${server.url}/healthz`);
		expect(status).toBe(200);
		expect(body).toMatchObject({ ok: true, storage: { backend: 'sqlite', ok: true } });
	});

	it('POST /api/boards creates a board (201) that GET /api/boards then lists', async () => {
		const created = await postJson(`${server.url}/api/boards`, { title: 'Kherson — night watch' });
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ title: 'Kherson — night watch' });
		const { id } = created.body as { id: string };
		expect(id).toMatch(/^kherson-night-watch-[a-z0-9]{6}$/);
		const list = await getJson(`${server.url}/api/boards`);
		expect(list.status).toBe(200);
		expect(list.body).toEqual(expect.arrayContaining([expect.objectContaining({ id, title: 'Kherson — night watch' })]));
		expect((await getJson(`${server.url}/api/boards/${id}`)).body).toMatchObject({ id });
	});

	it.each([
		['bad JSON', '{"title": ', 400, 'bad_json', undefined],
		['a missing title', {}, 422, 'invalid', 'title'],
		['an empty title', { title: '  ' }, 422, 'invalid', 'title'],
		['a title of the wrong type', { title: 42 }, 422, 'invalid', 'title'],
		['a title over 120 characters', { title: 'x'.repeat(121) }, 422, 'invalid', 'title']
	])('POST /api/boards with %s → %i with a JSON error saying what is wrong', async (_what, body, status, code, field) => {
		const response = await postJson(`${server.url}/api/boards`, body as string | object);
		expect(response.status).toBe(status);
		expect(response.body).toMatchObject({ error: { code, ...(field ? { field } : {}) } });
		expect((response.body as { error: { message: string } }).error.message.length).toBeGreaterThan(5);
	});

	it('refuses a body that is not JSON (415), too large (413), a wrong method (405) and unknown paths (404)', async () => {
		expect((await postJson(`${server.url}/api/boards`, 'title=x', { 'content-type': 'text/plain' })).status).toBe(415);
		expect((await postJson(`${server.url}/api/boards`, { title: 'x'.repeat(70_000) })).status).toBe(413);
		const del = await fetch(`${server.url}/api/boards`, { method: 'DELETE' });
		expect(del.status).toBe(405);
		expect(await del.json()).toMatchObject({ error: { code: 'method_not_allowed' } });
		expect((await getJson(`${server.url}/api/boards/no-such-board`)).status).toBe(404);
		expect((await getJson(`${server.url}/api/nothing-here`)).status).toBe(404);
	});

	it('a failed request leaves every accepted board in place', async () => {
		const before = (await getJson(`${server.url}/api/boards`)).body as unknown[];
		await postJson(`${server.url}/api/boards`, '{oops');
		expect((await getJson(`${server.url}/api/boards`)).body).toEqual(before);
	});
});
