import {
  ApartmentOutlined,
  AuditOutlined,
  ContactsOutlined,
  DatabaseOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  HistoryOutlined,
  HomeOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  ShopOutlined,
  SyncOutlined,
  TeamOutlined,
  ToolOutlined,
  TruckOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Me } from '../api/types';

export interface NavEntry {
  path: string;
  /** i18n key of the menu label */
  label: string;
  /** Needed to see the entry; the route itself is guarded by the same permission. */
  permission?: string;
  /** Company-internal structure: hidden from dealer- and customer-scoped roles even with the permission. */
  internalOnly?: boolean;
  icon: ReactNode;
}

export const HOME: NavEntry = { path: '/', label: 'nav.home', icon: <HomeOutlined aria-hidden /> };

export interface NavGroup {
  key: string;
  label: string;
  icon: ReactNode;
  entries: NavEntry[];
}

export const CATALOG_ENTRIES: NavEntry[] = [
  {
    path: '/customers',
    label: 'nav.customers',
    permission: 'customer.read',
    icon: <ContactsOutlined aria-hidden />,
  },
  { path: '/assets', label: 'nav.assets', permission: 'asset.read', icon: <TruckOutlined aria-hidden /> },
  {
    path: '/products/models',
    label: 'nav.models',
    permission: 'product.read',
    icon: <DatabaseOutlined aria-hidden />,
  },
  {
    path: '/products/policies',
    label: 'nav.policies',
    permission: 'product.read',
    icon: <FileProtectOutlined aria-hidden />,
  },
  // Requests and reviews are internal archive work: dealers and customers see their own archives
  // directly and cannot file requests, so the pages would only ever be empty for them.
  {
    path: '/archive-requests',
    label: 'nav.archiveRequests',
    permission: 'customer.read',
    internalOnly: true,
    icon: <FileSearchOutlined aria-hidden />,
  },
  {
    path: '/archive-log',
    label: 'nav.archiveLog',
    permission: 'archive.log.read',
    icon: <HistoryOutlined aria-hidden />,
  },
  {
    path: '/customer-reviews',
    label: 'nav.customerReviews',
    permission: 'customer.read',
    internalOnly: true,
    icon: <SyncOutlined aria-hidden />,
  },
];

export const ADMIN_GROUP = { key: 'admin', label: 'nav.admin', icon: <SettingOutlined aria-hidden /> };

export const ADMIN_ENTRIES: NavEntry[] = [
  { path: '/admin/users', label: 'nav.users', permission: 'user.read', icon: <TeamOutlined aria-hidden /> },
  {
    path: '/admin/roles',
    label: 'nav.roles',
    permission: 'role.read',
    icon: <SafetyCertificateOutlined aria-hidden />,
  },
  {
    path: '/admin/departments',
    label: 'nav.departments',
    permission: 'org.read',
    internalOnly: true,
    icon: <ApartmentOutlined aria-hidden />,
  },
  {
    path: '/admin/service-centres',
    label: 'nav.serviceCentres',
    permission: 'org.read',
    internalOnly: true,
    icon: <ToolOutlined aria-hidden />,
  },
  {
    path: '/admin/dealers',
    label: 'nav.dealers',
    permission: 'org.read',
    icon: <ShopOutlined aria-hidden />,
  },
  {
    path: '/admin/audit-log',
    label: 'nav.auditLog',
    permission: 'audit.read',
    icon: <AuditOutlined aria-hidden />,
  },
];

export function canSee(entry: NavEntry, me: Me): boolean {
  if (entry.permission && !me.permissions.includes(entry.permission)) return false;
  return !entry.internalOnly || me.role.scope === 'all';
}

export const NAV_GROUPS: NavGroup[] = [
  { key: 'catalog', label: 'nav.catalog', icon: <ContactsOutlined aria-hidden />, entries: CATALOG_ENTRIES },
  { ...ADMIN_GROUP, entries: ADMIN_ENTRIES },
];

const ALL_ENTRIES = NAV_GROUPS.flatMap((g) => g.entries);

/** The menu entry a URL belongs to: detail pages such as /customers/:id sit under /customers. */
export function entryFor(pathname: string): NavEntry | undefined {
  return ALL_ENTRIES.find((e) => pathname === e.path || pathname.startsWith(`${e.path}/`));
}
