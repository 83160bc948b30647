import { BulbOutlined, CommentOutlined, WarningOutlined } from '@ant-design/icons';
import type { NavEntry } from './nav';

// 投诉与改进: complaints are staff work (customers file and follow theirs in the portal); improvement
// suggestions are internal to R&D and quality.
export const COMPLAINTS_GROUP = {
  key: 'complaints',
  label: 'complaintNav.group',
  icon: <CommentOutlined aria-hidden />,
};

export const COMPLAINTS_ENTRIES: NavEntry[] = [
  {
    path: '/complaints',
    label: 'complaintNav.complaints',
    permission: 'complaint.read',
    scopes: ['all', 'dealer'],
    icon: <WarningOutlined aria-hidden />,
  },
  {
    path: '/improvement-suggestions',
    label: 'complaintNav.suggestions',
    permission: 'improvement.write',
    internalOnly: true,
    icon: <BulbOutlined aria-hidden />,
  },
];
