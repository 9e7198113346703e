/**
 * Yjs connections per address and per token, over all boards. One host opening thousands of
 * sockets (each cheap to open, each holding a board's presence and a queue) is refused at the
 * door (4432) instead of crowding every board up to its own cap.
 */
export interface ConnectionCountLimits {
	maxConnectionsPerAddress: number;
	maxConnectionsPerToken: number;
}

export class ConnectionCounts {
	private readonly counts = new Map<string, number>();

	constructor(private readonly limits: ConnectionCountLimits) {}

	/**
	 * Counts a new connection of `address` (and `tokenId`, if it presented one). Answers a release
	 * function to call once when it closes, or null — and counts nothing — when either is at its cap.
	 */
	open(address: string, tokenId: string | null): (() => void) | null {
		const keys: [string, number][] = [[`address:${address}`, this.limits.maxConnectionsPerAddress]];
		if (tokenId) keys.push([`token:${tokenId}`, this.limits.maxConnectionsPerToken]);
		if (keys.some(([key, max]) => (this.counts.get(key) ?? 0) >= max)) return null;
		for (const [key] of keys) this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
		let released = false;
		return () => {
			if (released) return;
			released = true;
			for (const [key] of keys) {
				const left = (this.counts.get(key) ?? 1) - 1;
				if (left > 0) this.counts.set(key, left);
				else this.counts.delete(key);
			}
		};
	}
}
