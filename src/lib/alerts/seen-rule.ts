/**
 * When an alert counts as seen by a watcher ("seen by 3 of 6"): its toast was on screen — at least
 * half of it in view, in a visible tab — for SEEN_AFTER_MS without a break, or the watcher clicked
 * it. Delivery alone is not seeing: a toast that lands in a background tab, or under a closed
 * laptop lid, used to count the moment it arrived. The rule is written once, here, and the seen-by
 * tooltip quotes it, so the count says what it counts.
 */
export const SEEN_AFTER_MS = 2_000;
export const SEEN_RULE = `counted when on screen for ${SEEN_AFTER_MS / 1000} s or clicked`;

/**
 * Calls `onseen` once `element` has been at least half in view in a visible tab for `afterMs`
 * without a break, or at once on a press or click inside it. Returns the cleanup.
 */
export function watchSeen(element: HTMLElement, onseen: () => void, afterMs = SEEN_AFTER_MS): () => void {
	let inView = false;
	let timer: ReturnType<typeof setTimeout> | null = null;
	let done = false;
	const finish = () => {
		if (done) return;
		done = true;
		cleanup();
		onseen();
	};
	// The clock restarts whenever the toast leaves the screen or the tab is hidden.
	const update = () => {
		const onScreen = inView && document.visibilityState === 'visible';
		if (onScreen && timer === null) timer = setTimeout(finish, afterMs);
		else if (!onScreen && timer !== null) {
			clearTimeout(timer);
			timer = null;
		}
	};
	const observer = new IntersectionObserver(
		(entries) => {
			inView = entries.some((entry) => entry.isIntersecting && entry.intersectionRatio >= 0.5);
			update();
		},
		{ threshold: [0, 0.5, 1] }
	);
	observer.observe(element);
	document.addEventListener('visibilitychange', update);
	element.addEventListener('pointerdown', finish);
	// A keyboard press on one of its buttons is a click too.
	element.addEventListener('click', finish);
	function cleanup() {
		if (timer !== null) clearTimeout(timer);
		observer.disconnect();
		document.removeEventListener('visibilitychange', update);
		element.removeEventListener('pointerdown', finish);
		element.removeEventListener('click', finish);
	}
	return () => {
		done = true;
		cleanup();
	};
}
