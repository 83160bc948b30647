import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { ReturnRequest } from '../api/return-types';
import { returnsApi } from '../api/returns';
import { TICKETS } from './ticket-lookups';

// Query-key root of return requests (退换货).
export const RETURNS = 'returns';

export function useReturn(id: string) {
  return useQuery({
    queryKey: [RETURNS, 'detail', id],
    queryFn: () => returnsApi.get(id),
    // The deadlines count down; a minute keeps them honest without hammering the server.
    refetchInterval: 60_000,
  });
}

/** After a step: show the answer at once; the queue and the request's ticket catch up behind it. */
export function useReturnChanged(): (id: string, next?: ReturnRequest) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (id: string, next?: ReturnRequest) => {
      if (next && next.id === id) queryClient.setQueryData([RETURNS, 'detail', id], next);
      else void queryClient.invalidateQueries({ queryKey: [RETURNS, 'detail', id] });
      void queryClient.invalidateQueries({ queryKey: [RETURNS, 'list'] });
      void queryClient.invalidateQueries({ queryKey: [TICKETS] });
    },
    [queryClient],
  );
}

/** The current time, moving every `ms`: countdowns re-render between server refreshes. */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const h = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(h);
  }, [ms]);
  return now;
}
