import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Ticket } from '../../api/ticket-types';
import { ticketsApi } from '../../api/tickets';
import { TICKETS } from '../../lib/ticket-lookups';

// Deadlines move while the page is open; a minute is as fine as the queue's own refresh.
const REFRESH_MS = 60_000;

export function useTicket(id: string) {
  return useQuery({
    queryKey: [TICKETS, 'detail', id],
    queryFn: () => ticketsApi.get(id),
    refetchInterval: REFRESH_MS,
  });
}

/** Every ticket change answers with the whole ticket: show it at once and let the lists catch up. */
export function useTicketChanged(): (ticket: Ticket) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (ticket: Ticket) => {
      queryClient.setQueryData([TICKETS, 'detail', ticket.id], ticket);
      void queryClient.invalidateQueries({ queryKey: [TICKETS, 'list'] });
    },
    [queryClient],
  );
}
