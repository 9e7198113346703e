/**
 * [E2] WebSocket upgrades with targets a client can send at will. `decodeURIComponent` and
 * `new URL` threw inside the upgrade listener on these and ended the process; now each is answered
 * on its own socket with an HTTP error, and Yjs on a good path still works.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoard } from '../helpers/http';
import { expectAlive, rawRequest, STACK_TRACE, upgradeRequest } from '../helpers/raw-http';
import { startServer, type ServerProcess } from '../helpers/server-process';
import { connectSynced } from '../helpers/yjs-client';

let server: ServerProcess;
let boardId: string;

beforeAll(async () => {
	server = await startServer();
	boardId = (await createBoard(server.url, 'Upgrades')).id;
});
afterAll(async () => {
	await server?.stop();
});

describe('[E2] upgrade targets', () => {
	it.each([
		['/yjs/%E0%A4', 400],
		['/yjs/%', 400],
		['/yjs/%E0%A4%A', 400],
		['/yjs/', 400],
		['/yjs/a/b', 400],
		['http://[/yjs/x', 400],
		['//[/yjs/x', 404],
		['*', 400],
		['/elsewhere', 404]
	])('%s is answered %i on its socket and the server lives', async (target, status) => {
		const answer = await rawRequest(server.port, upgradeRequest(target));
		expect(answer.status).toBe(status);
		expect(answer.text).not.toMatch(STACK_TRACE);
		await expectAlive(server);
	});

	it('a well-formed board path still syncs after all of them', async () => {
		const client = await connectSynced(server.wsUrl, boardId, 'after the storm');
		expect(client.provider.wsconnected).toBe(true);
		client.destroy();
	});
});
