/** What the connection indicator shows, derived from the provider's two signals and the server's refusals. */
export type ConnectionState = 'connecting' | 'syncing' | 'live' | 'offline' | 'unsaved';

export function connectionState(
	status: 'connecting' | 'connected' | 'disconnected',
	synced: boolean,
	everConnected: boolean,
	savingPaused = false
): ConnectionState {
	// Before "offline": the provider reconnects after each refusal, and the edits are not lost.
	if (savingPaused) return 'unsaved';
	if (status === 'connected') return synced ? 'live' : 'syncing';
	if (status === 'connecting' && !everConnected) return 'connecting';
	return 'offline';
}

export const CONNECTION_LABELS: Record<ConnectionState, string> = {
	connecting: 'connecting…',
	syncing: 'syncing…',
	live: 'live',
	offline: 'offline — your changes will sync',
	unsaved: 'not saving — your changes are kept'
};

/** What fits a phone's top bar beside the board's title; the full label is still read out. */
export const CONNECTION_SHORT_LABELS: Record<ConnectionState, string> = {
	connecting: 'connecting…',
	syncing: 'syncing…',
	live: 'live',
	offline: 'offline',
	unsaved: 'not saving'
};

/** The longer story, for the indicator's tooltip. */
export const CONNECTION_DETAILS: Partial<Record<ConnectionState, string>> = {
	unsaved: 'The server cannot save edits right now (its storage is away). Your changes are kept in this browser and sent as soon as it can.'
};
