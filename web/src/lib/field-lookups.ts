import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { engineersApi, workOrdersApi } from '../api/field';
import type { WorkOrder } from '../api/field-types';

// Query-key roots of field service; a change invalidates the lists and the board built on them.
export const WORK_ORDERS = 'work-orders';
export const ENGINEERS = 'engineers';
export const DISPATCH_BOARD = 'dispatch-board';
export const FIELD_FEEDBACK = 'field-feedback';

// The order moves while the engineer works on it; a minute keeps the desk's view close enough.
const REFRESH_MS = 60_000;

export function useWorkOrder(id: string) {
  return useQuery({
    queryKey: [WORK_ORDERS, 'detail', id],
    queryFn: () => workOrdersApi.get(id),
    refetchInterval: REFRESH_MS,
  });
}

/**
 * After any change: show the answer at once when it is the whole order, else refetch it; lists,
 * the board and engineers' loads catch up in the background.
 */
export function useWorkOrderChanged(): (id: string, next?: unknown) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (id: string, next?: unknown) => {
      const full = next && typeof next === 'object' && 'nextSteps' in next && (next as WorkOrder).id === id;
      if (full) queryClient.setQueryData([WORK_ORDERS, 'detail', id], next);
      else void queryClient.invalidateQueries({ queryKey: [WORK_ORDERS, 'detail', id] });
      void queryClient.invalidateQueries({ queryKey: [WORK_ORDERS, 'list'] });
      void queryClient.invalidateQueries({ queryKey: [WORK_ORDERS, 'open-paperwork'] });
      void queryClient.invalidateQueries({ queryKey: [DISPATCH_BOARD] });
      void queryClient.invalidateQueries({ queryKey: [ENGINEERS] });
      void queryClient.invalidateQueries({ queryKey: [FIELD_FEEDBACK] });
    },
    [queryClient],
  );
}

/** Active engineers for pickers; one page of 500 covers a service organisation. */
export function useEngineerOptions(enabled = true) {
  const query = useQuery({
    queryKey: [ENGINEERS, 'options'],
    queryFn: async () => (await engineersApi.list({ active: true, limit: 500 })).items,
    enabled,
    staleTime: 60_000,
  });
  const items = query.data ?? [];
  return {
    items,
    options: items.map((e) => ({
      value: e.id,
      label: `${e.name} · ${e.trade}（${e.openOrders}/${e.capacity}）`,
    })),
    loading: query.isLoading,
  };
}
