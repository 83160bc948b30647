import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  CarOutlined,
  ContactsOutlined,
  CustomerServiceOutlined,
  DatabaseOutlined,
  ExceptionOutlined,
  FieldTimeOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FormOutlined,
  HistoryOutlined,
  HomeOutlined,
  IdcardOutlined,
  MobileOutlined,
  ProfileOutlined,
  RobotOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SettingOutlined,
  ShopOutlined,
  SyncOutlined,
  TeamOutlined,
  ToolOutlined,
  TruckOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Me, PermissionCode, RoleScope } from '../api/types';
import { COMPLAINTS_ENTRIES, COMPLAINTS_GROUP } from './nav-complaints';
import { FOLLOWUP_ENTRIES, FOLLOWUP_GROUP } from './nav-followup';
import { PARTS_ENTRIES, PARTS_GROUP } from './nav-parts';
import { REPORTS_ENTRIES, REPORTS_GROUP } from './nav-reports';
import { PICKUP_CITIES_ENTRY, RETURNS_ENTRY } from './nav-returns';

export interface NavEntry {
  path: string;
  /** i18n key of the menu label */
  label: string;
  /** Needed to see the entry; the route itself is guarded by the same permission. */
  permission?: PermissionCode;
  /** Company-internal structure: hidden from dealer- and customer-scoped roles even with the permission. */
  internalOnly?: boolean;
  /** Only these data scopes see the entry (the customer portal, or staff pages customers must not get). */
  scopes?: RoleScope[];
  icon: ReactNode;
}

export const HOME: NavEntry = { path: '/', label: 'nav.home', icon: <HomeOutlined aria-hidden /> };

export interface NavGroup {
  key: string;
  label: string;
  icon: ReactNode;
  entries: NavEntry[];
}

export const SERVICE_ENTRIES: NavEntry[] = [
  {
    path: '/tickets',
    label: 'nav.tickets',
    permission: 'ticket.read',
    scopes: ['all', 'dealer'],
    icon: <ProfileOutlined aria-hidden />,
  },
  // Customers get their own pages: their tickets only, without internal notes or the desk's tools.
  {
    path: '/portal',
    label: 'nav.portal',
    permission: 'ticket.read',
    scopes: ['customer'],
    icon: <ProfileOutlined aria-hidden />,
  },
  {
    path: '/portal/report',
    label: 'nav.portalReport',
    permission: 'ticket.create',
    scopes: ['customer'],
    icon: <AlertOutlined aria-hidden />,
  },
];

// 现场服务: dispatching and the paperwork after it are staff work; engineers get their phone view.
export const FIELD_ENTRIES: NavEntry[] = [
  {
    path: '/dispatch',
    label: 'field.nav.board',
    permission: 'engineer.read',
    scopes: ['all', 'dealer'],
    icon: <ScheduleOutlined aria-hidden />,
  },
  {
    path: '/work-orders',
    label: 'field.nav.workOrders',
    permission: 'workorder.read',
    scopes: ['all', 'dealer'],
    icon: <FileTextOutlined aria-hidden />,
  },
  {
    path: '/work-orders/open-paperwork',
    label: 'field.nav.openPaperwork',
    permission: 'workorder.read',
    scopes: ['all', 'dealer'],
    icon: <ExceptionOutlined aria-hidden />,
  },
  {
    path: '/field-feedback',
    label: 'field.nav.feedback',
    permission: 'workorder.read',
    scopes: ['all', 'dealer'],
    icon: <FormOutlined aria-hidden />,
  },
  {
    path: '/engineers',
    label: 'field.nav.engineers',
    permission: 'engineer.read',
    scopes: ['all', 'dealer'],
    icon: <IdcardOutlined aria-hidden />,
  },
  {
    path: '/m',
    label: 'field.nav.mobile',
    permission: 'workorder.field',
    scopes: ['all', 'dealer'],
    icon: <MobileOutlined aria-hidden />,
  },
];

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
    path: '/admin/calendars',
    label: 'nav.calendars',
    permission: 'sla.read',
    internalOnly: true,
    icon: <CalendarOutlined aria-hidden />,
  },
  {
    path: '/admin/sla-policies',
    label: 'nav.slaPolicies',
    permission: 'sla.read',
    internalOnly: true,
    icon: <FieldTimeOutlined aria-hidden />,
  },
  {
    path: '/admin/robots',
    label: 'nav.robots',
    permission: 'sla.write',
    internalOnly: true,
    icon: <RobotOutlined aria-hidden />,
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
  if (entry.scopes && !entry.scopes.includes(me.role.scope)) return false;
  return !entry.internalOnly || me.role.scope === 'all';
}

export const NAV_GROUPS: NavGroup[] = [
  {
    key: 'service',
    label: 'nav.service',
    icon: <CustomerServiceOutlined aria-hidden />,
    entries: [...SERVICE_ENTRIES, RETURNS_ENTRY],
  },
  { key: 'field', label: 'field.nav.group', icon: <CarOutlined aria-hidden />, entries: FIELD_ENTRIES },
  { key: 'catalog', label: 'nav.catalog', icon: <ContactsOutlined aria-hidden />, entries: CATALOG_ENTRIES },
  { ...PARTS_GROUP, entries: PARTS_ENTRIES },
  { ...FOLLOWUP_GROUP, entries: FOLLOWUP_ENTRIES },
  { ...COMPLAINTS_GROUP, entries: COMPLAINTS_ENTRIES },
  { ...REPORTS_GROUP, entries: REPORTS_ENTRIES },
  { ...ADMIN_GROUP, entries: [...ADMIN_ENTRIES, PICKUP_CITIES_ENTRY] },
];

const ALL_ENTRIES = NAV_GROUPS.flatMap((g) => g.entries);

/**
 * The menu entry a URL belongs to: detail pages such as /customers/:id sit under /customers. The
 * longest match wins, so /portal/report is its own entry rather than a page under /portal.
 */
export function entryFor(pathname: string): NavEntry | undefined {
  let best: NavEntry | undefined;
  for (const e of ALL_ENTRIES) {
    const hit = pathname === e.path || pathname.startsWith(`${e.path}/`);
    if (hit && (!best || e.path.length > best.path.length)) best = e;
  }
  return best;
}
