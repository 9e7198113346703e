/**
 * The alert desk: what watching one board together means, without sockets. A connection joins a
 * board (read access), then raises flash alerts (editor or owner), acknowledges them and pings
 * places (any reader). An alert is stored with its recipients — everyone else watching when it
 * was raised — so "seen by 4 of 6" means the same to every client and after a restart. Pings are
 * never stored.
 *
 * Every request is checked in one order: the connection has joined and still holds the role (a
 * revoked link stops it at once), the payload is valid, then the limits — the connection's, the
 * caller's and the board's (control-limits.ts) — so a rejected payload costs nothing. The desk
 * answers what happened; the socket.io adapter (transport/board-channel.ts) delivers it.
 */
import type { z } from 'zod';
import { newId } from '../../src/lib/model/ids';
import { parseOrThrow } from '../../src/lib/model/validation-error';
import type { Role } from '../../src/lib/protocol/access';
import {
	acknowledgeAlertRequest,
	ALERT_LIMITS,
	joinBoardRequest,
	listAlertsRequest,
	pingRequest,
	raiseAlertRequest,
	type Alert,
	type AlertSeen,
	type JoinedBoard,
	type Ping,
	type WatcherRef
} from '../../src/lib/protocol/alerts';
import { ERROR_CODES } from '../../src/lib/protocol/errors';
import type { BoardAccess } from '../auth/board-access';
import { callerOf, type ConnectionBuckets, type ControlAction, type ControlLimits } from '../control/control-limits';
import { ControlError, NotFound } from '../control/refusals';
import type { AlertStorage } from '../storage/storage';
import { requireLinks, type BoardReader } from './alert-links';
import { WatcherRoster, type Watch } from './watcher-roster';

export interface AlertDeskDeps {
	access: BoardAccess;
	alerts: AlertStorage;
	/** Where a linked pin or report is looked up (the live board). */
	boards: BoardReader;
	limits: ControlLimits;
	now?: () => number;
	/**
	 * Everyone watching a board on every node (cluster mode: socket.io's adapter asks them all).
	 * Default: this desk's own roster, which is everyone on one server.
	 */
	watchersOf?: (boardId: string) => Promise<WatcherRef[]>;
}

/** A connection as the desk knows it: the secret it presented and the address it calls from. */
export interface DeskConnection {
	id: string;
	secret: string | null;
	address: string;
}

interface Seat extends DeskConnection {
	buckets: ConnectionBuckets;
}

export class AlertDesk {
	private readonly seats = new Map<string, Seat>();
	private readonly roster = new WatcherRoster();
	private readonly now: () => number;

	constructor(private readonly deps: AlertDeskDeps) {
		this.now = deps.now ?? Date.now;
	}

	connect(connection: DeskConnection): void {
		this.seats.set(connection.id, { ...connection, buckets: this.deps.limits.connectionBuckets() });
	}

	/** Forgets a connection; answers the board it watched, if any. */
	disconnect(id: string): string | null {
		this.seats.delete(id);
		return this.roster.leave(id);
	}

	/** Makes the connection a watcher of a board; answers the board it left for it, if any. */
	async join(id: string, request: unknown): Promise<{ boardId: string; left: string | null; joined: JoinedBoard; watcher: WatcherRef }> {
		const seat = this.seat(id);
		const { boardId, watcher, colour } = parseOrThrow(joinBoardRequest, request, 'join');
		this.deps.limits.takeForConnection('reads', seat.buckets);
		const grant = await this.deps.access.require(boardId, seat.secret, 'viewer');
		this.deps.limits.takeShared('reads', callerOf(grant.tokenId, seat.address), boardId);
		// A connection that went while its access was checked must not linger as a recipient.
		if (this.seats.get(id) !== seat) throw new ControlError(ERROR_CODES.notJoined, 'the connection closed while joining');
		const left = this.roster.watch(id, { boardId, watcher, colour: colour ?? null });
		const alerts = await this.deps.alerts.listAlerts(boardId, { limit: ALERT_LIMITS.listLength });
		return { boardId, left: left === boardId ? null : left, joined: { role: grant.role, alerts }, watcher };
	}

	/** Stores a new alert with its recipients and answers it (to be sent to the board's other watchers). */
	async raise(id: string, request: unknown): Promise<Alert> {
		const { watch, input } = await this.admit(id, 'editor', request, raiseAlertRequest, 'alert', 'alerts');
		// After the limits: looking a link up may load the board, so probing links costs an alert.
		await requireLinks(this.deps.boards, watch.boardId, input);
		const alert: Alert = {
			id: newId('alert'),
			boardId: watch.boardId,
			priority: input.priority,
			text: input.text,
			place: input.place ?? null,
			reportId: input.reportId ?? null,
			raisedAt: this.now(),
			raisedBy: watch.watcher,
			recipients: (await this.watchersOf(watch.boardId)).filter((watcher) => watcher.id !== watch.watcher.id).map((watcher) => ({ ...watcher, seenAt: null }))
		};
		await this.deps.alerts.addAlert(alert);
		return alert;
	}

	/** Counts a recipient's receipt once; `seen` (for every watcher of the board) only when it counted. */
	async acknowledge(id: string, request: unknown): Promise<{ boardId: string; counted: boolean; seen: AlertSeen | null }> {
		const { watch, input } = await this.admit(id, 'viewer', request, acknowledgeAlertRequest, 'acknowledgement', 'acks');
		const { alertId } = input;
		if (!(await this.deps.alerts.getAlert(watch.boardId, alertId))) throw new NotFound(`no alert "${alertId}" on this board`);
		const at = this.now();
		const counted = await this.deps.alerts.markAlertSeen(watch.boardId, alertId, watch.watcher.id, at);
		return { boardId: watch.boardId, counted, seen: counted ? { alertId, watcher: watch.watcher, at } : null };
	}

	async list(id: string, request: unknown): Promise<Alert[]> {
		const { watch, input } = await this.admit(id, 'viewer', request, listAlertsRequest, 'list', 'reads');
		return this.deps.alerts.listAlerts(watch.boardId, { until: input.until, limit: input.limit ?? ALERT_LIMITS.listLength });
	}

	/** A ping for the board's other watchers; never stored. */
	async ping(id: string, request: unknown): Promise<{ boardId: string; ping: Ping }> {
		const { watch, input } = await this.admit(id, 'viewer', request, pingRequest, 'ping', 'pings');
		return { boardId: watch.boardId, ping: { lat: input.lat, lng: input.lng, from: { ...watch.watcher, colour: watch.colour }, at: this.now() } };
	}

	/**
	 * After a board's access changed (a token revoked, the board made private): re-checks its
	 * watchers and stops those that lost read access, calling `lost` for each.
	 */
	async recheck(boardId: string, lost: (id: string) => void): Promise<void> {
		await Promise.all(
			this.roster.connectionsOn(boardId).map(async ([id, watch]) => {
				const seat = this.seats.get(id);
				const grant = seat ? await this.deps.access.grant(boardId, seat.secret) : null;
				if (grant || this.roster.of(id) !== watch) return;
				this.roster.leave(id);
				lost(id);
			})
		);
	}

	/** Each watcher once (a page that reconnected to another node may show up on two for a moment). */
	private async watchersOf(boardId: string): Promise<WatcherRef[]> {
		if (!this.deps.watchersOf) return this.roster.watchersOf(boardId);
		const unique = new Map<string, WatcherRef>();
		for (const watcher of await this.deps.watchersOf(boardId)) unique.set(watcher.id, watcher);
		return [...unique.values()];
	}

	close(): void {
		this.seats.clear();
		this.roster.clear();
	}

	private seat(id: string): Seat {
		const seat = this.seats.get(id);
		if (!seat) throw new ControlError(ERROR_CODES.internal, `connection ${id} is not at the desk`);
		return seat;
	}

	/** The board this connection watches, its role checked now, the payload parsed and the limits taken. */
	private async admit<S extends z.ZodType>(id: string, needed: Role, request: unknown, schema: S, what: string, action: ControlAction) {
		const seat = this.seat(id);
		const watch: Watch | undefined = this.roster.of(id);
		if (!watch) throw new ControlError(ERROR_CODES.notJoined, 'join a board first (board:join)');
		const grant = await this.deps.access.require(watch.boardId, seat.secret, needed);
		const input = parseOrThrow(schema, request, what);
		this.deps.limits.takeForConnection(action, seat.buckets);
		this.deps.limits.takeShared(action, callerOf(grant.tokenId, seat.address), watch.boardId);
		return { watch, input };
	}
}
