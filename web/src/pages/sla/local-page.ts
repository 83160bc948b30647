import type { ListParams } from '../../api/types';
import type { Page } from '../../lib/list';

/**
 * Calendars, SLA policies and robots come as one short list; CrudPage asks for pages, so the search
 * and the paging happen here, on the name.
 */
export async function localPage<T extends { name: string }>(
  load: () => Promise<{ items: T[] }>,
  params: ListParams,
): Promise<Page<T>> {
  const q = params.q?.trim().toLowerCase();
  const all = (await load()).items.filter((i) => !q || i.name.toLowerCase().includes(q));
  const offset = params.offset ?? 0;
  return { items: all.slice(offset, offset + (params.limit ?? all.length)), total: all.length };
}
