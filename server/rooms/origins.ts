/**
 * Tagged transaction origins: every change to a live Y.Doc says where it came from, so the room
 * logs and broadcasts exactly the changes that are new (not what it just loaded from storage).
 */
import type { Connection } from './connection';

export type TransactionOrigin =
	| { source: 'connection'; connection: Connection }
	| { source: 'storage' }
	/** Already logged by another server of the cluster (or read back from the log): relayed, never logged again. */
	| { source: 'peer' }
	/** A change the server makes itself (seeding, a rename from the control plane); `at` overrides the clock. */
	| { source: 'server'; actor: string; at?: number }
	/** A change a script made through the records API with a board token; `actor` is the token's name. */
	| { source: 'api'; actor: string; tokenId: string | null };

export const STORAGE_ORIGIN: TransactionOrigin = { source: 'storage' };
export const PEER_ORIGIN: TransactionOrigin = { source: 'peer' };

export function serverOrigin(actor: string, at?: number): TransactionOrigin {
	return at === undefined ? { source: 'server', actor } : { source: 'server', actor, at };
}

export function apiOrigin(actor: string, tokenId: string | null): TransactionOrigin {
	return { source: 'api', actor, tokenId };
}

export function isTransactionOrigin(value: unknown): value is TransactionOrigin {
	return typeof value === 'object' && value !== null && 'source' in value;
}
