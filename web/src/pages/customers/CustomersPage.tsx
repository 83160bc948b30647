import { Button, Select, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { customersApi } from '../../api/catalog';
import {
  type Customer,
  type CustomerKind,
  type CustomerStatus,
  GRADES,
  type Grade,
} from '../../api/catalog-types';
import { CrudPage } from '../../components/CrudPage';
import { ExcelActions } from '../../components/excel/ExcelActions';
import { CUSTOMERS } from '../../lib/catalog-lookups';
import { useDealerOptions, useUserOptions } from '../../lib/lookups';
import { useCan } from '../../lib/session';
import { ArchiveModal } from './ArchiveModal';
import {
  CUSTOMER_DEFAULTS,
  CustomerFields,
  type CustomerValues,
  customerToBody,
  customerToValues,
} from './CustomerFields';
import { BusinessTag, GradeTag, kindLabel, kindOptions, StatusTag, statusOptions } from './common';

export default function CustomersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const canWrite = can('customer.write');
  const dealers = useDealerOptions(can('org.read'));
  const users = useUserOptions(can('user.read') && canWrite);
  const [kind, setKind] = useState<CustomerKind>();
  const [grade, setGrade] = useState<Grade>();
  const [status, setStatus] = useState<CustomerStatus>();
  const [archiving, setArchiving] = useState<Customer | null>(null);

  const primaryContact = (c: Customer) => {
    const p = c.contacts.find((x) => x.primary) ?? c.contacts[0];
    return p ? [p.name, p.phone].filter(Boolean).join(' ') : '';
  };

  const columns: ColumnsType<Customer> = [
    { title: t('customers.code'), dataIndex: 'code', key: 'code' },
    {
      title: t('customers.name'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, c) => (
        <Link to={`/customers/${c.id}`} data-testid="customer-link">
          {name}
        </Link>
      ),
    },
    { title: t('customers.kind'), dataIndex: 'kind', key: 'kind', render: (k: string) => kindLabel(t, k) },
    {
      title: t('customers.grade'),
      dataIndex: 'grade',
      key: 'grade',
      render: (g: string) => <GradeTag grade={g} />,
    },
    {
      title: t('customers.dealer'),
      dataIndex: 'dealerId',
      key: 'dealer',
      render: (id: string | null) => (id ? (dealers.byId.get(id) ?? '') : ''),
    },
    { title: t('customers.region'), dataIndex: 'region', key: 'region' },
    { title: t('customers.phone'), dataIndex: 'phone', key: 'phone' },
    { title: t('customers.contacts'), key: 'contact', render: (_, c) => primaryContact(c) },
    {
      title: t('customers.status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: Customer['status'], c) => (
        <Space size={4}>
          <StatusTag status={s} />
          {c.businessStatus !== 'operating' && <BusinessTag status={c.businessStatus} />}
        </Space>
      ),
    },
  ];

  const labelled = (label: string) => ({ 'aria-label': label, placeholder: label, allowClear: true });

  return (
    <>
      <CrudPage<Customer, CustomerValues>
        resource={CUSTOMERS}
        title={t('customers.title')}
        createLabel={t('customers.create')}
        createTestId="create-customer"
        search={{ placeholder: t('customers.searchPlaceholder'), testId: 'customer-search' }}
        toolbar={<ExcelActions kind="customers" resource={CUSTOMERS} />}
        list={(p) => customersApi.list(p)}
        extraParams={{ kind, grade, status }}
        filters={
          <>
            <Select
              {...labelled(t('customers.kindFilter'))}
              data-testid="filter-kind"
              options={kindOptions(t)}
              value={kind}
              onChange={setKind}
              style={{ width: 140 }}
            />
            <Select
              {...labelled(t('customers.gradeFilter'))}
              data-testid="filter-grade"
              options={GRADES.map((g) => ({ value: g, label: `${g} · ${t(`customers.grades.${g}`)}` }))}
              value={grade}
              onChange={setGrade}
              style={{ width: 160 }}
            />
            <Select
              {...labelled(t('customers.statusFilter'))}
              data-testid="filter-status"
              options={statusOptions(t)}
              value={status}
              onChange={setStatus}
              style={{ width: 120 }}
            />
          </>
        }
        columns={columns}
        canWrite={canWrite}
        rowActions={(c) => (
          <Space size={0}>
            <Link to={`/customers/${c.id}`}>{t('catalog.detail')}</Link>
            {canWrite && c.status === 'active' && (
              <Button
                type="link"
                size="small"
                danger
                data-testid="archive-customer"
                onClick={() => setArchiving(c)}
              >
                {t('customers.archive')}
              </Button>
            )}
          </Space>
        )}
        form={{
          createTitle: t('customers.create'),
          editTitle: t('customers.editTitle'),
          modalWidth: 860,
          fields: (mode) => (
            <CustomerFields
              mode={mode}
              options={{
                dealers: can('org.read') ? dealers.options : undefined,
                users: can('user.read') ? users.options : undefined,
              }}
            />
          ),
          toValues: customerToValues,
          toBody: customerToBody,
          createDefaults: CUSTOMER_DEFAULTS,
          create: (body) => customersApi.create(body),
          update: (c, patch) => customersApi.update(c.id, { ...patch, version: c.version }),
          fetchOne: customersApi.get,
        }}
      />
      <ArchiveModal customer={archiving} onChange={setArchiving} />
    </>
  );
}
