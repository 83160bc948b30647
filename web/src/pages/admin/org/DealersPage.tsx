import { Form, Input, Select, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { dealersApi } from '../../../api/endpoints';
import type { Dealer } from '../../../api/types';
import { CrudPage } from '../../../components/CrudPage';
import { useCan } from '../../../lib/session';
import { ActiveField, CodeNameFields, codeColumn, tailColumns } from './common';

type Values = {
  code: string;
  name: string;
  regions: string[];
  contactName?: string;
  phone?: string;
  address?: string;
  active?: boolean;
};

const toValues = (d: Dealer): Values => ({
  code: d.code,
  name: d.name,
  regions: d.regions ?? [],
  contactName: d.contactName ?? undefined,
  phone: d.phone ?? undefined,
  address: d.address ?? undefined,
  active: d.active,
});

/** Dealer users see this page too (org.read), but the server only ever returns their own dealer. */
export default function DealersPage() {
  const { t } = useTranslation();
  const can = useCan();

  const columns: ColumnsType<Dealer> = [
    codeColumn(t),
    { title: t('common.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('org.regions'),
      dataIndex: 'regions',
      key: 'regions',
      render: (regions: string[] | null) => (regions ?? []).map((r) => <Tag key={r}>{r}</Tag>),
    },
    { title: t('org.contactName'), dataIndex: 'contactName', key: 'contactName' },
    { title: t('common.phone'), dataIndex: 'phone', key: 'phone' },
    { title: t('common.address'), dataIndex: 'address', key: 'address' },
    ...tailColumns<Dealer>(t),
  ];

  const fields = (mode: 'create' | 'edit') => (
    <>
      <CodeNameFields mode={mode} />
      <Form.Item name="regions" label={t('org.regions')} extra={t('org.regionsHint')}>
        <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} suffixIcon={null} />
      </Form.Item>
      <Form.Item name="contactName" label={t('org.contactName')}>
        <Input />
      </Form.Item>
      <Form.Item name="phone" label={t('common.phone')}>
        <Input />
      </Form.Item>
      <Form.Item name="address" label={t('common.address')}>
        <Input />
      </Form.Item>
      <ActiveField mode={mode} />
    </>
  );

  return (
    <CrudPage<Dealer, Values>
      resource="dealers"
      title={t('org.dealers')}
      createLabel={t('org.createDealer')}
      createTestId="create-dealer"
      list={(p) => dealersApi.list(p)}
      columns={columns}
      canWrite={can('org.write')}
      form={{
        createTitle: t('org.createDealer'),
        editTitle: t('org.editDealer'),
        fields,
        toValues,
        createDefaults: { regions: [] },
        create: (body) => dealersApi.create(body),
        update: (d, patch) => dealersApi.update(d.id, { ...patch, version: d.version }),
        fetchOne: dealersApi.get,
      }}
    />
  );
}
