import { Form, Input, Select } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { serviceCentresApi } from '../../../api/endpoints';
import type { ServiceCentre } from '../../../api/types';
import { CrudPage } from '../../../components/CrudPage';
import { useUserOptions } from '../../../lib/lookups';
import { useCan } from '../../../lib/session';
import { ActiveField, CodeNameFields, codeColumn, tailColumns } from './common';

type Values = {
  code: string;
  name: string;
  region?: string;
  address?: string;
  phone?: string;
  headUserId?: string;
  active?: boolean;
};

const toValues = (s: ServiceCentre): Values => ({
  code: s.code,
  name: s.name,
  region: s.region ?? undefined,
  address: s.address ?? undefined,
  phone: s.phone ?? undefined,
  headUserId: s.headUserId ?? undefined,
  active: s.active,
});

export default function ServiceCentresPage() {
  const { t } = useTranslation();
  const can = useCan();
  const canUsers = can('user.read');
  const users = useUserOptions(canUsers);

  const columns: ColumnsType<ServiceCentre> = [
    codeColumn(t),
    { title: t('common.name'), dataIndex: 'name', key: 'name' },
    { title: t('org.region'), dataIndex: 'region', key: 'region' },
    { title: t('common.phone'), dataIndex: 'phone', key: 'phone' },
    { title: t('common.address'), dataIndex: 'address', key: 'address' },
    ...(canUsers
      ? [
          {
            title: t('org.head'),
            dataIndex: 'headUserId',
            key: 'headUserId',
            render: (id: string | null) => (id ? (users.byId.get(id) ?? '') : ''),
          },
        ]
      : []),
    ...tailColumns<ServiceCentre>(t),
  ];

  const fields = (mode: 'create' | 'edit') => (
    <>
      <CodeNameFields mode={mode} />
      <Form.Item name="region" label={t('org.region')}>
        <Input />
      </Form.Item>
      <Form.Item name="address" label={t('common.address')}>
        <Input />
      </Form.Item>
      <Form.Item name="phone" label={t('common.phone')}>
        <Input />
      </Form.Item>
      {canUsers && (
        <Form.Item name="headUserId" label={t('org.head')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={users.options} />
        </Form.Item>
      )}
      <ActiveField mode={mode} />
    </>
  );

  return (
    <CrudPage<ServiceCentre, Values>
      resource="service-centres"
      title={t('org.serviceCentres')}
      createLabel={t('org.createServiceCentre')}
      createTestId="create-service-centre"
      list={(p) => serviceCentresApi.list(p)}
      columns={columns}
      canWrite={can('org.write')}
      form={{
        createTitle: t('org.createServiceCentre'),
        editTitle: t('org.editServiceCentre'),
        fields,
        toValues,
        create: (body) => serviceCentresApi.create(body),
        update: (s, patch) => serviceCentresApi.update(s.id, { ...patch, version: s.version }),
      }}
    />
  );
}
