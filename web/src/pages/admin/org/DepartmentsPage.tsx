import { Form, Input, Select } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { departmentsApi } from '../../../api/endpoints';
import type { Department } from '../../../api/types';
import { CrudPage } from '../../../components/CrudPage';
import { localName } from '../../../i18n';
import { useDepartmentOptions, useUserOptions } from '../../../lib/lookups';
import { useCan } from '../../../lib/session';
import { ActiveField, CodeNameFields, codeColumn, tailColumns } from './common';

type Values = {
  code: string;
  name: string;
  nameEn?: string;
  parentId?: string;
  headUserId?: string;
  active?: boolean;
};

const toValues = (d: Department): Values => ({
  code: d.code,
  name: d.name,
  nameEn: d.nameEn ?? undefined,
  parentId: d.parentId ?? undefined,
  headUserId: d.headUserId ?? undefined,
  active: d.active,
});

const search = { optionFilterProp: 'label' } as const;

export default function DepartmentsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const canUsers = can('user.read');
  const departments = useDepartmentOptions(true);
  const users = useUserOptions(canUsers);

  const columns: ColumnsType<Department> = [
    codeColumn(t),
    { title: t('common.name'), key: 'name', render: (_, d) => localName(d) },
    {
      title: t('org.parent'),
      dataIndex: 'parentId',
      key: 'parentId',
      render: (id: string | null) => (id ? (departments.byId.get(id) ?? '') : ''),
    },
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
    ...tailColumns<Department>(t),
  ];

  const fields = (mode: 'create' | 'edit', record?: Department) => (
    <>
      <CodeNameFields mode={mode} />
      <Form.Item name="nameEn" label={t('common.nameEn')}>
        <Input />
      </Form.Item>
      <Form.Item name="parentId" label={t('org.parent')}>
        <Select
          allowClear
          showSearch={search}
          // A department cannot be its own parent.
          options={departments.options.filter((o) => o.value !== record?.id)}
        />
      </Form.Item>
      {canUsers && (
        <Form.Item name="headUserId" label={t('org.head')}>
          <Select allowClear showSearch={search} options={users.options} />
        </Form.Item>
      )}
      <ActiveField mode={mode} />
    </>
  );

  return (
    <CrudPage<Department, Values>
      resource="departments"
      title={t('org.departments')}
      createLabel={t('org.createDepartment')}
      createTestId="create-department"
      list={(p) => departmentsApi.list(p)}
      columns={columns}
      canWrite={can('org.write')}
      form={{
        createTitle: t('org.createDepartment'),
        editTitle: t('org.editDepartment'),
        fields,
        toValues,
        create: (body) => departmentsApi.create(body),
        update: (d, patch) => departmentsApi.update(d.id, { ...patch, version: d.version }),
      }}
    />
  );
}
