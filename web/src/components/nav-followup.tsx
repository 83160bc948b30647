import { PhoneOutlined, SmileOutlined, StarOutlined } from '@ant-design/icons';
import type { NavEntry } from './nav';

// 回访与满意度: the return-visit queue (quality department and desk; dealers read their own) and the
// satisfaction surveys. Customers answer surveys through their link (/s/<token>), not through the menu.
export const FOLLOWUP_GROUP = {
  key: 'followup',
  label: 'followupNav.group',
  icon: <SmileOutlined aria-hidden />,
};

export const FOLLOWUP_ENTRIES: NavEntry[] = [
  {
    path: '/follow-up-visits',
    label: 'followupNav.visits',
    permission: 'followup.read',
    scopes: ['all', 'dealer'],
    icon: <PhoneOutlined aria-hidden />,
  },
  {
    path: '/surveys',
    label: 'followupNav.surveys',
    permission: 'survey.read',
    scopes: ['all', 'dealer'],
    icon: <StarOutlined aria-hidden />,
  },
];
