import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Complaint } from '../api/complaint-types';
import { complaintsApi } from '../api/complaints';
import { TICKETS } from './ticket-lookups';

// Query-key roots of complaints and improvement suggestions.
export const COMPLAINTS = 'complaints';
export const SUGGESTIONS = 'improvement-suggestions';

export function useComplaint(id: string) {
  return useQuery({
    queryKey: [COMPLAINTS, 'detail', id],
    queryFn: () => complaintsApi.get(id),
    // The 72-hour countdown moves; a minute keeps it honest without hammering the server.
    refetchInterval: 60_000,
  });
}

/** After a change: show the answer at once when it is the whole complaint; lists catch up behind it. */
export function useComplaintChanged(): (id: string, next?: unknown) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (id: string, next?: unknown) => {
      const full = next && typeof next === 'object' && 'nextSteps' in next && (next as Complaint).id === id;
      if (full) queryClient.setQueryData([COMPLAINTS, 'detail', id], next);
      else void queryClient.invalidateQueries({ queryKey: [COMPLAINTS, 'detail', id] });
      void queryClient.invalidateQueries({ queryKey: [COMPLAINTS, 'list'] });
      void queryClient.invalidateQueries({ queryKey: [SUGGESTIONS] });
      // The complaint's ticket moves with it (status, clocks, timeline).
      void queryClient.invalidateQueries({ queryKey: [TICKETS] });
    },
    [queryClient],
  );
}

/** Staff who may own a corrective action or a suggestion (quality cannot read the user list). */
export function useActionOwnerOptions(enabled: boolean) {
  const query = useQuery({
    queryKey: [COMPLAINTS, 'action-owners'],
    queryFn: async () => (await complaintsApi.actionOwners()).items,
    enabled,
    staleTime: 60_000,
  });
  return (query.data ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }));
}
