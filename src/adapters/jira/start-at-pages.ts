/** Reads a Jira list paged by `startAt` (worklogs, comments) until its last page or `maxPages`. */
export async function readStartAtPages<T>(
  pageSize: number,
  maxPages: number,
  readPage: (startAt: number) => Promise<{ items: T[]; total?: number }>,
): Promise<T[]> {
  const all: T[] = [];
  for (let page = 0; page < maxPages; page += 1) {
    const startAt = page * pageSize;
    const { items, total } = await readPage(startAt);
    all.push(...items);
    if (items.length < pageSize || startAt + items.length >= (total ?? 0)) break;
  }
  return all;
}
