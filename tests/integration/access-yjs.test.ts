/**
 * Roles on the data plane, with stock y-websocket providers carrying `?token=`: a viewer's edit is
 * refused with a named close code and never reaches the board, while the empty (or already-known)
 * sync step 2 every stock provider sends on join passes; revoke and rotate end live connections.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { addPin, removePin } from '../../src/lib/model/pin-operations';
import { readAll } from '../../src/lib/model/records';
import { ACCESS_API, TOKEN_PARAM, type CreatedBoard, type CreatedToken } from '../../src/lib/protocol/access';
import { CLOSE_CODES } from '../../src/lib/protocol/close-codes';
import { ACTOR_PARAM, YJS_PATH } from '../../src/lib/protocol/endpoints';
import { startServer, type ServerProcess } from '../helpers/server-process';
import { waitFor } from '../helpers/wait-for';

let server: ServerProcess;
const providers: WebsocketProvider[] = [];
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	for (const provider of providers) provider.destroy();
	await server?.stop();
});

function join(boardId: string, token: string | null, actor: string) {
	const doc = new Y.Doc();
	const provider = new WebsocketProvider(`${server.wsUrl}${YJS_PATH}`, boardId, doc, {
		WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
		disableBc: true,
		params: { [ACTOR_PARAM]: actor, ...(token ? { [TOKEN_PARAM]: token } : {}) }
	});
	providers.push(provider);
	const closeCodes: number[] = [];
	provider.on('connection-close', (event) => event && closeCodes.push(event.code));
	return { doc, provider, closeCodes };
}

async function post(path: string, secret: string | null, body: object = {}) {
	const response = await fetch(`${server.url}${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...(secret ? { authorization: `Bearer ${secret}` } : {}) },
		body: JSON.stringify(body)
	});
	return (await response.json()) as any;
}

async function boardWith(mode: 'private' | 'public-view' | 'public-edit') {
	const board = (await post('/api/boards', null, { title: `Yjs ${mode}` })) as CreatedBoard;
	const owner = board.ownerToken.token;
	await post(ACCESS_API.access(board.id), owner, { mode });
	const viewer = (await post(ACCESS_API.tokens(board.id), owner, { role: 'viewer' })) as CreatedToken;
	const editor = (await post(ACCESS_API.tokens(board.id), owner, { role: 'editor' })) as CreatedToken;
	return { id: board.id, owner, viewer, editor };
}

describe('access on the Yjs plane', () => {
	it('an edit token edits; a view token syncs (its empty step 2 accepted) but its edit is refused with 4403 and never lands', async () => {
		const board = await boardWith('private');
		const editor = join(board.id, board.editor.token, 'editor');
		await waitFor(() => editor.provider.synced, { what: 'the editor to sync' });
		addPin(editor.doc, { name: 'Izium', lat: 49.21, lng: 37.26 });
		const viewer = join(board.id, board.viewer.token, 'viewer');
		await waitFor(() => viewer.provider.synced && readAll(viewer.doc, 'pins').length === 1, { what: 'the viewer to see the pin' });
		expect(viewer.closeCodes).toEqual([]);
		addPin(viewer.doc, { name: 'forbidden', lat: 1, lng: 1 });
		await waitFor(() => viewer.closeCodes.length > 0, { what: 'the viewer to be refused' });
		expect(viewer.closeCodes[0]).toBe(CLOSE_CODES.readOnly);
		viewer.provider.destroy();
		// The board is unchanged: a fresh watcher sees only the editor's pin, and the editor still edits.
		addPin(editor.doc, { name: 'Balakliia', lat: 49.46, lng: 36.86 });
		const fresh = join(board.id, board.editor.token, 'fresh');
		await waitFor(() => readAll(fresh.doc, 'pins').length === 2, { what: 'a fresh watcher to load the board' });
		expect(readAll(fresh.doc, 'pins').map((pin) => pin.name).sort()).toEqual(['Balakliia', 'Izium']);
		expect(editor.closeCodes).toEqual([]);
	});

	it('a reconnecting viewer repeats what the board has (deletions included) and stays connected', async () => {
		const board = await boardWith('public-view');
		const owner = join(board.id, board.owner, 'owner');
		await waitFor(() => owner.provider.synced);
		const doomed = addPin(owner.doc, { name: 'doomed', lat: 2, lng: 2 });
		addPin(owner.doc, { name: 'kept', lat: 3, lng: 3 });
		removePin(owner.doc, doomed);
		const viewer = join(board.id, null, 'anonymous viewer');
		await waitFor(() => readAll(viewer.doc, 'pins').length === 1, { what: 'the anonymous viewer to load' });
		viewer.provider.disconnect();
		await viewer.provider.connect();
		await waitFor(() => viewer.provider.wsconnected && viewer.provider.synced, { what: 'the viewer to resync' });
		addPin(owner.doc, { name: 'after', lat: 4, lng: 4 });
		await waitFor(() => readAll(viewer.doc, 'pins').length === 2, { what: 'the viewer to keep receiving' });
		expect(viewer.closeCodes.filter((code) => code >= 4000)).toEqual([]);
	});

	it('a public-view board refuses an anonymous edit; a wrong token on any board is 4401', async () => {
		const board = await boardWith('public-view');
		const anonymous = join(board.id, null, 'anon');
		await waitFor(() => anonymous.provider.synced);
		addPin(anonymous.doc, { name: 'nope', lat: 1, lng: 1 });
		await waitFor(() => anonymous.closeCodes.length > 0);
		expect(anonymous.closeCodes[0]).toBe(CLOSE_CODES.readOnly);
		anonymous.provider.destroy();
		const wrong = join(board.id, 'not-a-token', 'wrong');
		await waitFor(() => wrong.closeCodes.length > 0);
		expect(wrong.closeCodes[0]).toBe(CLOSE_CODES.unauthorized);
		wrong.provider.destroy();
		const privateBoard = await boardWith('private');
		const none = join(privateBoard.id, null, 'none');
		await waitFor(() => none.closeCodes.length > 0);
		expect(none.closeCodes[0]).toBe(CLOSE_CODES.unauthorized);
		none.provider.destroy();
	});

	it('revoking a token closes its live connections with 4410; rotating does too, and the old secret no longer joins', async () => {
		const board = await boardWith('private');
		const editor = join(board.id, board.editor.token, 'editor');
		const other = join(board.id, board.viewer.token, 'other');
		await waitFor(() => editor.provider.synced && other.provider.synced);
		const response = await fetch(`${server.url}${ACCESS_API.token(board.id, board.editor.id)}`, {
			method: 'DELETE',
			headers: { authorization: `Bearer ${board.owner}` }
		});
		expect(response.status).toBe(200);
		await waitFor(() => editor.closeCodes.length > 0, { what: 'the revoked editor to be closed' });
		expect(editor.closeCodes[0]).toBe(CLOSE_CODES.revoked);
		editor.provider.destroy();
		expect(other.closeCodes).toEqual([]);

		const rotated = (await post(ACCESS_API.rotate(board.id, board.viewer.id), board.owner)) as CreatedToken;
		await waitFor(() => other.closeCodes.length > 0, { what: 'the rotated viewer to be closed' });
		expect(other.closeCodes[0]).toBe(CLOSE_CODES.revoked);
		other.provider.destroy();
		const old = join(board.id, board.viewer.token, 'old secret');
		await waitFor(() => old.closeCodes.length > 0);
		expect(old.closeCodes[0]).toBe(CLOSE_CODES.unauthorized);
		old.provider.destroy();
		const renewed = join(board.id, rotated.token, 'new secret');
		await waitFor(() => renewed.provider.synced, { what: 'the new secret to join' });
	});

	it('making a board private closes anonymous watchers; the owner stays', async () => {
		const board = await boardWith('public-edit');
		const anonymous = join(board.id, null, 'anon');
		const owner = join(board.id, board.owner, 'owner');
		await waitFor(() => anonymous.provider.synced && owner.provider.synced);
		await post(ACCESS_API.access(board.id), board.owner, { mode: 'private' });
		await waitFor(() => anonymous.closeCodes.length > 0);
		expect(anonymous.closeCodes[0]).toBe(CLOSE_CODES.revoked);
		anonymous.provider.destroy();
		addPin(owner.doc, { name: 'still editing', lat: 5, lng: 5 });
		const check = join(board.id, board.owner, 'check');
		await waitFor(() => readAll(check.doc, 'pins').length === 1);
		expect(owner.closeCodes).toEqual([]);
	});
});
