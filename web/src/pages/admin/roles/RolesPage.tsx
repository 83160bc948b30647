import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../api/types';
import { localName } from '../../../i18n';
import { useApiErrorHandler } from '../../../lib/errors';
import { usePermissions, useRoles } from '../../../lib/lookups';
import { useCan } from '../../../lib/session';
import { RoleFormModal, type RoleModalState } from './RoleFormModal';

// The administrator role must keep every permission, or nobody could repair a broken setup.
const LOCKED_ROLE = 'admin';

export default function RolesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const canWrite = can('role.write');
  const handleError = useApiErrorHandler();
  const roles = useRoles();
  const permissions = usePermissions();
  const [modal, setModal] = useState<RoleModalState>(null);

  const error = roles.error ?? permissions.error;
  useEffect(() => {
    if (error) handleError(error);
  }, [error, handleError]);

  const columns: ColumnsType<Role> = [
    { title: t('roles.code'), dataIndex: 'code', key: 'code' },
    { title: t('roles.name'), key: 'name', render: (_, r) => localName(r) },
    {
      title: t('roles.scope'),
      dataIndex: 'scope',
      key: 'scope',
      render: (s: string) => t(`scope.${s}`, { defaultValue: s }),
    },
    {
      title: t('roles.builtin'),
      dataIndex: 'builtin',
      key: 'builtin',
      render: (b: boolean) =>
        b ? <Tag color="blue">{t('roles.builtin')}</Tag> : <Tag>{t('roles.custom')}</Tag>,
    },
    {
      title: t('roles.permissionCount'),
      key: 'permissionCount',
      render: (_, r) => r.permissions.length,
    },
    { title: t('roles.description'), dataIndex: 'description', key: 'description' },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) => {
        const locked = r.code === LOCKED_ROLE;
        const button = (
          <Button
            type="link"
            size="small"
            disabled={!canWrite || locked}
            onClick={() => setModal({ mode: 'edit', role: r })}
          >
            {t('common.edit')}
          </Button>
        );
        return locked ? <Tooltip title={t('roles.adminLocked')}>{button}</Tooltip> : button;
      },
    },
  ];

  return (
    <Card title={t('roles.title')}>
      {canWrite && (
        <Flex justify="flex-end" style={{ marginBottom: 16 }}>
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            data-testid="create-role"
            onClick={() => setModal({ mode: 'create' })}
          >
            {t('roles.create')}
          </Button>
        </Flex>
      )}
      <Table<Role>
        rowKey="code"
        size="middle"
        columns={columns}
        dataSource={roles.data ?? []}
        loading={roles.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <RoleFormModal state={modal} catalogue={permissions.data ?? []} onChange={setModal} />
    </Card>
  );
}
