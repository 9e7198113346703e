/**
 * Which board the page shows: the live one, or replay's board at `replay.time` (opened from
 * `?at=` or the Replay button). Everything the regions show reads `view` and the shown lists
 * here, so switching to the past is one place; editing is off while looking at the past.
 */
import { replaceState } from '$app/navigation';
import { page } from '$app/state';
import type { Alert } from '$lib/protocol/alerts';
import { roleAtLeast } from '$lib/protocol/access';
import type { BoardContent } from '$lib/protocol/history';
import type { Report } from '$lib/model/report';
import { MOMENT_NOTICES, badReplayParam, readReplayParam, reportsAsOf } from '$lib/replay/moments';
import { EMPTY_CONTENT } from '$lib/replay/replay-controller.svelte';
import type { BoardServices } from './board-services.svelte';

export class LiveOrReplay {
	readonly replaying: boolean = $derived.by(() => this.services.replay.active);
	/** Editing tools are for editors and owners, and never while looking at the past. */
	readonly canEdit: boolean = $derived.by(() => !this.replaying && roleAtLeast(this.services.session.role, 'editor'));
	/** The board as shown: the replay moment's content (empty until it loads) or the live session. */
	readonly view: BoardContent = $derived.by(() => {
		const { replay, session } = this.services;
		return replay.active ? (replay.content ?? EMPTY_CONTENT) : session;
	});
	readonly shownReports: Report[] = $derived.by(() => {
		const { replay, session } = this.services;
		return replay.active ? reportsAsOf(this.view.reports, replay.time, replay.clock) : session.reports;
	});
	/** In replay, the alerts raised up to the replay moment. */
	readonly shownAlerts: Alert[] = $derived.by(() => {
		const { replay, alerts } = this.services;
		return replay.active ? alerts.until(replay.time) : alerts.channel.alerts;
	});

	/** Must run during a component's setup: it registers an effect. */
	constructor(private readonly services: BoardServices) {
		const replayAt = readReplayParam(page.url);
		const notADate = badReplayParam(page.url);
		if (replayAt !== null) void services.replay.open(replayAt);
		else if (notADate !== null) void services.replay.open(undefined, MOMENT_NOTICES.notADate(notADate));
		$effect(() => {
			if (services.replay.active && services.alerts.channel.joined) void services.alerts.loadHistory();
		});
	}

	/** Leaves replay, and drops `?at=` so a reload opens the live board. */
	backToLive(): void {
		this.services.replay.exit();
		if (page.url.searchParams.has('at')) replaceState(page.url.pathname, {});
	}
}
