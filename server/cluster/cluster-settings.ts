/** How this server joins a cluster (config.ts reads it from REDIS_URL, REDIS_PREFIX, NODE_ID). */
export interface ClusterSettings {
	/** `redis://[user:password@]host:port[/db]`: pub/sub between the nodes, never storage. */
	redisUrl: string;
	/** Every channel and key starts with it, so several deployments (or test runs) share one Redis. */
	prefix: string;
	/** This node's name in logs and /healthz; a node ignores messages it sent itself. */
	nodeId: string;
}
