/**
 * Watching one board on the control plane: a connection joins a board (read access needed), then
 * raises flash alerts (editor or owner), acknowledges them and pings places (any reader). Alerts
 * are stored with their recipients — everyone else watching when it was raised — so "seen by 4
 * of 6" means the same to every client and after a restart. Pings are never stored.
 *
 * Roles are checked on every event, not only at join: a revoked token or a board made private
 * stops a connection at once (and the access listener below drops it from the board).
 */
import type { Server } from 'socket.io';
import type { z } from 'zod';
import { newId } from '../../src/lib/model/ids';
import { readRecord } from '../../src/lib/model/records';
import { parseOrThrow } from '../../src/lib/model/validation-error';
import {
	acknowledgeAlertRequest,
	ALERT_LIMITS,
	CONTROL_RATES,
	joinBoardRequest,
	listAlertsRequest,
	pingRequest,
	raiseAlertRequest,
	type Alert,
	type RaiseAlertRequest,
	type WatcherRef
} from '../../src/lib/protocol/alerts';
import type { ClientToServerEvents, ServerToClientEvents } from '../../src/lib/protocol/control-events';
import { ERROR_CODES } from '../../src/lib/protocol/errors';
import type { Role } from '../../src/lib/protocol/access';
import type { BoardAccess } from '../auth/board-access';
import { TokenBucket } from '../auth/rate-limit';
import type { BoardDirectory } from '../boards/board-directory';
import type { Logger } from '../logger';
import type { AlertStorage } from '../storage/storage';
import { ControlError, handle, NotFound, type ControlSocket } from './control-handler';

interface Watch {
	boardId: string;
	watcher: WatcherRef;
	colour: string | null;
}

interface ChannelDeps {
	access: BoardAccess;
	alerts: AlertStorage;
	/** Where a linked pin or report is looked up (the live board). */
	directory: BoardDirectory;
	logger: Logger;
	now?: () => number;
}

const roomOf = (boardId: string) => `board:${boardId}`;

/** One rate per connection, named for the refusal message ("too many pings ..."). */
interface RateLimit {
	bucket: TokenBucket;
	what: string;
}
const rateLimit = (rate: { burst: number; perSecond: number }, what: string): RateLimit => ({ bucket: new TokenBucket(rate.perSecond, rate.burst), what });

export function createBoardChannel(io: Server<ClientToServerEvents, ServerToClientEvents>, deps: ChannelDeps) {
	const { access, alerts, directory, logger } = deps;
	const now = deps.now ?? Date.now;
	/** What each connection watches, with the secret it presented (to re-check on access changes). */
	const watches = new Map<ControlSocket, Watch & { secret: string | null }>();

	/** Everyone watching a board, once each (a watcher id is one open page, kept across reconnects). */
	function watchersOf(boardId: string): WatcherRef[] {
		const seen = new Map<string, WatcherRef>();
		for (const watch of watches.values()) if (watch.boardId === boardId) seen.set(watch.watcher.id, watch.watcher);
		return [...seen.values()];
	}

	function leave(socket: ControlSocket): void {
		const watch = watches.get(socket);
		if (watch) void socket.leave(roomOf(watch.boardId));
		watches.delete(socket);
	}

	// A revoked token or a board made private: connections that lost read access stop watching.
	const stopAccess = access.onChange((change) => {
		for (const [socket, watch] of watches) {
			if (watch.boardId !== change.boardId) continue;
			access.grant(watch.boardId, watch.secret).then(
				(grant) => {
					if (grant || watches.get(socket) !== watch) return;
					leave(socket);
					socket.emit('notice', { level: 'warning', code: ERROR_CODES.unauthorized, message: 'you no longer have access to this board' });
				},
				(error: Error) => logger.warn(`re-checking ${socket.id} on ${watch.boardId}: ${error.message}`)
			);
		}
	});

	/**
	 * An alert's linked pin and report must be on the board when it is raised: a link that leads
	 * nowhere would send every recipient looking for nothing. (A pin drawn a moment ago is on the
	 * board as soon as its update has reached the server; the sender can raise again.)
	 */
	async function requireLinks(boardId: string, input: Pick<RaiseAlertRequest, 'place' | 'reportId'>): Promise<void> {
		const pinId = input.place?.type === 'pin' ? input.place.pinId : undefined;
		const reportId = input.reportId;
		if (pinId === undefined && reportId === undefined) return;
		let missing: NotFound | null = null;
		await directory.withRoom(boardId, ({ doc }) => {
			if (pinId !== undefined && !readRecord(doc, 'pins', pinId)) missing = new NotFound(`no pin "${pinId}" on this board`, 'place.pinId');
			else if (reportId !== undefined && !readRecord(doc, 'reports', reportId)) missing = new NotFound(`no report "${reportId}" on this board`, 'reportId');
		});
		if (missing) throw missing;
	}

	function register(socket: ControlSocket, secret: string | null): void {
		const limits = {
			alerts: rateLimit(CONTROL_RATES.alerts, 'alerts'),
			pings: rateLimit(CONTROL_RATES.pings, 'pings'),
			acks: rateLimit(CONTROL_RATES.acks, 'acknowledgements'),
			reads: rateLimit(CONTROL_RATES.reads, 'joins and lists')
		};

		/** The board this connection watches, with the caller's role checked now. */
		async function joined(needed: Role): Promise<Watch> {
			const watch = watches.get(socket);
			if (!watch) throw new ControlError(ERROR_CODES.notJoined, 'join a board first (board:join)');
			await access.require(watch.boardId, secret, needed);
			return watch;
		}

		function take(limit: RateLimit): void {
			if (!limit.bucket.take()) throw new ControlError(ERROR_CODES.rateLimited, `too many ${limit.what} from this connection; wait a few seconds`);
		}

		/**
		 * The checks every event on a joined board makes, in this order: the connection has joined
		 * and still holds `needed` (a revoked link stops it at once), the payload is valid, and the
		 * rate allows it (so a rejected payload costs no token).
		 */
		async function admit<S extends z.ZodType>(needed: Role, request: unknown, schema: S, what: string, limit: RateLimit) {
			const watch = await joined(needed);
			const input = parseOrThrow(schema, request, what);
			take(limit);
			return { watch, input };
		}

		socket.on(
			'board:join',
			handle(socket, logger, async (request: unknown) => {
				const { boardId, watcher, colour } = parseOrThrow(joinBoardRequest, request, 'join');
				take(limits.reads);
				const grant = await access.require(boardId, secret, 'viewer');
				leave(socket);
				watches.set(socket, { boardId, watcher, colour: colour ?? null, secret });
				await socket.join(roomOf(boardId));
				return { role: grant.role, alerts: await alerts.listAlerts(boardId, { limit: ALERT_LIMITS.listLength }) };
			})
		);

		socket.on(
			'alert:raise',
			handle(socket, logger, async (request: unknown) => {
				const { watch, input } = await admit('editor', request, raiseAlertRequest, 'alert', limits.alerts);
				// After the rate limit: looking a link up may load the board, so probing links costs a token.
				await requireLinks(watch.boardId, input);
				const alert: Alert = {
					id: newId('alert'),
					boardId: watch.boardId,
					priority: input.priority,
					text: input.text,
					place: input.place ?? null,
					reportId: input.reportId ?? null,
					raisedAt: now(),
					raisedBy: watch.watcher,
					recipients: watchersOf(watch.boardId)
						.filter((watcher) => watcher.id !== watch.watcher.id)
						.map((watcher) => ({ ...watcher, seenAt: null }))
				};
				await alerts.addAlert(alert);
				socket.to(roomOf(watch.boardId)).emit('alert:raised', alert);
				return alert;
			})
		);

		socket.on(
			'alert:ack',
			handle(socket, logger, async (request: unknown) => {
				const { watch, input } = await admit('viewer', request, acknowledgeAlertRequest, 'acknowledgement', limits.acks);
				const { alertId } = input;
				if (!(await alerts.getAlert(watch.boardId, alertId))) throw new NotFound(`no alert "${alertId}" on this board`);
				const at = now();
				const counted = await alerts.markAlertSeen(watch.boardId, alertId, watch.watcher.id, at);
				if (counted) io.to(roomOf(watch.boardId)).emit('alert:seen', { alertId, watcher: watch.watcher, at });
				return { counted };
			})
		);

		socket.on(
			'alerts:list',
			handle(socket, logger, async (request: unknown) => {
				const { watch, input } = await admit('viewer', request, listAlertsRequest, 'list', limits.reads);
				return alerts.listAlerts(watch.boardId, { until: input.until, limit: input.limit ?? ALERT_LIMITS.listLength });
			})
		);

		socket.on(
			'ping',
			handle(socket, logger, async (request: unknown) => {
				const { watch, input } = await admit('viewer', request, pingRequest, 'ping', limits.pings);
				socket.to(roomOf(watch.boardId)).emit('ping', { lat: input.lat, lng: input.lng, from: { ...watch.watcher, colour: watch.colour }, at: now() });
				return null;
			})
		);

		socket.on('disconnect', () => leave(socket));
	}

	return {
		register,
		close(): void {
			stopAccess();
			watches.clear();
		}
	};
}
