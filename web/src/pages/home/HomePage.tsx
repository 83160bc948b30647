import { Card, Descriptions, Empty, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { localName, permissionLabel } from '../../i18n';
import { usePermissions } from '../../lib/lookups';
import { useCan, useMe } from '../../lib/session';

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  // The server's catalogue names permissions added after this build; without role.read fall back to ours.
  const catalogue = usePermissions(can('role.read')).data;
  const byCode = new Map((catalogue ?? []).map((p) => [p.code, p]));
  const label = (code: string) => {
    const p = byCode.get(code);
    return p ? localName(p) : permissionLabel(code);
  };

  // Customers come to report a problem or follow one up: their home is the portal.
  if (me.role.scope === 'customer' && can('ticket.read')) return <Navigate to="/portal" replace />;
  // Field engineers work from their phones: their home is the list of their own work orders.
  if (me.roleCode === 'engineer' && can('workorder.field')) return <Navigate to="/m" replace />;

  const org: { label: string; value: string }[] = [];
  if (me.departmentName) org.push({ label: t('home.department'), value: me.departmentName });
  if (me.serviceCentreName) org.push({ label: t('home.serviceCentre'), value: me.serviceCentreName });
  if (me.dealerName) org.push({ label: t('home.dealer'), value: me.dealerName });

  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="welcome">
        {t('home.welcome', { name: me.displayName })}
      </Typography.Title>
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'role', label: t('home.role'), children: localName(me.role) },
          ...org.map((o) => ({ key: o.label, label: o.label, children: o.value })),
          {
            key: 'scope',
            label: t('home.dataScope'),
            children: t(`scope.${me.role.scope}`, { defaultValue: me.role.scope }),
          },
        ]}
        style={{ marginBottom: 24, maxWidth: 560 }}
      />
      <Typography.Title level={5}>{t('home.canDo')}</Typography.Title>
      {me.permissions.length === 0 ? (
        <Empty description={t('home.noPermissions')} />
      ) : (
        <ul data-testid="permission-list" style={{ paddingLeft: 20, maxWidth: 560, lineHeight: 2 }}>
          {me.permissions.map((code) => (
            <li key={code}>
              {label(code)} <Tag style={{ marginLeft: 8 }}>{code}</Tag>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
