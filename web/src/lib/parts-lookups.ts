import { useQuery } from '@tanstack/react-query';
import { partsApi, stockLocationsApi } from '../api/parts';
import type { Part, StockLocation } from '../api/parts-types';
import { fetchAll, type Option } from './lookups';

// Query-key roots of the parts pages; a change invalidates its root so every list built on it refreshes.
export const PARTS = 'parts';
export const STOCK = 'stock';
export const STOCK_LOCATIONS = 'stock-locations';
export const STOCKING_PLANS = 'stocking-plans';
export const PRICE_LISTS = 'price-lists';
export const OLD_PART_RETURNS = 'old-part-returns';

export const partLabel = (p: Pick<Part, 'code' | 'name'>) => `${p.code} ${p.name}`;

/** Parts searched on the server while typing (the catalogue can be long), for SearchSelect. */
export async function searchParts(q: string): Promise<Option[]> {
  const page = await partsApi.list({ q: q || undefined, active: true, limit: 20 });
  return page.items.map((p) => ({ value: p.id, label: partLabel(p) }));
}

/** Every store the user may see (few: company, centres, dealers), for pickers and filters. */
export function useLocations(enabled = true) {
  return useQuery({
    queryKey: [STOCK_LOCATIONS, 'options'],
    queryFn: () => fetchAll(stockLocationsApi.list),
    enabled,
    staleTime: 60_000,
  });
}

export function useLocationOptions(enabled = true, activeOnly = true) {
  const list: StockLocation[] = useLocations(enabled).data ?? [];
  const options: Option[] = list
    .filter((l) => !activeOnly || l.active)
    .map((l) => ({ value: l.id, label: `${l.code} ${l.name}` }));
  return { options, byId: new Map(list.map((l) => [l.id, l])) };
}
