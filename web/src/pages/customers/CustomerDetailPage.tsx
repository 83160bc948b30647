import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Empty, Space, Table, Tabs, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { customersApi } from '../../api/catalog';
import type { Contact, Customer } from '../../api/catalog-types';
import { FormModal } from '../../components/FormModal';
import { LoadFailed } from '../../components/LoadFailed';
import { CUSTOMERS } from '../../lib/catalog-lookups';
import { patchBody } from '../../lib/forms';
import { useDealerOptions, useUserOptions } from '../../lib/lookups';
import { useCan } from '../../lib/session';
import { formatTime } from '../../lib/time';
import { TicketList } from '../tickets/TicketList';
import { ArchiveModal } from './ArchiveModal';
import { CustomerAssets } from './CustomerAssets';
import { CustomerFields, type CustomerValues, customerToBody, customerToValues } from './CustomerFields';
import { BusinessTag, GradeTag, kindLabel, StatusTag } from './common';
import { FullArchive } from './FullArchive';
import { LastReviewNote } from './LastReview';

/**
 * 客户档案卡: every field of the archive, its contacts and machines, and (later) service records;
 * the second tab opens the full archive, which is access-controlled and logged (GK-03).
 */
export default function CustomerDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const queryClient = useQueryClient();
  const canWrite = can('customer.write');
  const dealers = useDealerOptions(can('org.read'));
  const users = useUserOptions(can('user.read'));
  const [editing, setEditing] = useState<Customer | null>(null);
  const [archiving, setArchiving] = useState<Customer | null>(null);

  const query = useQuery({ queryKey: [CUSTOMERS, 'detail', id], queryFn: () => customersApi.get(id) });
  const c = query.data;
  if (!c) return <LoadFailed error={query.error} onRetry={() => void query.refetch()} />;

  const save = async (values: CustomerValues) => {
    if (!editing) return;
    const patch = patchBody(customerToBody(customerToValues(editing)), customerToBody(values));
    if (Object.keys(patch).length > 0) {
      await customersApi.update(editing.id, { ...patch, version: editing.version });
      void message.success(t('common.saved'));
    }
    setEditing(null);
    await queryClient.invalidateQueries({ queryKey: [CUSTOMERS] });
  };

  const reloadEditing = async () => {
    const fresh = await customersApi.get(id);
    setEditing(fresh);
    void queryClient.invalidateQueries({ queryKey: [CUSTOMERS] });
  };

  const item = (key: keyof Customer | string, label: string, children: ReactNode, span = 1) => ({
    key,
    label,
    children,
    span,
  });

  const card = (
    <>
      <Card
        data-testid="customer-card"
        title={
          <Space wrap>
            <span data-testid="customer-name">{c.name}</span>
            <GradeTag grade={c.grade} />
            <StatusTag status={c.status} />
            {c.businessStatus !== 'operating' && <BusinessTag status={c.businessStatus} />}
          </Space>
        }
        extra={
          <Space wrap>
            <Link to="/customers">
              <ArrowLeftOutlined aria-hidden /> {t('customers.backToList')}
            </Link>
            {canWrite && (
              <Button data-testid="edit-customer" onClick={() => setEditing(c)}>
                {t('common.edit')}
              </Button>
            )}
            {canWrite && c.status === 'active' && (
              <Button danger data-testid="archive-customer" onClick={() => setArchiving(c)}>
                {t('customers.archive')}
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            item('code', t('customers.code'), c.code),
            item('kind', t('customers.kind'), kindLabel(t, c.kind)),
            item('business', t('business.label'), <BusinessTag status={c.businessStatus} />),
            item('dealer', t('customers.dealer'), c.dealerId ? (dealers.byId.get(c.dealerId) ?? '') : ''),
            item('region', t('customers.region'), c.region),
            item('phone', t('customers.phone'), c.phone),
            item('industry', t('customers.industry'), c.industry),
            item('address', t('customers.address'), c.address, 2),
            item('owner', t('customers.owner'), c.ownerUserId ? (users.byId.get(c.ownerUserId) ?? '') : ''),
            item('coop', t('customers.completedCooperations'), c.completedCooperations),
            item('review', t('customers.lastReview'), <LastReviewNote review={c.lastReview} />, 2),
            item('notes', t('customers.notes'), c.notes, 3),
            ...(c.status === 'archived'
              ? [
                  item('archivedAt', t('customers.archivedAt'), formatTime(c.archivedAt)),
                  item('archivedReason', t('customers.archivedReason'), c.archivedReason, 2),
                ]
              : []),
            item('createdAt', t('common.createdAt'), formatTime(c.createdAt)),
            item('updatedAt', t('common.updatedAt'), formatTime(c.updatedAt)),
          ]}
        />
        <Table<Contact>
          style={{ marginTop: 16 }}
          data-testid="customer-contacts"
          title={() => t('customers.contacts')}
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={c.contacts}
          locale={{ emptyText: t('customers.noContacts') }}
          columns={[
            {
              title: t('customers.contactName'),
              dataIndex: 'name',
              render: (name: string, p) => (
                <Space size={4}>
                  {name}
                  {p.primary && <Tag color="blue">{t('customers.primary')}</Tag>}
                </Space>
              ),
            },
            { title: t('customers.contactTitle'), dataIndex: 'title' },
            { title: t('customers.contactPhone'), dataIndex: 'phone' },
            { title: t('customers.contactEmail'), dataIndex: 'email' },
          ]}
        />
      </Card>
      {can('asset.read') && <CustomerAssets customer={c} />}
      <Card
        title={t('customers.serviceRecords')}
        style={{ marginTop: 16 }}
        data-testid="customer-service-records"
      >
        {can('ticket.read') ? (
          <TicketList customerId={c.id} />
        ) : (
          <Empty description={t('customers.noServiceRecords')}>
            <Typography.Text type="secondary">{t('customers.serviceRecordsHint')}</Typography.Text>
          </Empty>
        )}
      </Card>
    </>
  );

  return (
    <>
      {/* Inactive tabs render on first opening only, so the logged archive view waits for a click. */}
      <Tabs
        items={[
          { key: 'card', label: <span data-testid="tab-card">{t('archive.tabCard')}</span>, children: card },
          {
            key: 'archive',
            label: <span data-testid="tab-archive">{t('archive.tabFull')}</span>,
            children: <FullArchive customer={c} />,
          },
        ]}
      />
      <FormModal<CustomerValues>
        open={editing !== null}
        title={t('customers.editTitle')}
        width={860}
        initialValues={editing ? customerToValues(editing) : undefined}
        resetKey={editing ? `${editing.id}:${editing.version}` : 'none'}
        onSubmit={save}
        onCancel={() => setEditing(null)}
        onConflict={() => void reloadEditing()}
      >
        <CustomerFields
          mode="edit"
          options={{
            dealers: can('org.read') ? dealers.options : undefined,
            users: can('user.read') ? users.options : undefined,
          }}
        />
      </FormModal>
      <ArchiveModal customer={archiving} onChange={setArchiving} />
    </>
  );
}
