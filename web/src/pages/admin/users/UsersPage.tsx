import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Select, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type UserPatch, usersApi } from '../../../api/endpoints';
import type { User } from '../../../api/types';
import { ActiveTag, CrudPage } from '../../../components/CrudPage';
import { useApiErrorHandler } from '../../../lib/errors';
import {
  useDealerOptions,
  useDepartmentOptions,
  useRoleLabel,
  useRoleOptions,
  useServiceCentreOptions,
} from '../../../lib/lookups';
import { useCan } from '../../../lib/session';
import { formatTime, isFuture } from '../../../lib/time';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFields, type UserValues } from './UserFields';

// Nullable ids become undefined so Selects show their placeholder instead of an empty value.
const toValues = (u: User): UserValues => ({
  displayName: u.displayName,
  roleCode: u.roleCode,
  departmentId: u.departmentId ?? undefined,
  serviceCentreId: u.serviceCentreId ?? undefined,
  dealerId: u.dealerId ?? undefined,
  email: u.email ?? undefined,
  phone: u.phone ?? undefined,
  active: u.active,
});

export default function UsersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const canWrite = can('user.write');
  const canOrg = can('org.read');
  const [roleCode, setRoleCode] = useState<string>();
  const [active, setActive] = useState<'true' | 'false'>();
  const [resetting, setResetting] = useState<User | null>(null);

  const roleOptions = useRoleOptions(can('role.read'));
  const roleLabel = useRoleLabel(can('role.read'));
  const departments = useDepartmentOptions(canOrg);
  const serviceCentres = useServiceCentreOptions(canOrg);
  const dealers = useDealerOptions(canOrg);

  const unlock = async (user: User) => {
    try {
      await usersApi.unlock(user.id);
      void message.success(t('users.unlocked'));
      await queryClient.invalidateQueries({ queryKey: ['users'] });
    } catch (err) {
      handleError(err);
    }
  };

  const affiliation = (u: User) =>
    [
      u.departmentId && departments.byId.get(u.departmentId),
      u.serviceCentreId && serviceCentres.byId.get(u.serviceCentreId),
      u.dealerId && dealers.byId.get(u.dealerId),
    ]
      .filter(Boolean)
      .join(' / ');

  const columns: ColumnsType<User> = [
    { title: t('users.username'), dataIndex: 'username', key: 'username' },
    { title: t('users.displayName'), dataIndex: 'displayName', key: 'displayName' },
    { title: t('users.role'), dataIndex: 'roleCode', key: 'role', render: (code: string) => roleLabel(code) },
    { title: t('users.affiliation'), key: 'affiliation', render: (_, u) => affiliation(u) },
    { title: t('common.phone'), dataIndex: 'phone', key: 'phone' },
    { title: t('common.email'), dataIndex: 'email', key: 'email' },
    {
      title: t('common.status'),
      dataIndex: 'active',
      key: 'active',
      render: (value: boolean) => <ActiveTag active={value} />,
    },
    {
      title: t('users.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      key: 'lastLoginAt',
      render: (v: string | null) => formatTime(v),
    },
    {
      title: t('users.lockedUntil'),
      dataIndex: 'lockedUntil',
      key: 'lockedUntil',
      render: (v: string | null) =>
        isFuture(v) ? (
          <Space size={4}>
            <Tag color="red">{t('users.locked')}</Tag>
            {formatTime(v)}
          </Space>
        ) : null,
    },
  ];

  const fieldOptions = {
    roles: roleOptions,
    departments: departments.options,
    serviceCentres: serviceCentres.options,
    dealers: dealers.options,
    showOrg: canOrg,
  };

  return (
    <>
      <CrudPage<User, UserValues>
        resource="users"
        title={t('users.title')}
        createLabel={t('users.create')}
        createTestId="create-user"
        list={(p) => usersApi.list(p)}
        extraParams={{ roleCode, active }}
        filters={
          <>
            <Select
              allowClear
              placeholder={t('users.roleFilter')}
              aria-label={t('users.roleFilter')}
              options={roleOptions}
              value={roleCode}
              onChange={setRoleCode}
              style={{ width: 160 }}
            />
            <Select
              allowClear
              placeholder={t('users.activeFilter')}
              aria-label={t('users.activeFilter')}
              options={[
                { value: 'true', label: t('common.active') },
                { value: 'false', label: t('common.inactive') },
              ]}
              value={active}
              onChange={setActive}
              style={{ width: 140 }}
            />
          </>
        }
        columns={columns}
        canWrite={canWrite}
        rowActions={
          canWrite
            ? (u) => (
                <>
                  <Button type="link" size="small" onClick={() => setResetting(u)}>
                    {t('users.resetPassword')}
                  </Button>
                  {isFuture(u.lockedUntil) && (
                    <Button type="link" size="small" onClick={() => void unlock(u)}>
                      {t('users.unlock')}
                    </Button>
                  )}
                </>
              )
            : undefined
        }
        form={{
          createTitle: t('users.create'),
          editTitle: t('users.editTitle'),
          fields: (mode) => <UserFields mode={mode} options={fieldOptions} />,
          toValues,
          create: (body) => usersApi.create(body as Parameters<typeof usersApi.create>[0]),
          update: (u, patch) => usersApi.update(u.id, { ...patch, version: u.version } as UserPatch),
          fetchOne: usersApi.get,
        }}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
