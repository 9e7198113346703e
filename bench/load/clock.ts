/**
 * One clock for send and arrival times: epoch milliseconds with sub-millisecond resolution.
 * Date.now() has whole milliseconds only, too coarse for latencies of about one millisecond; and
 * unlike a bare performance.now() the value still means something if written into a document and
 * read in another process on the same machine.
 */
export const now = (): number => performance.timeOrigin + performance.now();

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
