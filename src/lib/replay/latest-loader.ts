/**
 * Latest-wins loading for the replay slider: every request supersedes the ones before it, so an
 * answer that arrives after a newer request was made is dropped (and its fetch aborted), whatever
 * order the network delivers them in. Plain TypeScript, so it is unit-tested without Svelte.
 */
export class LatestLoader<T> {
	private ticket = 0;
	private controller: AbortController | null = null;

	constructor(
		private readonly onResult: (value: T) => void,
		private readonly onError: (error: Error) => void = () => {}
	) {}

	/** True while the newest request has not answered. */
	pending = false;

	/** Starts `load`; its result reaches onResult only if no newer request was made meanwhile. */
	async request(load: (signal: AbortSignal) => Promise<T>): Promise<void> {
		this.controller?.abort();
		const controller = new AbortController();
		this.controller = controller;
		const ticket = ++this.ticket;
		this.pending = true;
		try {
			const value = await load(controller.signal);
			if (ticket !== this.ticket) return;
			this.pending = false;
			this.onResult(value);
		} catch (error) {
			if (ticket !== this.ticket) return;
			this.pending = false;
			if (!controller.signal.aborted) this.onError(error instanceof Error ? error : new Error(String(error)));
		}
	}

	/** Drops whatever is in flight. */
	cancel(): void {
		this.ticket++;
		this.pending = false;
		this.controller?.abort();
		this.controller = null;
	}
}
