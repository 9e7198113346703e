/**
 * The control plane's rate limits, at three levels, so that opening more sockets buys nothing:
 * - per connection (CONTROL_RATES in src/lib/protocol/alerts.ts): one page in a loop;
 * - per caller — the token it presented, else its address (callerKey): one bot or host, however
 *   many connections it opens;
 * - per board, for what reaches every watcher (alerts, pings): everyone on the board together.
 * A refusal is `rate_limited` naming what and whose allowance ran out. Taken in that order, so a
 * caller spends its own allowance before the board's.
 */
import { CONTROL_RATES } from '../../src/lib/protocol/alerts';
import { ERROR_CODES } from '../../src/lib/protocol/errors';
import { KeyedRateLimit, TokenBucket } from '../auth/rate-limit';
import type { ServerConfig } from '../config';
import { callerKey } from '../http/client-address';
import { ControlError } from './refusals';

export type ControlAction = keyof typeof CONTROL_RATES;

/** How each action is named in a refusal ("too many pings from this token"). */
const NAMED: Record<ControlAction, string> = { alerts: 'alerts', pings: 'pings', acks: 'acknowledgements', reads: 'joins and lists' };

/**
 * Receipts and reads have no caller setting of their own: a caller gets the allowance of this
 * many connections (a watcher's few tabs, a team on one link), enough for people and not for a loop.
 */
const CONNECTIONS_PER_CALLER = 4;

export type ControlLimitConfig = Pick<
	ServerConfig,
	'alertsPerMinute' | 'alertsBurst' | 'boardAlertsPerMinute' | 'boardAlertsBurst' | 'pingsPerSecond' | 'pingsBurst' | 'boardPingsPerSecond' | 'boardPingsBurst'
>;

/** Who a limit counts a request against: its key, and how a refusal names it. */
export interface Caller {
	key: string;
	named: string;
}

/** The caller behind a grant: its token, or its address when it presented none (or the admin secret). */
export const callerOf = (tokenId: string | null, address: string): Caller => ({
	key: callerKey(tokenId, address),
	named: tokenId ? 'this token' : 'this address'
});

/** One connection's own buckets. */
export type ConnectionBuckets = Record<ControlAction, TokenBucket>;

export class ControlLimits {
	private readonly perCaller: Record<ControlAction, KeyedRateLimit>;
	private readonly perBoard: Partial<Record<ControlAction, KeyedRateLimit>>;

	constructor(
		config: ControlLimitConfig,
		private readonly now: () => number = () => performance.now()
	) {
		const scaled = (action: ControlAction) => new KeyedRateLimit(CONTROL_RATES[action].perSecond * CONNECTIONS_PER_CALLER, CONTROL_RATES[action].burst * CONNECTIONS_PER_CALLER, now);
		this.perCaller = {
			alerts: new KeyedRateLimit(config.alertsPerMinute / 60, config.alertsBurst, now),
			pings: new KeyedRateLimit(config.pingsPerSecond, config.pingsBurst, now),
			acks: scaled('acks'),
			reads: scaled('reads')
		};
		this.perBoard = {
			alerts: new KeyedRateLimit(config.boardAlertsPerMinute / 60, config.boardAlertsBurst, now),
			pings: new KeyedRateLimit(config.boardPingsPerSecond, config.boardPingsBurst, now)
		};
	}

	/** Fresh buckets for a new connection. */
	connectionBuckets(): ConnectionBuckets {
		const bucket = (action: ControlAction) => new TokenBucket(CONTROL_RATES[action].perSecond, CONTROL_RATES[action].burst, this.now);
		return { alerts: bucket('alerts'), pings: bucket('pings'), acks: bucket('acks'), reads: bucket('reads') };
	}

	/** Takes from the connection's own bucket; throws `rate_limited` when it is empty. */
	takeForConnection(action: ControlAction, buckets: ConnectionBuckets): void {
		if (!buckets[action].take()) refuse(action, 'from this connection');
	}

	/** Takes from the caller's allowance, then the board's; throws `rate_limited` naming whose ran out. */
	takeShared(action: ControlAction, caller: Caller, boardId: string): void {
		if (this.perCaller[action].take(caller.key) > 0) refuse(action, `from ${caller.named}`);
		const board = this.perBoard[action];
		if (board && board.take(boardId) > 0) refuse(action, 'on this board');
	}
}

function refuse(action: ControlAction, whose: string): never {
	throw new ControlError(ERROR_CODES.rateLimited, `too many ${NAMED[action]} ${whose}; wait a few seconds`);
}
