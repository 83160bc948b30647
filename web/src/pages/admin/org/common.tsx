import { Form, Input, Switch } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ActiveTag } from '../../../components/CrudPage';
import { formatTime } from '../../../lib/time';

/** Codes are what other systems and imports key on, so they are fixed once created. */
export function CodeNameFields({ mode }: { mode: 'create' | 'edit' }) {
  const { t } = useTranslation();
  const required = { required: true, whitespace: true, message: t('users.required') };
  return (
    <>
      <Form.Item name="code" label={t('common.code')} rules={[required]}>
        <Input disabled={mode === 'edit'} />
      </Form.Item>
      <Form.Item name="name" label={t('common.name')} rules={[required]}>
        <Input />
      </Form.Item>
    </>
  );
}

export function ActiveField({ mode }: { mode: 'create' | 'edit' }) {
  const { t } = useTranslation();
  if (mode !== 'edit') return null;
  return (
    <Form.Item name="active" label={t('common.active')} valuePropName="checked">
      <Switch />
    </Form.Item>
  );
}

interface ActiveRow {
  active: boolean;
  updatedAt: string;
}

interface OrgRow extends ActiveRow {
  code: string;
}

export function codeColumn<T extends OrgRow>(t: TFunction): ColumnsType<T>[number] {
  return { title: t('common.code'), dataIndex: 'code', key: 'code' };
}

export function tailColumns<T extends ActiveRow>(t: TFunction): ColumnsType<T> {
  return [
    {
      title: t('common.status'),
      dataIndex: 'active',
      key: 'active',
      render: (v: boolean) => <ActiveTag active={v} />,
    },
    {
      title: t('common.updatedAt'),
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      render: (v: string) => formatTime(v),
    },
  ];
}
