/**
 * The long-lived parts one open board page holds: the Yjs session and its named edits, presence,
 * the alert channel, replay and attention. Opened together during the page's setup, closed with
 * the page, and told of each other's changes here, so the page never wires connections itself.
 */
import { onDestroy } from 'svelte';
import { BoardAlerts } from '$lib/alerts/board-alerts.svelte';
import { AttentionTracker } from '$lib/attention/attention-tracker.svelte';
import { BoardPresence } from '$lib/presence/board-presence.svelte';
import { ReplayController } from '$lib/replay/replay-controller.svelte';
import { BoardActions } from '$lib/sync/board-actions';
import { authorizedFetch, boardToken } from '$lib/sync/board-token';
import { BoardSession } from '$lib/sync/board-session.svelte';
import { watcherName } from '$lib/sync/watcher-name';

export interface BoardServices {
	readonly session: BoardSession;
	readonly actions: BoardActions;
	readonly presence: BoardPresence;
	/** Flash alerts and pings (control plane). */
	readonly alerts: BoardAlerts;
	/** The board at a past moment (history API), read-only; the live board while inactive. */
	readonly replay: ReplayController;
	/** The last visit, what changed since, unread per sector. */
	readonly attention: AttentionTracker;
}

/** Must run during a component's setup: it registers effects and the teardown. */
export function openBoardServices(boardId: string): BoardServices {
	const session = new BoardSession(boardId, watcherName());
	const actions = new BoardActions(session);
	onDestroy(() => session.destroy());
	const presence = new BoardPresence(session);
	onDestroy(() => presence.destroy());
	const alerts = new BoardAlerts(session.boardId, session.actor, boardToken(session.boardId), () => session.meta.title ?? session.boardId, presence.self.colour);
	onDestroy(() => alerts.destroy());
	const replay = new ReplayController(session.boardId, authorizedFetch(session.boardId));
	onDestroy(() => replay.exit());
	const attention = new AttentionTracker(replay.client, undefined, () => session.actor);

	// A new name or colour reaches the control plane too: alerts and pings carry who sent them.
	$effect(() => alerts.rename(session.actor, presence.self.colour));
	$effect(() => presence.render(presence.channel.peers));
	$effect(() => attention.start());
	return { session, actions, presence, alerts, replay, attention };
}
