/** What the connection indicator shows, derived from the provider's two signals. */
export type ConnectionState = 'connecting' | 'syncing' | 'live' | 'offline';

export function connectionState(status: 'connecting' | 'connected' | 'disconnected', synced: boolean, everConnected: boolean): ConnectionState {
	if (status === 'connected') return synced ? 'live' : 'syncing';
	if (status === 'connecting' && !everConnected) return 'connecting';
	return 'offline';
}

export const CONNECTION_LABELS: Record<ConnectionState, string> = {
	connecting: 'connecting…',
	syncing: 'syncing…',
	live: 'live',
	offline: 'offline — your changes will sync'
};
