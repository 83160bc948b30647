import { useQuery } from '@tanstack/react-query';
import { Button, Drawer, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { policiesApi } from '../../api/catalog';
import type { Policy } from '../../api/catalog-types';
import { POLICIES } from '../../lib/catalog-lookups';
import { useApiErrorHandler } from '../../lib/errors';
import { formatTime } from '../../lib/time';
import { PolicyTerms } from './PolicyTerms';

interface Props {
  policy: Policy | null;
  onClose: () => void;
  /** Offered only for the current version, and only with product.write. */
  onRevise?: (policy: Policy) => void;
}

/** One policy's terms plus its version history; older versions can be opened for comparison. */
export function PolicyDrawer({ policy, onClose, onRevise }: Props) {
  const { t } = useTranslation();
  const handleError = useApiErrorHandler();
  const [viewing, setViewing] = useState<Policy | null>(policy);
  const [openedFor, setOpenedFor] = useState(policy?.id);
  if (policy?.id !== openedFor) {
    // Another policy was opened: start from its own current terms.
    setOpenedFor(policy?.id);
    setViewing(policy);
  }

  const versions = useQuery({
    queryKey: [POLICIES, 'versions', policy?.id],
    queryFn: async () => (await policiesApi.versions(policy?.id as string)).items,
    enabled: !!policy,
  });
  useEffect(() => {
    if (versions.error) handleError(versions.error);
  }, [versions.error, handleError]);

  const shown = viewing ?? policy;

  return (
    <Drawer
      open={policy !== null}
      onClose={onClose}
      size={760}
      title={t('policies.details')}
      destroyOnHidden
      extra={
        shown?.current && onRevise ? (
          <Button type="primary" data-testid="revise-policy-drawer" onClick={() => onRevise(shown)}>
            {t('policies.revise')}
          </Button>
        ) : null
      }
    >
      {shown && (
        <>
          {!shown.current && (
            <Typography.Paragraph type="warning">
              {t('policies.viewing', { version: shown.version })}
            </Typography.Paragraph>
          )}
          <PolicyTerms policy={shown} />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('policies.versions')}
          </Typography.Title>
          <Table<Policy>
            data-testid="policy-versions"
            size="small"
            rowKey="id"
            pagination={false}
            loading={versions.isFetching}
            dataSource={versions.data ?? []}
            rowClassName={(v) => (v.id === shown.id ? 'ant-table-row-selected' : '')}
            onRow={(v) => ({ onClick: () => setViewing(v), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('policies.version'), dataIndex: 'version', render: (v: number) => `v${v}` },
              { title: t('policies.name'), dataIndex: 'name' },
              {
                title: t('policies.createdAt'),
                dataIndex: 'createdAt',
                render: (v: string) => formatTime(v),
              },
              {
                title: t('policies.supersededAt'),
                dataIndex: 'supersededAt',
                render: (v: string | null, p) =>
                  p.current ? <Tag color="green">{t('policies.current')}</Tag> : formatTime(v),
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
