import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../api/catalog-types';
import { useCurrentPolicies } from '../../lib/catalog-lookups';
import { useApiErrorHandler } from '../../lib/errors';
import { formatHoursLimit } from '../../lib/format';
import { useCan } from '../../lib/session';
import { formatTime } from '../../lib/time';
import { PolicyDrawer } from './PolicyDrawer';
import { PolicyFormModal, type PolicyModalState } from './PolicyFormModal';

/** Current policy versions; history lives in the drawer, since sold machines keep their own version. */
export default function PoliciesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const canWrite = can('policy.write');
  const handleError = useApiErrorHandler();
  const policies = useCurrentPolicies();
  const [modal, setModal] = useState<PolicyModalState>(null);
  const [viewingId, setViewingId] = useState<string | null>(null);

  useEffect(() => {
    if (policies.error) handleError(policies.error);
  }, [policies.error, handleError]);

  // Look the policy up by id on each render so the drawer follows a revision (the list refetches).
  const items = policies.data ?? [];
  const viewing = items.find((p) => p.id === viewingId) ?? null;

  const revise = (p: Policy) => {
    setViewingId(null);
    setModal({ mode: 'revise', policy: p });
  };

  const columns: ColumnsType<Policy> = [
    {
      title: t('policies.name'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, p) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setViewingId(p.id)}>
          {name}
        </Button>
      ),
    },
    { title: t('policies.version'), dataIndex: 'version', key: 'version', render: (v: number) => `v${v}` },
    {
      title: t('policies.startBasis'),
      dataIndex: 'startBasis',
      key: 'startBasis',
      render: (b: string) => t(`policies.startBases.${b}`, { defaultValue: b }),
    },
    { title: t('policies.months'), dataIndex: 'months', key: 'months', align: 'right' },
    {
      title: t('policies.hoursLimit'),
      dataIndex: 'hoursLimit',
      key: 'hoursLimit',
      render: (h: number | null) => formatHoursLimit(t, h),
    },
    {
      title: t('policies.plans'),
      dataIndex: 'plans',
      key: 'plans',
      render: (plans: Policy['plans']) => plans.map((p) => <Tag key={p.code}>{p.code}</Tag>),
    },
    { title: t('policies.partMonths'), dataIndex: 'partMonths', key: 'partMonths', align: 'right' },
    {
      title: t('policies.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      render: (v: string) => formatTime(v),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, p) => (
        <Space size={0}>
          <Button type="link" size="small" data-testid="view-policy" onClick={() => setViewingId(p.id)}>
            {t('catalog.detail')}
          </Button>
          {canWrite && (
            <Button type="link" size="small" data-testid="revise-policy" onClick={() => revise(p)}>
              {t('policies.revise')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card title={t('policies.title')}>
      {canWrite && (
        <Flex justify="flex-end" style={{ marginBottom: 16 }}>
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            data-testid="create-policy"
            onClick={() => setModal({ mode: 'create' })}
          >
            {t('policies.create')}
          </Button>
        </Flex>
      )}
      <Table<Policy>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={policies.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <PolicyDrawer
        policy={viewing}
        onClose={() => setViewingId(null)}
        onRevise={canWrite ? revise : undefined}
      />
      <PolicyFormModal state={modal} onChange={setModal} />
    </Card>
  );
}
