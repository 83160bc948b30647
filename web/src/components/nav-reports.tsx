import { DashboardOutlined, FundOutlined, MailOutlined } from '@ant-design/icons';
import type { NavEntry } from './nav';

// 看板与报表: the dashboard is open to everyone with report.read (a dealer sees its own figures); the
// stored scheduled reports are company-wide, so only all-scope staff get them.
export const REPORTS_GROUP = {
  key: 'reports',
  label: 'reportsNav.group',
  icon: <FundOutlined aria-hidden />,
};

export const REPORTS_ENTRIES: NavEntry[] = [
  {
    path: '/dashboard',
    label: 'reportsNav.dashboard',
    permission: 'report.read',
    icon: <DashboardOutlined aria-hidden />,
  },
  {
    path: '/reports',
    label: 'reportsNav.reports',
    permission: 'report.read',
    internalOnly: true,
    icon: <MailOutlined aria-hidden />,
  },
];
