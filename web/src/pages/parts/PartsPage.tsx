import { DownloadOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { partsApi } from '../../api/parts';
import type { Part } from '../../api/parts-types';
import { ActiveTag, CrudPage } from '../../components/CrudPage';
import { useApiErrorHandler } from '../../lib/errors';
import { fenFieldProps, formatFen } from '../../lib/format';
import { PARTS } from '../../lib/parts-lookups';
import { useCan } from '../../lib/session';
import { PartFlags } from './common';

type Values = {
  code: string;
  name: string;
  unit?: string;
  wear?: boolean;
  consumable?: boolean;
  serialised?: boolean;
  costFen: number;
  listFen: number;
  supplier?: string | null;
  active?: boolean;
};

const toValues = (p: Part): Values => ({
  code: p.code,
  name: p.name,
  unit: p.unit,
  wear: p.wear,
  consumable: p.consumable,
  serialised: p.serialised,
  costFen: p.costFen,
  listFen: p.listFen,
  supplier: p.supplier,
  active: p.active,
});

type KindFilter = 'wear' | 'consumable';

function PartFields({ mode }: { mode: 'create' | 'edit' }) {
  const { t } = useTranslation();
  const required = { required: true, message: t('users.required') };
  const money = (name: keyof Values, label: string) => (
    <Form.Item name={name} label={label} rules={[required]} {...fenFieldProps}>
      <InputNumber min={0} precision={2} prefix="¥" style={{ width: '100%' }} />
    </Form.Item>
  );
  return (
    <Row gutter={16}>
      <Col span={10}>
        <Form.Item
          name="code"
          label={t('parts.code')}
          rules={[
            { ...required, whitespace: true },
            { pattern: /^[A-Za-z0-9_.-]+$/, message: t('parts.codeRule') },
          ]}
        >
          <Input />
        </Form.Item>
      </Col>
      <Col span={14}>
        <Form.Item name="name" label={t('parts.name')} rules={[{ ...required, whitespace: true }]}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="unit" label={t('parts.unit')}>
          <Input placeholder="件" />
        </Form.Item>
      </Col>
      <Col span={9}>{money('costFen', t('parts.costFen'))}</Col>
      <Col span={9}>{money('listFen', t('parts.listFen'))}</Col>
      <Col span={24}>
        <Form.Item name="supplier" label={t('parts.supplier')}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="wear" label={t('parts.wear')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="consumable" label={t('parts.consumable')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item
          name="serialised"
          label={t('parts.serialised')}
          tooltip={t('parts.serialisedHint')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
      </Col>
      {mode === 'edit' && (
        <Col span={6}>
          <Form.Item name="active" label={t('common.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}

/** 备件目录: parts with wear/consumable flags and cost/list prices. */
export default function PartsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const handleError = useApiErrorHandler();
  const [kind, setKind] = useState<KindFilter>();
  const [exporting, setExporting] = useState(false);
  const filter = kind ? { [kind]: true } : {};

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await partsApi.exportXlsx(filter);
    } catch (err) {
      handleError(err);
    } finally {
      setExporting(false);
    }
  };

  const columns: ColumnsType<Part> = [
    { title: t('parts.code'), dataIndex: 'code', key: 'code' },
    { title: t('parts.name'), dataIndex: 'name', key: 'name' },
    { title: t('parts.unit'), dataIndex: 'unit', key: 'unit' },
    { title: t('parts.flags'), key: 'flags', render: (_, p) => <PartFlags part={p} /> },
    {
      title: t('parts.cost'),
      dataIndex: 'costFen',
      key: 'costFen',
      align: 'right',
      render: (v: number) => formatFen(v),
    },
    {
      title: t('parts.list'),
      dataIndex: 'listFen',
      key: 'listFen',
      align: 'right',
      render: (v: number) => formatFen(v),
    },
    { title: t('parts.supplier'), dataIndex: 'supplier', key: 'supplier' },
    {
      title: t('common.status'),
      dataIndex: 'active',
      key: 'active',
      render: (v: boolean) => <ActiveTag active={v} />,
    },
  ];

  return (
    <CrudPage<Part, Values>
      resource={PARTS}
      title={t('parts.title')}
      createLabel={t('parts.create')}
      createTestId="create-part"
      search={{ placeholder: t('parts.searchPlaceholder'), debounceMs: 300 }}
      list={(p) => partsApi.list(p)}
      extraParams={filter}
      filters={
        <Select<KindFilter>
          allowClear
          aria-label={t('parts.kindFilter')}
          placeholder={t('parts.kindFilter')}
          value={kind}
          onChange={setKind}
          options={[
            { value: 'wear', label: t('parts.wear') },
            { value: 'consumable', label: t('parts.consumable') },
          ]}
          style={{ width: 140 }}
        />
      }
      toolbar={
        <Button icon={<DownloadOutlined aria-hidden />} loading={exporting} onClick={() => void exportXlsx()}>
          {t('parts.export')}
        </Button>
      }
      columns={columns}
      canWrite={can('part.write')}
      form={{
        createTitle: t('parts.create'),
        editTitle: t('parts.editTitle'),
        modalWidth: 640,
        fields: (mode) => <PartFields mode={mode} />,
        toValues,
        createDefaults: { wear: false, consumable: false, serialised: false },
        create: (body) => partsApi.create(body),
        update: (p, patch) => partsApi.update(p.id, { ...patch, version: p.version }),
        fetchOne: partsApi.get,
      }}
    />
  );
}
