import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { dealersApi, departmentsApi, rolesApi, serviceCentresApi, usersApi } from '../api/endpoints';
import type { ListParams, Role } from '../api/types';
import { localName } from '../i18n';
import type { Page } from './list';

// Pages of 50 match the API's documented default, so this never trips a server-side maximum.
const PAGE = 50;
const MAX_ITEMS = 1000;

/** Dropdowns need every row, not a page; organisation lists are small enough to walk through. */
export async function fetchAll<T>(list: (p: ListParams) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  for (let offset = 0; offset < MAX_ITEMS; offset += PAGE) {
    const page = await list({ limit: PAGE, offset });
    items.push(...page.items);
    if (page.items.length < PAGE || items.length >= page.total) break;
  }
  return items;
}

export interface Option {
  value: string;
  label: string;
}

const LOOKUP_STALE = 60_000;

export function useRoles(enabled = true) {
  return useQuery({ queryKey: ['roles'], queryFn: async () => (await rolesApi.list()).items, enabled });
}

export function usePermissions(enabled = true) {
  return useQuery({
    queryKey: ['permissions'],
    queryFn: async () => (await rolesApi.permissions()).items,
    enabled,
    staleTime: 10 * 60_000,
  });
}

function useOptions<T>(
  key: string,
  load: () => Promise<T[]>,
  toOption: (item: T) => Option,
  enabled: boolean,
) {
  // Subscribing to the language makes labels that depend on it (English names) follow a switch.
  useTranslation();
  const query = useQuery({ queryKey: [key, 'options'], queryFn: load, enabled, staleTime: LOOKUP_STALE });
  const options = (query.data ?? []).map(toOption);
  const byId = new Map(options.map((o) => [o.value, o.label]));
  return { options, byId, loading: query.isLoading };
}

export function useDepartmentOptions(enabled: boolean) {
  return useOptions(
    'departments',
    () => fetchAll(departmentsApi.list),
    (d) => ({ value: d.id, label: localName(d) }),
    enabled,
  );
}

export function useServiceCentreOptions(enabled: boolean) {
  return useOptions(
    'service-centres',
    () => fetchAll(serviceCentresApi.list),
    (s) => ({ value: s.id, label: s.name }),
    enabled,
  );
}

export function useDealerOptions(enabled: boolean) {
  return useOptions(
    'dealers',
    () => fetchAll(dealersApi.list),
    (d) => ({ value: d.id, label: d.name }),
    enabled,
  );
}

export function useUserOptions(enabled: boolean) {
  return useOptions(
    'users',
    () => fetchAll(usersApi.list),
    (u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }),
    enabled,
  );
}

/** Role names come from the server when it may be read, else from the built-in table, else the code. */
export function useRoleLabel(canReadRoles: boolean): (code: string) => string {
  const { t } = useTranslation();
  const roles = useRoles(canReadRoles).data;
  const byCode = new Map<string, Role>((roles ?? []).map((r) => [r.code, r]));
  return (code: string) => {
    const role = byCode.get(code);
    return role ? localName(role) : t(`roleName.${code}`, { defaultValue: code });
  };
}

const BUILTIN_ROLES = [
  'admin',
  'manager',
  'desk',
  'engineer',
  'technical',
  'dealer',
  'quality',
  'finance',
  'customer',
];

/** Options for role pickers; the built-in list stands in when roles may not be read. */
export function useRoleOptions(canReadRoles: boolean): Option[] {
  const roles = useRoles(canReadRoles).data;
  const label = useRoleLabel(canReadRoles);
  const codes = roles ? roles.map((r) => r.code) : BUILTIN_ROLES;
  return codes.map((code) => ({ value: code, label: label(code) }));
}
