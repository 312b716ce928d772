// Many calls at once, but not too many: the store's reads and stats, GitHub's requests.

/** Files read (or stat'ed) at once. */
export const READ_CONCURRENCY = 16;

/** `fn` over `items`, at most `limit` at a time, the results in the items' order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
