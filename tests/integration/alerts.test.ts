/**
 * Flash alerts and pings on the control plane, against the real server over real socket.io
 * clients: delivery to exactly one board's watchers, receipts back to the sender with who,
 * roles, bad payloads, rate limits, and alerts kept across a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_API, type CreatedBoard, type CreatedToken } from '../../src/lib/protocol/access';
import { ALERT_LIMITS, CONTROL_RATES, type Alert, type AlertSeen, type JoinedBoard, type Ping } from '../../src/lib/protocol/alerts';
import { useControlClients, type ControlClient } from '../helpers/control-client';
import { RECORDS_API } from '../../src/lib/protocol/endpoints';
import { createBoard, postJson } from '../helpers/http';
import { startServer, type ServerProcess } from '../helpers/server-process';
import { waitFor } from '../helpers/wait-for';

interface Watcher {
	client: ControlClient;
	name: string;
	id: string;
	alerts: Alert[];
	seen: AlertSeen[];
	pings: Ping[];
}

/**
 * Every anonymous client here calls from 127.0.0.1, one address: the per-caller allowances would
 * count this whole file as one caller, so they are raised out of the way; per-connection limits
 * stay as shipped. Limits across connections have their own file (control-limits.test.ts).
 */
const ONE_ADDRESS_FOR_ALL: Record<string, string> = { ALERTS_BURST: '1000', PINGS_BURST: '1000' };

let server: ServerProcess;
beforeAll(async () => {
	server = await startServer({ env: ONE_ADDRESS_FOR_ALL });
});
afterAll(async () => {
	await server?.stop();
});
const controlClients = useControlClients();

let counter = 0;
async function watch(boardId: string, name: string, token?: string, url = server.url): Promise<Watcher & { joined: JoinedBoard }> {
	const { client } = await controlClients.connect(url, token);
	const watcher: Watcher = { client, name, id: `watcher-${++counter}-${name}`, alerts: [], seen: [], pings: [] };
	client.on('alert:raised', (alert) => watcher.alerts.push(alert));
	client.on('alert:seen', (seen) => watcher.seen.push(seen));
	client.on('ping', (ping) => watcher.pings.push(ping));
	const reply = await client.emitWithAck('board:join', { boardId, watcher: { id: watcher.id, name } });
	if (!reply.ok) throw new Error(`join failed: ${reply.error.message}`);
	return { ...watcher, joined: reply.value };
}

/** Puts a pin or report on a board through the records API, so an alert can link it. */
async function putOnBoard(url: string, boardId: string, collection: 'pins' | 'reports', record: object): Promise<void> {
	const { status, body } = await postJson(`${url}${RECORDS_API.list(boardId, collection)}`, record);
	if (status !== 201) throw new Error(`adding to ${collection} failed: ${status} ${JSON.stringify(body)}`);
}

const raise = (watcher: Watcher, text: string, extra: object = {}) =>
	watcher.client.emitWithAck('alert:raise', { priority: 'flash', text, ...extra });
const emitRaw = (client: ControlClient) => client.emitWithAck.bind(client) as (event: string, ...args: unknown[]) => Promise<any>;

describe('flash alerts', () => {
	it('an alert reaches every other watcher of that board and no watcher of another board', async () => {
		const board = await createBoard(server.url, 'Izyum axis');
		const other = await createBoard(server.url, 'Kherson pocket');
		const olena = await watch(board.id, 'Olena');
		const taras = await watch(board.id, 'Taras');
		const mykola = await watch(board.id, 'Mykola');
		const elsewhere = await watch(other.id, 'Elsewhere');
		await putOnBoard(server.url, board.id, 'reports', { id: 'report-7', text: 'Bridge at Kupiansk blown' });

		const reply = await raise(olena, 'Bridge at Kupiansk down', { place: { type: 'point', lat: 49.71, lng: 37.61 }, reportId: 'report-7' });
		expect(reply.ok).toBe(true);
		const sent = (reply as { value: Alert }).value;
		expect(sent).toMatchObject({ boardId: board.id, priority: 'flash', text: 'Bridge at Kupiansk down', raisedBy: { id: olena.id, name: 'Olena' } });
		expect(sent.recipients.map((recipient) => recipient.name).sort()).toEqual(['Mykola', 'Taras']);

		await waitFor(() => taras.alerts.length === 1 && mykola.alerts.length === 1, { what: 'the alert at both watchers' });
		expect(taras.alerts[0]).toEqual(sent);
		expect(mykola.alerts[0]?.place).toEqual({ type: 'point', lat: 49.71, lng: 37.61 });
		expect(olena.alerts).toEqual([]);
		// The other board hears nothing: a ping on it afterwards arrives, so the alert would have too.
		await (await watch(other.id, 'Pinger')).client.emitWithAck('ping', { lat: 46.6, lng: 32.6 });
		await waitFor(() => elsewhere.pings.length === 1, { what: 'the ping on the other board' });
		expect(elsewhere.alerts).toEqual([]);
	});

	it('receipts come back to the sender with who saw it, each counted once; a stranger does not count', async () => {
		const board = await createBoard(server.url, 'Lyman');
		const sender = await watch(board.id, 'Sender');
		const first = await watch(board.id, 'First');
		const second = await watch(board.id, 'Second');
		const sent = ((await raise(sender, 'Look at Lyman')) as { value: Alert }).value;
		expect(sent.recipients).toHaveLength(2);
		const late = await watch(board.id, 'Late');

		expect(await first.client.emitWithAck('alert:ack', { alertId: sent.id })).toEqual({ ok: true, value: { counted: true } });
		await waitFor(() => sender.seen.length === 1, { what: 'the first receipt' });
		expect(sender.seen[0]).toMatchObject({ alertId: sent.id, watcher: { id: first.id, name: 'First' } });
		expect(await first.client.emitWithAck('alert:ack', { alertId: sent.id })).toEqual({ ok: true, value: { counted: false } });
		expect(await late.client.emitWithAck('alert:ack', { alertId: sent.id })).toEqual({ ok: true, value: { counted: false } });
		await second.client.emitWithAck('alert:ack', { alertId: sent.id });
		await waitFor(() => sender.seen.length === 2, { what: 'the second receipt' });
		expect(sender.seen.map((seen) => seen.watcher.name)).toEqual(['First', 'Second']);

		const listed = await sender.client.emitWithAck('alerts:list', {});
		expect(listed.ok && listed.value[0]?.recipients.map((recipient) => [recipient.name, recipient.seenAt !== null])).toEqual([
			['First', true],
			['Second', true]
		]);
		expect(await first.client.emitWithAck('alert:ack', { alertId: 'alert-nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
	});

	it('a viewer cannot raise an alert (named error) but acknowledges and pings', async () => {
		const created = (await (await fetch(`${server.url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Roles' }) })).json()) as CreatedBoard;
		const viewerToken = (await (
			await fetch(`${server.url}${ACCESS_API.tokens(created.id)}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', authorization: `Bearer ${created.ownerToken.token}` },
				body: JSON.stringify({ role: 'viewer' })
			})
		).json()) as CreatedToken;
		const owner = await watch(created.id, 'Owner', created.ownerToken.token);
		const viewer = await watch(created.id, 'Viewer', viewerToken.token);
		expect(viewer.joined.role).toBe('viewer');

		expect(await raise(viewer, 'I should not')).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/editor/) } });
		expect(await owner.client.emitWithAck('alerts:list', {})).toEqual({ ok: true, value: [] });

		const sent = ((await raise(owner, 'Owner speaks')) as { value: Alert }).value;
		expect(await viewer.client.emitWithAck('alert:ack', { alertId: sent.id })).toEqual({ ok: true, value: { counted: true } });
		expect(await viewer.client.emitWithAck('ping', { lat: 48, lng: 37 })).toEqual({ ok: true, value: null });
		await waitFor(() => owner.pings.length === 1, { what: 'the viewer’s ping' });
		expect(owner.pings[0]).toMatchObject({ lat: 48, lng: 37, from: { name: 'Viewer' } });
	});

	it('a revoked token stops its connection watching: a notice, then no alerts either way', async () => {
		const created = (await (await fetch(`${server.url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Revoke' }) })).json()) as CreatedBoard;
		const owner = created.ownerToken.token;
		await fetch(`${server.url}${ACCESS_API.access(created.id)}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: `Bearer ${owner}` },
			body: JSON.stringify({ mode: 'private' })
		});
		const editorToken = (await (
			await fetch(`${server.url}${ACCESS_API.tokens(created.id)}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', authorization: `Bearer ${owner}` },
				body: JSON.stringify({ role: 'editor' })
			})
		).json()) as CreatedToken;
		const sender = await watch(created.id, 'Owner', owner);
		const editor = await watch(created.id, 'Editor', editorToken.token);
		const notices: { code?: string }[] = [];
		editor.client.on('notice', (notice) => notices.push(notice));

		await fetch(`${server.url}${ACCESS_API.token(created.id, editorToken.id)}`, { method: 'DELETE', headers: { authorization: `Bearer ${owner}` } });
		await waitFor(() => notices.length > 0, { what: 'the revocation notice' });
		expect(notices[0]).toMatchObject({ code: 'unauthorized' });
		expect(await raise(editor, 'still here?')).toMatchObject({ ok: false, error: { code: 'not_joined' } });
		const sent = ((await raise(sender, 'after the revocation')) as { value: Alert }).value;
		expect(sent.recipients).toEqual([]);
	});

	it('a private board refuses a join without a token, and nothing is sent before joining', async () => {
		const created = (await (await fetch(`${server.url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Closed' }) })).json()) as CreatedBoard;
		await fetch(`${server.url}${ACCESS_API.access(created.id)}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: `Bearer ${created.ownerToken.token}` },
			body: JSON.stringify({ mode: 'private' })
		});
		await expect(watch(created.id, 'Outsider')).rejects.toThrow(/private/);
		await expect(watch('no-such-board', 'Lost')).rejects.toThrow(/no such board/);
		await expect(watch('Not A Board Id!', 'Lost')).rejects.toThrow(/boardId/);
		const loose = controlClients.open(server.url);
		expect(await loose.emitWithAck('alert:raise', { priority: 'flash', text: 'hello' })).toMatchObject({ ok: false, error: { code: 'not_joined' } });
		expect(await loose.emitWithAck('ping', { lat: 1, lng: 1 })).toMatchObject({ ok: false, error: { code: 'not_joined' } });
	});

	it.each([
		['an unknown priority', { priority: 'urgent', text: 'x' }, 'priority'],
		['empty text', { priority: 'flash', text: '   ' }, 'text'],
		['text over the cap', { priority: 'flash', text: 'x'.repeat(ALERT_LIMITS.textLength + 1) }, 'text'],
		['a place off the globe', { priority: 'flash', text: 'x', place: { type: 'point', lat: 91, lng: 0 } }, 'place.lat'],
		['a place of unknown type', { priority: 'flash', text: 'x', place: { type: 'circle', lat: 1, lng: 1 } }, 'place.type'],
		['a bad report id', { priority: 'routine', text: 'x', reportId: 'no spaces allowed' }, 'reportId']
	])('a malformed alert (%s) gets an error naming the field and changes nothing', async (_what, payload, field) => {
		const board = await createBoard(server.url, 'Bad alerts');
		const sender = await watch(board.id, 'Sender');
		const receiver = await watch(board.id, 'Receiver');
		expect(await emitRaw(sender.client)('alert:raise', payload)).toMatchObject({ ok: false, error: { code: 'invalid', field } });
		expect(await sender.client.emitWithAck('alerts:list', {})).toEqual({ ok: true, value: [] });
		// The connection still works, and the bad alert was never delivered.
		expect((await raise(sender, 'a good one')).ok).toBe(true);
		await waitFor(() => receiver.alerts.length === 1, { what: 'the good alert' });
		expect(receiver.alerts.map((alert) => alert.text)).toEqual(['a good one']);
	});

	it('an alert linking a pin or report the board does not have is refused naming the link; one it has goes out', async () => {
		const board = await createBoard(server.url, 'Links');
		const other = await createBoard(server.url, 'Other links');
		await putOnBoard(server.url, board.id, 'pins', { id: 'pin-kupiansk', name: 'Kupiansk', lat: 49.71, lng: 37.61 });
		await putOnBoard(server.url, board.id, 'reports', { id: 'report-bridge', text: 'Bridge down' });
		await putOnBoard(server.url, other.id, 'reports', { id: 'report-elsewhere', text: 'On another board' });
		const sender = await watch(board.id, 'Sender');
		const receiver = await watch(board.id, 'Receiver');

		const onPin = (pinId: string) => ({ type: 'pin', pinId, lat: 49.71, lng: 37.61 });
		expect(await raise(sender, 'x', { place: onPin('pin-nowhere') })).toEqual({
			ok: false,
			error: { code: 'not_found', message: 'no pin "pin-nowhere" on this board', field: 'place.pinId' }
		});
		expect(await raise(sender, 'x', { reportId: 'report-elsewhere' })).toEqual({
			ok: false,
			error: { code: 'not_found', message: 'no report "report-elsewhere" on this board', field: 'reportId' }
		});
		expect(await raise(sender, 'x', { place: onPin('pin-kupiansk'), reportId: 'report-nowhere' })).toMatchObject({
			ok: false,
			error: { code: 'not_found', field: 'reportId' }
		});
		expect(await sender.client.emitWithAck('alerts:list', {})).toEqual({ ok: true, value: [] });

		const linked = await raise(sender, 'Kupiansk bridge', { place: onPin('pin-kupiansk'), reportId: 'report-bridge' });
		expect(linked).toMatchObject({ ok: true, value: { place: { pinId: 'pin-kupiansk' }, reportId: 'report-bridge' } });
		await waitFor(() => receiver.alerts.length === 1, { what: 'the linked alert' });
		expect(receiver.alerts.map((alert) => alert.text)).toEqual(['Kupiansk bridge']);
	});

	it('an alert payload that is not an object closes only that connection with a malformed notice', async () => {
		const board = await createBoard(server.url, 'Malformed');
		const sender = await watch(board.id, 'Sender');
		const notices: { code?: string }[] = [];
		sender.client.on('notice', (notice) => notices.push(notice));
		const closed = new Promise((resolve) => sender.client.once('disconnect', resolve));
		(sender.client.emit as (...args: unknown[]) => void)('alert:raise', 'flash!', () => {});
		await closed;
		expect(notices[0]).toMatchObject({ code: 'malformed' });
	});

	it('alerts past the burst are refused as rate limited; pings too', async () => {
		const board = await createBoard(server.url, 'Noisy');
		const noisy = await watch(board.id, 'Noisy');
		const replies = [];
		for (let n = 0; n <= CONTROL_RATES.alerts.burst; n++) replies.push(await raise(noisy, `alert ${n}`));
		expect(replies.slice(0, -1).every((reply) => reply.ok)).toBe(true);
		expect(replies.at(-1)).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
		const pings = [];
		for (let n = 0; n <= CONTROL_RATES.pings.burst; n++) pings.push(await noisy.client.emitWithAck('ping', { lat: 1, lng: 1 }));
		expect(pings.at(-1)).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
	});

	it('alerts and their receipts survive a restart and are listed newest first', async () => {
		const dataServer = await startServer({ env: ONE_ADDRESS_FOR_ALL });
		try {
			const board = await createBoard(dataServer.url, 'Kept');
			const sender = await watch(board.id, 'Sender', undefined, dataServer.url);
			const seer = await watch(board.id, 'Seer', undefined, dataServer.url);
			await putOnBoard(dataServer.url, board.id, 'pins', { id: 'pin-x', name: 'Kupiansk', lat: 49, lng: 37 });
			const first = ((await raise(sender, 'first', { priority: 'routine' })) as { value: Alert }).value;
			const second = ((await raise(sender, 'second', { place: { type: 'pin', pinId: 'pin-x', lat: 49, lng: 37 } })) as { value: Alert }).value;
			await seer.client.emitWithAck('alert:ack', { alertId: first.id });
			sender.client.disconnect();
			seer.client.disconnect();
			await dataServer.stop();

			const again = await startServer({ dataDir: dataServer.dataDir, env: ONE_ADDRESS_FOR_ALL });
			try {
				const returning = await watch(board.id, 'Returning', undefined, again.url);
				expect(returning.joined.alerts.map((alert) => alert.text)).toEqual(['second', 'first']);
				expect(returning.joined.alerts[0]).toEqual(second);
				expect(returning.joined.alerts[1]?.recipients).toEqual([{ id: seer.id, name: 'Seer', seenAt: expect.any(Number) }]);
				const upToFirst = await returning.client.emitWithAck('alerts:list', { until: first.raisedAt });
				expect(upToFirst.ok && upToFirst.value.every((alert) => alert.raisedAt <= first.raisedAt)).toBe(true);
			} finally {
				await again.stop();
			}
		} catch (error) {
			await dataServer.stop();
			throw error;
		}
	});
});

describe('pings', () => {
	it('a ping reaches the other watchers of the board with who sent it, not the sender', async () => {
		const board = await createBoard(server.url, 'Pings');
		const olena = await watch(board.id, 'Olena');
		const taras = await watch(board.id, 'Taras');
		expect(await olena.client.emitWithAck('ping', { lat: 49.2, lng: 37.3 })).toEqual({ ok: true, value: null });
		await waitFor(() => taras.pings.length === 1, { what: 'the ping' });
		expect(taras.pings[0]).toMatchObject({ lat: 49.2, lng: 37.3, from: { id: olena.id, name: 'Olena' } });
		expect(await emitRaw(olena.client)('ping', { lat: 'north', lng: 0 })).toMatchObject({ ok: false, error: { code: 'invalid', field: 'lat' } });
		expect(olena.pings).toEqual([]);
	});
});
