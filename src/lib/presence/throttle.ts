/**
 * Calls `send` at most once per `intervalMs` with the newest value: the first call goes at once,
 * later ones within the interval are folded into one trailing call, so the last value always
 * arrives (a cursor must come to rest where the pointer stopped).
 */
export function throttleLatest<T>(send: (value: T) => void, intervalMs: number): { push(value: T): void; cancel(): void } {
	let lastSentAt = -Infinity;
	let timer: ReturnType<typeof setTimeout> | null = null;
	let pending: { value: T } | null = null;

	const flush = () => {
		timer = null;
		if (!pending) return;
		const { value } = pending;
		pending = null;
		lastSentAt = Date.now();
		send(value);
	};

	return {
		push(value: T) {
			pending = { value };
			if (timer) return;
			const wait = lastSentAt + intervalMs - Date.now();
			if (wait <= 0) flush();
			else timer = setTimeout(flush, wait);
		},
		cancel() {
			if (timer) clearTimeout(timer);
			timer = null;
			pending = null;
		}
	};
}
