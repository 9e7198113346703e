/**
 * Limits that hold per caller — the token it presents, else its address — across every
 * connection and request it makes, so opening more sockets or sending more requests buys nothing.
 * One instance per server (attach.ts), shared by the planes that spend the same budget: a board
 * created over HTTP and one created over socket.io come out of one allowance.
 */
import type { ServerConfig } from '../config';
import { KeyedRateLimit } from '../auth/rate-limit';

export type CallerLimitConfig = Pick<
	ServerConfig,
	'apiRateLimitPerSecond' | 'apiRateLimitBurst' | 'boardsPerHour' | 'boardsBurst' | 'historyPerSecond' | 'historyBurst'
>;

export interface CallerLimits {
	/** New boards (HTTP and socket.io, forks included), per address: boards are listed publicly. */
	readonly boardCreation: KeyedRateLimit;
	/** Records API requests, per token or address (docs/api.md). */
	readonly records: KeyedRateLimit;
	/** History and export queries, per token or address: the first on a long board builds its index. */
	readonly history: KeyedRateLimit;
}

export type CallerLimitName = keyof CallerLimits;

/** What a refusal calls the requests of each allowance: "too many new boards: retry in 60 s". */
export const CALLER_LIMIT_NOUNS: Record<CallerLimitName, string> = {
	boardCreation: 'new boards',
	records: 'records API requests',
	history: 'history queries'
};

export function createCallerLimits(config: CallerLimitConfig): CallerLimits {
	return {
		boardCreation: new KeyedRateLimit(config.boardsPerHour / 3600, config.boardsBurst),
		records: new KeyedRateLimit(config.apiRateLimitPerSecond, config.apiRateLimitBurst),
		history: new KeyedRateLimit(config.historyPerSecond, config.historyBurst)
	};
}
