import type { TTicket, TTicketCreate } from '@techserve/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { api } from '../../api/client';
import { ticketKeys } from './ticketKeys';

/**
 * Creates a request with an Idempotency-Key: the key is made once per filled-in form and reused by every click and
 * retry of that submission, so a double click or a retried request creates one request. A new key is made after
 * a success (the server releases the key of a refused request, so correcting the form and resubmitting works).
 */
export function useCreateTicket() {
  const queryClient = useQueryClient();
  const key = useRef<string | null>(null);
  // A second click while the first is under way joins it (the server would answer 409 "still being processed").
  const inFlight = useRef<Promise<TTicket> | null>(null);
  return useMutation({
    mutationFn: (body: TTicketCreate) => {
      key.current ??= crypto.randomUUID();
      inFlight.current ??= api<TTicket>('/tickets', { method: 'POST', body, headers: { 'Idempotency-Key': key.current } }).finally(() => {
        inFlight.current = null;
      });
      return inFlight.current;
    },
    onSuccess: (ticket) => {
      key.current = null;
      queryClient.setQueryData(ticketKeys.detail(ticket.id), ticket);
      void queryClient.invalidateQueries({ queryKey: ticketKeys.lists() });
    },
  });
}
