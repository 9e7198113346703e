/**
 * Stale answers never win: the replay controller fetches every moment through a LatestLoader over
 * a HistoryClient; here both run over a fake fetch whose answers arrive in whatever order the
 * test releases them.
 */
import { describe, expect, it } from 'vitest';
import type { HistoryState } from '../../src/lib/protocol/history';
import type { FetchLike } from '../../src/lib/api/api-answer';
import { HistoryClient } from '../../src/lib/api/history-client';
import { LatestLoader } from '../../src/lib/replay/latest-loader';

interface Held {
	url: string;
	signal: AbortSignal | undefined;
	release(): void;
}

/** A fetch that answers /history/state with `seq` = the asked `at`, only when released. */
function heldFetch(): { fetcher: FetchLike; held: Held[] } {
	const held: Held[] = [];
	const fetcher: FetchLike = (url, init) =>
		new Promise<Response>((resolve) => {
			const at = Number(new URL(url, 'http://x').searchParams.get('at'));
			const body: HistoryState = { boardId: 'b', seq: at, at, content: { pins: [], fronts: [], reports: [], sectors: [], meta: { title: `at ${at}` } } };
			held.push({ url, signal: init?.signal ?? undefined, release: () => resolve(new Response(JSON.stringify(body), { status: 200 })) });
		});
	return { fetcher, held };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('replay loading', () => {
	it('asks for content only, at the moment given', async () => {
		const { fetcher, held } = heldFetch();
		void new HistoryClient('kharkiv-2022', fetcher).state({ at: 1662819000000.7 });
		expect(held[0]!.url).toBe('/api/boards/kharkiv-2022/history/state?update=false&at=1662819000000');
	});

	it('drops an older answer that arrives after a newer one', async () => {
		const { fetcher, held } = heldFetch();
		const client = new HistoryClient('b', fetcher);
		const shown: number[] = [];
		const loader = new LatestLoader<HistoryState>((state) => shown.push(state.seq));
		const first = loader.request((signal) => client.state({ at: 100 }, signal));
		const second = loader.request((signal) => client.state({ at: 200 }, signal));
		expect(held[0]!.signal?.aborted).toBe(true);
		held[1]!.release();
		await second;
		held[0]!.release();
		await first;
		await settle();
		expect(shown).toEqual([200]);
		expect(loader.pending).toBe(false);
	});

	it('drops an older answer that arrives first, then shows the newer one', async () => {
		const { fetcher, held } = heldFetch();
		const client = new HistoryClient('b', fetcher);
		const shown: number[] = [];
		const loader = new LatestLoader<HistoryState>((state) => shown.push(state.seq));
		const requests = [300, 100, 200].map((at) => loader.request((signal) => client.state({ at }, signal)));
		held[0]!.release();
		held[1]!.release();
		await settle();
		expect(shown).toEqual([]);
		expect(loader.pending).toBe(true);
		held[2]!.release();
		await Promise.all(requests);
		expect(shown).toEqual([200]);
	});

	it('shows nothing after cancel, and reports errors of the newest request only', async () => {
		const errors: string[] = [];
		const shown: number[] = [];
		const loader = new LatestLoader<number>((value) => shown.push(value), (error) => errors.push(error.message));
		let fail: (error: Error) => void = () => {};
		const stale = loader.request(() => new Promise<number>((_, reject) => (fail = reject)));
		await loader.request(async () => {
			throw new Error('bad moment');
		});
		fail(new Error('stale failure'));
		await stale;
		expect(errors).toEqual(['bad moment']);
		let finish: (value: number) => void = () => {};
		const cancelled = loader.request(() => new Promise<number>((resolve) => (finish = resolve)));
		loader.cancel();
		finish(7);
		await cancelled;
		expect(shown).toEqual([]);
	});

	it('turns an API error into its message', async () => {
		const fetcher: FetchLike = async () => new Response(JSON.stringify({ error: { code: 'invalid', message: 'seq 99 is beyond the log', field: 'seq' } }), { status: 400 });
		await expect(new HistoryClient('b', fetcher).state({ seq: 99 })).rejects.toThrow('seq 99 is beyond the log');
	});
});
