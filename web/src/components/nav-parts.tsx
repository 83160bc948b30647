import {
  AccountBookOutlined,
  AppstoreOutlined,
  BuildOutlined,
  EnvironmentOutlined,
  InboxOutlined,
  RollbackOutlined,
  SnippetsOutlined,
} from '@ant-design/icons';
import type { NavEntry } from './nav';

// 备件: catalogue, stock and stores, dealers' stocking plans, price lists, old-part returns. Dealers
// see their own stores, stock and plans; customers hold none of it (no part.read).
export const PARTS_GROUP = { key: 'parts', label: 'partsNav.group', icon: <BuildOutlined aria-hidden /> };

export const PARTS_ENTRIES: NavEntry[] = [
  {
    path: '/parts',
    label: 'partsNav.parts',
    permission: 'part.read',
    icon: <AppstoreOutlined aria-hidden />,
  },
  { path: '/stock', label: 'partsNav.stock', permission: 'part.read', icon: <InboxOutlined aria-hidden /> },
  {
    path: '/stock-locations',
    label: 'partsNav.locations',
    permission: 'part.read',
    icon: <EnvironmentOutlined aria-hidden />,
  },
  {
    path: '/stocking-plans',
    label: 'partsNav.plans',
    permission: 'part.read',
    icon: <SnippetsOutlined aria-hidden />,
  },
  {
    path: '/price-lists',
    label: 'partsNav.priceLists',
    permission: 'part.read',
    icon: <AccountBookOutlined aria-hidden />,
  },
  {
    path: '/old-part-returns',
    label: 'partsNav.oldParts',
    permission: 'part.read',
    icon: <RollbackOutlined aria-hidden />,
  },
];
