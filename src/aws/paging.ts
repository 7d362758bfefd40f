/** Runs fn over items with at most `limit` in flight, keeping order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}

/** Follows nextToken-style pagination; `maxPages` (default 1,000) ends a list that never ends. */
export async function allPages<P, T>(
  fetch: (token: string | undefined) => Promise<P>,
  items: (page: P) => readonly T[] | undefined,
  token: (page: P) => string | undefined,
  maxPages = 1_000,
): Promise<T[]> {
  const out: T[] = [];
  let t: string | undefined;
  let pages = 0;
  do {
    const page = await fetch(t);
    out.push(...(items(page) ?? []));
    t = token(page);
    if (++pages >= maxPages && t) throw new Error(`an AWS list went on for more than ${maxPages} pages; stopped`);
  } while (t);
  return out;
}
