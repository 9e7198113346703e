/** Waits on a condition, never on a fixed sleep: polls until `check` holds or the time is up. */
export async function waitFor<T>(
	check: () => T | undefined | null | false | Promise<T | undefined | null | false>,
	{ timeoutMs = 5_000, what = 'condition' }: { timeoutMs?: number; what?: string } = {}
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let lastError: unknown;
	for (;;) {
		try {
			const value = await check();
			if (value) return value;
		} catch (error) {
			lastError = error;
		}
		if (Date.now() > deadline) {
			const detail = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
			throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}
