/**
 * The alert desk without sockets: real SQLite storage on a temporary file, real access checks,
 * boards as real Y.Docs, and a clock the test moves. Connections are plain ids, as the socket.io
 * adapter hands them over.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addPin } from '../../src/lib/model/pin-operations';
import { postReport } from '../../src/lib/model/report-operations';
import { CONTROL_RATES } from '../../src/lib/protocol/alerts';
import { AlertDesk } from '../../server/alerts/alert-desk';
import { BoardAccess } from '../../server/auth/board-access';
import { DEFAULT_CONFIG } from '../../server/config';
import { ControlLimits } from '../../server/control/control-limits';
import { openSqliteStorage } from '../../server/storage/sqlite-storage';
import type { ServerStorage } from '../../server/storage/storage';
import { tempDataDir } from '../helpers/server-process';

let storage: ServerStorage;
let access: BoardAccess;
let clock: number;
let desk: AlertDesk;
const docs = new Map<string, Y.Doc>();

beforeEach(async () => {
	storage = openSqliteStorage(tempDataDir('desk'));
	access = new BoardAccess(storage, DEFAULT_CONFIG);
	clock = 0;
	desk = new AlertDesk({
		access,
		alerts: storage,
		boards: async (boardId, read) => read(docs.get(boardId) ?? new Y.Doc()),
		limits: new ControlLimits(DEFAULT_CONFIG, () => clock),
		now: () => 1_700_000_000_000 + clock
	});
	for (const id of ['izyum', 'lyman']) {
		await storage.createBoard({ id, title: id, at: 0 });
		await access.adopt(id);
		docs.set(id, new Y.Doc());
	}
});
afterEach(async () => {
	desk.close();
	await storage.close();
});

let connections = 0;
/** A connection at the desk, joined to `boardId` as a watcher named `name`. */
async function watcher(boardId: string, name: string, options: { secret?: string; address?: string; watcherId?: string } = {}) {
	const id = `conn-${++connections}`;
	desk.connect({ id, secret: options.secret ?? null, address: options.address ?? `10.0.0.${connections}` });
	const watcherId = options.watcherId ?? `watcher-${name.toLowerCase().replace(/\W+/g, '-')}-${connections}`;
	const { joined } = await desk.join(id, { boardId, watcher: { id: watcherId, name } });
	return { id, watcherId, joined };
}

const raise = (id: string, text = 'Bridge down', extra: object = {}) => desk.raise(id, { priority: 'flash', text, ...extra });

describe('alert desk', () => {
	it('an alert is for everyone else watching its board, once per watcher, whatever their connections', async () => {
		const olena = await watcher('izyum', 'Olena');
		const taras = await watcher('izyum', 'Taras');
		await watcher('izyum', 'Taras again', { watcherId: taras.watcherId }); // a second tab of the same page id
		await watcher('lyman', 'Elsewhere');
		const alert = await raise(olena.id);
		expect(alert).toMatchObject({ boardId: 'izyum', raisedBy: { id: olena.watcherId, name: 'Olena' }, raisedAt: 1_700_000_000_000 });
		expect(alert.recipients.map((recipient) => recipient.id)).toEqual([taras.watcherId]);
		expect(await storage.getAlert('izyum', alert.id)).toEqual(alert);
	});

	it('a second join moves the connection; a disconnect stops it being a recipient', async () => {
		const sender = await watcher('izyum', 'Sender');
		const mover = await watcher('izyum', 'Mover');
		expect((await desk.join(mover.id, { boardId: 'lyman', watcher: { id: mover.watcherId, name: 'Mover' } })).left).toBe('izyum');
		expect((await raise(sender.id)).recipients).toEqual([]);
		const leaver = await watcher('izyum', 'Leaver');
		expect(desk.disconnect(leaver.id)).toBe('izyum');
		expect((await raise(sender.id, 'again')).recipients).toEqual([]);
	});

	it('receipts count once per recipient; a stranger and an unknown alert are told so', async () => {
		const sender = await watcher('izyum', 'Sender');
		const seer = await watcher('izyum', 'Seer');
		const alert = await raise(sender.id);
		const late = await watcher('izyum', 'Late');
		const first = await desk.acknowledge(seer.id, { alertId: alert.id });
		expect(first).toEqual({ boardId: 'izyum', counted: true, seen: { alertId: alert.id, watcher: { id: seer.watcherId, name: 'Seer' }, at: expect.any(Number) } });
		expect(await desk.acknowledge(seer.id, { alertId: alert.id })).toMatchObject({ counted: false, seen: null });
		expect(await desk.acknowledge(late.id, { alertId: alert.id })).toMatchObject({ counted: false, seen: null });
		await expect(desk.acknowledge(seer.id, { alertId: 'alert-nope' })).rejects.toMatchObject({ field: 'id', message: 'no alert "alert-nope" on this board' });
		expect((await desk.list(late.id, {}))[0]?.recipients).toEqual([{ id: seer.watcherId, name: 'Seer', seenAt: expect.any(Number) }]);
	});

	it('a linked pin or report must be on the board; nothing is stored otherwise', async () => {
		addPin(docs.get('izyum')!, { id: 'pin-kupiansk', name: 'Kupiansk', lat: 49.71, lng: 37.61 });
		postReport(docs.get('lyman')!, { id: 'report-elsewhere', text: 'On another board', eventTime: 1_662_000_000_000 });
		const sender = await watcher('izyum', 'Sender');
		const onPin = (pinId: string) => ({ type: 'pin', pinId, lat: 49.71, lng: 37.61 });
		await expect(raise(sender.id, 'x', { place: onPin('pin-nowhere') })).rejects.toMatchObject({ field: 'place.pinId', message: 'no pin "pin-nowhere" on this board' });
		await expect(raise(sender.id, 'x', { reportId: 'report-elsewhere' })).rejects.toMatchObject({ field: 'reportId' });
		expect(await desk.list(sender.id, {})).toEqual([]);
		expect(await raise(sender.id, 'x', { place: onPin('pin-kupiansk') })).toMatchObject({ place: { pinId: 'pin-kupiansk' } });
	});

	it('roles are checked on every request: a viewer pings and acknowledges but cannot raise; nothing before a join', async () => {
		const viewer = await access.createToken('izyum', 'viewer');
		const reader = await watcher('izyum', 'Reader', { secret: viewer.token });
		expect(reader.joined.role).toBe('viewer');
		await expect(raise(reader.id)).rejects.toMatchObject({ status: 403 });
		expect(await desk.ping(reader.id, { lat: 48, lng: 37 })).toMatchObject({ boardId: 'izyum', ping: { lat: 48, lng: 37, from: { name: 'Reader', colour: null } } });
		desk.connect({ id: 'loose', secret: null, address: '10.9.9.9' });
		await expect(raise('loose')).rejects.toMatchObject({ code: 'not_joined' });
	});

	it('a revoked token stops its watcher at the next re-check', async () => {
		const editor = await access.createToken('izyum', 'editor');
		const watching = await watcher('izyum', 'Editor', { secret: editor.token });
		const anonymous = await watcher('izyum', 'Anonymous');
		await access.revokeToken('izyum', editor.id);
		const lost: string[] = [];
		await desk.recheck('izyum', (id) => lost.push(id));
		expect(lost).toEqual([watching.id]);
		await expect(raise(watching.id)).rejects.toMatchObject({ code: 'not_joined' });
		expect((await raise(anonymous.id)).recipients).toEqual([]);
	});
});

describe('alert desk limits', () => {
	it('50 connections on one token raise no more than the token allowance, then one a refill later', async () => {
		const editor = await access.createToken('izyum', 'editor');
		const sockets = await Promise.all(Array.from({ length: 50 }, (_, n) => watcher('izyum', `Bot ${n}`, { secret: editor.token })));
		const outcomes = await Promise.allSettled(sockets.map((socket) => raise(socket.id)));
		expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(DEFAULT_CONFIG.alertsBurst);
		const refused = outcomes.find((outcome) => outcome.status === 'rejected');
		expect(refused).toMatchObject({ reason: { code: 'rate_limited', message: expect.stringMatching(/^too many alerts from this token/) } });
		clock += 60_000 / DEFAULT_CONFIG.alertsPerMinute;
		await raise(sockets[0]!.id, 'after a refill');
		await expect(raise(sockets[1]!.id)).rejects.toMatchObject({ code: 'rate_limited' });
	});

	it('anonymous callers are counted per address; another address has its own allowance', async () => {
		const same = await Promise.all(Array.from({ length: 20 }, (_, n) => watcher('izyum', `Anon ${n}`, { address: '192.0.2.7' })));
		const pings = await Promise.allSettled(same.map((socket) => desk.ping(socket.id, { lat: 1, lng: 1 })));
		expect(pings.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(DEFAULT_CONFIG.pingsBurst);
		expect(pings.find((outcome) => outcome.status === 'rejected')).toMatchObject({ reason: { message: expect.stringMatching(/^too many pings from this address/) } });
		const other = await watcher('izyum', 'Other', { address: '192.0.2.8' });
		expect((await desk.ping(other.id, { lat: 1, lng: 1 })).ping.from.name).toBe('Other');
	});

	it('a board carries at most its own allowance, however many callers raise', async () => {
		const callers = await Promise.all(Array.from({ length: 30 }, (_, n) => watcher('lyman', `Caller ${n}`)));
		const outcomes = await Promise.allSettled(callers.map((caller) => raise(caller.id)));
		expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(DEFAULT_CONFIG.boardAlertsBurst);
		expect(outcomes.find((outcome) => outcome.status === 'rejected')).toMatchObject({ reason: { message: expect.stringMatching(/^too many alerts on this board/) } });
		// Another board is untouched.
		expect((await raise((await watcher('izyum', 'Calm')).id)).boardId).toBe('izyum');
	});

	it('one connection keeps its own, smaller burst; a refused payload costs nothing', async () => {
		const noisy = await watcher('izyum', 'Noisy');
		for (let n = 0; n < 3; n++) await expect(desk.raise(noisy.id, { priority: 'urgent', text: 'x' })).rejects.toMatchObject({ field: 'priority' });
		for (let n = 0; n < CONTROL_RATES.alerts.burst; n++) await raise(noisy.id, `alert ${n}`);
		await expect(raise(noisy.id)).rejects.toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/from this connection/) });
	});
});
