import { EnvironmentOutlined, RollbackOutlined } from '@ant-design/icons';
import type { NavEntry } from './nav';

// 退换货 sits with the service requests it comes from; customers file and follow theirs in the portal.
export const RETURNS_ENTRY: NavEntry = {
  path: '/returns',
  label: 'rmaNav.returns',
  permission: 'return.read',
  scopes: ['all', 'dealer'],
  icon: <RollbackOutlined aria-hidden />,
};

/** The 48-city pickup list is data the administrator keeps (issue 12 item 4). */
export const PICKUP_CITIES_ENTRY: NavEntry = {
  path: '/admin/return-pickup-cities',
  label: 'rmaNav.pickupCities',
  permission: 'return.settings',
  internalOnly: true,
  icon: <EnvironmentOutlined aria-hidden />,
};
