import { useQueries } from '@tanstack/react-query';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccessBasis, ArchiveRequest } from '../../api/archive';
import { customersApi } from '../../api/catalog';
import { ApiError } from '../../api/client';
import { CUSTOMERS } from '../../lib/catalog-lookups';
import { useUserOptions } from '../../lib/lookups';
import { useCan, useMe } from '../../lib/session';

// Query-key roots. The full archive has its own root: refetching it writes an access-log entry,
// so ordinary customer edits (which invalidate CUSTOMERS) must not trigger it.
export const CUSTOMER_ARCHIVE = 'customer-archive';
export const ARCHIVE_REQUESTS = 'archive-requests';
export const ARCHIVE_LOG = 'archive-log';
export const CUSTOMER_REVIEWS = 'customer-reviews';

/** The 403 that means "file a request first", as opposed to lacking the permission outright. */
export function needsAccessRequest(err: unknown): boolean {
  return (
    err instanceof ApiError &&
    err.status === 403 &&
    (err.details as { reason?: unknown } | null)?.reason === 'archive_access_required'
  );
}

// The document gives the basis and the status as plain strings: an unknown one gets the default colour.
const BASIS_COLOURS: Partial<Record<AccessBasis, string>> = {
  admin: 'purple',
  owner: 'green',
  own_department: 'cyan',
  dealer: 'blue',
  customer: 'blue',
  request: 'gold',
};

export function BasisTag({ basis }: { basis: AccessBasis }) {
  const { t } = useTranslation();
  return (
    <Tag color={BASIS_COLOURS[basis]} data-testid="archive-basis" data-basis={basis}>
      {t(`archive.bases.${basis}`, { defaultValue: basis })}
    </Tag>
  );
}

const STATUS_COLOURS: Partial<Record<ArchiveRequest['status'], string>> = {
  pending: 'orange',
  approved: 'green',
  rejected: 'red',
};

export function RequestStatusTag({ status }: { status: ArchiveRequest['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="request-status" data-status={status}>
      {t(`archiveRequests.statuses.${status}`, { defaultValue: status })}
    </Tag>
  );
}

const shortId = (id: string) => `#${id.slice(0, 8)}`;

/** Names for customer ids in lists that carry only the id; shares the detail page's cache. */
export function useCustomerNames(ids: string[]): (id: string) => string {
  const unique = [...new Set(ids)];
  const results = useQueries({
    queries: unique.map((id) => ({
      queryKey: [CUSTOMERS, 'detail', id],
      queryFn: () => customersApi.get(id),
      staleTime: 60_000,
    })),
  });
  const names = new Map<string, string>();
  results.forEach((r, i) => {
    const id = unique[i];
    if (id && r.data) names.set(id, r.data.name);
  });
  return (id: string) => names.get(id) ?? shortId(id);
}

/** User names where the user list may be read; the viewer is always "me", others a short id. */
export function useUserName(): (id: string | null) => string {
  const { t } = useTranslation();
  const can = useCan();
  const me = useMe();
  const users = useUserOptions(can('user.read'));
  return (id: string | null) => {
    if (!id) return '';
    if (id === me.id) return t('archiveRequests.meName', { name: me.displayName });
    return users.byId.get(id) ?? shortId(id);
  };
}
