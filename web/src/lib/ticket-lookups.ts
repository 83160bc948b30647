import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { usersApi } from '../api/endpoints';
import { calendarsApi } from '../api/sla';
import { fetchAll, useRoleLabel } from './lookups';

// Query-key roots; pages invalidate these after a change so every view built on them refreshes.
export const TICKETS = 'tickets';
export const CALENDARS = 'calendars';
export const SLA_POLICIES = 'sla-policies';
export const WEBHOOKS = 'webhooks';
export const NOTIFICATIONS = 'notifications';

export function useCalendars(enabled = true) {
  return useQuery({
    queryKey: [CALENDARS, 'list'],
    queryFn: async () => (await calendarsApi.list()).items,
    enabled,
    staleTime: 60_000,
  });
}

// Field staff first: they take most tickets. Customer-portal users can never be assignees.
const ROLE_ORDER = ['engineer', 'technical', 'desk', 'manager', 'dealer'];

/**
 * People a ticket may be assigned to, grouped by role so the engineer is found at a glance.
 * Needs user.read; without it only departments and dealers can be picked.
 */
export function useAssigneeOptions(enabled: boolean) {
  useTranslation();
  const roleLabel = useRoleLabel(false);
  const query = useQuery({
    queryKey: ['users', 'assignees'],
    queryFn: () => fetchAll(usersApi.list),
    enabled,
    staleTime: 60_000,
  });
  const users = (query.data ?? []).filter((u) => u.active && u.roleCode !== 'customer');
  const roles = [...new Set(users.map((u) => u.roleCode))].sort((a, b) => {
    const ia = ROLE_ORDER.indexOf(a);
    const ib = ROLE_ORDER.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
  });
  return roles.map((role) => ({
    label: roleLabel(role),
    title: role,
    options: users
      .filter((u) => u.roleCode === role)
      .map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` })),
  }));
}
