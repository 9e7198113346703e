/**
 * Who is calling, for limits that must hold across connections: the peer's address, or — only
 * when the peer is a configured trusted proxy — the address it forwards in `X-Forwarded-For`.
 * Anyone else may send that header; believing it would let one client pose as many.
 */
import type { IncomingMessage } from 'node:http';

/** `::ffff:127.0.0.2` and `127.0.0.2` are one caller. */
export function normaliseAddress(address: string | undefined): string {
	if (!address) return 'unknown';
	return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

/**
 * The caller's address. Behind trusted proxies the right-most forwarded hop that is not itself a
 * trusted proxy is the client (the left-most entries are whatever the client chose to send).
 */
export function clientAddress(req: Pick<IncomingMessage, 'headers' | 'socket'>, trustedProxies: readonly string[]): string {
	const peer = normaliseAddress(req.socket.remoteAddress);
	if (trustedProxies.length === 0 || !trustedProxies.includes(peer)) return peer;
	const header = req.headers['x-forwarded-for'];
	const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
		.split(',')
		.map((hop) => normaliseAddress(hop.trim()))
		.filter((hop) => hop !== '' && hop !== 'unknown');
	for (let i = hops.length - 1; i >= 0; i--) if (!trustedProxies.includes(hops[i]!)) return hops[i]!;
	return peer;
}

/**
 * The key a cross-connection limit counts under: the token a caller presented (one bot, however
 * many sockets), else its address (one anonymous host, however many sockets).
 */
export const callerKey = (tokenId: string | null | undefined, address: string): string =>
	tokenId ? `token:${tokenId}` : `address:${address}`;
